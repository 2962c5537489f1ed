import type { SpecEntry } from '../index';
import { normalStatus } from '../specSchema';
import { finding, type Finding, type RuleContext } from './context';

/** Statuses past draft: a SPEC in one of them should have code. */
export const IMPLEMENTED_STATUSES: ReadonlySet<string> = new Set(['active', 'in-progress', 'implemented', 'completed']);

/** `spec/no-implementation`: past draft and no marker in code (`@TYPE:ID` or `@MX`) belongs to it. */
export function checkNoImplementation(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const status = spec.doc.status === undefined ? undefined : normalStatus(spec.doc.status);
  if (status === undefined || !IMPLEMENTED_STATUSES.has(status) || ctx.index.claimTypes(spec.id).size > 0 || ctx.index.mxRefsTo(spec.id).length > 0) return [];
  return [finding('spec/no-implementation', spec.path, spec.doc.titleRange, `SPEC ${spec.id} is ${spec.doc.status}, but no marker in code belongs to it.`)];
}

/** `chain/missing-test`: code markers belong to the SPEC but no TEST marker does. */
export function checkMissingTest(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const types = ctx.index.claimTypes(spec.id);
  if (types.size === 0 || types.has('TEST')) return [];
  const summary = [...types].map(([t, n]) => `${n} @${t}`).join(', ');
  return [finding('chain/missing-test', spec.path, spec.doc.titleRange, `SPEC ${spec.id} has code (${summary}) but no @TEST marker.`)];
}

/**
 * `chain/declared-missing`, per file of a SPEC (the document or a companion): a declared
 * `@TYPE:ID` that no code or document outside the SPEC carries.
 */
export function checkDeclaredMissing(ctx: RuleContext, path: string): Finding[] {
  const declarations = ctx.index.facts(path)?.tags.filter((t) => t.role === 'declaration' && t.type !== 'SPEC') ?? [];
  const owner = declarations.length > 0 ? ctx.index.specOfFile(path) : undefined;
  if (owner === undefined) return [];
  return declarations
    .filter((tag) => !ctx.index.isCarried(tag.type, tag.id))
    .map((tag) => finding('chain/declared-missing', path, tag.range, `SPEC ${owner} declares @${tag.type}:${tag.id}, but no code carries it yet.`));
}
