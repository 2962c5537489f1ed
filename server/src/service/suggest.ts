import { withoutTrailingDashes } from './tags';

/** "Did you mean" for IDs and markers: an edit distance, and the closest of a set of SPEC IDs. */

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Edit distance between `a` and `b` with insertions, deletions, substitutions and transpositions
 * of two neighbouring characters (Damerau-Levenshtein, optimal string alignment): `PYA-001` is
 * one edit from `PAY-001`, as `PAY-01` is. Stops early and returns `max + 1` as soon as the
 * distance must exceed `max` (a transposition never undercuts the row above it, so a row whose
 * minimum exceeds `max` ends the search).
 */
export function editDistance(a: string, b: string, max = Math.max(a.length, b.length)): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2), new Int32Array(b.length * 2), new Int32Array(b.length * 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, before[j - 2]! + 1);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
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

/** SPEC IDs prepared for "did you mean" lookups: their upper-case forms and character sets, computed once. */
export class Candidates {
  readonly #upper: readonly string[];
  readonly #masks: Int32Array;

  constructor(readonly ids: readonly string[]) {
    this.#upper = ids.map((id) => id.toUpperCase());
    this.#masks = Int32Array.from(ids, charMask);
  }

  /**
   * The candidate closest to `id` by edit distance, case aside (`user-001` finds `USER-001`), or
   * undefined when none is close enough to be a plausible typo: at most three edits, and at
   * most a quarter of the characters. One edit changes at most two characters of the set, which
   * rules most candidates out before any distance is computed. Undefined too when two candidates
   * are equally close: among sparse numbered IDs (`LOTTO-032` with 002, 022 and 038 declared) a
   * pick would be a guess.
   */
  closest(id: string): string | undefined {
    const wanted = id.toUpperCase();
    let best: string | undefined;
    let tied = false;
    let bestDistance = Math.max(1, Math.min(3, Math.floor(id.length / 4))) + 1;
    const mask = charMask(id);
    for (let i = 0; i < this.ids.length; i++) {
      const c = this.#upper[i]!;
      // `<=`/`>` keep candidates at the best distance so far, to tell a tie.
      if (Math.abs(c.length - wanted.length) > bestDistance || popcount(mask ^ this.#masks[i]!) > 2 * bestDistance) continue;
      const d = editDistance(wanted, c, bestDistance);
      if (d === 0) return this.ids[i];
      if (d < bestDistance) {
        bestDistance = d;
        best = this.ids[i];
        tied = false;
      } else if (d === bestDistance && best !== undefined) tied = true;
    }
    return tied ? undefined : best;
  }
}

/** What a malformed marker is told, and the marker it most likely means. */
export interface MarkerAdvice {
  readonly message: string;
  /** The whole marker spelt right, when it can be guessed. */
  readonly replacement?: string;
  /** The ID it most likely means, when the type was written right and only the ID changes. */
  readonly id?: string;
}

/**
 * Advice for a marker the scanner found malformed (`text` is the whole `@TYPE:ID[:SUB]`): whether
 * the type's case or the ID is the problem, and the spelling it likely means: the scanner's
 * `guessedId`, which only mends case and separators (`order-002` -> `ORDER-002`, even when only
 * ORDER-001 exists: the number is the writer's), else the SPEC ID closest to the ID as written
 * (`PAY-01` -> `PAY-001`).
 */
export function adviseMalformed(
  text: string,
  tagTypes: readonly string[],
  validId: (id: string) => boolean,
  guessedId: string | undefined,
  closestId: (id: string) => string | undefined,
): MarkerAdvice {
  const colon = text.indexOf(':');
  const type = text.slice(1, colon);
  const idEnd = /[^A-Za-z0-9_-]/.exec(text.slice(colon + 1));
  const rawId = idEnd ? text.slice(colon + 1, colon + 1 + idEnd.index) : text.slice(colon + 1);
  const rest = text.slice(colon + 1 + rawId.length);
  const id = withoutTrailingDashes(rawId);
  const canonical = tagTypes.find((t) => t.toUpperCase() === type.toUpperCase()) ?? type.toUpperCase();
  const typeWrong = type !== canonical;
  const idRight = validId(id);
  const problems: string[] = [];
  if (typeWrong) problems.push(`tag types are written in capitals (${canonical}, not ${type})${idRight ? `; the ID ${id} is fine` : ''}`);
  if (!idRight) problems.push('IDs look like USER-001 (capitals, dashes, at least three final digits)');
  const fixedId = idRight ? id : (guessedId ?? closestId(id));
  const replacement = fixedId === undefined ? undefined : `@${canonical}:${fixedId}${rest}`;
  const message = `${text} is not a valid tag: ${problems.join('; ')}.${replacement ? ` Did you mean ${replacement}?` : ''}`;
  return { message, ...(replacement ? { replacement } : {}), ...(fixedId !== undefined && !typeWrong ? { id: fixedId } : {}) };
}
