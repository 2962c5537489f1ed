import type { WorkspaceIndex } from '../index';
import { firstLine } from './rules';
import { STATE_ORDER, type Evidence, type EvidenceReport, type EvidenceState } from './states';

/** A linked test in the CLI's JSON: 1-based line, its outcome and, when it did not pass, what it said. */
export interface JsonLinkedTest {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly outcome: string;
  readonly route: string;
  readonly via?: string;
  /** The reported case that decided the outcome (`test_x[2]`), when it differs from the name. */
  readonly case?: string;
  readonly message?: string;
  readonly resultFile?: string;
}

/** `evidence` on a SPEC, REQ or AC in `check --format json`. */
export interface JsonEvidence {
  readonly state: EvidenceState;
  readonly stale: boolean;
  readonly counts: Evidence['counts'];
  readonly tests: readonly JsonLinkedTest[];
}

export function evidenceJson(e: Evidence): JsonEvidence {
  return {
    state: e.state,
    stale: e.stale,
    counts: e.counts,
    tests: e.tests.map((t) => ({
      name: t.name,
      file: t.path,
      line: t.line + 1,
      outcome: t.outcome,
      route: t.route,
      ...(t.via !== undefined ? { via: t.via } : {}),
      ...(t.result && t.result.caseName !== t.name && !t.name.endsWith(t.result.caseName) ? { case: t.result.caseName } : {}),
      ...(t.result?.message !== undefined && t.outcome !== 'passed' ? { message: t.result.message } : {}),
      ...(t.result ? { resultFile: t.result.resultFile } : {}),
    })),
  };
}

const LABEL: Readonly<Record<EvidenceState, string>> = { verified: 'verified', failing: 'failing', skipped: 'skipped', 'not-run': 'not run', untested: 'untested' };

/** `12 verified, 1 failing, 3 not run, 5 untested`: the states of the REQs and ACs, worst last, zeros left out. */
export function stateCounts(totals: Readonly<Record<EvidenceState, number>>): string {
  const parts = STATE_ORDER.filter((s) => totals[s] > 0).map((s) => `${totals[s]} ${LABEL[s]}`);
  return parts.length > 0 ? parts.join(', ') : 'no REQ or AC';
}

/** The one summary line of `check`'s text output. */
export function evidenceSummaryLine(report: EvidenceReport): string {
  const read = report.files.filter((f) => f.problem === undefined).length;
  const unmatched = report.unmatched > 0 ? ` (${report.unmatched} matched no test)` : '';
  return `Evidence: REQs/ACs ${stateCounts(report.totals)} · ${report.cases} test result${report.cases === 1 ? '' : 's'} from ${read} file${read === 1 ? '' : 's'}${unmatched}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/**
 * The evidence as markdown lines for a CI job summary: the totals, a table of SPECs that are
 * not verified (worst first), and the failing tests with their messages.
 */
export function evidenceMarkdown(index: WorkspaceIndex, report: EvidenceReport, limit = 30): string[] {
  const lines = ['### Test evidence', '', `${stateCounts(report.totals)} (REQs and ACs) · ${report.cases} test results from ${report.files.length} file${report.files.length === 1 ? '' : 's'}${report.unmatched ? `, ${report.unmatched} matched no test` : ''}.`, ''];
  const specs = index
    .specs()
    .map((s) => ({ s, e: report.spec(s.id) }))
    .filter(({ e }) => e.state !== 'verified')
    .sort((a, b) => STATE_ORDER.indexOf(b.e.state) - STATE_ORDER.indexOf(a.e.state) || (a.s.id < b.s.id ? -1 : 1));
  if (specs.length > 0) {
    lines.push('| SPEC | State | Tests | Failed | Not run |', '|---|---|---|---|---|');
    for (const { s, e } of specs.slice(0, limit)) lines.push(`| SPEC-${cell(s.id)} | ${LABEL[e.state]}${e.stale ? ' (stale)' : ''} | ${e.counts.tests} | ${e.counts.failed} | ${e.counts.notRun} |`);
    if (specs.length > limit) lines.push('', `… and ${specs.length - limit} more.`);
    lines.push('');
  }
  const failing = new Map<string, string>();
  for (const s of index.specs()) {
    for (const t of report.spec(s.id).tests) {
      if (t.outcome !== 'failed' && t.outcome !== 'error') continue;
      const key = `${t.path}:${t.line}`;
      if (!failing.has(key)) failing.set(key, `- \`${cell(t.name)}\` (${cell(t.path)}:${t.line + 1}), SPEC-${s.id}: ${cell(firstLine(t.result?.message) ?? t.outcome)}`);
    }
  }
  if (failing.size > 0) lines.push('**Failing tests**', '', ...[...failing.values()].slice(0, limit), '');
  for (const f of report.files) if (f.problem) lines.push(`- ${cell(f.path)} was not read: ${cell(f.problem)}`);
  return lines;
}
