import { evalPath, methodOf, methodsIn, type PathValue, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import type { Source } from '../source';
import type { MountTarget, RouteMethod } from '../types';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'any', 'match']);
const RESOURCE: readonly (readonly [string, RouteMethod, string])[] = [
  ['index', 'GET', ''],
  ['create', 'GET', '/create'],
  ['store', 'POST', ''],
  ['show', 'GET', '/{id}'],
  ['edit', 'GET', '/{id}/edit'],
  ['update', 'PUT', '/{id}'],
  ['update', 'PATCH', '/{id}'],
  ['destroy', 'DELETE', '/{id}'],
];

/**
 * Laravel: `Route::get('x', [C::class, 'm'])`, `match`, `any`, `resource`/`apiResource` (with
 * `only`/`except`), groups by `prefix(…)->group(fn)` or `group(['prefix' => …], fn)` nested in
 * the file, `controller(C::class)->group(…)`; route files loaded by `group(base_path('routes/x.php'))`,
 * `require __DIR__.'/x.php'`, or `withRouting(api: …, apiPrefix: …)` in `bootstrap/app.php`.
 */
export const laravel: RouteExtractor = {
  framework: 'laravel',
  files: (path) => path.endsWith('.php'),
  signals: ['Route::', '$router->', 'withRouting'],
  precheck: /\bRoute::|\$router->|withRouting\s*\(/,
  extract: readLaravel,
};

interface Group {
  readonly prefix: string;
  readonly dynamic?: string;
  readonly controller?: string;
  /** Token index of the closure body's `}`. */
  readonly close: number;
}

function readLaravel(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const groups: Group[] = [];
  const loader = /(?:^|\/)(?:bootstrap\/app\.php|app\/Providers\/\w+\.php)$/.test(src.path);
  out.owner('*', loader ? { root: true } : {});
  for (let k = 0; k + 3 < t.length; k++) {
    while (groups.length && k > groups[groups.length - 1]!.close) groups.pop();
    const tok = t[k]!;
    if (tok.text === 'withRouting' && src.is(k + 1, '(')) {
      readWithRouting(src, out, k + 1);
      continue;
    }
    if (tok.text === 'require' || tok.text === 'require_once' || tok.text === 'include') {
      const file = phpFile(src, [k + 1, statementEnd(src, k + 1)]);
      if (file) out.mount('*', groupPrefix(groups), { module: file }, src.line(k));
      continue;
    }
    const start = (tok.text === 'Route' && src.is(k + 1, '::')) || (tok.text === '$router' && src.is(k + 1, '->'));
    if (!start || src.is(k - 1, '::') || src.is(k - 1, '->')) continue;
    k = readChain(src, out, groups, k + 1) - 1;
  }
}

function groupPrefix(groups: readonly Group[]): PathValue {
  const dynamic = groups.find((g) => g.dynamic)?.dynamic;
  if (dynamic) return { dynamic };
  return { value: groups.map((g) => g.prefix).filter(Boolean).join('/') };
}

/** One `Route::a(…)->b(…)->…` chain from the `::` at `at`; returns the index after it. */
function readChain(src: Source, out: RouteCollector, groups: Group[], at: number): number {
  const t = src.tokens;
  let k = at;
  let prefix: PathValue = { value: '' };
  let controller: string | undefined;
  const routes: { methods: RouteMethod[]; path: PathValue; handler?: string; at: [number, number] }[] = [];
  let resource: { name: PathValue; controller?: string; api: boolean; at: [number, number]; only?: string[]; except?: string[] } | undefined;
  for (let links = 0; links < 32 && (src.is(k, '::') || src.is(k, '->')) && t[k + 1]?.kind === 'id' && src.is(k + 2, '('); links++) {
    const name = t[k + 1]!.text;
    const open = k + 2;
    const args = src.args(open);
    const end = src.close(open) + 1;
    if (end === 0) return k + 1;
    if (name === 'prefix' && args[0]) prefix = evalPath(src, args[0], new Map());
    else if (name === 'controller' && args[0]) controller = src.textOf(args[0]).replace(/::class$/, '');
    else if (VERBS.has(name)) {
      let methods: RouteMethod[] = [name === 'any' ? 'ANY' : methodOf(name)!];
      let rest = args;
      if (name === 'match' && args[0]) {
        methods = methodsIn(src, args[0]);
        rest = args.slice(1);
      }
      if (rest[0]) routes.push({ methods, path: evalPath(src, rest[0], new Map()), handler: handlerText(src, rest[1], controller ?? [...groups].reverse().find((g) => g.controller)?.controller), at: [at - 1, end] });
    } else if ((name === 'resource' || name === 'apiResource') && args[0]) {
      const opts = args[2] && src.is(args[2][0], '[') ? src.args(args[2][0]) : [];
      resource = { name: evalPath(src, args[0], new Map()), api: name === 'apiResource', at: [at - 1, end], ...(args[1] ? { controller: src.textOf(args[1]).replace(/::class$/, '') } : {}) };
      const only = src.named(opts, 'only');
      const except = src.named(opts, 'except');
      if (only) resource.only = words(src, only);
      if (except) resource.except = words(src, except);
    } else if ((name === 'only' || name === 'except') && resource && args[0]) {
      resource[name] = words(src, args[0]);
    } else if (name === 'group') {
      const closure = args[args.length - 1];
      const attrs = args.length > 1 && src.is(args[0]![0], '[') ? src.args(args[0]![0]) : [];
      const p = src.named(attrs, 'prefix');
      if (p) prefix = evalPath(src, p, new Map());
      const c = src.named(attrs, 'controller');
      if (c) controller = src.textOf(c).replace(/::class$/, '');
      const file = closure ? phpFile(src, closure) : undefined;
      if (file) {
        out.mount('*', joinValues(groupPrefix(groups), prefix), { module: file }, src.line(k));
      } else if (closure) {
        let body = closure[0];
        while (body < closure[1] && !src.is(body, '{')) body++;
        const close = src.close(body);
        if (close !== -1) {
          groups.push({ prefix: prefix.value ?? '', ...(prefix.dynamic ? { dynamic: prefix.dynamic } : {}), ...(controller ? { controller } : {}), close });
          return body + 1;
        }
      }
    }
    k = end;
  }
  const base = joinValues(groupPrefix(groups), prefix);
  for (const r of routes) out.route('laravel', r.methods, joinValues(base, r.path), '*', r.at, r.handler);
  if (resource) {
    for (const [action, method, tail] of RESOURCE) {
      if (resource.api && (action === 'create' || action === 'edit')) continue;
      if (resource.only && !resource.only.includes(action)) continue;
      if (resource.except?.includes(action)) continue;
      const path = joinValues(base, resource.name);
      const param = `{${singular(lastSegment(path.value ?? ''))}}`;
      out.route('laravel', [method], path.value !== undefined ? { value: `${path.value}${tail.replace('{id}', param)}` } : path, '*', resource.at, resource.controller ? `${resource.controller}@${action}` : action);
    }
  }
  return k;
}

function lastSegment(path: string): string {
  return path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1) || 'id';
}

/** Laravel names a resource's parameter after the resource in the singular (`photos` -> `{photo}`). */
function singular(word: string): string {
  const w = word.replace(/[^\w]/g, '_');
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  return w.replace(/s$/, '') || 'id';
}

function joinValues(a: PathValue, b: PathValue): PathValue {
  if (a.dynamic || b.dynamic) return { dynamic: a.dynamic ?? b.dynamic! };
  return { value: [a.value, b.value].filter(Boolean).join('/') };
}

function words(src: Source, span: readonly [number, number]): string[] {
  const out: string[] = [];
  for (let k = span[0]; k < span[1]; k++) if (src.tokens[k]!.kind === 'str' && src.tokens[k]!.value) out.push(src.tokens[k]!.value!);
  return out;
}

/** `[C::class, 'm']` -> `C@m`, `'C@m'` as is, `C::class` (invokable). */
function handlerText(src: Source, span: readonly [number, number] | undefined, controller: string | undefined): string | undefined {
  if (!span) return undefined;
  const t = src.tokens;
  if (src.is(span[0], '[')) {
    const items = src.args(span[0]);
    if (items.length === 2) return `${src.textOf(items[0]!).replace(/::class$/, '')}@${t[items[1]![0]]!.value ?? ''}`;
  }
  const first = t[span[0]]!;
  if (first.kind === 'str' && first.value !== undefined) return controller && !first.value.includes('@') ? `${controller}@${first.value}` : first.value;
  if (first.text === 'function' || first.text === 'fn' || first.text === 'static') return undefined;
  return src.textOf(span).replace(/::class$/, '');
}

/** The token index ending a PHP statement from `k`. */
function statementEnd(src: Source, k: number): number {
  let j = k;
  while (j < src.tokens.length && !src.is(j, ';') && j - k < 40) j++;
  return j;
}

/** A route file a span names: `base_path('routes/x.php')`, `__DIR__.'/x.php'`, `__DIR__.'/../routes/x.php'`. */
function phpFile(src: Source, span: readonly [number, number]): string | undefined {
  const t = src.tokens;
  const text = src.textOf(span);
  for (let k = span[0]; k < span[1]; k++) {
    const s = t[k]!;
    if (s.kind !== 'str' || !s.value?.endsWith('.php')) continue;
    if (/base_path\s*\(/.test(text)) return s.value.replace(/^\/+/, '');
    if (/__DIR__/.test(text)) return `./${s.value.replace(/^\/+/, '')}`;
    return s.value.includes('/') ? s.value.replace(/^\/+/, '') : `./${s.value}`;
  }
  return undefined;
}

/** Laravel 11's `withRouting(web: …, api: …, apiPrefix: 'api')`. */
function readWithRouting(src: Source, out: RouteCollector, open: number): void {
  const args = src.args(open);
  const apiPrefix = src.named(args, 'apiPrefix');
  const prefix: PathValue = apiPrefix ? evalPath(src, apiPrefix, new Map()) : { value: 'api' };
  for (const [key, p] of [['web', { value: '' }], ['api', prefix]] as const) {
    const span = src.named(args, key);
    if (!span) continue;
    if (src.is(span[0], '[')) {
      for (const item of src.args(span[0])) {
        const file = phpFile(src, item);
        if (file) out.mount('*', p, fileTarget(file), src.line(item[0]));
      }
    } else {
      const file = phpFile(src, span);
      if (file) out.mount('*', p, fileTarget(file), src.line(span[0]));
    }
  }
}

function fileTarget(file: string): MountTarget {
  return { module: file };
}
