import type { MxLink, ReqEntry, WorkspaceIndex } from '../index';
import { reqCoverage, type ReqCoverage } from '../mx/coverage';
import { namesReq } from '../mx/ids';

/** What points at one REQ or AC of a SPEC: `@MX` references from code and from tests, and (for a REQ) the ACs mapping it. */
export interface IdCoverage {
  readonly code: readonly MxLink[];
  readonly tests: readonly MxLink[];
  readonly acs: readonly ReqEntry[];
}

/**
 * The references and ACs of REQ/AC `id` of SPEC `specId`, in path then line order: for a REQ
 * what the SPEC's REQ coverage (`mx/coverage.ts`) says, for an AC the `@MX` lines naming it.
 */
export function idCoverage(index: WorkspaceIndex, specId: string, id: string): IdCoverage {
  const req = reqCoverage(index, specId).find((c) => c.entry.decl.id === id);
  if (req) return { code: [...req.refs].sort(byPlace), tests: [...req.testRefs].sort(byPlace), acs: req.acs };
  const links = [...index.mxRefsTo(specId, id)].sort(byPlace);
  return { code: links.filter((l) => !l.test), tests: links.filter((l) => l.test), acs: [] };
}

/** `2 code · 1 test · 3 AC` for a REQ; `2 code · 1 test` for an AC. */
export function formatCoverage(kind: 'REQ' | 'AC', coverage: IdCoverage): string {
  const parts = [`${coverage.code.length} code`, `${coverage.tests.length} test`];
  if (kind === 'REQ') parts.push(`${coverage.acs.length} AC`);
  return parts.join(' · ');
}

/** How many of a SPEC's REQs some `@MX` line (in code or a test) references, of how many it declares. */
export function specReqCoverage(index: WorkspaceIndex, specId: string): { readonly referenced: number; readonly declared: number } {
  return countCoverage(reqCoverage(index, specId));
}

/**
 * The line `REQs: 3 of 5 referenced by @MX lines` of a SPEC (`@MX` in backticks for a hover's
 * markdown), or undefined for a SPEC that declares no REQ, or where no `@MX` line links to any
 * SPEC (a workspace of the tag dialect: its REQs are never referenced that way).
 */
export function reqCoverageLine(index: WorkspaceIndex, specId: string, markdown = false): string | undefined {
  const { referenced, declared } = specReqCoverage(index, specId);
  if (declared === 0 || !index.hasMxLinks()) return undefined;
  return `REQs: ${referenced} of ${declared} referenced by ${markdown ? '`@MX`' : '@MX'} lines`;
}

/** Referenced and declared REQs of a SPEC's REQ coverage. */
export function countCoverage(reqs: readonly ReqCoverage[]): { readonly referenced: number; readonly declared: number } {
  return { referenced: reqs.filter((r) => r.refs.length + r.testRefs.length > 0).length, declared: reqs.length };
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

/**
 * The declarations an ID names in a SPEC: its own, or for a group ID (`REQ-32`) that is not
 * declared itself, those of its members (`REQ-32.1`, `REQ-32.2`).
 */
export function declarationsNamed(index: WorkspaceIndex, specId: string, id: string): readonly ReqEntry[] {
  const own = index.reqDeclarations(specId, id);
  return own.length > 0 ? own : index.reqsOf(specId).filter((r) => namesReq(id, r.decl.id));
}

/** Orders links by path, then line and column. */
export function byPlace(a: MxLink, b: MxLink): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.ref.range.start.line - b.ref.range.start.line || a.ref.range.start.character - b.ref.range.start.character;
}
