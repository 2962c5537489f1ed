import type { SpecEntry } from '../index';
import { finding, type Finding, type RuleContext } from './context';

/** `spec/frontmatter-invalid` and `spec/id-mismatch`: what the parser found in the document. */
export function checkDocumentProblems(_ctx: RuleContext, spec: SpecEntry): Finding[] {
  return spec.doc.problems.map((p) => finding(p.code, spec.path, p.range, p.message, p.data ? { data: p.data, severity: p.severity } : { severity: p.severity }));
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
        suggestion ? { data: { kind: 'replace-id', suggestion } } : {},
      );
    });
}

const DEPENDS = new Set(['depends_on', 'dependencies']);

/** `spec/dependency-cycle`: the dependency entries of this SPEC that close a cycle. */
export function checkDependencyCycles(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const out: Finding[] = [];
  for (const ref of spec.doc.references) {
    if (!DEPENDS.has(ref.field)) continue;
    const cycle = pathBack(ctx, ref.id, spec.id);
    if (cycle) {
      out.push(finding('spec/dependency-cycle', spec.path, ref.range, `Dependency cycle: ${[spec.id, ...cycle].join(' → ')}.`));
    }
  }
  return out;
}

/** A dependency path from `from` back to `target`, breadth first, or undefined. */
function pathBack(ctx: RuleContext, from: string, target: string): string[] | undefined {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === target) {
      const path: string[] = [];
      for (let at: string | null | undefined = id; at != null; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const spec of ctx.index.specsWithId(id)) {
      for (const ref of spec.doc.references) {
        if (DEPENDS.has(ref.field) && !previous.has(ref.id)) {
          previous.set(ref.id, id);
          queue.push(ref.id);
        }
      }
    }
  }
  return undefined;
}
