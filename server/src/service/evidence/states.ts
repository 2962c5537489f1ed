import type { WorkspaceIndex } from '../index';
import { namesReq } from '../mx/ids';
import { bindTests, type Route, type TestRef } from './binding';
import { matchResults, type TestOutcome } from './matching';
import type { Outcome, ResultFile, ResultFormat } from './resultTypes';

/**
 * Where a SPEC, REQ or AC stands: `verified` (linked tests ran, none failed), `failing` (one
 * failed or errored), `skipped` (they were only skipped), `not-run` (tests exist, no result for
 * them), `untested` (no linked test at all).
 */
export type EvidenceState = 'verified' | 'failing' | 'skipped' | 'not-run' | 'untested';

/** Worst last: a SPEC takes the worst state of its REQs and ACs. */
export const STATE_ORDER: readonly EvidenceState[] = ['verified', 'skipped', 'not-run', 'untested', 'failing'];

/** A test linked to a SPEC, REQ or AC, with its result. */
export interface LinkedTest {
  readonly path: string;
  /** 0-based line of its name. */
  readonly line: number;
  /** Its name as a person reads it: `Suite > name`. */
  readonly name: string;
  readonly route: Route;
  /** The AC through which it counts for a REQ (the AC maps the REQ). */
  readonly via?: string;
  readonly outcome: Outcome | 'not-run';
  readonly result?: TestOutcome;
}

export interface EvidenceCounts {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly notRun: number;
}

/** The evidence of one SPEC, REQ or AC. */
export interface Evidence {
  readonly state: EvidenceState;
  /** The results are older than the newest change of a linked test or code file. */
  readonly stale: boolean;
  readonly counts: EvidenceCounts;
  /** Failing tests first, then by file and line. */
  readonly tests: readonly LinkedTest[];
}

/** A result file as read, for summaries. */
export interface ResultFileSummary {
  readonly path: string;
  readonly format?: ResultFormat;
  readonly cases: number;
  readonly problem?: string;
}

/** What every SPEC, REQ and AC's evidence is, from one set of result files. */
export interface EvidenceReport {
  readonly files: readonly ResultFileSummary[];
  readonly cases: number;
  /** Cases that matched no test of the workspace (or several). */
  readonly unmatched: number;
  /** The evidence of a SPEC: the worst of its REQs and ACs (its own tests when it declares none). */
  spec(specId: string): Evidence;
  /** The evidence of one declared REQ or AC of a SPEC. */
  item(specId: string, id: string): Evidence;
  /** How many REQs and ACs of the workspace are in each state. */
  readonly totals: Readonly<Record<EvidenceState, number>>;
}

/**
 * Binds the workspace's tests to what they verify, matches the result files' cases to those
 * tests, and gives every SPEC, REQ and AC a state. A REQ's tests include those of the ACs that
 * map it. `modifiedAt` (milliseconds, by workspace path) marks results older than a linked
 * file as stale; without it nothing is stale.
 */
export function computeEvidence(index: WorkspaceIndex, files: readonly ResultFile[], modifiedAt?: (path: string) => number | undefined): EvidenceReport {
  const bound = bindTests(index);
  const matched = matchResults(index, bound.tests, files);
  const byItem = new Map<string, Map<string, { key: string; route: Route; via?: string }>>();
  const itemKey = (specId: string, id: string | undefined): string => `${specId}\0${id ?? ''}`;
  const link = (specId: string, id: string | undefined, key: string, route: Route, via?: string): void => {
    const k = itemKey(specId, id);
    let tests = byItem.get(k);
    if (!tests) byItem.set(k, (tests = new Map()));
    if (!tests.has(key)) tests.set(key, { key, route, ...(via !== undefined ? { via } : {}) });
  };
  for (const [key, list] of bound.bindings) for (const b of list) link(b.specId, b.id, key, b.route);
  const cache = new Map<string, Evidence>();
  /** The evidence under key `k`, with the tests of `extra` keys added (`via` names them when `tagged`). */
  const evidenceOf = (k: string, specId: string, id: string | undefined, extra: readonly string[], tagged: boolean): Evidence => {
    let e = cache.get(k);
    if (!e) {
      const links = [...(byItem.get(k)?.values() ?? [])];
      const seen = new Set(links.map((l) => l.key));
      for (const other of extra) {
        for (const l of byItem.get(other)?.values() ?? []) {
          if (seen.has(l.key)) continue;
          seen.add(l.key);
          links.push(tagged ? { ...l, via: other.slice(other.indexOf('\0') + 1) } : l);
        }
      }
      e = build(index, bound.tests, matched.outcomes, links, codeFiles(index, specId, id), modifiedAt);
      cache.set(k, e);
    }
    return e;
  };
  const itemEvidence = (specId: string, id: string): Evidence => {
    const entries = index.reqsOf(specId);
    const entry = entries.find((r) => r.decl.id === id);
    // A REQ is proven by its own tests and by those of the ACs mapping it.
    const acs = entry?.decl.kind === 'REQ' ? entries.filter((r) => r.decl.kind === 'AC' && r.decl.maps.some((m) => namesReq(m.id, id))).map((r) => itemKey(specId, r.decl.id)) : [];
    return evidenceOf(itemKey(specId, id), specId, id, acs, true);
  };
  const specCache = new Map<string, Evidence>();
  const specEvidence = (specId: string): Evidence => {
    let e = specCache.get(specId);
    if (e) return e;
    const ids = [...new Set(index.reqsOf(specId).map((r) => r.decl.id))];
    const own = evidenceOf(itemKey(specId, undefined), specId, undefined, ids.map((id) => itemKey(specId, id)), false);
    if (ids.length === 0) e = own;
    else {
      let state: EvidenceState = 'verified';
      let stale = false;
      for (const id of ids) {
        const item = itemEvidence(specId, id);
        if (STATE_ORDER.indexOf(item.state) > STATE_ORDER.indexOf(state)) state = item.state;
        stale ||= item.stale;
      }
      e = { ...own, state, stale };
    }
    specCache.set(specId, e);
    return e;
  };
  let totals: Record<EvidenceState, number> | undefined;
  return {
    files: files.map((f) => ({ path: f.path, ...(f.format ? { format: f.format } : {}), cases: f.cases.length, ...(f.problem ? { problem: f.problem } : {}) })),
    cases: matched.cases,
    unmatched: matched.unmatched,
    spec: specEvidence,
    item: itemEvidence,
    get totals() {
      if (!totals) {
        totals = { verified: 0, failing: 0, skipped: 0, 'not-run': 0, untested: 0 };
        for (const spec of index.specs()) for (const id of new Set(index.reqsOf(spec.id).map((r) => r.decl.id))) totals[itemEvidence(spec.id, id).state]++;
      }
      return totals;
    },
  };
}

/** Files of the code a SPEC (or one of its REQs/ACs) links, for staleness. */
function codeFiles(index: WorkspaceIndex, specId: string, id: string | undefined): string[] {
  const links = id === undefined ? index.mxRefsTo(specId) : index.mxRefsTo(specId, id);
  return [...new Set(links.filter((l) => !l.test).map((l) => l.path))];
}

function build(
  index: WorkspaceIndex,
  tests: ReadonlyMap<string, TestRef>,
  outcomes: ReadonlyMap<string, TestOutcome>,
  links: readonly { key: string; route: Route; via?: string }[],
  code: readonly string[],
  modifiedAt: ((path: string) => number | undefined) | undefined,
): Evidence {
  const linked: LinkedTest[] = [];
  const counts = { tests: 0, passed: 0, failed: 0, skipped: 0, notRun: 0 };
  let oldestResult = Infinity;
  const files = new Set(code);
  for (const l of links) {
    const ref = tests.get(l.key);
    if (!ref) continue;
    const result = outcomes.get(l.key);
    const outcome = result?.outcome ?? 'not-run';
    counts.tests++;
    if (outcome === 'passed') counts.passed++;
    else if (outcome === 'failed' || outcome === 'error') counts.failed++;
    else if (outcome === 'skipped') counts.skipped++;
    else counts.notRun++;
    if (result?.resultTime !== undefined) oldestResult = Math.min(oldestResult, result.resultTime);
    files.add(ref.path);
    linked.push({ path: ref.path, line: ref.decl.range.start.line, name: displayName(index, ref), route: l.route, ...(l.via !== undefined ? { via: l.via } : {}), outcome, ...(result ? { result } : {}) });
  }
  const failing = (t: LinkedTest): number => (t.outcome === 'failed' || t.outcome === 'error' ? 0 : 1);
  linked.sort((a, b) => failing(a) - failing(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  const state: EvidenceState = counts.failed > 0 ? 'failing' : counts.passed > 0 ? 'verified' : counts.skipped > 0 ? 'skipped' : counts.tests > 0 ? 'not-run' : 'untested';
  let stale = false;
  if (modifiedAt && Number.isFinite(oldestResult)) for (const f of files) if ((modifiedAt(f) ?? 0) > oldestResult) stale = true;
  return { state, stale, counts, tests: linked };
}

/** `Suite > name` for a test: its classes or `describe` titles, then its name or title. */
export function displayName(index: WorkspaceIndex, ref: TestRef): string {
  const suites = index.facts(ref.path)?.tests?.suites ?? [];
  return [...ref.decl.suites.map((i) => suites[i]?.name ?? ''), ref.decl.title ?? ref.decl.name].join(' > ');
}

