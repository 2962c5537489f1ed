import type { Source } from './source';

/** A Rust function: its name and body span (token indices of `{` and `}`). */
export interface RustFn {
  readonly name: string;
  readonly open: number;
  readonly close: number;
}

/** The functions of a Rust file, and which holds each token. */
export function rustFunctions(src: Source): RustFn[] {
  const t = src.tokens;
  const out: RustFn[] = [];
  for (let k = 0; k + 2 < t.length; k++) {
    if (t[k]!.text !== 'fn' || t[k + 1]?.kind !== 'id') continue;
    let j = k + 2;
    if (src.is(j, '<')) while (j < t.length && !src.is(j, '(')) j++;
    if (!src.is(j, '(')) continue;
    let body = src.close(j) + 1;
    while (body < t.length && !src.is(body, '{') && !src.is(body, ';')) body++;
    if (!src.is(body, '{')) continue;
    out.push({ name: t[k + 1]!.text, open: body, close: src.close(body) });
  }
  return out;
}

export function fnAt(fns: readonly RustFn[], k: number): RustFn | undefined {
  let best: RustFn | undefined;
  for (const fn of fns) if (fn.open < k && k < fn.close && (!best || fn.open > best.open)) best = fn;
  return best;
}

/** A path expression at `k` (`a::b::c`), as a dotted name, and the index after it. */
export function rustPath(src: Source, k: number): { name: string; end: number } | undefined {
  const t = src.tokens;
  if (t[k]?.kind !== 'id') return undefined;
  let name = t[k]!.text;
  let j = k + 1;
  while (src.is(j, '::') && t[j + 1]?.kind === 'id') {
    name += `.${t[j + 1]!.text}`;
    j += 2;
  }
  return { name, end: j };
}
