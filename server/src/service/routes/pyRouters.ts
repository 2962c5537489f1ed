import { evalPath, methodOf, methodsIn, passOwners, type RouteCollector } from './collect';
import { PyScopes, pathConstants, pythonAssignments, pythonImports } from './python';
import type { Source } from './source';
import type { RouteFramework, RouteMethod } from './types';

/** A Python framework whose routes are decorators on router objects (FastAPI, Flask). */
export interface PyRouterShape {
  readonly framework: RouteFramework;
  /** Constructors of application objects: their routes are served as written. */
  readonly apps: readonly string[];
  /** Constructors of routers, with the keyword that gives their own prefix. */
  readonly routers: Readonly<Record<string, string>>;
  /** Decorator and call verbs: a method, or `methods` when a `methods=` list says (default GET). */
  readonly verbs: Readonly<Record<string, RouteMethod | 'methods'>>;
  /** Calls that add a route without a decorator: the verb, where its path and handler stand. */
  readonly calls: Readonly<Record<string, { readonly path: number; readonly handler: number; readonly handlerKeyword: string }>>;
  /** Calls that include a child router, with the keyword that gives the prefix. */
  readonly includes: Readonly<Record<string, string>>;
}

/** Reads decorator routes, router constructors and includes of one Python file. */
export function readPyRouters(shape: PyRouterShape, src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const scopes = new PyScopes(src);
  const { list, assigned } = pythonAssignments(src, scopes);
  if (out.imports.length === 0) pythonImports(src, out);
  pathConstants(src, list, out);
  const constants = out.constants;
  for (const a of list) {
    if (!a.call || a.open === undefined) continue;
    const ctor = a.call.slice(a.call.lastIndexOf('.') + 1);
    const args = src.args(a.open);
    if (shape.apps.includes(ctor)) out.owner(a.key, { root: true });
    else if (shape.routers[ctor] !== undefined) {
      const kw = src.named(args, shape.routers[ctor]!);
      out.owner(a.key, {}, kw ? evalPath(src, kw, constants) : undefined);
    }
  }
  for (let k = 0; k + 3 < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id') continue;
    // receiver . verb ( …
    if (!src.is(k + 1, '.') || t[k + 2]?.kind !== 'id' || !src.is(k + 3, '(')) continue;
    if (k > 0 && src.is(k - 1, '.')) continue;
    const verb = t[k + 2]!.text;
    const open = k + 3;
    const decorator = k > 0 && src.is(k - 1, '@');
    const owner = scopes.ownerKey(tok.text, k, assigned);
    if (decorator && shape.verbs[verb] !== undefined) {
      const args = src.args(open);
      const pathSpan = src.named(args, 'path') ?? src.named(args, 'rule') ?? src.positional(args)[0];
      if (!pathSpan || !looksLikeRoute(src, pathSpan)) continue;
      const target = scopes.decorated(k);
      const methods = methodsFor(shape.verbs[verb]!, src, args);
      // A decorated class (a Flask-RESTX resource) answers the methods it defines.
      const classMethods = target?.kind === 'class' ? classVerbs(src, target.start, target.end) : undefined;
      out.route(shape.framework, classMethods ?? methods, evalPath(src, pathSpan, constants), owner, [k - 1, src.close(open) + 1], target?.name);
      continue;
    }
    const call = shape.calls[verb];
    if (call) {
      const args = src.args(open);
      const pos = src.positional(args);
      const pathSpan = pos[call.path];
      if (!pathSpan || !looksLikeRoute(src, pathSpan)) continue;
      const handlerSpan = src.named(args, call.handlerKeyword) ?? pos[call.handler];
      const methodsSpan = src.named(args, 'methods');
      const methods = methodsSpan ? methodsIn(src, methodsSpan) : ['GET' as RouteMethod];
      out.route(shape.framework, methods, evalPath(src, pathSpan, constants), owner, [k, src.close(open) + 1], handlerSpan ? src.dotted(handlerSpan) : undefined);
      continue;
    }
    const prefixKeyword = shape.includes[verb];
    if (prefixKeyword !== undefined) {
      const args = src.args(open);
      const child = src.positional(args)[0];
      const name = child ? src.dotted(child) : undefined;
      if (!name) continue;
      const kw = src.named(args, prefixKeyword);
      out.mount(owner, kw ? evalPath(src, kw, constants) : { value: '' }, { name: childKey(scopes, name, k, assigned) }, src.line(k));
    }
  }
  for (const b of scopes.blocks) if (b.kind === 'def' && scopes.fnAt(b.start) === undefined) out.functions.add(b.name);
  passOwners(src, out, (name, k) => scopes.ownerKey(name, k, assigned), (k) => src.is(k - 1, 'def'));
}

/** A child router named in a function: its local key when the function assigns it. */
function childKey(scopes: PyScopes, name: string, k: number, assigned: ReadonlySet<string>): string {
  if (name.includes('.')) return name;
  return scopes.ownerKey(name, k, assigned);
}

function methodsFor(verb: RouteMethod | 'methods', src: Source, args: [number, number][]): RouteMethod[] {
  if (verb !== 'methods') return [verb];
  const span = src.named(args, 'methods');
  const found = span ? methodsIn(src, span) : [];
  return found.length ? found : ['GET'];
}

/** The HTTP verbs a class defines as methods (`def get`, `def post`, …). */
export function classVerbs(src: Source, from: number, to: number): RouteMethod[] | undefined {
  const out: RouteMethod[] = [];
  for (let k = from; k + 1 < to; k++) {
    if (src.tokens[k]!.text !== 'def' || src.tokens[k]!.kind !== 'id') continue;
    const m = methodOf(src.tokens[k + 1]!.text);
    if (m && m !== 'ANY' && !out.includes(m)) out.push(m);
  }
  return out.length ? out : undefined;
}

/** A route path argument: a string (or names and strings) that is empty or starts with `/` (not `mock.patch("a.b")`). */
function looksLikeRoute(src: Source, span: readonly [number, number]): boolean {
  const first = src.tokens[span[0]]!;
  if (first.kind === 'str') {
    const v = first.value ?? first.template ?? '';
    return v === '' || v.startsWith('/') || v.startsWith('<');
  }
  return first.kind === 'id';
}
