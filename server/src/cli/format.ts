import { hasEscapedBytes, osBytes } from '../node/osPath';
import { escapeInvisible } from '../service/invisible';
import type { Route } from '../service/routes';
import { printable } from './io';
import type { LanguageService } from '../service/languageService';
import { reqCoverage } from '../service/mx/coverage';
import { countProblems } from '../service/broken';
import type { Diagnostic, Severity } from '../service/types';
import { pathToFileURL } from 'node:url';
import { codeDocUrl } from '../service/codeDocs';
import { DEFAULT_SEVERITY } from '../service/config';
import { evidenceJson, evidenceMarkdown, evidenceSummaryLine, type JsonEvidence } from '../service/evidence/summary';
import type { EvidenceState } from '../service/evidence/states';
import type { Coverage, FindingRecord } from '../service/delta/baseline';
import { fingerprints } from '../service/delta/fingerprint';

/** A reference in the JSON output: file relative to the root, 1-based line. */
export interface JsonRef {
  readonly file: string;
  readonly line: number;
}

/** One REQ of a SPEC in the JSON output: its declaration line, code and test references, and mapping ACs. */
export interface JsonReq {
  readonly id: string;
  readonly line: number;
  readonly refs: readonly JsonRef[];
  readonly testRefs: readonly JsonRef[];
  readonly acs: readonly string[];
  /** With test results given: the REQ's state and its linked tests. */
  readonly evidence?: JsonEvidence;
}

/** An AC of a SPEC in the JSON output, with test results given. */
export interface JsonAc {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly evidence: JsonEvidence;
}

/** What the result files gave, with test results given. */
export interface JsonEvidenceSummary {
  readonly files: readonly { readonly path: string; readonly format?: string; readonly cases: number; readonly problem?: string }[];
  readonly cases: number;
  readonly unmatched: number;
  /** REQs and ACs of the workspace per state. */
  readonly totals: Readonly<Record<EvidenceState, number>>;
  /** The text summary line. */
  readonly line: string;
  /** The markdown summary's lines. */
  readonly markdown: readonly string[];
}

/** What `specchain check` found: everything it prints but the root and the time taken. */
/** One route as `routes --format json` and `check --format json` print it. */
export function jsonRoute(r: Route): { method: string; path: string; framework: string; file: string; line: number; static: boolean; reason?: string; handler?: string; service: string } {
  return {
    method: r.method,
    path: r.path,
    framework: r.framework,
    file: r.file,
    line: r.line,
    static: r.static,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.handler !== undefined ? { handler: r.handler } : {}),
    service: r.service,
  };
}

/** An endpoint a SPEC names, with the routes it binds to, in `check --format json`. */
export interface JsonEndpoint {
  readonly method: string;
  readonly path: string;
  readonly line: number;
  readonly req?: string;
  readonly routes: readonly ReturnType<typeof jsonRoute>[];
}

export interface CheckOutcome {
  readonly specs: readonly { id: string; file: string; title: string; status: string; reqs?: readonly JsonReq[]; acs?: readonly JsonAc[]; endpoints?: readonly JsonEndpoint[]; evidence?: JsonEvidence }[];
  /** Present when test results were given. */
  readonly evidence?: JsonEvidenceSummary;
  readonly tags: number;
  /** `@MX` markers in code (markdown mentions aside); absent in results saved before it existed. */
  readonly mxMarkers?: number;
  readonly files: number;
  readonly skipped: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Problems that are not diagnostics (a manifest that cannot be read), for stderr. */
  readonly warnings: readonly string[];
}

const SEVERITIES: readonly unknown[] = ['error', 'warning', 'info', 'hint'];
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isPosition = (p: unknown): boolean => typeof p === 'object' && p !== null && isCount((p as { line?: unknown }).line) && isCount((p as { character?: unknown }).character);

/** True when a saved outcome has every field the formatters read, with the right types. */
export function isCheckOutcome(value: unknown): value is CheckOutcome {
  const o = value as Partial<Record<keyof CheckOutcome, unknown>> | null;
  if (typeof o !== 'object' || o === null || !isCount(o.tags) || !isCount(o.files) || !isCount(o.skipped)) return false;
  if (!Array.isArray(o.specs) || !Array.isArray(o.diagnostics) || !Array.isArray(o.warnings)) return false;
  if (!o.warnings.every((w) => typeof w === 'string')) return false;
  if (!o.specs.every((s) => typeof s === 'object' && s !== null && ['id', 'file', 'title', 'status'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string'))) return false;
  return o.diagnostics.every((d) => {
    const x = d as Partial<Record<keyof Diagnostic, unknown>> | null;
    return typeof x === 'object' && x !== null && typeof x.path === 'string' && typeof x.code === 'string' && typeof x.message === 'string' && SEVERITIES.includes(x.severity) && typeof x.range === 'object' && x.range !== null && isPosition((x.range as { start?: unknown }).start) && isPosition((x.range as { end?: unknown }).end);
  });
}

/** What a `--since` or `--baseline` check compared with, and what changed. */
export interface DeltaSummary {
  /** The ref and its merge base with HEAD, or the baseline file (as given). */
  readonly against: { readonly since: string; readonly commit: string } | { readonly baseline: string };
  /** Findings of today that were there before. */
  readonly unchanged: number;
  /** Findings that were there before and are gone. */
  readonly fixed: readonly FindingRecord[];
  /** REQ coverage before (when known) and now. */
  readonly coverage: { readonly before?: Coverage; readonly after: Coverage };
}

/** The result of `specchain check`, shaped for the formatters. */
export interface CheckResult extends CheckOutcome {
  readonly root: string;
  readonly millis: number;
  /** True when the outcome is the last check's, no file having changed since. */
  readonly reused?: boolean;
  /**
   * The fingerprint of each diagnostic, index for index; computed from `diagnostics` when absent
   * (which is right only when they are all the findings: a delta's are counted among all).
   */
  readonly fingerprints?: readonly string[];
  /** With `--since` or `--baseline`: `diagnostics` are the new findings only, and this says against what. */
  readonly delta?: DeltaSummary;
}

/** REQs declared, and those referenced by code or tests, over the SPECs of an outcome. */
export function coverageOf(outcome: Pick<CheckOutcome, 'specs'>): Coverage {
  let reqs = 0;
  let covered = 0;
  for (const s of outcome.specs) {
    for (const r of s.reqs ?? []) {
      reqs++;
      if (r.refs.length + r.testRefs.length > 0) covered++;
    }
  }
  return { reqs, covered };
}

export function collectCheck(service: LanguageService, files: number, skipped: number): CheckOutcome {
  let tags = 0;
  let mxMarkers = 0;
  const warnings: string[] = [];
  for (const f of service.index.allFacts()) {
    tags += f.tags.length;
    if (f.mx?.[0]?.place !== 'markdown') mxMarkers += f.mx?.length ?? 0;
    for (const e of f.manifest?.errors ?? []) warnings.push(e);
  }
  const report = service.evidence();
  return {
    specs: service.index.specs().map((s) => {
      const base = { id: s.id, file: s.path, title: s.doc.title ?? '', status: s.doc.status ?? '' };
      const reqs = reqCoverage(service.index, s.id).map((c) => ({
        id: c.entry.decl.id,
        line: c.entry.decl.range.start.line + 1,
        refs: c.refs.map(jsonRef),
        testRefs: c.testRefs.map(jsonRef),
        acs: c.acs.map((a) => a.decl.id),
        ...(report ? { evidence: evidenceJson(report.item(s.id, c.entry.decl.id)) } : {}),
      }));
      const endpoints = service.endpointsOf(s).endpoints.map((b) => ({
        method: b.endpoint.method,
        path: b.endpoint.path,
        line: b.endpoint.range.start.line + 1,
        ...(b.req ? { req: b.req } : {}),
        routes: b.routes.map(jsonRoute),
      }));
      const withEndpoints = endpoints.length > 0 ? { endpoints } : {};
      if (!report) return { ...base, ...(reqs.length > 0 ? { reqs } : {}), ...withEndpoints };
      const seen = new Set<string>();
      const acs = service.index
        .reqsOf(s.id)
        .filter((r) => r.decl.kind === 'AC' && !seen.has(r.decl.id) && seen.add(r.decl.id))
        .map((r) => ({ id: r.decl.id, file: r.path, line: r.decl.range.start.line + 1, evidence: evidenceJson(report.item(s.id, r.decl.id)) }));
      return { ...base, ...(reqs.length > 0 ? { reqs } : {}), ...(acs.length > 0 ? { acs } : {}), ...withEndpoints, evidence: evidenceJson(report.spec(s.id)) };
    }),
    ...(report
      ? { evidence: { files: report.files, cases: report.cases, unmatched: report.unmatched, totals: report.totals, line: evidenceSummaryLine(report), markdown: evidenceMarkdown(service.index, report) } }
      : {}),
    tags,
    mxMarkers,
    files,
    skipped,
    diagnostics: service.allDiagnostics(),
    warnings,
  };
}

function jsonRef(link: { readonly path: string; readonly ref: { readonly range: { readonly start: { readonly line: number } } } }): JsonRef {
  return { file: link.path, line: link.ref.range.start.line + 1 };
}

/** The stable JSON contract: 1-based lines and columns (UTF-16 code units), `/` paths. */
export function formatJson(result: CheckResult): string {
  const fps = fingerprintsOf(result);
  return jsonText(
    {
      root: result.root,
      specs: result.specs,
      tags: result.tags,
      ...(result.evidence ? { evidence: { files: result.evidence.files, cases: result.evidence.cases, unmatched: result.evidence.unmatched, totals: result.evidence.totals } } : {}),
      diagnostics: jsonDiagnostics(result.diagnostics, fps),
      ...(result.delta ? { delta: { ...deltaAgainst(result.delta), introduced: result.diagnostics.length, unchanged: result.delta.unchanged, fixed: result.delta.fixed, coverage: result.delta.coverage } } : {}),
    },
    null,
    2,
  );
}

/** Diagnostics as `check --format json` writes them (the MCP server's `check` too), each with its fingerprint. */
export function jsonDiagnostics(diagnostics: readonly Diagnostic[], fps: readonly string[] = fingerprints(diagnostics)): object[] {
  return diagnostics.map((d, i) => ({
    code: d.code,
    severity: d.severity,
    file: d.path,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    message: d.message,
    fingerprint: fps[i],
    ...(d.history ? { history: d.history } : {}),
  }));
}

/** The result's fingerprints, or those of its diagnostics when they are all the findings. */
function fingerprintsOf(result: CheckResult): readonly string[] {
  return result.fingerprints ?? fingerprints(result.diagnostics);
}

function deltaAgainst(delta: DeltaSummary): { since: string; base: string } | { baseline: string } {
  return 'since' in delta.against ? { since: delta.against.since, base: delta.against.commit } : { baseline: delta.against.baseline };
}

/** The key of SpecChain's fingerprint in SARIF's `partialFingerprints` (versioned, as GitHub's own keys are). */
export const SARIF_FINGERPRINT = 'specchainFingerprint/v1';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * JSON text in which invisible characters (soft hyphens, zero-width spaces, bidi controls) are
 * written as `\uXXXX` escapes: the same values for a parser, visible to whoever reads the report.
 */
export function jsonText(value: unknown, replacer: null, indent: number): string {
  return escapeInvisible(JSON.stringify(value, replacer, indent), (n) => `\\u${n.toString(16).padStart(4, '0')}`);
}

/**
 * A workspace-relative path as a relative URI reference (RFC 3986): each segment percent-encoded,
 * so that spaces, `#`, `?`, `%`, `:` and non-ASCII characters stay part of the path; the bytes of
 * a name that is not UTF-8 are encoded as they are (`%E9`).
 */
export function relativeUri(path: string): string {
  return path.split('/').map((segment) => (hasEscapedBytes(segment) ? [...osBytes(segment)].map((b) => (UNRESERVED.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('') : encodeURIComponent(segment))).join('/');
}

/** What `encodeURIComponent` leaves as it is. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;

/** SARIF 2.1.0 for code scanning: ruleId is the code, artifact URIs relative to the root. */
export function formatSarif(result: CheckResult, version: string): string {
  const rootHref = pathToFileURL(result.root).href;
  const rootUri = rootHref.endsWith('/') ? rootHref : `${rootHref}/`;
  const fps = fingerprintsOf(result);
  return jsonText(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'SpecChain',
              version,
              rules: Object.entries(DEFAULT_SEVERITY).map(([id, level]) => ({
                id,
                shortDescription: { text: RULE_SUMMARY[id] ?? id },
                helpUri: codeDocUrl(id),
                defaultConfiguration: { level: SARIF_LEVEL[level] },
              })),
            },
          },
          originalUriBaseIds: { SRCROOT: { uri: rootUri } },
          results: result.diagnostics.map((d, i) => ({
            ruleId: d.code,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            partialFingerprints: { [SARIF_FINGERPRINT]: fps[i] },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(d.path), uriBaseId: 'SRCROOT' },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}

const RULE_SUMMARY: Record<string, string> = {
  'tag/unknown-spec': 'A @TAG marker belongs to no SPEC.',
  'tag/malformed': 'A marker of a known tag type breaks the ID syntax.',
  'tag/broken-path': 'A SPEC:/TEST: path in a header line does not resolve.',
  'tag/invisible-char': 'An ID or marker has an invisible character inside.',
  'spec/duplicate-id': 'Two SPEC documents share one ID.',
  'spec/id-mismatch': "The SPEC's ID differs from its SPEC-<ID> folder.",
  'spec/frontmatter-invalid': 'Frontmatter is broken, incomplete or has a bad value.',
  'spec/unknown-dependency': 'A dependency names no SPEC.',
  'spec/dependency-cycle': 'SPECs depend on each other in a cycle.',
  'spec/no-implementation': 'A SPEC past draft has no marker in code.',
  'chain/missing-test': 'Code belongs to the SPEC but no test does.',
  'chain/declared-missing': 'The SPEC declares a tag no code carries.',
  'stack/version-mismatch': "The SPEC's framework version differs from the manifest's.",
  'stack/framework-mismatch': 'The stated framework is in no manifest.',
  'stack/unsupported-framework': 'The stated framework is not supported.',
  'stack/architecture-mismatch': 'The SPEC asks for something the framework does not do natively.',
  'stack/not-detected': 'No framework stated or detected.',
  'spec/no-frontmatter': 'A SPEC document has no frontmatter block.',
  'spec/no-specs': 'No SPEC is in the workspace while links name SPECs, and .moai/ is git-ignored or absent: the SPECs are kept outside this clone.',
  'spec/title-mismatch': "The title's @SPEC:<ID> differs from the SPEC's ID.",
  'spec/duplicate-req': 'One REQ or AC ID is declared twice in a SPEC.',
  'spec/req-uncovered': 'No acceptance criterion maps this REQ.',
  'spec/ac-unknown-req': 'An AC maps a REQ its SPEC does not declare.',
  'mx/unknown-spec': 'An @MX:SPEC/@MX:TEST line names no SPEC.',
  'mx/unknown-req': 'A REQ/AC ID on an @MX line is declared in none of its SPECs.',
  'mx/dangling-spec': 'An @MX:SPEC has no standalone @MX tag above it.',
  'mx/missing-reason': 'A WARN/ANCHOR tag has no @MX:REASON.',
  'mx/missing-upgrade': 'A DEBT tag has no @MX:UPGRADE.',
  'mx/over-limit': 'More @MX tags of a kind in one file than the limit.',
  'mx/unknown-kind': 'Not a kind of the @MX protocol.',
  'mx/moai-invisible': "A link MoAI's own scanner will not read.",
  'mx/config-invalid': 'mx.yaml is not YAML or has a value of the wrong type.',
  'mx/range-cut': 'A REQ/AC range names more IDs than are read.',
  'evidence/failing': 'A test linked to this REQ or AC failed.',
  'evidence/status-unproven': "The SPEC's status says done while a REQ is failing, not run or untested (or a draft is all verified).",
};

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

/** Text for people: grouped by file, colour on a terminal, a summary line. */
export function formatText(result: CheckResult, color: boolean): string {
  const paint = (code: string, s: string): string => (color ? `${code}${s}\x1b[0m` : s);
  const lines: string[] = [];
  let file = '';
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of result.diagnostics) {
    counts[d.severity]++;
    if (d.path !== file) {
      if (file) lines.push('');
      file = d.path;
      lines.push(paint('\x1b[1m', printable(file)));
    }
    const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
    lines.push(`  ${at}${paint(COLORS[d.severity], d.severity.padEnd(8))}${printable(d.message)}  ${paint('\x1b[90m', d.code)}`);
  }
  if (lines.length) lines.push('');
  const files = new Set(result.diagnostics.map((d) => d.path)).size;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  // The editor's status bar and sidebar count broken links the same way.
  const { brokenLinks } = countProblems(result.diagnostics);
  lines.push(
    // Counted as Problems counts them: hints apart from info.
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info${counts.hint ? `, ${plural(counts.hint, 'hint')}` : ''} in ${plural(files, 'file')} · ${plural(brokenLinks, 'broken link')} · ` +
      `${plural(result.specs.length, 'SPEC')}, ${plural(result.tags, 'tag')}, ${result.mxMarkers ? `${result.mxMarkers} @MX marker${result.mxMarkers === 1 ? '' : 's'}, ` : ''}${plural(result.files, 'file')} ${result.reused ? 'unchanged since the last check' : 'read'}` +
      (result.skipped ? ` (${result.skipped} skipped)` : '') +
      ` in ${result.millis} ms`,
  );
  if (result.evidence) lines.push(printable(result.evidence.line));
  if (result.delta) lines.push(printable(deltaLine(result.delta, result.diagnostics.length)));
  return lines.join('\n');
}

/** "3 new findings since origin/main (merge base 3f2a1c9); 2 fixed, 118 unchanged." */
export function deltaLine(delta: DeltaSummary, introduced: number): string {
  const against = 'since' in delta.against ? `since ${delta.against.since} (merge base ${delta.against.commit.slice(0, 7)})` : `not in the baseline ${delta.against.baseline}`;
  return `${introduced} new finding${introduced === 1 ? '' : 's'} ${against}; ${delta.fixed.length} fixed, ${delta.unchanged} unchanged.`;
}
