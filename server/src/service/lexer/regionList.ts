import type { Region, RegionKind } from './types';

/** Collects regions in order; every family's lexer writes through it. */
export class RegionList {
  readonly regions: Region[] = [];

  add(kind: RegionKind, start: number, end: number): void {
    if (end > start) this.regions.push({ kind, start, end });
  }
}

const EOL = /[\r\n]/g;

/** Offset of the end of the line holding `from` (a `\n` or `\r`, or the end of the text). */
export function lineEnd(text: string, from: number): number {
  EOL.lastIndex = from;
  return EOL.exec(text)?.index ?? text.length;
}

/**
 * End (exclusive) of a quoted string opened at `open` by `quote`, or -1 when it does not close.
 * A backslash escapes the next character when `escapes`; a doubled quote stands for one when
 * `doubled` (SQL); the string stops at the end of its line unless `multiline`.
 */
export function stringEnd(text: string, open: number, quote: string, escapes: boolean, multiline: boolean, doubled = false): number {
  const q = quote.charCodeAt(0);
  for (let i = open + quote.length; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */ && escapes) i++;
    else if (c === q && text.startsWith(quote, i)) {
      if (doubled && quote.length === 1 && text.charCodeAt(i + 1) === q) i++;
      else return i + quote.length;
    } else if ((c === 10 || c === 13) && !multiline) return -1;
  }
  return -1;
}
