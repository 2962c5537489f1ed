import type { Region } from '../lexer';
import { LineIndex } from '../text';
import type { Range } from '../types';

/** A token of code: an identifier, a string literal (with its value), a number or a punctuation mark. */
export interface Token {
  readonly kind: 'id' | 'str' | 'num' | 'punct';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A string literal's value; undefined when it holds interpolations (`${x}`, f-string fields). */
  readonly value?: string;
  /** A template or f-string's text between its quotes, holes kept (`${API}/users`). */
  readonly template?: string;
}

const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const TWO_CHAR = new Set(['::', '=>', '->', '**', '<<']);

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

/**
 * A file's code as tokens, from the lexer's regions: comments are skipped, each string literal
 * is one token with its value, so no route can come from a comment or from text inside a string.
 * Bracket pairs are matched once, so arguments and bodies are found in constant time.
 */
export class Source {
  readonly tokens: Token[] = [];
  readonly #close: Int32Array;
  readonly #depth: Uint16Array;
  #lines: LineIndex | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    regions: readonly Region[],
    options: { readonly hashComments?: boolean } = {},
  ) {
    let r = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
      while (r < regions.length && regions[r]!.end <= i) r++;
      const region = regions[r];
      if (region && region.start <= i) {
        if (region.kind === 'string' || region.kind === 'docstring') {
          // A prefix the lexer left outside the quotes (`r"…"`, `f"…"`) belongs to the literal.
          const prev = this.tokens[this.tokens.length - 1];
          const prefixed = prev?.kind === 'id' && prev.end === region.start && /^[rRbBuUfF]{1,2}$/.test(prev.text);
          if (prefixed) this.tokens.pop();
          this.tokens.push(stringToken(text, prefixed ? prev.start : region.start, region.end));
        }
        i = region.end;
        continue;
      }
      const stop = region ? region.start : n;
      while (i < stop) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13) {
          i++;
        } else if (isIdStart(c)) {
          let j = i + 1;
          while (j < stop && isIdPart(text.charCodeAt(j))) j++;
          this.tokens.push({ kind: 'id', text: text.slice(i, j), start: i, end: j });
          i = j;
        } else if (c >= 48 && c <= 57) {
          let j = i + 1;
          while (j < stop && (isIdPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
          this.tokens.push({ kind: 'num', text: text.slice(i, j), start: i, end: j });
          i = j;
        } else if (c === 35 && options.hashComments) {
          while (i < stop && text.charCodeAt(i) !== 10) i++;
        } else {
          const two = text.slice(i, i + 2);
          // `...` (Python's Ellipsis, JS spread) is one token, never a member access.
          const len = text.startsWith('...', i) && i + 3 <= stop ? 3 : TWO_CHAR.has(two) && i + 2 <= stop ? 2 : 1;
          this.tokens.push({ kind: 'punct', text: text.slice(i, i + len), start: i, end: i + len });
          i += len;
        }
      }
    }
    this.#close = new Int32Array(this.tokens.length).fill(-1);
    this.#depth = new Uint16Array(this.tokens.length);
    const stack: number[] = [];
    for (let k = 0; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      this.#depth[k] = Math.min(stack.length, 65535);
      if (t.kind !== 'punct') continue;
      if (OPEN[t.text]) stack.push(k);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        // An unbalanced closer pops to its own opener, so one stray bracket spoils little.
        let at = stack.length - 1;
        while (at >= 0 && OPEN[this.tokens[stack[at]!]!.text] !== t.text) at--;
        if (at < 0) continue;
        this.#close[stack[at]!] = k;
        stack.length = at;
      }
    }
  }

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }

  /** Index of the bracket closing the one at `open`, or -1. */
  close(open: number): number {
    return this.#close[open] ?? -1;
  }

  /** How many brackets enclose token `k` (its own excluded). */
  depth(k: number): number {
    return this.#depth[k] ?? 0;
  }

  is(k: number, text: string): boolean {
    return this.tokens[k]?.text === text && this.tokens[k]!.kind !== 'str';
  }

  /** The top-level arguments inside the bracket at `open`, as `[from, to)` token spans. */
  args(open: number): [number, number][] {
    const end = this.close(open);
    if (end === -1) return [];
    const out: [number, number][] = [];
    let from = open + 1;
    for (let k = open + 1; k < end; k++) {
      const t = this.tokens[k]!;
      if (t.kind === 'punct' && OPEN[t.text] && this.close(k) !== -1) k = this.close(k);
      else if (t.kind === 'punct' && t.text === ',') {
        if (k > from) out.push([from, k]);
        from = k + 1;
      }
    }
    if (end > from) out.push([from, end]);
    return out;
  }

  /** A keyword argument's name (`prefix=`, `prefix:`, `'prefix' =>`) and where its value starts, or undefined. */
  keyword(span: readonly [number, number]): { readonly name: string; readonly from: number } | undefined {
    const [from, to] = span;
    const t = this.tokens[from];
    const sep = this.tokens[from + 1];
    if (!t || !sep || from + 2 > to) return undefined;
    if ((t.kind === 'id' || t.kind === 'str') && sep.kind === 'punct' && (sep.text === '=' || sep.text === ':' || sep.text === '=>')) {
      if (sep.text === '=' && this.tokens[from + 2]?.text === '=') return undefined;
      return { name: t.kind === 'str' ? (t.value ?? '') : t.text, from: from + 2 };
    }
    return undefined;
  }

  /** The argument named `name` among `args`, as a span of its value. */
  named(args: readonly [number, number][], name: string): [number, number] | undefined {
    for (const span of args) {
      const kw = this.keyword(span);
      if (kw?.name === name) return [kw.from, span[1]];
    }
    return undefined;
  }

  /** The positional arguments (those that are not `name=value`). */
  positional(args: readonly [number, number][]): [number, number][] {
    return args.filter((span) => this.keyword(span) === undefined);
  }

  /** The dotted name a span is made of (`users.router`, `api::routes`, `$this->x`), or undefined. */
  dotted(span: readonly [number, number]): string | undefined {
    const [from, to] = span;
    let out = '';
    for (let k = from; k < to; k++) {
      const t = this.tokens[k]!;
      const even = (k - from) % 2 === 0;
      if (even && t.kind !== 'id') return undefined;
      if (!even && !(t.kind === 'punct' && (t.text === '.' || t.text === '::' || t.text === '->'))) return undefined;
      out += even ? t.text : '.';
    }
    return out || undefined;
  }

  /** The text of a span as written, for messages. */
  textOf(span: readonly [number, number]): string {
    const [from, to] = span;
    if (to <= from) return '';
    return this.text.slice(this.tokens[from]!.start, this.tokens[to - 1]!.end).replace(/\s+/g, ' ').slice(0, 80);
  }

  range(from: number, to: number): Range {
    return this.lines.range(this.tokens[from]!.start, this.tokens[Math.max(from, to - 1)]!.end);
  }

  line(k: number): number {
    return this.lines.positionAt(this.tokens[k]?.start ?? this.text.length).line;
  }

  /** Index of the first token at or after offset `at`. */
  indexAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Column of the first character of token `k`'s line that is not a blank (Python's indentation). */
  indent(k: number): number {
    const start = this.tokens[k]!.start;
    let ls = this.text.lastIndexOf('\n', start - 1) + 1;
    let col = 0;
    while (ls < start && (this.text[ls] === ' ' || this.text[ls] === '\t')) {
      ls++;
      col++;
    }
    return col;
  }
}

/** The value of a string literal region: prefix and quotes removed, simple escapes read. */
function stringToken(text: string, start: number, end: number): Token {
  const raw = text.slice(start, end);
  let i = 0;
  while (i < raw.length && /[A-Za-z@#$]/.test(raw[i]!)) i++;
  const prefix = raw.slice(0, i).toLowerCase();
  const body = raw.slice(i);
  const quote = /^("""|'''|```|["'`])/.exec(body)?.[1] ?? '';
  let hashes = 0;
  if (prefix.startsWith('r') && body.startsWith('#')) while (body[hashes] === '#') hashes++;
  const open = hashes ? hashes + 1 : quote.length;
  const inner = body.slice(open, Math.max(open, body.length - open));
  const interpolated = (quote === '`' && inner.includes('${')) || (prefix.includes('f') && /\{[^}]*\}/.test(inner));
  const value = interpolated ? undefined : prefix.includes('r') || quote === '`' ? inner : inner.replace(/\\(.)/g, '$1');
  return { kind: 'str', text: raw, start, end, ...(value !== undefined ? { value } : { template: inner }) };
}
