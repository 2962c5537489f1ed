// Characters that show nothing, or change the order in which text is shown, sitting inside an ID:
// `@API:PAY\u00AD-001` reads as @API:PAY-001 but the scanner stops at the soft hyphen; a
// zero-width space after `@` makes the marker vanish; a right-to-left override makes
// `SPEC-PAY-100` display as another ID. Found here, reported as `tag/invisible-char`, and
// written escaped wherever an ID is shown.
import { LineIndex } from './text';
import type { InvisibleInId } from './types';

/**
 * Soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner/joiner,
 * left-to-right and right-to-left marks, the bidi embeddings, overrides and isolates, word
 * joiner and the invisible operators, and the zero-width no-break space (a byte-order mark
 * inside a text).
 */
const INVISIBLE_CLASS = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const INVISIBLE_RUN = new RegExp(`[${INVISIBLE_CLASS}]+`, 'g');
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');
const ANY_INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`);
/** The text around an invisible run that is examined, each side: IDs are shorter. */
const REACH = 120;

/** A token is an ID when, once the invisible characters are gone, it is a marker or names a SPEC, REQ or AC. */
const LOOKS_LIKE_ID = /@[A-Za-z]+:|(?:^|[^A-Za-z])(?:SPEC|REQ|AC)-[A-Za-z0-9]|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]{3,}/;

/** True when `text` holds a character of the invisible set. */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** `text` with each invisible character replaced by what `escape` makes of its code. */
export function escapeInvisible(text: string, escape: (code: number) => string): string {
  return text.replace(INVISIBLE_ALL, (c) => escape(c.charCodeAt(0)));
}

/** `text` without its invisible characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}

/** `text` with every invisible character written as `\u{ad}`, so that it shows. */
export function showInvisible(text: string): string {
  return escapeInvisible(text, (n) => `\\u{${n.toString(16)}}`);
}

const NAMES: Readonly<Record<number, string>> = {
  0xad: 'soft hyphen',
  0x61c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

/** `U+00AD (soft hyphen)` for each distinct invisible character of `text`. */
export function describeInvisible(text: string): string[] {
  const seen = [...new Set(text.match(INVISIBLE_ALL) ?? [])];
  return seen.map((c) => {
    const n = c.charCodeAt(0);
    return `U+${n.toString(16).toUpperCase().padStart(4, '0')} (${NAMES[n] ?? 'invisible operator'})`;
  });
}

/** How far around an `@` a marker's IDs reach: before it (`SPEC-X` of a header), after it (an `@MX` line's list). */
const BEFORE_AT = 60;
const AFTER_AT = 400;

/**
 * The IDs and markers of `text` that hold invisible characters, each once. `whole` examines the
 * whole text (SPEC documents, where IDs are declared anywhere); `markers` only the stretch around
 * each `@`, where the scanners read markers, so that the files of a tree are not scanned twice.
 */
export function findInvisibleIds(text: string, scope: 'whole' | 'markers'): InvisibleInId[] {
  const found: InvisibleInId[] = [];
  const state = { lines: undefined as LineIndex | undefined, after: 0 };
  if (scope === 'whole') {
    if (ANY_INVISIBLE.test(text)) scan(text, 0, text.length, found, state);
    return found;
  }
  let reached = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const from = Math.max(reached, at - BEFORE_AT);
    const newline = text.indexOf('\n', at);
    const to = Math.min(newline === -1 ? text.length : newline, at + AFTER_AT);
    if (to <= from) continue;
    reached = to;
    if (ANY_INVISIBLE.test(text.slice(from, to))) scan(text, from, to, found, state);
  }
  return found;
}

/** The ID tokens holding invisible runs that start in [from, to); each character is looked at a bounded number of times. */
function scan(text: string, from: number, to: number, found: InvisibleInId[], state: { lines: LineIndex | undefined; after: number }): void {
  INVISIBLE_RUN.lastIndex = Math.max(from, state.after);
  for (let m = INVISIBLE_RUN.exec(text); m && m.index < to; m = INVISIBLE_RUN.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    const floor = Math.max(state.after, start - REACH);
    const ceiling = Math.min(text.length, end + REACH);
    while (start > floor && inToken(text.charCodeAt(start - 1))) start--;
    while (end < ceiling && inToken(text.charCodeAt(end))) end++;
    // The rest of this token is settled either way.
    state.after = end;
    INVISIBLE_RUN.lastIndex = end;
    // Inside the token, with something of the ID on both sides.
    if (start === m.index || end === m.index + m[0].length) continue;
    const raw = text.slice(start, end);
    const visible = withoutInvisible(raw);
    if (!LOOKS_LIKE_ID.test(visible)) continue;
    state.lines ??= new LineIndex(text);
    found.push({ range: state.lines.range(start, end), raw, visible });
  }
}

/** A character of an ID or marker (`A-Z a-z 0-9 _ . : @ - /`), or an invisible one. */
function inToken(c: number): boolean {
  return (c >= 0x30 && c <= 0x3a) || (c >= 0x40 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x2d || c === 0x2f || (c > 0x7f && ANY_INVISIBLE.test(String.fromCharCode(c)));
}
