import type { Position, Range } from './types';

/** Offsets of line starts in a text, for turning offsets into LSP positions. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
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

let row = new Int32Array(64);

/**
 * Edit distance between `a` and `b`, for "did you mean" suggestions; stops early and returns
 * `max + 1` as soon as the distance must exceed `max`.
 */
export function levenshtein(a: string, b: string, max = Math.max(a.length, b.length)): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (row.length <= b.length) row = new Int32Array(b.length * 2);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      row[j] = v;
      diagonal = above;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return row[b.length]!;
}

/** Which characters a string holds, as a bit set (A-Z, 0-9, and one bit for the rest). */
function charMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    mask |= c >= 0x61 && c <= 0x7a ? 1 << (c - 0x61) : c >= 0x30 && c <= 0x39 ? 1 << (c - 0x30 + 26) : 1 << 31;
  }
  return mask;
}

function popcount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** SPEC IDs prepared for "did you mean" lookups: their character sets, computed once. */
export class Candidates {
  readonly #masks: Int32Array;

  constructor(readonly ids: readonly string[]) {
    this.#masks = Int32Array.from(ids, charMask);
  }

  /**
   * The candidate closest to `id` by edit distance, or undefined when none is close enough to
   * be a plausible typo: at most three edits, and at most a quarter of the characters.
   * One edit changes at most two characters of the set, which rules most candidates out
   * before any distance is computed.
   */
  closest(id: string): string | undefined {
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.min(3, Math.floor(id.length / 4))) + 1;
    const mask = charMask(id);
    for (let i = 0; i < this.ids.length; i++) {
      const c = this.ids[i]!;
      if (Math.abs(c.length - id.length) >= bestDistance || popcount(mask ^ this.#masks[i]!) > 2 * (bestDistance - 1)) continue;
      const d = levenshtein(id, c, bestDistance - 1);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }
}

/**
 * Appends `items` to `out` one by one: `append(out, items)` passes every item as an argument
 * and overflows the stack past about a hundred thousand of them.
 */
export function append<T>(out: T[], items: Iterable<T>): void {
  for (const item of items) out.push(item);
}
