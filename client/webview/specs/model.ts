/**
 * What the SPECs view shows, computed from the server's tree without the DOM: chain stages in
 * their fixed order with a slot for each missing link, tags grouped by file, coverage, the
 * filters and the type-to-jump match. The page (specs/main.ts) only turns this into rows.
 */
import type { ReqNode, SpecNode, TagNode } from '../../../server/src/protocol';
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
  | { readonly kind: 'missing'; readonly type: string; readonly reason: string; readonly declared?: string };

/** Statuses that still count as drafts: their missing links are not yet an error. */
const DRAFT_STATUSES = new Set(['draft', 'planned', 'proposed', 'unknown', '']);

export function isPastDraft(status: string): boolean {
  return !DRAFT_STATUSES.has(status.trim().toLowerCase());
}

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

/** Tags grouped by file, files in path order, tags in line order (Todo Tree style). */
export function byFile(tags: readonly TagNode[]): FileGroup[] {
  const files = new Map<string, TagNode[]>();
  for (const tag of tags) {
    const list = files.get(tag.path);
    if (list) list.push(tag);
    else files.set(tag.path, [tag]);
  }
  return [...files.entries()]
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
  const byType = new Map<string, TagNode[]>();
  for (const tag of spec.tags) {
    const list = byType.get(tag.type);
    if (list) list.push(tag);
    else byType.set(tag.type, [tag]);
  }
  const stages: Stage[] = [...byType.entries()].map(([type, tags]) => ({ kind: 'present', type, files: byFile(tags), count: tags.length }));
  for (const declared of spec.missing) {
    stages.push({ kind: 'missing', type: declaredType(declared), reason: 'declared in the SPEC, not in code', declared });
  }
  if (![...byType.keys()].some((t) => CODE_STAGES.has(t)) && !spec.missing.some((d) => CODE_STAGES.has(declaredType(d)))) {
    stages.push({ kind: 'missing', type: 'CODE', reason: 'no code carries this SPEC yet' });
  }
  if (!byType.has('TEST') && !spec.missing.some((d) => declaredType(d) === 'TEST')) {
    stages.push({ kind: 'missing', type: 'TEST', reason: 'no test carries this SPEC yet' });
  }
  return stages.sort((a, b) => stageRank(a.type) - stageRank(b.type) || a.type.localeCompare(b.type) || (a.kind === 'present' ? -1 : b.kind === 'present' ? 1 : 0));
}

/** Links present out of links expected, and declared links no code carries. */
export interface Coverage {
  readonly present: number;
  readonly expected: number;
  readonly broken: number;
}

export function coverage(spec: Pick<SpecNode, 'tags' | 'missing'>): Coverage {
  const stages = chainStages(spec);
  const present = stages.filter((s) => s.kind === 'present').length;
  return { present, expected: stages.length, broken: spec.missing.length };
}

/** `3/4 · 2 broken`: the row's badge. */
export function coverageText(c: Coverage): string {
  return c.broken > 0 ? `${c.present}/${c.expected} · ${c.broken} broken` : `${c.present}/${c.expected}`;
}

/** The chain states the filter offers; `errors` is any error diagnostic in the SPEC document. */
export function chainStatesOf(spec: Pick<SpecNode, 'completeness' | 'problems'>): ChainFilter[] {
  const states: ChainFilter[] = [spec.completeness];
  if (spec.problems.errors > 0) states.push('errors');
  return states;
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
