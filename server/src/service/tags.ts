import type { DisableDirective, HeaderPath, MalformedTag, Range, TagOccurrence, TagRole } from './types';

/** A SPEC ID without a leading `SPEC-`: `SPEC-USER-001` and `USER-001` name the same SPEC. */
export function bareSpecId(id: string): string {
  return id.startsWith('SPEC-') ? id.slice('SPEC-'.length) : id;
}

/**
 * What SpecChain accepts as a SPEC's ID at all, wherever it comes from (frontmatter, plan,
 * rename): letters and digits of any script, `.`, `_` and `-`, at most 200 characters, no `..`.
 * Such an ID is also a safe file name, so every indexed SPEC can be planned.
 */
export function isSpecIdShape(id: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u.test(id) && !id.includes('..');
}

/** The ID syntax of the model: `USER-001`, `E2E-INIT-001`, `PY314-001`. */
export const TAG_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]{3,}$/;

/** A placeholder part of a documented example ID: `XXX`, `NNN`, `DOMAIN`, `TYPE`, `ID`. */
const PLACEHOLDER_PART = /^(?:X+|N+|DOMAIN|TYPE|ID)$/;

/**
 * True for IDs that documentation writes as placeholders (`ID`, `DOMAIN-NNN`, `XXX-001`): every
 * part is a placeholder word or a number, and one at least is a word. Never reported.
 */
export function isPlaceholderId(id: string): boolean {
  // IDs start with a word: when the first is no placeholder, the ID is none (the common case, cheaply).
  const dash = id.indexOf('-');
  if (!PLACEHOLDER_PART.test(dash === -1 ? id : id.slice(0, dash))) return false;
  let word = false;
  for (const part of id.split('-')) {
    if (PLACEHOLDER_PART.test(part)) word = true;
    else if (!/^[0-9]+$/.test(part)) return false;
  }
  return word;
}

/**
 * The ID a sub-ID refers to (`CONFIG-001-01`, `LDE-001-RUBY`, `UPDATE-REFACTOR-001-PHASE5` give
 * `CONFIG-001`, `LDE-001`, `UPDATE-REFACTOR-001`): the ID up to its first number of three or more
 * digits. Undefined when `id` has nothing after that number, or is no ID at all.
 */
export function baseOfSubId(id: string): string | undefined {
  const parts = id.split('-');
  for (let k = 1; k < parts.length - 1; k++) {
    if (!/^[0-9]{3,}$/.test(parts[k]!)) continue;
    const base = parts.slice(0, k + 1).join('-');
    return TAG_ID.test(base) && parts.slice(k + 1).every((p) => /^[A-Z0-9]+$/.test(p)) ? base : undefined;
  }
  return undefined;
}

/**
 * A marker as the scanner finds it. Markers stand on one line, so the position is kept as
 * three numbers and `range` is built when asked: a workspace holds tens of thousands.
 */
export class Tag implements TagOccurrence {
  constructor(
    readonly type: string,
    readonly id: string,
    readonly sub: string | undefined,
    readonly role: TagRole,
    readonly line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return { start: { line: this.line, character: this.start }, end: { line: this.line, character: this.end } };
  }

  toJSON(): TagOccurrence {
    return this.sub === undefined ? { type: this.type, id: this.id, role: this.role, range: this.range } : { type: this.type, id: this.id, sub: this.sub, role: this.role, range: this.range };
  }
}

/** The result of scanning one text for markers. */
export interface TagScan {
  readonly tags: Tag[];
  readonly malformed: MalformedTag[];
  readonly headerPaths: HeaderPath[];
  readonly disables: DisableDirective[];
}

const DISABLE = 'specchain-disable-next-line';
const scanners = new Map<string, RegExp>();

/** One regex per set of tag types: `@TYPE:` then the raw ID token and an optional sub-tag. */
function scannerFor(tagTypes: readonly string[]): RegExp {
  const key = tagTypes.join('|');
  let re = scanners.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\w@.])@(${key}):([A-Za-z0-9_-]*)(?::([A-Za-z][A-Za-z0-9_-]*))?`, 'gi');
    scanners.set(key, re);
  }
  return re;
}

/** A well-formed ID, or a sub-ID of one. */
function isTagId(id: string): boolean {
  return TAG_ID.test(id) || baseOfSubId(id) !== undefined;
}

/** `raw` without dashes at its end (a loop: a regex would backtrack over a long run of dashes). */
export function withoutTrailingDashes(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 45) end--;
  return end === raw.length ? raw : raw.slice(0, end);
}

/** Guesses the well-formed spelling of a malformed ID, or undefined when none is evident. */
export function suggestId(raw: string): string | undefined {
  let id = withoutTrailingDashes(raw.toUpperCase().replace(/_/g, '-'));
  if (!/-[0-9]{3,}$/.test(id)) id = id.replace(/([A-Z])([0-9]{3,})$/, '$1-$2');
  return TAG_ID.test(id) ? id : undefined;
}

/** How much of a disable directive's line is read for codes: a comment, not a whole minified line. */
const DISABLE_CODES_SPAN = 1_000;

/**
 * What a marker at an offset means, asked in increasing offset order; undefined when a marker
 * there counts for nothing (code of a source file).
 */
export type Placement = (offset: number) => TagRole | undefined;

/**
 * Finds every marker of the configured types in `text`, with LSP positions.
 * `place` is what a well-formed marker means: one role for the whole file, or a role by offset;
 * `titleLine` marks the line whose `@SPEC:` marker is the SPEC's own title. Malformed
 * markers are reported only where claims and declarations stand; placeholders never. A leading
 * `SPEC-` is dropped from an ID; a sub-ID (`CONFIG-001-01`) is kept as written.
 */
export function scanTags(text: string, tagTypes: readonly string[], place: TagRole | Placement, titleLine = -1): TagScan {
  const tags: Tag[] = [];
  const malformed: MalformedTag[] = [];
  const headerPaths: HeaderPath[] = [];
  const disables: DisableDirective[] = [];

  let line = 0;
  let lineStart = 0;
  /** Moves the line counters forward to the line holding `offset`. */
  const seek = (offset: number): void => {
    let nl = text.indexOf('\n', lineStart);
    while (nl !== -1 && nl < offset) {
      line++;
      lineStart = nl + 1;
      nl = text.indexOf('\n', lineStart);
    }
  };
  const rangeAt = (start: number, end: number): Range => ({
    start: { line, character: start - lineStart },
    end: { line, character: end - lineStart },
  });

  if (text.includes('@')) {
    const re = scannerFor(tagTypes);
    re.lastIndex = 0;
    let lastHeaderLine = -1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const raw = m[2]!;
      if (raw === '') continue;
      const here = typeof place === 'function' ? place(m.index) : place;
      if (here === undefined) continue;
      const written = withoutTrailingDashes(raw);
      const id = written.startsWith('SPEC-') && isTagId(written.slice(5)) ? written.slice(5) : written;
      if (isPlaceholderId(id)) continue;
      seek(m.index);
      const type = m[1]!;
      if (!isTagId(id) || !tagTypes.includes(type)) {
        if (here === 'mention') continue;
        const upper = type.toUpperCase();
        const suggestion = suggestId(raw);
        const range = rangeAt(m.index, m.index + m[0].length);
        malformed.push(suggestion ? { text: m[0], range, suggestion: `@${upper}:${suggestion}` } : { text: m[0], range });
        continue;
      }
      const tagRole: TagRole = here === 'declaration' && line === titleLine && type === 'SPEC' ? 'title' : here;
      const end = m.index + 1 + type.length + 1 + written.length + (m[3] ? m[3].length + 1 : 0);
      tags.push(new Tag(type, id, m[3], tagRole, line, m.index - lineStart, end - lineStart));
      if (line !== lastHeaderLine && here === 'claim') {
        lastHeaderLine = line;
        scanHeaderPaths(text, lineStart, line, headerPaths);
      }
    }
  }

  line = 0;
  lineStart = 0;
  for (let at = text.indexOf(DISABLE); at !== -1; ) {
    seek(at);
    const eol = text.indexOf('\n', at);
    const lineEnd = eol === -1 ? text.length : eol;
    const rest = text.slice(at + DISABLE.length, Math.min(lineEnd, at + DISABLE.length + DISABLE_CODES_SPAN));
    const codes = rest.match(/[a-z]+\/[a-z-]+/g) ?? [];
    disables.push({ line: line + 1, codes });
    at = eol === -1 ? -1 : text.indexOf(DISABLE, eol);
  }
  return { tags, malformed, headerPaths, disables };
}

/** `| SPEC: path | TEST: path` segments on a header line become links that must resolve. */
function scanHeaderPaths(text: string, lineStart: number, line: number, out: HeaderPath[]): void {
  const eol = text.indexOf('\n', lineStart);
  const content = text.slice(lineStart, eol === -1 ? undefined : eol);
  if (!content.includes('|')) return;
  const re = /\|\s*(SPEC|TEST|CODE|DOC)\s*:\s*([^\s|]+)/g;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    const target = m[2]!;
    if (target.startsWith('@')) continue;
    const start = m.index + m[0].length - target.length;
    out.push({ label: m[1]!, target, range: { start: { line, character: start }, end: { line, character: start + target.length } } });
  }
}
