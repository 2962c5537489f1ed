import { isPathConstant } from './python';
import type { RouteCollector } from './collect';
import type { Source } from './source';

/** Languages whose files may hold the constants route prefixes name. */
export const CONSTANT_FILES = /\.(?:py|[cm]?[jt]sx?|go|rs|java|kt|scala|php)$/;

/**
 * A quick test for a file that may define a path constant: a slash-string assigned, or a name
 * that says prefix/path/url/api assigned a string.
 */
const CONSTANT_PRECHECK = /[=:]\s*["'`]\/[\w\-{}.:/]{0,100}["'`]|(?:prefix|path|url|api|route|base|version|root|endpoint)\w*["']?\s*(?::[^=\n]{0,30})?=\s*["'`]/i;

/**
 * True when the text may define a path constant (`CONSTANT_PRECHECK`). Both of its shapes assign
 * a quoted string, so a text without any quote character is out: three `includes` find that
 * many times faster than the regular expression, which tries its words at every offset.
 */
export function mayDefineConstant(text: string): boolean {
  return (text.includes('"') || text.includes("'") || text.includes('`')) && CONSTANT_PRECHECK.test(text);
}

/**
 * String constants of any language: `NAME = "…"`, `NAME := "…"`, `NAME: str = "…"`,
 * `const NAME: &str = "…"`, `static final String NAME = "…"`, `const val NAME = "…"`; only
 * values that stand alone (not the start of a concatenation or a call).
 */
export function readConstants(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  for (let k = 2; k < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'str' || tok.value === undefined) continue;
    const next = t[k + 1];
    if (next && next.kind === 'punct' && (next.text === '+' || next.text === '.' || next.text === '(' || next.text === '%')) continue;
    if (next && next.kind === 'str') continue;
    let eq = k - 1;
    if (!src.is(eq, '=')) continue;
    if (src.is(eq - 1, ':') || src.is(eq - 1, '=') || src.is(eq - 1, '!') || src.is(eq - 1, '<') || src.is(eq - 1, '>')) {
      if (!src.is(eq - 1, ':')) continue;
      eq--;
    }
    let j = eq - 1;
    let name: string | undefined;
    // Walk back over a type annotation (`: str`, `: &'static str`, `: string`) to the name.
    for (let steps = 0; j >= 0 && steps < 6; steps++, j--) {
      if (src.is(j, ':') && t[j - 1]?.kind === 'id') {
        name = t[j - 1]!.text;
        break;
      }
      const x = t[j]!;
      if (!(x.kind === 'id' || (x.kind === 'punct' && ['&', "'", '<', '>', '[', ']', '.'].includes(x.text)))) break;
    }
    name ??= t[eq - 1]?.kind === 'id' ? t[eq - 1]!.text : undefined;
    // A statement, not a keyword argument (`f(url_prefix="/x")`): the value ends its line or a `;`.
    if (next && src.line(k + 1) === src.line(k) && !src.is(k + 1, ';')) continue;
    if (name && isPathConstant(name, tok.value)) out.constants.set(name.replace(/^\$/, ''), tok.value);
  }
}
