import { lineEnd, stringEnd, type RegionList } from './regionList';

const JUMP = /[#"'\n\r()[\]{}]/g;
const HEADER = /(?:async[ \t]+)?(?:def|class)\b/y;

/**
 * Lexes Python: `#` comments, strings (single, triple, any prefix), and docstrings, which are
 * string statements opening a module, class or function body. A triple-quoted string that
 * never closes ends the lexing; the rest counts as code.
 */
export function lexPython(text: string, out: RegionList): void {
  let depth = 0;
  /** No statement yet: a string here is the module's docstring. */
  let moduleStart = true;
  /** Start of the current logical line, and whether code stands on it yet. */
  let lineCode = false;
  let header = false;
  /** The last code character of the logical line (a `:` closes a def/class header). */
  let last = '';
  let previousOpensBody = false;
  let i = 0;

  /**
   * Notes the code between `from` and `to`: the first character starts a statement, the last is
   * remembered. Called between every two stops (each bracket and line end), so it reads
   * character codes rather than run regular expressions.
   */
  const code = (from: number, to: number): void => {
    let first = from;
    while (first < to && isBlankCode(text.charCodeAt(first))) first++;
    if (first >= to) return;
    if (!lineCode) {
      lineCode = true;
      HEADER.lastIndex = first;
      header = HEADER.test(text);
    }
    let k = to - 1;
    while (k > first && isBlankCode(text.charCodeAt(k))) k--;
    last = text[k]!;
  };

  while (i < text.length) {
    JUMP.lastIndex = i;
    const m = JUMP.exec(text);
    if (!m) return;
    const at = m.index;
    const c = text[at]!;
    code(i, c === '"' || c === "'" ? withoutPrefix(text, i, at) : at);
    if (c === '#') {
      i = lineEnd(text, at);
      out.add('comment', at, i);
    } else if (c === '\n' || c === '\r') {
      if (depth === 0 && lineCode && text[at - 1] !== '\\') {
        previousOpensBody = header && last === ':';
        moduleStart = false;
        lineCode = false;
        header = false;
      }
      i = c === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      code(at, at + 1);
      depth++;
      i = at + 1;
    } else if (c === ')' || c === ']' || c === '}') {
      code(at, at + 1);
      if (depth > 0) depth--;
      i = at + 1;
    } else {
      const statementStart = !lineCode && depth === 0;
      const triple = text[at + 1] === c && text[at + 2] === c;
      const end = triple ? stringEnd(text, at, c.repeat(3), true, true) : stringEnd(text, at, c, true, false);
      if (end < 0) {
        if (triple) return;
        i = lineEnd(text, at);
        continue;
      }
      out.add(statementStart && (moduleStart || previousOpensBody) ? 'docstring' : 'string', at, end);
      lineCode = true;
      last = c;
      i = end;
    }
  }
}

/** Where the code before a quote at `quote` ends, leaving out a string prefix (`r`, `b`, `f`, `rb`, …). */
function withoutPrefix(text: string, from: number, quote: number): number {
  let p = quote;
  while (p > from && quote - p < 2 && /[rRbBuUfFtT]/.test(text[p - 1]!)) p--;
  return p === quote || p === 0 || !/\w/.test(text[p - 1]!) ? p : quote;
}

/** A blank between code tokens: a space, tab, form feed, or a backslash that continues the line. */
function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 92;
}
