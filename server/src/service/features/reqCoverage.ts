import type { MxLink, ReqEntry, WorkspaceIndex } from '../index';

/** What points at one REQ or AC of a SPEC: `@MX` references from code and from tests, and (for a REQ) the ACs mapping it. */
export interface ReqCoverage {
  readonly code: readonly MxLink[];
  readonly tests: readonly MxLink[];
  readonly acs: readonly ReqEntry[];
}

/** The references and ACs of REQ/AC `reqId` of SPEC `specId`, in path then line order. */
export function reqCoverage(index: WorkspaceIndex, specId: string, reqId: string): ReqCoverage {
  const links = [...index.mxRefsTo(specId, reqId)].sort(byPlace);
  const acs = index.reqsOf(specId).filter((r) => r.decl.kind === 'AC' && r.decl.maps.some((m) => m.id === reqId));
  return { code: links.filter((l) => !l.test), tests: links.filter((l) => l.test), acs };
}

/** `2 code · 1 test · 3 AC` for a REQ; `1 test` for an AC; `no references yet` when nothing points at it. */
export function formatCoverage(kind: 'REQ' | 'AC', coverage: ReqCoverage): string {
  const parts = [`${coverage.code.length} code`, `${coverage.tests.length} test`];
  if (kind === 'REQ') parts.push(`${coverage.acs.length} AC`);
  return parts.join(' · ');
}

/** How many of a SPEC's REQs some `@MX` line references, of how many it declares. */
export function specReqCoverage(index: WorkspaceIndex, specId: string): { readonly referenced: number; readonly declared: number } {
  const declared = new Set<string>();
  for (const r of index.reqsOf(specId)) if (r.decl.kind === 'REQ') declared.add(r.decl.id);
  const referenced = new Set<string>();
  for (const link of index.mxRefsTo(specId)) if (link.ref.kind === 'REQ' && declared.has(link.ref.id)) referenced.add(link.ref.id);
  return { referenced: referenced.size, declared: declared.size };
}

/** The REQ and AC declarations of a SPEC, first declaration of each ID only, in file order. */
export function uniqueReqs(index: WorkspaceIndex, specId: string): ReqEntry[] {
  const seen = new Set<string>();
  const out: ReqEntry[] = [];
  for (const r of index.reqsOf(specId)) {
    if (seen.has(r.decl.id)) continue;
    seen.add(r.decl.id);
    out.push(r);
  }
  return out;
}

export function byPlace(a: { readonly path: string; readonly ref: { readonly range: { readonly start: { readonly line: number; readonly character: number } } } }, b: typeof a): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.ref.range.start.line - b.ref.range.start.line || a.ref.range.start.character - b.ref.range.start.character;
}
