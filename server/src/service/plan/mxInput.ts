import type { WorkspaceIndex } from '../index';
import type { PlanInput } from './facts';

/**
 * The `@MX` part of a SPEC's plan input: its REQ/AC declarations and the `@MX` references code
 * holds. Undefined for a SPEC of the tag dialect: one that `@TYPE:ID` markers in code or in its
 * own text already tie to code, or that neither declares REQ/AC IDs nor is named by an `@MX` line.
 */
export function mxPlanInput(index: WorkspaceIndex, specId: string, tagChain: PlanInput['chain']): PlanInput['mx'] {
  if (tagChain.existing.length > 0 || tagChain.declared.length > 0) return undefined;
  const reqs = index.reqsOf(specId);
  const links = index.mxRefsTo(specId);
  if (reqs.length === 0 && links.length === 0) return undefined;
  const seen = new Set<string>();
  const declared = [];
  for (const r of reqs) {
    if (seen.has(r.decl.id)) continue;
    seen.add(r.decl.id);
    declared.push({ kind: r.decl.kind, id: r.decl.id, text: r.decl.text, path: r.path, line: r.decl.range.start.line + 1, maps: [...new Set(r.decl.maps.map((m) => m.id))] });
  }
  const references = links.map((l) => ({ id: l.ref.kind === 'SPEC' ? specId : l.ref.id, path: l.path, line: l.ref.range.start.line + 1, test: l.test }));
  return { declared, references };
}
