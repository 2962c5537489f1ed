import type { SpecEntry } from '../index';
import { frontmatterProblems } from '../specSchema';
import { finding, type Finding, type RuleContext } from './context';

/**
 * `spec/frontmatter-invalid` and `spec/id-mismatch`: what the parser found in the document, and
 * what its frontmatter lacks for the template it follows in this project's MoAI release.
 */
export function checkDocumentProblems(ctx: RuleContext, spec: SpecEntry): Finding[] {
  return [...spec.doc.problems, ...frontmatterProblems(spec.doc, ctx.index.moaiVersion())].map((p) =>
    finding(p.code, spec.path, p.range, p.message, p.data ? { data: p.data, severity: p.severity } : { severity: p.severity }),
  );
}

/** `spec/duplicate-id`: reported on each document that shares its ID. */
export function checkDuplicateId(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const same = ctx.index.specsWithId(spec.id);
  if (same.length < 2) return [];
  const others = same.filter((s) => s.path !== spec.path);
  return [
    finding('spec/duplicate-id', spec.path, spec.doc.idRange, `SPEC ID ${spec.id} is also used by ${others.map((o) => o.path).join(', ')}.`, {
      related: others.map((o) => ({ path: o.path, range: o.doc.idRange, message: `also ${spec.id}` })),
    }),
  ];
}

/** `spec/unknown-dependency`: `depends_on`/`blocks`/`related_specs` naming no SPEC. */
export function checkUnknownDependencies(ctx: RuleContext, spec: SpecEntry): Finding[] {
  return spec.doc.references
    .filter((ref) => ctx.index.specsWithId(ref.id).length === 0)
    .map((ref) => {
      const suggestion = ctx.closestId(ref.id);
      return finding(
        'spec/unknown-dependency',
        spec.path,
        ref.range,
        `${ref.field} names ${ref.id}, which is no SPEC in this workspace.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        suggestion ? { data: { kind: 'replace-id', suggestion }, target: ref.id } : { target: ref.id },
      );
    });
}

const DEPENDS = new Set(['depends_on', 'dependencies']);

/** `spec/dependency-cycle`: the dependency entries of this SPEC that close a cycle. */
export function checkDependencyCycles(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const out: Finding[] = [];
  let toTarget: Map<string, string> | undefined;
  for (const ref of spec.doc.references) {
    if (!DEPENDS.has(ref.field)) continue;
    toTarget ??= stepsTo(ctx, spec.id);
    if (ref.id !== spec.id && !toTarget.has(ref.id)) continue;
    const cycle = [spec.id, ref.id];
    for (let at = ref.id; at !== spec.id; ) cycle.push((at = toTarget.get(at)!));
    out.push(finding('spec/dependency-cycle', spec.path, ref.range, `Dependency cycle: ${cycle.join(' → ')}.`));
  }
  return out;
}

/**
 * For every SPEC that depends on `target` directly or through others, the next SPEC on a
 * shortest way there: one breadth-first walk of the reversed graph, however many entries ask.
 */
function stepsTo(ctx: RuleContext, target: string): Map<string, string> {
  const dependents = dependentsOf(ctx);
  const next = new Map<string, string>();
  const queue = [target];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const dependent of dependents.get(id) ?? []) {
      if (dependent === target || next.has(dependent)) continue;
      next.set(dependent, id);
      queue.push(dependent);
    }
  }
  return next;
}

const reversed = new WeakMap<object, { readonly generation: number; readonly dependents: ReadonlyMap<string, readonly string[]> }>();

/** SPEC ID -> the IDs of the SPECs that depend on it, rebuilt when a SPEC changes. */
function dependentsOf(ctx: RuleContext): ReadonlyMap<string, readonly string[]> {
  const cached = reversed.get(ctx.index);
  if (cached && cached.generation === ctx.index.specGeneration) return cached.dependents;
  const dependents = new Map<string, Set<string>>();
  for (const spec of ctx.index.specs()) {
    for (const ref of spec.doc.references) {
      if (!DEPENDS.has(ref.field)) continue;
      let set = dependents.get(ref.id);
      if (!set) dependents.set(ref.id, (set = new Set()));
      set.add(spec.id);
    }
  }
  const lists = new Map<string, readonly string[]>();
  for (const [id, set] of dependents) lists.set(id, [...set]);
  reversed.set(ctx.index, { generation: ctx.index.specGeneration, dependents: lists });
  return lists;
}

/** `spec/no-specs`: said once, where the store is missing (the `.gitignore` line, else the first link). */
export function checkNoSpecs(ctx: RuleContext, path: string): Finding[] {
  const store = ctx.missingStore();
  return store?.path === path ? [finding('spec/no-specs', path, store.range, store.message)] : [];
}
