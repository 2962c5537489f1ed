import type { MxLink, ReqEntry, WorkspaceIndex } from '../index';
import { namesReq } from './ids';

/** One REQ of a SPEC with what covers it: code and test references, and the ACs mapping it. */
export interface ReqCoverage {
  readonly entry: ReqEntry;
  /** `@MX` references from code outside test files. */
  readonly refs: readonly MxLink[];
  /** `@MX` references from test files. */
  readonly testRefs: readonly MxLink[];
  /** The SPEC's ACs that map this REQ (or the group it belongs to). */
  readonly acs: readonly ReqEntry[];
}

/**
 * The REQ-level chain of one SPEC (SPEC -> REQ -> code, tests, ACs), REQs in declaration order,
 * each ID once. The CLI's JSON, the sidebar and the code lens read it.
 */
export function reqCoverage(index: WorkspaceIndex, specId: string): ReqCoverage[] {
  const all = index.reqsOf(specId);
  const acs = all.filter((r) => r.decl.kind === 'AC');
  const links = index.mxRefsTo(specId).filter((l) => l.ref.kind === 'REQ');
  const seen = new Set<string>();
  const out: ReqCoverage[] = [];
  for (const entry of all) {
    if (entry.decl.kind !== 'REQ' || seen.has(entry.decl.id)) continue;
    seen.add(entry.decl.id);
    const mine = links.filter((l) => namesReq(l.ref.id, entry.decl.id));
    out.push({
      entry,
      refs: mine.filter((l) => !l.test),
      testRefs: mine.filter((l) => l.test),
      acs: acs.filter((ac) => ac.decl.maps.some((m) => namesReq(m.id, entry.decl.id))),
    });
  }
  return out;
}
