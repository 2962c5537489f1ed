import { normalisePath } from './paths';
import type { Source } from './source';
import type { ImportBinding, LocalRoute, Mount, MountTarget, OwnerDecl, OwnerKey, RouteFacts, RouteFramework, RouteMethod, ViewClass } from './types';

/** Opens and closes a name left to composition (a constant of another file) inside a path. */
export const HOLE_OPEN = '\u0001';
export const HOLE_CLOSE = '\u0002';
const HOLE = /\u0001([^\u0001\u0002]*)\u0002/g;

/** A path or prefix as far as the code tells: its text (holes for names of other files), or why it cannot be known. */
export interface PathValue {
  readonly value?: string;
  readonly dynamic?: string;
}

/** The names in holes of a path (`settings.API_V1_STR`). */
export function holes(path: string): string[] {
  return [...path.matchAll(HOLE)].map((m) => m[1]!);
}

/** Fills the holes of a path with `lookup`; undefined when one cannot be filled. */
export function fillHoles(path: string, lookup: (name: string) => string | undefined): string | undefined {
  let missing = false;
  const out = path.replace(HOLE, (_m, name: string) => {
    const v = lookup(name);
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

export const HTTP_METHODS: readonly RouteMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** `get` -> `GET`; `any`, `all`, `route`, `*` -> `ANY`; undefined for other words. */
export function methodOf(word: string): RouteMethod | undefined {
  const up = word.toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(up)) return up as RouteMethod;
  if (up === 'ANY' || up === 'ALL' || up === '*' || up === 'MATCH') return 'ANY';
  return undefined;
}

/** The methods a list argument names (`methods=["GET", "POST"]`, `[RequestMethod.GET]`, `'GET|POST'`). */
export function methodsIn(src: Source, span: readonly [number, number]): RouteMethod[] {
  const out: RouteMethod[] = [];
  for (let k = span[0]; k < span[1]; k++) {
    const t = src.tokens[k]!;
    const words = t.kind === 'str' ? (t.value ?? '').split(/[^A-Za-z*]+/) : t.kind === 'id' ? [t.text] : [];
    for (const w of words) {
      const m = w ? methodOf(w) : undefined;
      if (m && m !== 'ANY' && !out.includes(m)) out.push(m);
    }
  }
  return out;
}

/**
 * The string a span evaluates to: a literal, literals and names joined by `+`, `.` (PHP) or
 * juxtaposition (Python), a template whose holes are names. Names the file defines as constants
 * are filled in; other dotted names stay as holes for composition to fill from other files;
 * anything else (a call, an index) makes the value dynamic.
 */
export function evalPath(src: Source, span: readonly [number, number], constants: ReadonlyMap<string, string>): PathValue {
  const [from, to] = span;
  if (to <= from) return { dynamic: 'no path is given' };
  let out = '';
  let k = from;
  let expectValue = true;
  while (k < to) {
    const t = src.tokens[k]!;
    if (expectValue) {
      if (t.kind === 'str') {
        if (t.value !== undefined) out += t.value;
        else {
          const filled = fillTemplate(t.template ?? '', constants);
          if (filled === undefined) return { dynamic: `\`${src.textOf([k, k + 1])}\` is computed at run time` };
          out += filled;
        }
        k++;
      } else if (t.kind === 'id') {
        let name = t.text;
        let j = k + 1;
        while (j + 1 < to && (src.is(j, '.') || src.is(j, '::') || src.is(j, '->')) && src.tokens[j + 1]!.kind === 'id') {
          name += `.${src.tokens[j + 1]!.text}`;
          j += 2;
        }
        if (j < to && (src.is(j, '(') || src.is(j, '['))) return { dynamic: `\`${src.textOf([from, to])}\` is computed at run time` };
        const known = constants.get(name) ?? constants.get(name.replace(/^(?:self|this|static)\./, ''));
        out += known ?? `${HOLE_OPEN}${name.replace(/^\$/, '')}${HOLE_CLOSE}`;
        k = j;
      } else return { dynamic: `\`${src.textOf([from, to])}\` is computed at run time` };
      expectValue = false;
    } else {
      if (t.kind === 'punct' && (t.text === '+' || t.text === '.')) {
        expectValue = true;
        k++;
      } else if (t.kind === 'str') expectValue = true;
      else return { dynamic: `\`${src.textOf([from, to])}\` is computed at run time` };
    }
  }
  return { value: out };
}

/** A template's text with `${NAME}` filled from constants, or holes for dotted names; undefined when an expression is not a name. */
function fillTemplate(template: string, constants: ReadonlyMap<string, string>): string | undefined {
  let ok = true;
  const out = template.replace(/\$?\{([^{}]*)\}/g, (_m, expr: string) => {
    const name = expr.trim();
    if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(name)) {
      ok = false;
      return '';
    }
    return constants.get(name) ?? `${HOLE_OPEN}${name}${HOLE_CLOSE}`;
  });
  return ok ? out : undefined;
}

/** Collects one file's route facts as the extractors find them. */
export class RouteCollector {
  readonly routes: LocalRoute[] = [];
  readonly mounts: Mount[] = [];
  readonly owners = new Map<OwnerKey, OwnerDecl>();
  readonly imports: ImportBinding[] = [];
  readonly exports: Record<string, OwnerKey> = {};
  /** String constants of the file, by name (module level and class attributes). */
  readonly constants = new Map<string, string>();
  readonly classes: ViewClass[] = [];
  readonly settings: Record<string, string> = {};
  readonly functions = new Set<string>();

  constructor(readonly src: Source) {}

  /** Adds a route; its path is evaluated and normalised here. */
  route(framework: RouteFramework, methods: readonly RouteMethod[], path: PathValue, owner: OwnerKey, at: readonly [number, number], handler?: string, extra: Pick<LocalRoute, 'view' | 'viewset'> = {}): void {
    const range = this.src.range(at[0], at[1]);
    const entry: LocalRoute = {
      ...extra,
      framework,
      methods: methods.length ? methods : ['ANY'],
      path: path.value !== undefined ? normalisePath(path.value) : '',
      owner,
      range,
      ...(handler ? { handler } : {}),
      ...(path.dynamic !== undefined ? { dynamic: path.dynamic } : {}),
    };
    this.routes.push(entry);
  }

  mount(parent: OwnerKey, prefix: PathValue, target: MountTarget, line: number): void {
    this.mounts.push({ parent, prefix: prefix.value !== undefined ? normalisePath(prefix.value) : '', ...(prefix.dynamic !== undefined ? { dynamic: prefix.dynamic } : {}), target, line });
  }

  owner(key: OwnerKey, decl: Omit<OwnerDecl, 'key'>, prefix?: PathValue): void {
    const old = this.owners.get(key);
    const withPrefix = prefix ? { ...(prefix.value !== undefined ? { prefix: normalisePath(prefix.value) } : {}), ...(prefix.dynamic !== undefined ? { dynamic: prefix.dynamic } : {}) } : {};
    this.owners.set(key, { ...old, key, ...decl, ...withPrefix });
  }

  /** The facts, or undefined when the file declares nothing route-related. */
  facts(): RouteFacts | undefined {
    const hasShape = this.routes.length || this.mounts.length || this.owners.size || this.classes.length || Object.keys(this.settings).length;
    if (!hasShape && !this.constants.size) return undefined;
    // Two extractors may read one declaration (`@bp.get` is FastAPI's and Flask's shape): keep one.
    const seen = new Set<string>();
    const routes = this.routes.filter((r) => {
      const key = `${r.owner}|${r.path}|${r.methods.join(',')}|${r.range.start.line}:${r.range.start.character}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const out: { -readonly [K in keyof RouteFacts]: RouteFacts[K] } = { routes };
    if (this.mounts.length) out.mounts = this.mounts;
    if (this.owners.size) out.owners = [...this.owners.values()];
    if (hasShape && this.imports.length) out.imports = this.imports;
    if (Object.keys(this.exports).length) out.exports = this.exports;
    if (this.constants.size) out.constants = Object.fromEntries([...this.constants].filter(([, v]) => v.length <= 200 && (v === '' || v.startsWith('/') || /^[\w\-{}.:/]*$/.test(v))));
    if (this.classes.length) out.classes = this.classes;
    if (Object.keys(this.settings).length) out.settings = this.settings;
    if (this.functions.size && hasShape) out.functions = [...this.functions];
    return out;
  }
}

/**
 * Routers handed to functions: `register_blueprints(app)`, `InitUserRouter(group)`,
 * `routes(app)`. Each argument that is an owner the file knows becomes a mount (no prefix) on the
 * called function's parameter, resolved across files by composition. `keyOf` gives an argument's
 * owner key where it stands; `skip` leaves out definitions (`def f(app)`, `func f(r *gin.Engine)`).
 */
export function passOwners(src: Source, out: RouteCollector, keyOf: (name: string, k: number) => OwnerKey, skip: (k: number) => boolean, spanKey?: (span: readonly [number, number]) => OwnerKey | undefined): void {
  const known = new Set<OwnerKey>([...out.owners.keys(), ...out.routes.map((r) => r.owner), ...out.mounts.map((m) => m.parent)]);
  if (known.size === 0) return;
  const t = src.tokens;
  for (let k = 0; k + 1 < t.length; k++) {
    if (t[k]!.kind !== 'id' || !src.is(k + 1, '(') || skip(k)) continue;
    let start = k;
    while (start >= 2 && src.is(start - 1, '.') && t[start - 2]!.kind === 'id') start -= 2;
    const callee = src.dotted([start, k + 1]);
    if (!callee) continue;
    const args = src.args(k + 1);
    args.forEach((span, index) => {
      const inline = spanKey?.(span);
      if (inline !== undefined) {
        out.mount(inline, { value: '' }, { pass: callee, index }, src.line(k));
        return;
      }
      if (span[1] - span[0] !== 1 || t[span[0]]!.kind !== 'id') return;
      const key = keyOf(t[span[0]]!.text, span[0]);
      if (known.has(key)) out.mount(key, { value: '' }, { pass: callee, index }, src.line(k));
    });
  }
}
