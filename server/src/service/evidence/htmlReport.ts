import type { WorkspaceIndex } from '../index';
import { hash64 } from '../text';
import { reqCoverage } from '../mx/coverage';
import { firstLine } from './rules';
import { STATE_ORDER, type Evidence, type EvidenceReport, type EvidenceState, type LinkedTest } from './states';
import { stateCounts } from './summary';

/** What the report says it was made from: the commit and its date (never the time it was written). */
export interface ReportSource {
  readonly commit?: string;
  readonly date?: string;
}

const COLOR: Readonly<Record<EvidenceState, string>> = { verified: '#1a7f37', failing: '#cf222e', skipped: '#9a6700', 'not-run': '#6e7781', untested: '#8250df' };
const LABEL: Readonly<Record<EvidenceState, string>> = { verified: 'verified', failing: 'failing', skipped: 'skipped', 'not-run': 'not run', untested: 'untested' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A file name for a SPEC's page: its ID with anything but letters, digits, `.`, `_`, `-` written out. */
export function specPageName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
  // A file name has at most 255 bytes: a longer ID (frontmatter can say anything) is cut and told apart by a hash.
  return `SPEC-${safe.length > MAX_NAME ? `${safe.slice(0, MAX_NAME)}~${hash64(id)}` : safe}.html`;
}

/** The longest escaped ID a page name keeps whole. */
const MAX_NAME = 120;

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}.s{font-weight:600;white-space:nowrap}code{font-size:90%}.m{color:#57606a;font-size:90%;white-space:pre-wrap}nav,footer{margin:1rem 0;color:#57606a}`;
const FILTER = `<script>document.getElementById('state').addEventListener('change',e=>{for(const r of document.querySelectorAll('tr[data-state]'))r.hidden=e.target.value!==''&&r.dataset.state!==e.target.value})</script>`;

function state(e: Evidence): string {
  return `<span class="s" style="color:${COLOR[e.state]}">${LABEL[e.state]}${e.stale ? ' (stale)' : ''}</span>`;
}

function page(title: string, body: string, source: ReportSource): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>\n<h1>${esc(title)}</h1>\n${body}\n<footer>Commit ${esc(source.commit ?? 'unknown')} · ${esc(source.date ?? 'date unknown')} · written by SpecChain</footer>\n</body></html>\n`;
}

function filter(): string {
  return `<p><label>State <select id="state"><option value="">all</option>${STATE_ORDER.map((s) => `<option value="${s}">${LABEL[s]}</option>`).join('')}</select></label></p>`;
}

function testCell(t: LinkedTest): string {
  const message = t.outcome !== 'passed' ? firstLine(t.result?.message, 300) : undefined;
  return `<code>${esc(t.path)}:${t.line + 1}</code> ${esc(t.name)} — <span style="color:${t.outcome === 'passed' ? COLOR.verified : t.outcome === 'skipped' ? COLOR.skipped : t.outcome === 'not-run' ? COLOR['not-run'] : COLOR.failing}">${esc(t.outcome)}</span>${t.via ? ` (via ${esc(t.via)})` : ''}${message ? `<div class="m">${esc(message)}</div>` : ''}`;
}

/**
 * A static traceability report: `index.html` (every SPEC with its state and counts, filterable
 * by state), one page per SPEC (SPEC → REQ → AC → code → test → result), and `badge.json` in
 * shields.io's endpoint shape. Pure and deterministic: the same index, results and source give
 * the same bytes (sorted, no clock).
 */
export function renderHtmlReport(index: WorkspaceIndex, report: EvidenceReport, source: ReportSource): Map<string, string> {
  const files = new Map<string, string>();
  const specs = index.specs().filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);
  const rows = specs.map((s) => {
    const e = report.spec(s.id);
    return `<tr data-state="${e.state}"><td><a href="${esc(specPageName(s.id))}">SPEC-${esc(s.id)}</a></td><td>${esc(s.doc.title ?? '')}</td><td>${esc(s.doc.status ?? '')}</td><td>${state(e)}</td><td>${e.counts.tests}</td><td>${e.counts.passed}</td><td>${e.counts.failed}</td><td>${e.counts.notRun}</td></tr>`;
  });
  const totals = report.totals;
  files.set(
    'index.html',
    page(
      'Requirements traceability',
      `<p>REQs and ACs: ${esc(stateCounts(totals))} · ${report.cases} test results from ${report.files.length} file${report.files.length === 1 ? '' : 's'}${report.unmatched ? `, ${report.unmatched} matched no test` : ''}.</p>\n${filter()}\n<table><thead><tr><th>SPEC</th><th>Title</th><th>Status</th><th>State</th><th>Tests</th><th>Passed</th><th>Failed</th><th>Not run</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n${FILTER}`,
      source,
    ),
  );
  for (const s of specs) files.set(specPageName(s.id), specPage(index, report, s.id, s.doc.title ?? '', source));
  const items = STATE_ORDER.reduce((n, st) => n + totals[st], 0);
  const color = items === 0 ? 'lightgrey' : totals.failing > 0 ? 'red' : totals.verified === items ? 'brightgreen' : totals.verified * 2 >= items ? 'yellow' : 'orange';
  files.set('badge.json', `${JSON.stringify({ schemaVersion: 1, label: 'requirements', message: items === 0 ? 'none' : `${totals.verified}/${items} verified${totals.failing ? `, ${totals.failing} failing` : ''}`, color })}\n`);
  return files;
}

function specPage(index: WorkspaceIndex, report: EvidenceReport, specId: string, title: string, source: ReportSource): string {
  const coverage = reqCoverage(index, specId);
  const rows: string[] = [];
  const shown = new Set<string>();
  const row = (id: string, kind: string, code: string, e: Evidence): string =>
    `<tr data-state="${e.state}"><td>${kind === 'AC' ? '&nbsp;&nbsp;↳ ' : ''}<b>${esc(id)}</b></td><td>${state(e)}</td><td>${code}</td><td>${e.tests.length ? e.tests.map(testCell).join('<br>') : '—'}</td></tr>`;
  for (const c of coverage) {
    const code = c.refs.map((l) => `<code>${esc(l.path)}:${l.ref.range.start.line + 1}</code>`).join('<br>') || '—';
    rows.push(row(c.entry.decl.id, 'REQ', code, report.item(specId, c.entry.decl.id)));
    shown.add(c.entry.decl.id);
    for (const ac of c.acs) {
      rows.push(row(ac.decl.id, 'AC', '', report.item(specId, ac.decl.id)));
      shown.add(ac.decl.id);
    }
  }
  for (const r of index.reqsOf(specId)) {
    if (shown.has(r.decl.id)) continue;
    shown.add(r.decl.id);
    rows.push(row(r.decl.id, r.decl.kind, '', report.item(specId, r.decl.id)));
  }
  const e = report.spec(specId);
  const own = rows.length === 0 ? `<p>No REQ or AC is declared; tests linked to the SPEC:</p><p>${e.tests.map(testCell).join('<br>') || '—'}</p>` : '';
  return page(
    `SPEC-${specId}: ${title}`,
    `<nav><a href="index.html">All SPECs</a></nav>\n<p>State: ${state(e)} · ${e.counts.tests} tests, ${e.counts.passed} passed, ${e.counts.failed} failed, ${e.counts.skipped} skipped, ${e.counts.notRun} not run.</p>\n${own}${rows.length ? `${filter()}\n<table><thead><tr><th>REQ / AC</th><th>State</th><th>Code</th><th>Tests and results</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n${FILTER}` : ''}`,
    source,
  );
}
