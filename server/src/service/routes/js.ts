import type { RouteCollector } from './collect';
import type { Source } from './source';
import type { OwnerKey } from './types';

/** A named function of a JavaScript/TypeScript file: its parameters and body span (tokens). */
export interface JsFunction {
  readonly name: string;
  readonly params: readonly string[];
  /** Token indices of the body's `{` and `}`. */
  readonly open: number;
  readonly close: number;
}

/**
 * The named functions of a JS/TS file (`function f(a) {}`, `const f = (a) => {}`,
 * `const f = async function (a) {}`, `export default function (a) {}`, `module.exports = (a) => {}`,
 * `export default fp(async (a) => {})`) and the innermost one holding each token, so that a
 * router handed in as a parameter has a key of its own (`f#0`).
 */
export class JsScopes {
  readonly functions: JsFunction[] = [];
  readonly #assigned = new Set<string>();

  constructor(readonly src: Source) {
    const t = src.tokens;
    for (let k = 0; k < t.length; k++) {
      const tok = t[k]!;
      if (tok.kind !== 'id') continue;
      if (tok.text === 'function' && !src.is(k - 1, '.')) {
        let j = k + 1;
        if (src.is(j, '*')) j++;
        const named = t[j]?.kind === 'id' && src.is(j + 1, '(') ? t[j]!.text : undefined;
        const open = named ? j + 1 : src.is(j, '(') ? j : -1;
        if (open === -1) continue;
        this.#add(named ?? this.#nameBefore(k), open);
      } else if (src.is(k + 1, '=>')) {
        // `a => {…}`: a single bare parameter.
        if (!src.is(k + 2, '{')) continue;
        this.#addArrow(this.#nameBefore(k), [tok.text], k + 2);
      }
    }
    // Arrows with parenthesised parameters: `(a, b) => {…}`, `async (a) => {…}`.
    for (let k = 0; k < t.length; k++) {
      if (!src.is(k, '(')) continue;
      const close = src.close(k);
      if (close === -1 || !src.is(close + 1, '=>') && !(src.is(close + 1, ':') && this.#arrowAfterType(close + 1))) continue;
      let arrow = close + 1;
      if (src.is(arrow, ':')) arrow = this.#arrowAfterType(arrow)!;
      if (!src.is(arrow + 1, '{')) continue;
      const params = src.args(k).map(([a]) => (t[a]!.kind === 'id' ? t[a]!.text : '')).filter(Boolean);
      const start = src.is(k - 1, 'async') ? k - 1 : k;
      this.#addArrow(this.#nameBefore(start), params, arrow + 1);
    }
    this.functions.sort((a, b) => a.open - b.open);
    for (const fn of this.functions) {
      for (let k = fn.open + 1; k < fn.close; k++) {
        if ((t[k]!.text === 'const' || t[k]!.text === 'let' || t[k]!.text === 'var') && t[k + 1]?.kind === 'id') this.#assigned.add(`${this.fnAt(k + 1)?.name}/${t[k + 1]!.text}`);
      }
    }
  }

  /** The `=>` after a return type annotation `): Promise<void> =>`, if any. */
  #arrowAfterType(colon: number): number | undefined {
    for (let j = colon + 1; j < colon + 12 && j < this.src.tokens.length; j++) if (this.src.is(j, '=>')) return j;
    return undefined;
  }

  /** The name a function expression gets from where it stands: `const f =`, `export default`, `module.exports =`, `export default fp(`. */
  #nameBefore(k: number): string {
    const src = this.src;
    const t = src.tokens;
    let j = k - 1;
    if (src.is(j, 'async')) j--;
    // Unwrap one wrapping call: `fp(`, `fastifyPlugin(`.
    if (src.is(j, '(') && t[j - 1]?.kind === 'id') j -= 2;
    if (src.is(j, 'default') && src.is(j - 1, 'export')) return 'default';
    if (src.is(j, '=')) {
      // `const f: FastifyPluginAsync = async (fastify) => {…}`
      for (let i = j - 1; i > j - 12 && i > 0; i--) if (src.is(i, ':') && t[i - 1]?.kind === 'id' && ['const', 'let', 'var'].includes(t[i - 2]?.text ?? '')) return t[i - 1]!.text;
      if (t[j - 1]?.kind === 'id') {
        if (t[j - 1]!.text === 'exports' && src.is(j - 2, '.') && t[j - 3]?.text === 'module') return 'default';
        return t[j - 1]!.text;
      }
    }
    return '';
  }

  #add(name: string, open: number): void {
    const src = this.src;
    const close = src.close(open);
    if (close === -1) return;
    let body = close + 1;
    // A return type: `function f(app): void {`.
    if (src.is(body, ':')) while (body < src.tokens.length && !src.is(body, '{') && body < close + 12) body++;
    if (!src.is(body, '{') || !name) return;
    const params = src.args(open).map(([a]) => (src.tokens[a]!.kind === 'id' ? src.tokens[a]!.text : '')).filter(Boolean);
    this.functions.push({ name, params, open: body, close: src.close(body) });
  }

  #addArrow(name: string, params: string[], open: number): void {
    if (!name) return;
    const close = this.src.close(open);
    if (close !== -1) this.functions.push({ name, params, open, close });
  }

  /** The innermost named function holding token `k`. */
  fnAt(k: number): JsFunction | undefined {
    let best: JsFunction | undefined;
    for (const fn of this.functions) {
      if (fn.open > k) break;
      if (k < fn.close) best = fn;
    }
    return best;
  }

  /** A name's owner key where it is used: a parameter (`fn#0`), a local (`fn/x`), or module level. */
  ownerKey(name: string, k: number): OwnerKey {
    for (let fn = this.fnAt(k); fn; fn = this.#outer(fn)) {
      const i = fn.params.indexOf(name);
      if (i !== -1) return `${fn.name}#${i}`;
      if (this.#assigned.has(`${fn.name}/${name}`)) return `${fn.name}/${name}`;
    }
    return name;
  }

  #outer(fn: JsFunction): JsFunction | undefined {
    let best: JsFunction | undefined;
    for (const f of this.functions) {
      if (f.open >= fn.open) break;
      if (f.close > fn.close) best = f;
    }
    return best;
  }
}

/** `import … from`, `require()` and `export` facts of a JS/TS file into the collector. */
export function jsModules(src: Source, scopes: JsScopes, out: RouteCollector): void {
  const t = src.tokens;
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id') continue;
    if (tok.text === 'import' && !src.is(k - 1, '.') && !src.is(k + 1, '(')) {
      let j = k + 1;
      if (t[j]?.text === 'type') continue;
      const names: { local: string; name: string }[] = [];
      if (t[j]?.kind === 'id' && t[j]!.text !== 'from') {
        names.push({ local: t[j]!.text, name: 'default' });
        j++;
        if (src.is(j, ',')) j++;
      }
      if (src.is(j, '*') && src.is(j + 1, 'as') && t[j + 2]?.kind === 'id') {
        names.push({ local: t[j + 2]!.text, name: '*' });
        j += 3;
      } else if (src.is(j, '{')) {
        for (const [a, b] of src.args(j)) {
          const first = t[a]!.text === 'type' && b - a > 1 ? a + 1 : a;
          const name = t[first]!.kind === 'id' ? t[first]!.text : undefined;
          const local = b - first === 3 && t[first + 1]!.text === 'as' ? t[first + 2]!.text : name;
          if (name && local) names.push({ local, name });
        }
        j = src.close(j) + 1;
      }
      if (t[j]?.text === 'from' && t[j + 1]?.kind === 'str') for (const n of names) out.imports.push({ ...n, module: t[j + 1]!.value ?? '' });
    } else if (tok.text === 'require' && src.is(k + 1, '(') && t[k + 2]?.kind === 'str' && src.is(k + 3, ')') && src.is(k - 1, '=')) {
      const module = t[k + 2]!.value ?? '';
      if (t[k - 2]?.kind === 'id') out.imports.push({ local: t[k - 2]!.text, module, name: 'default' });
      else if (src.is(k - 2, '}')) {
        let open = k - 3;
        while (open >= 0 && src.close(open) !== k - 2) open--;
        for (const [a, b] of open >= 0 ? src.args(open) : []) {
          const name = t[a]!.text;
          const local = b - a === 3 && src.is(a + 1, ':') ? t[a + 2]!.text : name;
          out.imports.push({ local, module, name });
        }
      }
    } else if ((tok.text === 'exports' && src.is(k - 1, '.') && t[k - 2]?.text === 'module') || (tok.text === 'default' && src.is(k - 1, 'export'))) {
      // `module.exports = router`, `export default router`, `module.exports = { a, b }`.
      const at = tok.text === 'exports' ? (src.is(k + 1, '=') ? k + 2 : -1) : k + 1;
      if (at === -1) {
        if (src.is(k + 1, '.') && t[k + 2]?.kind === 'id' && src.is(k + 3, '=') && t[k + 4]?.kind === 'id') out.exports[t[k + 2]!.text] = scopes.ownerKey(t[k + 4]!.text, k + 4);
        continue;
      }
      const v = t[at];
      const fnAt = src.is(at, 'async') ? at + 1 : at;
      if (src.is(fnAt, 'function') && t[fnAt + 1]?.kind === 'id' && src.is(fnAt + 2, '(')) {
        out.exports.default = `${t[fnAt + 1]!.text}#0`;
        continue;
      }
      if (v?.kind === 'id' && (src.is(at + 1, ';') || src.line(at + 1) !== src.line(at) || at + 1 >= t.length)) out.exports.default = exportKey(scopes, v.text, at);
      else if (src.is(at, '{') && tok.text === 'exports') {
        for (const [a, b] of src.args(at)) {
          const name = t[a]!.text;
          const value = b - a === 3 && src.is(a + 1, ':') ? t[a + 2]!.text : name;
          out.exports[name] = exportKey(scopes, value, a);
        }
      } else if (scopes.functions.some((f) => f.name === 'default')) out.exports.default = 'default#0';
    } else if (tok.text === 'exports' && src.is(k + 1, '.') && t[k + 2]?.kind === 'id' && src.is(k + 3, '=') && t[k + 4]?.kind === 'id' && !src.is(k - 1, '.')) {
      out.exports[t[k + 2]!.text] = scopes.ownerKey(t[k + 4]!.text, k + 4);
    }
  }
}

/** What an exported name stands for: a router, or the first parameter of a plugin function. */
function exportKey(scopes: JsScopes, name: string, k: number): OwnerKey {
  return scopes.functions.some((f) => f.name === name) ? `${name}#0` : scopes.ownerKey(name, k);
}
