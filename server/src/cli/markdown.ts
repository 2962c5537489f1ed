import { codeDocUrl } from '../service/codeDocs';
import type { Coverage, FindingRecord } from '../service/delta/baseline';
import type { Diagnostic, Severity } from '../service/types';
import { type CheckResult, coverageOf, deltaLine, relativeUri } from './format';

/**
 * `check --format markdown`: one summary for a pull-request comment or a CI job summary
 * (`$GITHUB_STEP_SUMMARY`), composed of sections: the headline; the errors and warnings (with
 * `--since` or `--baseline`, the new ones only); the fixed ones; REQ coverage before and after
 * (a drop called out); the test evidence when results were given. Lists are capped, each saying
 * how many more there are, so the whole stays short.
 */

/** Where a `path:line` link leads: a GitHub blob link in Actions, else a link relative to the checked folder. */
export type LinkFor = (path: string, line: number) => string;

/**
 * Links for the environment: with `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA` set
 * (GitHub Actions), links to the file at that commit (the folder's place in the checkout comes
 * from `GITHUB_WORKSPACE`); otherwise relative links, which work where the summary is read beside
 * the files.
 */
export function linksFor(root: string, env: Readonly<Record<string, string | undefined>>, relative: (from: string, to: string) => string): LinkFor {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha, GITHUB_WORKSPACE: workspace } = env;
  if (!server || !repo || !sha || !/^[0-9a-f]{7,64}$/.test(sha) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^https?:\/\/[^\s/]+$/.test(server.replace(/\/+$/, ''))) {
    return (path, line) => `${relativeUri(path)}#L${line}`;
  }
  const prefix = workspace ? relative(workspace, root).split(/[\\/]/).filter((s) => s !== '').join('/') : '';
  // A folder outside the checkout has no place in the repository: its files get relative links.
  if (prefix.startsWith('..')) return (path, line) => `${relativeUri(path)}#L${line}`;
  const base = `${server.replace(/\/+$/, '')}/${repo}/blob/${sha}/`;
  return (path, line) => `${base}${relativeUri(prefix ? `${prefix}/${path}` : path)}#L${line}`;
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };

/** Text safe in a table cell or a list item: no `|`, no line break, no HTML tag or markdown link the text could open. */
function cell(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/([\\|`*_[\]<>])/g, '\\$1');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary: sections in order, each a list of lines, joined. */
export function formatMarkdown(result: CheckResult, links: LinkFor = (path, line) => `${relativeUri(path)}#L${line}`, limit = 25): string {
  const sections = [headline(result), findings(result, links, limit), fixed(result, limit), coverage(result), result.evidence?.markdown ?? []];
  return sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n').trimEnd())
    .join('\n\n');
}

function counts(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) out[d.severity]++;
  return out;
}

function headline(result: CheckResult): string[] {
  const n = counts(result.diagnostics);
  if (!result.delta) {
    return ['## SpecChain', '', `**${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}**, ${n.info + n.hint} info · ${plural(result.specs.length, 'SPEC')}, ${plural(result.files, 'file')}.`];
  }
  const serious = n.error + n.warning;
  const status = serious === 0 ? 'No new errors or warnings' : `**${plural(n.error, 'new error')}, ${plural(n.warning, 'new warning')}**`;
  return ['## SpecChain', '', `${status} · ${cell(deltaLine(result.delta, result.diagnostics.length))}`];
}

/** The errors and warnings (new ones, with a delta) as a table with `path:line` links. */
function findings(result: CheckResult, links: LinkFor, limit: number): string[] {
  const serious = result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (serious.length === 0) return [];
  const lines = [result.delta ? '### New' : '### Findings', '', '| | Code | Where | Message |', '|---|---|---|---|'];
  for (const d of serious.slice(0, limit)) {
    const line = d.range.start.line + 1;
    lines.push(`| ${SEVERITY_WORD[d.severity]} | [\`${d.code}\`](${codeDocUrl(d.code)}) | [${cell(d.path)}:${line}](${links(d.path, line)}) | ${cell(d.message)} |`);
  }
  if (serious.length > limit) lines.push('', `… and ${serious.length - limit} more.`);
  return lines;
}

/** The findings the change fixed (errors and warnings), without links: their lines are gone. */
function fixed(result: CheckResult, limit: number): string[] {
  const gone = (result.delta?.fixed ?? []).filter((f: FindingRecord) => f.severity === 'error' || f.severity === 'warning');
  if (gone.length === 0) return [];
  const lines = ['### Fixed', ''];
  for (const f of gone.slice(0, limit)) lines.push(`- \`${f.code}\` ${cell(f.file)}:${f.line}: ${cell(f.message)}`);
  if (gone.length > limit) lines.push(`- … and ${gone.length - limit} more.`);
  return lines;
}

const percent = (c: Coverage): string => (c.reqs === 0 ? '–' : `${((100 * c.covered) / c.reqs).toFixed(1)}%`);
const share = (c: Coverage): number => (c.reqs === 0 ? 0 : c.covered / c.reqs);

/** REQ coverage: before and after with a delta, a drop (in share or in REQs covered) called out; now alone otherwise. */
function coverage(result: CheckResult): string[] {
  const after = result.delta?.coverage.after ?? coverageOf(result);
  const before = result.delta?.coverage.before;
  if (after.reqs === 0 && !before?.reqs) return [];
  const now = `${after.covered}/${after.reqs} REQs referenced by code or tests (${percent(after)})`;
  if (!before) return ['### REQ coverage', '', `${now}.`];
  const lines = ['### REQ coverage', '', `${before.covered}/${before.reqs} (${percent(before)}) → ${now}.`];
  if (share(after) < share(before) - 1e-9 || after.covered < before.covered) {
    const fewer = before.covered - after.covered;
    lines.push('', `> [!WARNING]`, `> **REQ coverage dropped** from ${percent(before)} to ${percent(after)}${fewer > 0 ? `: ${plural(fewer, 'REQ')} fewer referenced` : ''}.`);
  }
  return lines;
}
