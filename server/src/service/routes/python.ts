import type { RouteCollector } from './collect';
import type { Source } from './source';
import type { OwnerKey } from './types';

/** A `def` or `class` of a Python file: its name, parameters and token span. */
export interface PyBlock {
  readonly kind: 'def' | 'class';
  readonly name: string;
  readonly params: readonly string[];
  /** Token index of `def`/`class`, and the index after its body's last token. */
  readonly start: number;
  readonly end: number;
  /** Token index of the `(` after the name, or -1. */
  readonly open: number;
  readonly indent: number;
}

/**
 * The blocks of a Python file and, per token, the innermost `def` holding it: a body ends at the
 * first line, outside brackets, indented no deeper than its `def`.
 */
export class PyScopes {
  readonly blocks: PyBlock[] = [];
  readonly #fnOf: Int32Array;

  constructor(readonly src: Source) {
    const t = src.tokens;
    this.#fnOf = new Int32Array(t.length).fill(-1);
    const open: { block: number; indent: number }[] = [];
    let lastLine = -1;
    for (let k = 0; k < t.length; k++) {
      const tok = t[k]!;
      const line = src.lines.positionAt(tok.start).line;
      if (line !== lastLine) {
        lastLine = line;
        const indent = src.indent(k);
        while (open.length && indent <= open[open.length - 1]!.indent && src.depth(k) === 0) {
          const done = open.pop()!;
          (this.blocks[done.block] as { end: number }).end = k;
        }
      }
      if (tok.kind === 'id' && (tok.text === 'def' || tok.text === 'class') && t[k + 1]?.kind === 'id') {
        const paren = t[k + 2]?.text === '(' ? k + 2 : -1;
        const params = tok.text === 'def' && paren !== -1 ? src.args(paren).map(([a]) => (t[a]!.kind === 'id' ? t[a]!.text : t[a + 1]?.text ?? '')).filter((p) => p !== 'self' && p !== 'cls') : [];
        this.blocks.push({ kind: tok.text, name: t[k + 1]!.text, params, start: k, end: t.length, open: paren, indent: src.indent(k) });
        open.push({ block: this.blocks.length - 1, indent: src.indent(k) });
      }
      for (let j = open.length - 1; j >= 0; j--) {
        const b = this.blocks[open[j]!.block]!;
        if (b.kind === 'def' && k > b.start + 1) {
          this.#fnOf[k] = open[j]!.block;
          break;
        }
      }
    }
  }

  /** The innermost function holding token `k`, or undefined at module level. */
  fnAt(k: number): PyBlock | undefined {
    const b = this.#fnOf[k]!;
    return b === -1 ? undefined : this.blocks[b];
  }

  /** The `def` or `class` a decorator at token `k` decorates: the first block starting after it. */
  decorated(k: number): PyBlock | undefined {
    return this.blocks.find((b) => b.start > k && b.start - k < 400);
  }

  /**
   * The owner key of a name used at token `k`: a parameter of its function (`fn#0`), a name
   * assigned in its function (`fn/name`), or a module-level name.
   */
  ownerKey(name: string, k: number, assigned: ReadonlySet<string>): OwnerKey {
    const fn = this.fnAt(k);
    if (!fn) return name;
    const i = fn.params.indexOf(name);
    if (i !== -1) return `${fn.name}#${i}`;
    return assigned.has(`${fn.name}/${name}`) ? `${fn.name}/${name}` : name;
  }
}

/** Python's imports into the collector: `from a.b import c as d`, `import a.b as c`. */
export function pythonImports(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  for (let k = 0; k < t.length; k++) {
    if (t[k]!.kind !== 'id' || (t[k]!.text !== 'from' && t[k]!.text !== 'import')) continue;
    if (k > 0 && src.line(k - 1) === src.line(k) && !src.is(k - 1, ';')) continue;
    let j = k + 1;
    let module = '';
    const readModule = (): void => {
      while (j < t.length && (src.is(j, '.') || t[j]!.kind === 'id') && !(t[j]!.text === 'import' && t[j]!.kind === 'id')) {
        module += t[j]!.text;
        j++;
      }
    };
    if (t[k]!.text === 'from') {
      readModule();
      if (!src.is(j, 'import')) continue;
      j++;
      if (src.is(j, '(')) j++;
      while (j < t.length && t[j]!.kind === 'id') {
        const name = t[j]!.text;
        let local = name;
        if (src.is(j + 1, 'as') && t[j + 2]?.kind === 'id') {
          local = t[j + 2]!.text;
          j += 2;
        }
        out.imports.push({ local, module, name });
        j++;
        if (!src.is(j, ',')) break;
        j++;
      }
    } else {
      for (;;) {
        module = '';
        readModule();
        if (!module) break;
        let local = module.split('.')[0]!;
        let name = '*';
        if (src.is(j, 'as') && t[j + 1]?.kind === 'id') {
          local = t[j + 1]!.text;
          j += 2;
        } else if (module.includes('.')) {
          // `import a.b` binds `a`; `a.b.x` is then resolved from the module `a.b`.
          name = '*';
          out.imports.push({ local: module, module, name });
          if (!src.is(j, ',')) break;
          j++;
          continue;
        }
        out.imports.push({ local, module, name });
        if (!src.is(j, ',')) break;
        j++;
      }
    }
  }
}

/**
 * Assignments of a Python file: `name = Call(…)` (owners) and `NAME = "/x"` / `NAME: str = "/x"`
 * (constants), with the function each stands in.
 */
export interface PyAssignment {
  readonly key: OwnerKey;
  readonly name: string;
  /** Token index of the value's first token, and the index after it. */
  readonly from: number;
  readonly to: number;
  /** The called name when the value is a call (`APIRouter`, `fastapi.APIRouter`). */
  readonly call?: string;
  readonly open?: number;
}

export function pythonAssignments(src: Source, scopes: PyScopes): { list: PyAssignment[]; assigned: Set<string> } {
  const t = src.tokens;
  const list: PyAssignment[] = [];
  const assigned = new Set<string>();
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id' || (k > 0 && src.line(k - 1) === src.line(k) && !src.is(k - 1, ';'))) continue;
    let j = k + 1;
    if (src.is(j, ':') && t[j + 1]?.kind === 'id') {
      j += 2;
      while (src.is(j, '.') && t[j + 1]?.kind === 'id') j += 2;
      if (src.is(j, '[') && src.close(j) !== -1) j = src.close(j) + 1;
    }
    if (!src.is(j, '=') || src.is(j + 1, '=')) continue;
    const fn = scopes.fnAt(k);
    const key = fn ? `${fn.name}/${tok.text}` : tok.text;
    if (fn) assigned.add(key);
    const from = j + 1;
    let to = from;
    const line = src.line(from);
    while (to < t.length && (src.line(to) === line || to === from)) {
      if (t[to]!.kind === 'punct' && '([{'.includes(t[to]!.text) && src.close(to) !== -1) to = src.close(to);
      to++;
    }
    let call: string | undefined;
    let open: number | undefined;
    let c = from;
    let name = '';
    while (c < to && t[c]!.kind === 'id') {
      name += t[c]!.text;
      if (src.is(c + 1, '.')) {
        name += '.';
        c += 2;
      } else break;
    }
    if (name && src.is(c + 1, '(')) {
      call = name;
      open = c + 1;
    }
    list.push({ key, name: tok.text, from, to, ...(call ? { call, open: open! } : {}) });
  }
  return { list, assigned };
}

/** String constants that look like paths, kept for prefixes other files name. */
export function pathConstants(src: Source, assignments: readonly PyAssignment[], out: RouteCollector): void {
  for (const a of assignments) {
    if (a.to !== a.from + 1) continue;
    const tok = src.tokens[a.from]!;
    if (tok.kind === 'str' && tok.value !== undefined && isPathConstant(a.name, tok.value)) out.constants.set(a.name, tok.value);
  }
}

/** A constant worth keeping: a short path-like value, or a name that says it is a prefix or path. */
export function isPathConstant(name: string, value: string): boolean {
  return value.length <= 120 && /^\/?[\w\-{}.:/<>]*$/.test(value) && (value.startsWith('/') || /prefix|path|url|route|api|base|version|root|endpoint/i.test(name));
}
