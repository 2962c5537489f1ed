import { evidenceLensTitle } from '../evidence/present';
import type { EvidenceReport } from '../evidence/states';
import type { WorkspaceIndex } from '../index';
import type { Range } from '../types';
import { chainCounts, formatCounts } from './chain';
import { referencesTo } from './dialects';
import { reqCoverage } from '../mx/coverage';
import { specSubject } from './refs';
import { byPlace, formatCoverage, reqCoverageLine } from './reqCoverage';
import type { Location } from './types';

/** A lens on a SPEC title: the chain counts, and the markers to show when clicked. */
export interface ChainLens {
  readonly specId: string;
  readonly range: Range;
  readonly title: string;
  readonly locations: readonly Location[];
}

/**
 * Code lenses of a SPEC's files: one on the SPEC document's title (its chain, or its REQ
 * coverage), and one on each REQ declaration (`2 code · 1 test · 3 AC`) showing them when clicked;
 * with test evidence, one more on each REQ/AC declaration (`3 tests · 1 failing`) showing its tests.
 */
export function getCodeLenses(index: WorkspaceIndex, path: string, evidence?: EvidenceReport): ChainLens[] {
  const facts = index.facts(path);
  const doc = facts?.spec;
  const out: ChainLens[] = [];
  if (doc?.id !== undefined) {
    const counts = formatCounts(chainCounts(index, doc.id)) ?? reqCoverageLine(index, doc.id);
    const locations = referencesTo(index, specSubject(doc.id));
    out.push({ specId: doc.id, range: doc.titleRange, title: counts ?? 'no code markers yet', locations });
  }
  const specId = doc?.id ?? index.specOfFile(path);
  if (specId === undefined) return out;
  const coverage = new Map(reqCoverage(index, specId).map((c) => [c.entry.decl.id, c]));
  for (const decl of facts?.reqs ?? []) {
    const c = decl.kind === 'REQ' ? coverage.get(decl.id) : undefined;
    if (!c) continue;
    const locations: Location[] = [...c.refs, ...c.testRefs].sort(byPlace).map((l) => ({ path: l.path, range: l.ref.range }));
    for (const ac of c.acs) locations.push({ path: ac.path, range: ac.decl.range });
    out.push({ specId, range: decl.range, title: formatCoverage('REQ', { code: c.refs, tests: c.testRefs, acs: c.acs }), locations });
  }
  if (evidence) {
    const seen = new Set<string>();
    for (const entry of index.reqsOf(specId)) {
      if (entry.path !== path || seen.has(entry.decl.id)) continue;
      seen.add(entry.decl.id);
      const e = evidence.item(specId, entry.decl.id);
      out.push({ specId, range: entry.decl.range, title: evidenceLensTitle(e), locations: e.tests.map((t) => ({ path: t.path, range: { start: { line: t.line, character: 0 }, end: { line: t.line, character: 0 } } })) });
    }
  }
  return out;
}
