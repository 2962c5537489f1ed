import type { Position, Range } from './types';

/** Offsets of line starts in a text, for turning offsets into LSP positions. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
      return;
    }
    // A lone CR ends a line too, as in editors (and the LSP): `\r\n` is one line end.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.#starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.#starts[lo]! };
  }

  offsetAt(position: Position): number {
    const start = this.#starts[Math.min(position.line, this.#starts.length - 1)] ?? 0;
    return Math.min(start + position.character, this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.#starts[line];
    if (start === undefined) return '';
    const next = this.#starts[line + 1];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  /** The range of a whole line, without its line break. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineText(line).length } };
  }
}

const LONE_CR = /\r(?!\n)/g;

/**
 * The text with lone carriage returns (old Mac line ends) as line feeds: the same length, so
 * every offset stays, and lines counted as editors count them by every reader of the text.
 */
export function withLineFeeds(text: string): string {
  if (!text.includes('\r')) return text;
  LONE_CR.lastIndex = 0;
  return LONE_CR.test(text) ? text.replace(LONE_CR, '\n') : text;
}

/** Posix dirname of a workspace-relative path (`.` at the top). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '.' : path.slice(0, i);
}

/** Posix basename of a workspace-relative path. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises workspace-relative paths; undefined when the result leaves the root. */
export function joinPath(base: string, rel: string): string | undefined {
  const parts = base === '.' || base === '' ? [] : base.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** Text with markdown's active characters escaped, for hovers. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/**
 * Appends `items` to `out` one by one: `append(out, items)` passes every item as an argument
 * and overflows the stack past about a hundred thousand of them.
 */
export function append<T>(out: T[], items: Iterable<T>): void {
  for (const item of items) out.push(item);
}

/** Numeric character references (`&#48;`, `&#x30;`), which fast-xml-parser leaves as written, decoded. */
export function decodeNumeric(s: string): string {
  return s.replace(/&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g, (all, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * FNV-1a over UTF-16 code units in two 32-bit lanes with different offsets: 64 bits as 16 hex
 * digits. Not cryptographic; it only has to keep distinct findings (or names) of one repository apart.
 */
export function hash64(s: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
