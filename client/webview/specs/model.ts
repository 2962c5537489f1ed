/**
 * What the SPECs view shows, computed from the server's tree without the DOM: chain stages in
 * their fixed order with a slot for each missing link, tags grouped by file, coverage, the
 * filters and the type-to-jump match. The page (specs/main.ts) only turns this into rows.
 */
import type { BrokenLinkNode, ChainGaps, EvidenceBadge, EvidenceStateName, MxRefNode, ReqNode, RowMenuContext, SpecNode, TagNode } from '../../../server/src/protocol';
import type { ChainFilter, SpecFilter } from '../../src/sidebar/messages';

/** The chain's stages, in the order a chain runs; types not listed go between code and TEST. */
const STAGE_ORDER = ['API', 'DB', 'SERVICE', 'MIDDLEWARE', 'CODE'];
const LAST_STAGES = ['TEST', 'DOC'];
/** The stages whose presence makes a chain have code. */
const CODE_STAGES = new Set(['API', 'DB', 'SERVICE', 'MIDDLEWARE', 'CODE']);

/** Tags of one file within a stage. */
export interface FileGroup {
  readonly path: string;
  readonly tags: readonly TagNode[];
}

/** One link of a chain: the tags of a type, or a slot where a link is missing. */
export type Stage =
  | { readonly kind: 'present'; readonly type: string; readonly files: readonly FileGroup[]; readonly count: number }
  | { readonly kind: 'missing'; readonly type: string; readonly reason: string; readonly declared?: string; readonly gap: keyof ChainGaps };


/** A SPEC's title for display: without `@SPEC:ID` markers and code backticks. */
export function displayTitle(spec: Pick<SpecNode, 'id' | 'title'>): string {
  const cleaned = spec.title
    .replace(/@SPEC:[A-Z0-9][A-Z0-9-]{0,80}/g, '')
    .replace(/`/g, '')
    .replace(/^[\s:\-–—]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return cleaned === '' || cleaned === spec.id ? '' : cleaned;
}

function stageRank(type: string): number {
  const i = STAGE_ORDER.indexOf(type);
  if (i >= 0) return i;
  const j = LAST_STAGES.indexOf(type);
  return j >= 0 ? STAGE_ORDER.length + 1 + j : STAGE_ORDER.length;
}

/** Items by a key, keys in the order first seen, items in their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Tags grouped by file, files in path order, tags in line order (Todo Tree style). */
export function byFile(tags: readonly TagNode[]): FileGroup[] {
  return [...groupBy(tags, (t) => t.path).entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([path, list]) => ({ path, tags: [...list].sort((a, b) => a.range.start.line - b.range.start.line) }));
}

/** The type a declared tag text (`@API:USER-001`) names. */
const declaredType = (text: string): string => /^@([A-Za-z][A-Za-z0-9_]*):/.exec(text)?.[1] ?? '';

/**
 * The chain of a SPEC in fixed order (API, DB, SERVICE, MIDDLEWARE, CODE, others, TEST, DOC):
 * a stage per type that code carries, a slot per declared tag no code carries, a slot for code
 * when there is none and one for tests when there are none.
 */
export function chainStages(spec: Pick<SpecNode, 'tags' | 'missing'>): Stage[] {
  const byType = groupBy(spec.tags, (t) => t.type);
  const stages: Stage[] = [...byType.entries()].map(([type, tags]) => ({ kind: 'present', type, files: byFile(tags), count: tags.length }));
  for (const declared of spec.missing) {
    stages.push({ kind: 'missing', type: declaredType(declared), reason: 'declared in the SPEC, not in code', declared, gap: 'declared' });
  }
  if (![...byType.keys()].some((t) => CODE_STAGES.has(t)) && !spec.missing.some((d) => CODE_STAGES.has(declaredType(d)))) {
    stages.push({ kind: 'missing', type: 'CODE', reason: 'no code carries this SPEC yet', gap: 'code' });
  }
  if (!byType.has('TEST') && !spec.missing.some((d) => declaredType(d) === 'TEST')) {
    stages.push({ kind: 'missing', type: 'TEST', reason: 'no test carries this SPEC yet', gap: 'test' });
  }
  return stages.sort((a, b) => stageRank(a.type) - stageRank(b.type) || a.type.localeCompare(b.type) || (a.kind === 'present' ? -1 : b.kind === 'present' ? 1 : 0));
}

/** Links present out of links expected, and declared links no code carries. */
export interface Coverage {
  readonly present: number;
  readonly expected: number;
  /** Tags the SPEC declares that no code carries: gaps, not broken links. */
  readonly missing: number;
}

export function coverage(spec: Pick<SpecNode, 'tags' | 'missing'>): Coverage {
  const stages = chainStages(spec);
  const present = stages.filter((s) => s.kind === 'present').length;
  return { present, expected: stages.length, missing: spec.missing.length };
}

/**
 * What a SPEC row's badge says, in words that name what it counts: the badge's text (in a narrow
 * sidebar only its first count stays), its tooltip line, and whether it is an alarm (a
 * gap Problems reports as an error, or a broken link of the SPEC).
 */
export interface RowBadge {
  readonly text: string;
  readonly words: string;
  readonly alarm: boolean;
}

/**
 * The badge of a SPEC row. A chain of `@TYPE:ID` markers counts its links (`3/4 links`); an
 * `@MX` SPEC without markers counts its REQs that `@MX` lines reference (`REQs 2/5`), and
 * says apart how many lines link to the SPEC itself, which is no REQ's coverage.
 */
export function rowBadge(spec: Pick<SpecNode, 'tags' | 'missing' | 'mx' | 'gaps' | 'problems' | 'evidence'>): RowBadge {
  const chain = chainBadge(spec);
  const tests = evidenceBadge(spec.evidence);
  return tests ? { text: `${chain.text} · ${tests.text}`, words: `${chain.words}; ${tests.words}`, alarm: chain.alarm || tests.alarm } : chain;
}

function chainBadge(spec: Pick<SpecNode, 'tags' | 'missing' | 'mx' | 'gaps' | 'problems'>): RowBadge {
  const brokenWords = spec.problems.broken > 0 ? `, ${spec.problems.broken} broken link${spec.problems.broken === 1 ? '' : 's'}` : '';
  // An @MX SPEC with something to count (REQs, lines naming it); otherwise its chain of markers.
  const mx = spec.mx && spec.tags.length === 0 && spec.missing.length === 0 && (spec.mx.coverage.declared > 0 || spec.mx.specRefs.length > 0) ? spec.mx : undefined;
  if (mx) {
    const { referenced, declared } = mx.coverage;
    const lines = mx.specRefs.length;
    const onSpec = lines > 0 ? `${lines} @MX line${lines === 1 ? ' names' : 's name'} the SPEC without a REQ` : '';
    if (declared === 0) {
      return { text: `${lines} @MX`, words: `No REQ declared${onSpec ? `; ${onSpec}` : ''}${brokenWords}`, alarm: spec.problems.broken > 0 };
    }
    return {
      text: `REQs ${referenced}/${declared}${lines > 0 ? ` · +${lines} @MX` : ''}`,
      words: `${referenced} of ${declared} REQs referenced by @MX lines${onSpec ? `; ${onSpec} (not REQ coverage)` : ''}${brokenWords}`,
      alarm: spec.problems.broken > 0,
    };
  }
  const c = coverage(spec);
  const errorGap = chainStages(spec).some((s) => s.kind === 'missing' && spec.gaps[s.gap] === 'error');
  return {
    text: `${c.present}/${c.expected} links${c.missing > 0 ? ` · ${c.missing} missing` : ''}`,
    words: `${c.present} of ${c.expected} chain links present${c.missing > 0 ? `, ${c.missing} declared tag${c.missing === 1 ? '' : 's'} not in code` : ''}${brokenWords}`,
    alarm: errorGap || spec.problems.broken > 0,
  };
}

/**
 * The chain states the filter offers; `errors` is an error diagnostic in the SPEC document or a
 * broken link of the SPEC (with the "Broken links" group, what the status bar counts).
 */
export function chainStatesOf(spec: Pick<SpecNode, 'completeness' | 'problems' | 'evidence'>): ChainFilter[] {
  const states: ChainFilter[] = [spec.completeness];
  if (spec.problems.errors > 0 || spec.problems.broken > 0) states.push('errors');
  // With test results read, the SPEC's evidence state is a filter too.
  if (spec.evidence) states.push(`tests-${spec.evidence.state}`);
  return states;
}

const EVIDENCE_WORDS: Readonly<Record<EvidenceStateName, string>> = { verified: 'verified', failing: 'failing', skipped: 'skipped', 'not-run': 'not run', untested: 'untested' };

/** A SPEC's, REQ's or AC's evidence for its badge: `tests failing` and, in words, the counts. */
export function evidenceBadge(evidence: EvidenceBadge | undefined): { text: string; words: string; alarm: boolean } | undefined {
  if (!evidence) return undefined;
  const counts = evidence.tests === 0 ? 'no linked test' : `${evidence.tests} linked test${evidence.tests === 1 ? '' : 's'}, ${evidence.failed} failing, ${evidence.notRun} not run`;
  return { text: `tests ${EVIDENCE_WORDS[evidence.state]}${evidence.stale ? ' (stale)' : ''}`, words: `Tests ${EVIDENCE_WORDS[evidence.state]}: ${counts}${evidence.stale ? '; results older than the code' : ''}`, alarm: evidence.state === 'failing' };
}

/** Broken links of one ID, by file. */
export interface BrokenGroup {
  readonly id: string;
  readonly links: readonly BrokenLinkNode[];
  /** The worst severity among them. */
  readonly severity: BrokenLinkNode['severity'];
}

/** The "Broken links" group's rows: by ID (the server's order), then path and line. */
export function brokenGroups(links: readonly BrokenLinkNode[]): BrokenGroup[] {
  return [...groupBy(links, (l) => l.id).entries()].map(([id, list]) => ({ id, links: list, severity: list.some((l) => l.severity === 'error') ? 'error' : 'warning' }));
}

/** Broken links whose ID, path or message has every word of the filter text. */
export function brokenMatches(link: BrokenLinkNode, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${link.id} ${link.path} ${link.message}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * Whether a SPEC passes the filter: every word of the text in its ID, title, status,
 * framework or REQ IDs; its status among the chosen ones (if any); one of its chain states among the
 * chosen ones (if any).
 */
export function specMatches(spec: SpecNode, filter: SpecFilter): boolean {
  if (filter.statuses.length > 0 && !filter.statuses.includes(spec.status)) return false;
  if (filter.chains.length > 0 && !chainStatesOf(spec).some((s) => filter.chains.includes(s))) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const reqs = spec.mx ? spec.mx.reqs.map((r) => r.id).join(' ') : '';
  const hay = [spec.id, spec.title, spec.status, spec.framework ?? '', reqs].join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** `10 of 64` when a filter hides some SPECs, `64 SPECs` otherwise. */
export function shownText(shown: number, total: number): string {
  return shown === total ? `${total} SPEC${total === 1 ? '' : 's'}` : `${shown} of ${total}`;
}

/** The REQ's coverage: code, tests, ACs present. */
export function reqCoverage(req: ReqNode): { readonly present: number; readonly expected: number } {
  const present = [req.code.length > 0, req.tests.length > 0, req.acs.length > 0].filter(Boolean).length;
  return { present, expected: 3 };
}

/**
 * The index after `from` (wrapping) of the first label starting with `prefix`, ignoring case;
 * a prefix of one repeated letter cycles through the labels starting with that letter.
 */
export function typeToJump(labels: readonly string[], from: number, prefix: string): number | undefined {
  if (labels.length === 0 || prefix === '') return undefined;
  const p = prefix.toLowerCase();
  const single = [...p].every((c) => c === p[0]) ? p[0]! : undefined;
  // A fresh single letter starts after the current item; a longer prefix may stay on it.
  const start = p.length === 1 || single !== undefined ? from + 1 : from;
  for (let k = 0; k < labels.length; k++) {
    const i = (start + k + labels.length) % labels.length;
    const label = labels[i]!.toLowerCase();
    if (label.startsWith(p) || (single !== undefined && label.startsWith(single))) return i;
  }
  return undefined;
}

/** A marker as written: `@API:USER-001`, `@CODE:AUTH-001:SUB`. */
export const tagText = (t: Pick<TagNode, 'type' | 'id' | 'sub'>): string => `@${t.type}:${t.id}${t.sub ? `:${t.sub}` : ''}`;

/**
 * The `data-vscode-context` of each kind of row: what VS Code passes to the commands of the
 * row's context menu (their arguments are `rowContextShape` of the protocol). The extension-host
 * tests run those commands with these very objects.
 */
export const rowContexts = {
  spec: (spec: SpecNode): RowMenuContext => ({ webviewSection: 'spec', specId: spec.id, uri: spec.uri, line: spec.range.start.line, character: spec.range.start.character, preventDefaultContextMenuItems: true }),
  tag: (spec: SpecNode, t: TagNode): RowMenuContext => ({ webviewSection: 'tag', specId: spec.id, tag: tagText(t), uri: t.uri, line: t.range.start.line, character: t.range.start.character, preventDefaultContextMenuItems: true }),
  mxRef: (spec: SpecNode, ref: MxRefNode): RowMenuContext => ({ webviewSection: 'tag', specId: spec.id, tag: ref.id, uri: ref.uri, line: ref.range.start.line, character: ref.range.start.character, preventDefaultContextMenuItems: true }),
  broken: (link: BrokenLinkNode): RowMenuContext => ({
    webviewSection: 'broken',
    id: link.id,
    ...(link.specId ? { specId: link.specId } : {}),
    uri: link.uri,
    line: link.range.start.line,
    character: link.range.start.character,
    preventDefaultContextMenuItems: true,
  }),
  brokenId: (id: string): RowMenuContext => ({ webviewSection: 'brokenId', id, preventDefaultContextMenuItems: true }),
};
