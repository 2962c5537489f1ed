import type { Source } from './source';
import type { OwnerKey } from './types';

/** A Go function: name, receiver type, parameters (name and type text) and body span. */
export interface GoFunc {
  readonly name: string;
  readonly receiver?: string;
  readonly params: readonly { readonly name: string; readonly type: string }[];
  readonly open: number;
  readonly close: number;
}

/** The functions of a Go file, and which holds each token. */
export class GoScopes {
  readonly functions: GoFunc[] = [];
  readonly #locals = new Set<string>();

  constructor(readonly src: Source) {
    const t = src.tokens;
    for (let k = 0; k + 2 < t.length; k++) {
      if (t[k]!.text !== 'func' || t[k]!.kind !== 'id') continue;
      let j = k + 1;
      let receiver: string | undefined;
      if (src.is(j, '(')) {
        const close = src.close(j);
        for (let i = j + 1; i < close; i++) if (t[i]!.kind === 'id') receiver = t[i]!.text;
        j = close + 1;
      }
      if (t[j]?.kind !== 'id' || !src.is(j + 1, '(')) continue;
      const name = t[j]!.text;
      const paramsOpen = j + 1;
      const params = src.args(paramsOpen).map(([a, b]) => ({ name: t[a]!.text, type: src.textOf([a + 1, b]) }));
      let body = src.close(paramsOpen) + 1;
      while (body < t.length && !src.is(body, '{')) {
        if ((t[body]!.text === 'interface' || t[body]!.text === 'struct') && src.is(body + 1, '{')) body = src.close(body + 1);
        if (src.is(body, '(') && src.close(body) !== -1) body = src.close(body);
        body++;
        if (t[body]?.text === 'func') break;
      }
      if (!src.is(body, '{')) continue;
      this.functions.push({ name, ...(receiver ? { receiver } : {}), params, open: body, close: src.close(body) });
    }
    for (let k = 0; k + 1 < t.length; k++) {
      if (t[k]!.kind === 'id' && (src.is(k + 1, ':=') || (src.is(k + 1, ':') && src.is(k + 2, '=')))) {
        const fn = this.fnAt(k);
        if (fn) this.#locals.add(`${fn.name}/${t[k]!.text}`);
      }
    }
  }

  fnAt(k: number): GoFunc | undefined {
    for (const fn of this.functions) if (fn.open < k && k < fn.close) return fn;
    return undefined;
  }

  ownerKey(name: string, k: number): OwnerKey {
    const fn = this.fnAt(k);
    if (!fn) return name;
    const i = fn.params.findIndex((p) => p.name === name);
    if (i !== -1) return `${fn.name}#${i}`;
    return this.#locals.has(`${fn.name}/${name}`) ? `${fn.name}/${name}` : name;
  }

  /** The parameter a name is, with its type text, when it is one. */
  param(name: string, k: number): { readonly name: string; readonly type: string } | undefined {
    return this.fnAt(k)?.params.find((p) => p.name === name);
  }
}

/** `X := value` / `X = value` / `var X = value` at `k` (the value's first token): the assigned name's token index. */
export function goAssigned(src: Source, k: number): number | undefined {
  if (src.is(k - 1, '=') && src.is(k - 2, ':') && src.tokens[k - 3]?.kind === 'id') return k - 3;
  if (src.is(k - 1, '=') && src.tokens[k - 2]?.kind === 'id') return k - 2;
  return undefined;
}
