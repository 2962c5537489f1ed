import type { SpecEntry } from '../index';
import { COMPANIONS } from '../analyze';
import { finding, type Finding, type RuleContext } from './context';

/** Statuses past draft: a SPEC in one of them should have code. */
export const IMPLEMENTED_STATUSES: ReadonlySet<string> = new Set(['active', 'in-progress', 'implemented', 'completed']);

/** Code markers (claims) that belong to a SPEC, by type. */
function claimTypes(ctx: RuleContext, spec: SpecEntry): Map<string, number> {
  const types = new Map<string, number>();
  for (const links of ctx.index.linksOf(spec.id).values()) {
    for (const link of links) if (link.tag.role === 'claim') types.set(link.tag.type, (types.get(link.tag.type) ?? 0) + 1);
  }
  return types;
}

/** `spec/no-implementation`: past draft and no marker in code belongs to it. */
export function checkNoImplementation(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const status = spec.doc.status;
  if (status === undefined || !IMPLEMENTED_STATUSES.has(status) || claimTypes(ctx, spec).size > 0) return [];
  return [finding('spec/no-implementation', spec.path, spec.doc.titleRange, `SPEC ${spec.id} is ${status}, but no marker in code belongs to it.`)];
}

/** `chain/missing-test`: code markers belong to the SPEC but no TEST marker does. */
export function checkMissingTest(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const types = claimTypes(ctx, spec);
  if (types.size === 0 || types.has('TEST')) return [];
  const summary = [...types].map(([t, n]) => `${n} @${t}`).join(', ');
  return [finding('chain/missing-test', spec.path, spec.doc.titleRange, `SPEC ${spec.id} has code (${summary}) but no @TEST marker.`)];
}

/** `chain/declared-missing`: the SPEC declares `@TYPE:ID` and no code or document carries it. */
export function checkDeclaredMissing(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const carried = new Set<string>();
  for (const id of [spec.id, ...declaredIds(ctx, spec)]) {
    for (const links of ctx.index.linksOf(id).values()) for (const link of links) carried.add(`${link.tag.type}:${link.tag.id}`);
  }
  const out: Finding[] = [];
  for (const path of [spec.path, ...companions(ctx, spec)]) {
    for (const tag of ctx.index.facts(path)?.tags ?? []) {
      if (tag.role !== 'declaration' || tag.type === 'SPEC') continue;
      const key = `${tag.type}:${tag.id}`;
      if (carried.has(key)) continue;
      out.push(finding('chain/declared-missing', path, tag.range, `SPEC ${spec.id} declares @${key}, but no code carries it yet.`));
    }
  }
  return out;
}

function declaredIds(ctx: RuleContext, spec: SpecEntry): Set<string> {
  const ids = new Set<string>();
  for (const path of [spec.path, ...companions(ctx, spec)]) {
    for (const tag of ctx.index.facts(path)?.tags ?? []) if (tag.role === 'declaration' && tag.type !== 'SPEC') ids.add(tag.id);
  }
  return ids;
}

/** `plan.md`, `acceptance.md`, ... in the SPEC's folder. */
export function companions(ctx: RuleContext, spec: SpecEntry): string[] {
  const dir = spec.path.slice(0, spec.path.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const name of COMPANIONS) if (ctx.index.facts(dir + name)) out.push(dir + name);
  return out;
}
