import type { RefKind } from '../types';

/** True when `ref` names `id` itself or the group it belongs to (`REQ-32` for `REQ-32.1`). */
export function namesReq(ref: string, id: string): boolean {
  return ref === id || (id.startsWith(ref) && id[ref.length] === '.');
}

/** The most members one range or list expands to; past it the rest is cut and reported. */
export const MAX_RANGE_MEMBERS = 1000;

/** An ID found in a piece of text, by offsets into that text. */
export interface FoundId {
  readonly kind: RefKind;
  /** SPEC IDs bare (`AUTH-001`), REQ/AC IDs as written. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** A member of a range or list that is not written out (`012` of `REQ-X-011..015`). */
  readonly expanded: boolean;
}

/** A range that asked for more members than `MAX_RANGE_MEMBERS`. */
export interface CutRange {
  readonly start: number;
  readonly end: number;
  readonly asked: number;
}

/**
 * SPEC IDs as real projects write them (looser than MoAI's rule): `SPEC-AUTH-001`, `SPEC-ADP-001a`,
 * `SPEC-AGENT-V2-REACT`, `SPEC-182`. REQ/AC IDs may hold dots and lowercase sub-IDs
 * (`REQ-2.3`, `AC-X-001-01.a`). Each group after the first starts with its separator, so the
 * pattern cannot backtrack over the same text twice.
 */
const ID = /(?<![\w@-])(?:SPEC-([A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)|(REQ|AC)-([A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*))/g;
/** `..015`, `~062`, ` ~ REQ-AI-005`, `~AC-016` right after an ID. */
const RANGE_TAIL = /[ \t]*(?:\.\.|~|\u2013)[ \t]*(?:(REQ|AC)-([A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)|(\d+)(?![\w.]))/y;
/** `/025` of `REQ-SCHED-024/025/026`. */
const SLASH_TAIL = /\/(\d+)(?![\w.])/y;
/**
 * `, 015` of `(REQ-PCCP-021~023, 015, 024)` and `, -050` of `(maps REQ-X-005, -050)`: a bare
 * number as wide as the last ID's.
 */
const COMMA_TAIL = /[ \t]*,[ \t]*-?(\d+)(?![\w.])/y;

/** Drops trailing `-word` groups of lowercase letters: `-enumerated` of `REQ-AA2-012-enumerated` is prose. */
function withoutWordTail(id: string): string {
  let end = id.length;
  for (let dash = id.lastIndexOf('-', end - 1); dash > 0 && end - dash > 2 && /^[a-z]+$/.test(id.slice(dash + 1, end)); dash = id.lastIndexOf('-', end - 1)) end = dash;
  return id.slice(0, end);
}

/** A REQ/AC ID needs a digit; `REQ-ID` in a table header is a word. */
function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

/** Splits `REQ-X-011` into `REQ-X-` and `011`; undefined when it does not end in digits. */
function numbered(id: string): { prefix: string; digits: string } | undefined {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? { prefix: m[1]!, digits: m[2]! } : undefined;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/**
 * Every SPEC, REQ and AC ID in `text[from, to)`, ranges and lists expanded. Linear in the text:
 * one pass of a global pattern, sticky tails after each REQ/AC ID, at most
 * `MAX_RANGE_MEMBERS` members per range (the rest cut and reported in `cut`).
 */
export function findIds(text: string, from = 0, to = text.length): { ids: FoundId[]; cut: CutRange[] } {
  const ids: FoundId[] = [];
  const cut: CutRange[] = [];
  const re = ID;
  const slice = to === text.length ? text : text.slice(0, to);
  re.lastIndex = from;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[1] !== undefined) {
      ids.push({ kind: 'SPEC', id: m[1], start: m.index, end: m.index + m[0].length, expanded: false });
      continue;
    }
    const kind = m[2] as 'REQ' | 'AC';
    const written = withoutWordTail(m[0]);
    if (!hasDigit(written.slice(kind.length + 1))) continue;
    let last = { id: written, start: m.index, end: m.index + written.length };
    ids.push({ kind, id: last.id, ...span(last), expanded: false });
    let at = last.end;
    for (;;) {
      const tail = matchAt(RANGE_TAIL, slice, at) ?? matchAt(SLASH_TAIL, slice, at) ?? matchAt(COMMA_TAIL, slice, at);
      if (!tail) break;
      const base = numbered(last.id);
      if (!base) break;
      const endId = tail[2] !== undefined ? `${tail[1]}-${tail[2]}` : undefined;
      const endDigits = endId !== undefined ? numbered(endId) : { prefix: base.prefix, digits: (tail[3] ?? tail[1])! };
      if (!endDigits || endDigits.prefix !== base.prefix) break;
      if (tail[0].startsWith('/') || /^[ \t]*,/.test(tail[0])) {
        if (endDigits.digits.length !== base.digits.length) break;
        const id = base.prefix + endDigits.digits;
        const start = at + tail[0].length - endDigits.digits.length;
        last = { id, start, end: at + tail[0].length };
        ids.push({ kind, id, start: last.start, end: last.end, expanded: false });
      } else {
        const first = Number(base.digits);
        const lastN = Number(endDigits.digits);
        const rangeStart = last.start;
        const rangeEnd = at + tail[0].length;
        if (lastN > first) {
          const asked = lastN - first;
          const count = Math.min(asked, MAX_RANGE_MEMBERS - 1);
          if (asked > count) cut.push({ start: rangeStart, end: rangeEnd, asked: asked + 1 });
          for (let n = first + 1; n <= first + count; n++) {
            const written = n === lastN;
            const id = base.prefix + (written ? endDigits.digits : pad(n, base.digits.length));
            ids.push(written ? { kind, id, start: rangeEnd - endDigits.digits.length - (endId ? endDigits.prefix.length : 0), end: rangeEnd, expanded: false } : { kind, id, start: rangeStart, end: rangeEnd, expanded: true });
          }
        } else if (endId !== undefined) {
          ids.push({ kind, id: endId, start: rangeEnd - endId.length, end: rangeEnd, expanded: false });
        }
        last = { id: base.prefix + endDigits.digits, start: rangeEnd - endDigits.digits.length, end: rangeEnd };
      }
      at = last.end;
    }
    re.lastIndex = Math.max(re.lastIndex, at);
  }
  return { ids, cut };
}

function span(x: { start: number; end: number }): { start: number; end: number } {
  return { start: x.start, end: x.end };
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}
