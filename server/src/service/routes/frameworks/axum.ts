import { evalPath, methodOf, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { fnAt, rustFunctions, rustPath, type RustFn } from '../rust';
import type { Source } from '../source';
import type { MountTarget, OwnerKey, RouteMethod } from '../types';

const CONTINUE = new Set(['layer', 'route_layer', 'with_state', 'fallback', 'fallback_service', 'nest_service', 'route_service', 'into_make_service', 'boxed']);

/**
 * Axum: `Router::new().route("/x", get(h).post(h2))`, `.nest("/api", api::router())`,
 * `.merge(users::router())` across modules; a router a function returns is that function's
 * (`router()`), composed where it is nested or merged; routers in the file that serves them are roots.
 */
export const axum: RouteExtractor = {
  framework: 'axum',
  files: (path) => path.endsWith('.rs'),
  signals: ['Router', '.route(', '.nest(', '.merge(', 'serve('],
  precheck: /\bRouter\b|\.route\(|\.nest\(|\.merge\(|\bserve\(/,
  extract: readAxum,
};

function readAxum(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const fns = rustFunctions(src);
  for (const fn of fns) out.functions.add(fn.name);
  const serves = /\b(?:axum::serve|into_make_service|Server::bind|serve)\s*\(/.test(src.text);
  const variables = new Map<string, OwnerKey>();
  const seen = new Set<number>();
  for (let k = 0; k + 3 < t.length; k++) {
    if (seen.has(k)) continue;
    const fn = fnAt(fns, k);
    if (!fn) continue;
    const start = chainStart(src, k, fns, variables, fn);
    if (!start) continue;
    const key = subjectKey(src, k, fn, variables);
    out.owner(key, serves || fn.name === 'main' ? { root: true } : {});
    if (start.base) out.mount(key, { value: '' }, start.base, src.line(k));
    readAxumChain(src, out, start.end, key, seen);
    k = start.end - 1;
  }
  if (serves) readServed(src, fns, out);
}

/**
 * What a serving file serves: `let app = http::app(); axum::serve(listener, app)` makes the
 * router `http::app()` returns the root.
 */
function readServed(src: Source, fns: readonly RustFn[], out: RouteCollector): void {
  const t = src.tokens;
  for (let k = 0; k + 1 < t.length; k++) {
    if (t[k]!.text !== 'serve' || !src.is(k + 1, '(')) continue;
    const fn = fnAt(fns, k);
    if (!fn) continue;
    for (const [from] of src.args(k + 1)) {
      const name = t[from]!;
      if (name.kind !== 'id') continue;
      // The variable's `let`: `let app = path(…)` (maybe followed by `.layer(…)`).
      for (let j = fn.open; j < k; j++) {
        if (t[j]!.text !== 'let' || t[j + 1]?.text !== name.text) continue;
        let v = j + 2;
        if (src.is(v, ':')) while (v < k && !src.is(v, '=')) v++;
        if (!src.is(v, '=')) continue;
        const path = rustPath(src, v + 1);
        if (!path || !src.is(path.end, '(') || /(?:^|\.)Router\.new$/.test(path.name) || path.name === 'Router') continue;
        out.owner('serve', { root: true });
        out.mount('serve', { value: '' }, { call: path.name }, src.line(j));
      }
    }
  }
}

/** Where a router chain starts at `k`: `Router::new()`, a router variable, or a call to a router function followed by a link. */
function chainStart(src: Source, k: number, fns: readonly RustFn[], variables: Map<string, OwnerKey>, fn: RustFn): { end: number; base?: MountTarget } | undefined {
  const t = src.tokens;
  if (src.is(k - 1, '.') || src.is(k - 1, '::')) return undefined;
  const path = rustPath(src, k);
  if (!path) return undefined;
  let end = path.end;
  if (src.is(end, '::') && src.is(end + 1, '<')) return undefined;
  if (/(?:^|\.)Router$/.test(path.name) && src.is(end, '.') && t[end + 1]?.text === 'new') return { end: src.close(end + 2) + 1 };
  if (/(?:^|\.)Router\.new$/.test(path.name) && src.is(end, '(')) return { end: src.close(end) + 1 };
  if (path.name.endsWith('.new') || !src.is(end, '(')) {
    const v = variables.get(`${fn.name}/${path.name}`);
    if (v && src.is(end, '.') && isLink(src, end)) return { end };
    return undefined;
  }
  end = src.close(end) + 1;
  // `users::router().merge(…)`: a router function's result is the base of the chain.
  const name = path.name.slice(path.name.lastIndexOf('.') + 1);
  if (src.is(end, '.') && isLink(src, end) && (fns.some((f) => f.name === name) || path.name.includes('.'))) return { end, base: { call: path.name } };
  return undefined;
}

function isLink(src: Source, dot: number): boolean {
  const name = src.tokens[dot + 1]?.text ?? '';
  return name === 'route' || name === 'nest' || name === 'merge';
}

/** The owner a chain at `k` builds: the variable it is bound to (`let app = …`), else the function's result. */
function subjectKey(src: Source, k: number, fn: RustFn, variables: Map<string, OwnerKey>): OwnerKey {
  const t = src.tokens;
  if (src.is(k - 1, '=') && t[k - 2]?.kind === 'id') {
    const name = t[k - 2]!.text;
    const key = variables.get(`${fn.name}/${name}`) ?? `${fn.name}/${name}`;
    variables.set(`${fn.name}/${name}`, key);
    return key;
  }
  if (t[k]?.kind === 'id' && variables.has(`${fn.name}/${t[k]!.text}`)) return variables.get(`${fn.name}/${t[k]!.text}`)!;
  return `${fn.name}()`;
}

function readAxumChain(src: Source, out: RouteCollector, dot: number, owner: OwnerKey, seen: Set<number>): void {
  const t = src.tokens;
  let k = dot;
  for (let links = 0; links < 256 && src.is(k, '.') && t[k + 1]?.kind === 'id'; links++) {
    const name = t[k + 1]!.text;
    let open = k + 2;
    if (src.is(open, '::')) while (open < t.length && !src.is(open, '(')) open++;
    if (!src.is(open, '(')) return;
    const args = src.args(open);
    const end = src.close(open) + 1;
    if (end === 0) return;
    for (let i = open; i < end; i++) seen.add(i);
    if (name === 'route' && args.length >= 2) {
      const path = evalPath(src, args[0]!, out.constants);
      for (const { method, handler } of methodRouter(src, args[1]!)) out.route('axum', [method], path, owner, [k + 1, end], handler);
    } else if ((name === 'nest' && args.length >= 2) || (name === 'merge' && args.length >= 1)) {
      const prefix = name === 'nest' ? evalPath(src, args[0]!, out.constants) : { value: '' };
      const target = routerExpr(src, out, name === 'nest' ? args[1]! : args[0]!, `${owner}>${src.line(k)}`, seen);
      if (target) out.mount(owner, prefix, target, src.line(k));
    } else if (!CONTINUE.has(name)) return;
    k = end;
  }
}

/** What a nested or merged expression is: a router function's result, a variable, or an inline router. */
function routerExpr(src: Source, out: RouteCollector, span: readonly [number, number], inlineKey: OwnerKey, seen: Set<number>): MountTarget | undefined {
  const path = rustPath(src, span[0]);
  if (!path) return undefined;
  if (/(?:^|\.)Router\.new$/.test(path.name) && src.is(path.end, '(')) {
    out.owner(inlineKey, {});
    readAxumChain(src, out, src.close(path.end) + 1, inlineKey, seen);
    return { name: inlineKey };
  }
  if (src.is(path.end, '(')) return { call: path.name };
  return { name: path.name };
}

/** `get(h).post(h2)`, `routing::get(h)`, `on(MethodFilter::GET, h)`, `any(h)`: methods and handlers. */
function methodRouter(src: Source, span: readonly [number, number]): { method: RouteMethod; handler?: string }[] {
  const t = src.tokens;
  const out: { method: RouteMethod; handler?: string }[] = [];
  for (let k = span[0]; k < span[1]; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id' || !src.is(k + 1, '(') || src.depth(k) !== src.depth(span[0])) continue;
    const word = tok.text.replace(/_service$/, '');
    const args = src.args(k + 1);
    if (word === 'on' && args[0]) {
      for (const m of src.textOf(args[0]).split(/[^A-Z]+/)) {
        const method = methodOf(m);
        if (method && method !== 'ANY') out.push({ method, ...(args[1] ? { handler: src.textOf(args[1]) } : {}) });
      }
      continue;
    }
    const method = methodOf(word);
    if (!method || word === 'all' || word === 'route') continue;
    const handler = args[0] ? src.textOf(args[0]) : undefined;
    out.push({ method, ...(handler ? { handler } : {}) });
  }
  return out;
}
