import { lineEnd, stringEnd, type RegionList } from './regionList';

/** How one family of programming languages writes comments and strings. */
export interface CodeSyntax {
  /** Line comment openers (`//`, `#`, `--`). */
  readonly line: readonly string[];
  /** A line comment opener counts only at the start of a line or after a blank (shell, YAML). */
  readonly lineAfterBlank?: boolean;
  readonly blocks: readonly BlockComment[];
  /** Characters that open a string with backslash escapes. */
  readonly quotes: string;
  /** Strings may span lines (PHP, Ruby, shell, SQL); otherwise one stops at its line's end. */
  readonly multiline?: boolean;
  /** SQL: no backslash escapes, a doubled quote stands for one. */
  readonly sqlQuotes?: boolean;
  /** A quote opens a string only when it does not follow a word character (shell, YAML: `don't`). */
  readonly quoteAfterBoundary?: boolean;
  /** `'` opens only a character literal (`'a'`, `'\n'`), never a lifetime or a prime (Rust, Haskell). */
  readonly charQuote?: boolean;
  /** Quote characters that also open a triple-quoted multi-line string (`"""`). */
  readonly triple?: string;
  /** Backtick strings: JS templates (escapes) or Go raw strings (none). */
  readonly backtick?: 'template' | 'raw';
  /** JavaScript regular expression literals. */
  readonly regex?: boolean;
  /** Raw strings introduced before the quote: Rust `r#"…"#`, C++ `R"d(…)d"`, C# `@"…"`. */
  readonly raw?: 'rust' | 'cpp' | 'csharp';
  /** `#[…]` is an attribute, not a comment (PHP 8). */
  readonly hashAttributes?: boolean;
  /** Lua long brackets: `[[…]]`, `[==[…]==]` and the comments `--[[…]]`. */
  readonly luaLong?: boolean;
}

export interface BlockComment {
  readonly open: string;
  readonly close: string;
  /** Block comments nest (Rust, Swift, Kotlin, Scala, Haskell). */
  readonly nests?: boolean;
}

const jumpers = new WeakMap<CodeSyntax, RegExp>();

/** The characters at which something other than code may start. */
function jumper(syntax: CodeSyntax): RegExp {
  let re = jumpers.get(syntax);
  if (!re) {
    const chars = new Set<string>([...syntax.quotes]);
    for (const l of syntax.line) chars.add(l[0]!);
    for (const b of syntax.blocks) chars.add(b.open[0]!);
    if (syntax.backtick) chars.add('`');
    if (syntax.regex) chars.add('/');
    if (syntax.luaLong) chars.add('[');
    const cls = [...chars].map((c) => (/[\]\\^-]/.test(c) ? `\\${c}` : c)).join('');
    re = new RegExp(`[${cls}]`, 'g');
    jumpers.set(syntax, re);
  }
  return re;
}

const WORD = /[\p{L}\p{N}_$]/u;

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && WORD.test(text[i]!);
}

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Lexes `text` as code of one family and adds its comments and strings to `out`, each offset
 * shifted by `base`. Linear: every character is looked at a bounded number of times. A string
 * that does not close before its line ends is left as code; a block comment, multi-line string
 * or template that never closes ends the lexing, and the rest of the text counts as code.
 */
export function lexCode(text: string, syntax: CodeSyntax, out: RegionList, base = 0): void {
  const re = jumper(syntax);
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return;
    const at = m.index;
    const next = step(text, at, syntax, out, base);
    if (next < 0) return;
    i = next;
  }
}

/** Handles what starts at `at`; returns where to go on, or -1 to stop (unterminated). */
function step(text: string, at: number, syntax: CodeSyntax, out: RegionList, base: number): number {
  const c = text[at]!;
  if (syntax.luaLong && text.startsWith('--[', at)) {
    const end = luaLongEnd(text, at + 2);
    if (end === -2) return lineComment(text, at, out, base);
    if (end < 0) return -1;
    out.add('comment', base + at, base + end);
    return end;
  }
  for (const open of syntax.line) {
    if (!text.startsWith(open, at)) continue;
    if (syntax.lineAfterBlank && !isBlank(text[at - 1])) return at + open.length;
    if (open === '#' && syntax.hashAttributes && text[at + 1] === '[') return at + 1;
    return lineComment(text, at, out, base);
  }
  for (const block of syntax.blocks) {
    if (!text.startsWith(block.open, at)) continue;
    const end = blockEnd(text, at, block);
    if (end < 0) return -1;
    out.add('comment', base + at, base + end);
    return end;
  }
  if (syntax.luaLong && c === '[') {
    const end = luaLongEnd(text, at);
    if (end === -2) return at + 1;
    if (end < 0) return -1;
    out.add('string', base + at, base + end);
    return end;
  }
  if (c === '`' && syntax.backtick) {
    const end = stringEnd(text, at, '`', syntax.backtick === 'template', true);
    if (end < 0) return -1;
    out.add('string', base + at, base + end);
    return end;
  }
  if (c === '/' && syntax.regex) return regexLiteral(text, at, out, base);
  if (syntax.quotes.includes(c)) return quoted(text, at, syntax, out, base);
  return at + 1;
}

function lineComment(text: string, at: number, out: RegionList, base: number): number {
  const end = lineEnd(text, at);
  out.add('comment', base + at, base + end);
  return end;
}

function blockEnd(text: string, at: number, block: BlockComment): number {
  if (!block.nests) {
    const close = text.indexOf(block.close, at + block.open.length);
    return close < 0 ? -1 : close + block.close.length;
  }
  let depth = 1;
  let i = at + block.open.length;
  while (i < text.length) {
    if (text.startsWith(block.close, i)) {
      i += block.close.length;
      if (--depth === 0) return i;
    } else if (text.startsWith(block.open, i)) {
      i += block.open.length;
      depth++;
    } else i++;
  }
  return -1;
}

/** End of a Lua long bracket `[==[ … ]==]` opened at `at`; -2 when `at` opens none, -1 when it never closes. */
function luaLongEnd(text: string, at: number): number {
  let level = 0;
  while (text[at + 1 + level] === '=') level++;
  if (text[at + 1 + level] !== '[') return -2;
  const close = `]${'='.repeat(level)}]`;
  const end = text.indexOf(close, at + level + 2);
  return end < 0 ? -1 : end + close.length;
}

function quoted(text: string, at: number, syntax: CodeSyntax, out: RegionList, base: number): number {
  const c = text[at]!;
  if (syntax.triple?.includes(c) && text[at + 1] === c && text[at + 2] === c) {
    const end = stringEnd(text, at, c.repeat(3), true, true);
    if (end < 0) return -1;
    out.add('string', base + at, base + end);
    return end;
  }
  if (c === "'" && syntax.charQuote) {
    const end = charLiteralEnd(text, at);
    if (end < 0) return at + 1;
    out.add('string', base + at, base + end);
    return end;
  }
  if (syntax.quoteAfterBoundary && isWordChar(text, at - 1)) return at + 1;
  if (c === '"' && syntax.raw) {
    const raw = rawString(text, at, syntax.raw);
    if (raw) {
      if (raw.end < 0) return -1;
      out.add('string', base + raw.start, base + raw.end);
      return raw.end;
    }
  }
  const sql = syntax.sqlQuotes === true;
  const multiline = syntax.multiline === true;
  const end = stringEnd(text, at, c, !sql, multiline, sql);
  if (end < 0) return multiline ? -1 : lineEnd(text, at);
  out.add('string', base + at, base + end);
  return end;
}

/** `'a'`, `'\n'`, `'\u{1F600}'`, `'😀'`; -1 for anything else (a lifetime `'a`, a prime `x'`). */
function charLiteralEnd(text: string, at: number): number {
  if (text[at + 1] === '\\') {
    const limit = Math.min(text.length, at + 14);
    for (let i = at + 3; i < limit; i++) {
      const ch = text[i];
      if (ch === "'") return i + 1;
      if (ch === '\n' || ch === '\r') return -1;
    }
    return -1;
  }
  const cp = text.codePointAt(at + 1);
  if (cp === undefined || cp === 10 || cp === 13 || cp === 39) return -1;
  const close = at + 1 + (cp > 0xffff ? 2 : 1);
  return text[close] === "'" ? close + 1 : -1;
}

/** A raw string whose quote is at `quote`, with where it starts and ends; undefined when the quote opens an ordinary string. */
function rawString(text: string, quote: number, kind: 'rust' | 'cpp' | 'csharp'): { start: number; end: number } | undefined {
  if (kind === 'csharp') {
    if (text[quote - 1] !== '@') return undefined;
    return { start: quote - 1, end: stringEnd(text, quote, '"', false, true, true) };
  }
  if (kind === 'cpp') {
    if (text[quote - 1] !== 'R' || isWordChar(text, quote - 2)) return undefined;
    let paren = quote + 1;
    while (paren < text.length && paren - quote <= 17 && /[^\s()\\"]/.test(text[paren]!)) paren++;
    if (text[paren] !== '(') return undefined;
    const close = `)${text.slice(quote + 1, paren)}"`;
    const end = text.indexOf(close, paren + 1);
    return { start: quote - 1, end: end < 0 ? -1 : end + close.length };
  }
  let hashes = 0;
  while (text[quote - 1 - hashes] === '#') hashes++;
  const r = quote - 1 - hashes;
  if (text[r] !== 'r' || (isWordChar(text, r - 1) && text[r - 1] !== 'b')) return undefined;
  const close = `"${'#'.repeat(hashes)}`;
  const end = text.indexOf(close, quote + 1);
  return { start: r, end: end < 0 ? -1 : end + close.length };
}

const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/**
 * A `/` in JavaScript that opens no comment: a regular expression literal where an expression
 * may start, otherwise division (code). A literal that does not close on its line leaves the
 * rest of the line as code.
 */
function regexLiteral(text: string, at: number, out: RegionList, base: number): number {
  let p = at - 1;
  while (p >= 0 && at - p < 64 && (text[p] === ' ' || text[p] === '\t')) p--;
  const prev = text[p];
  const expression = p < 0 || prev === '\n' || prev === '\r' || BEFORE_REGEX.has(prev!) || REGEX_KEYWORDS.test(text.slice(Math.max(0, p - 10), p + 1));
  if (!expression) return at + 1;
  let inClass = false;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '\n' || c === '\r') return i;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      out.add('string', base + at, base + i + 1);
      return i + 1;
    }
  }
  return text.length;
}
