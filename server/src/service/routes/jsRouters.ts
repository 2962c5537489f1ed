import { evalPath, methodOf, methodsIn, passOwners, type PathValue, type RouteCollector } from './collect';
import { JsScopes, jsModules } from './js';
import type { Source } from './source';
import type { MountTarget, OwnerKey, RouteFramework } from './types';

/** A JS framework whose routes are calls on app and router objects (Express, Fastify). */
export interface JsRouterShape {
  readonly framework: RouteFramework;
  /** Calls that make an application (`express()`, `fastify()`): roots. */
  readonly apps: readonly string[];
  /** Calls that make a router (`Router()`, `express.Router()`). */
  readonly routers: readonly string[];
  /** Methods that mount children: `use` (Express: prefix first, then routers), `register` (Fastify: plugin first, `{ prefix }` after). */
  readonly mounts: Readonly<Record<string, 'prefix-first' | 'options-prefix'>>;
  /** Receivers accepted without a declaration in the file, when they are parameters or imports. */
  readonly receivers: RegExp;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);

/** Reads the app/router calls of one JS/TS file for one framework's shape. */
export function readJsRouters(shape: JsRouterShape, src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const scopes = new JsScopes(src);
  if (out.imports.length === 0) jsModules(src, scopes, out);
  const declared = new Set<OwnerKey>();
  const imported = new Set(out.imports.map((i) => i.local));
  // Owners made by constructors: `const app = express()`, `const router = Router()`, `export default Router()`.
  for (let k = 0; k < t.length; k++) {
    const ctor = constructorAt(shape, src, k);
    if (!ctor) continue;
    const key = assignedKey(src, scopes, ctor.start);
    if (key === undefined) continue;
    out.owner(key, ctor.app ? { root: true } : {});
    declared.add(key);
    if (key === 'default') out.exports.default ??= 'default';
    readChain(shape, src, scopes, out, ctor.end, key);
  }
  for (let k = 0; k + 3 < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id' || !src.is(k + 1, '.') || t[k + 2]?.kind !== 'id' || !src.is(k + 3, '(')) continue;
    if (src.is(k - 1, '.') || src.is(k - 1, '?.')) continue;
    const key = scopes.ownerKey(tok.text, k);
    const isParam = key.includes('#');
    if (!declared.has(key) && !(shape.receivers.test(tok.text) && (isParam || imported.has(tok.text) || declared.size > 0 || hasFrameworkImport(out, shape)))) continue;
    readChain(shape, src, scopes, out, k + 1, key);
  }
  readLoopMounts(shape, src, scopes, out);
  passOwners(src, out, (name, k) => scopes.ownerKey(name, k), (k) => src.is(k - 1, 'function'));
  // `require('./routes')(app)`: the module's default export is handed the app.
  for (let k = 0; k + 5 < t.length; k++) {
    if (t[k]!.text !== 'require' || !src.is(k + 1, '(') || t[k + 2]?.kind !== 'str' || !src.is(k + 3, ')') || !src.is(k + 4, '(')) continue;
    const arg = src.args(k + 4)[0];
    if (!arg || arg[1] - arg[0] !== 1) continue;
    const key = scopes.ownerKey(t[arg[0]]!.text, arg[0]);
    out.mount(key, { value: '' }, { module: t[k + 2]!.value ?? '' }, src.line(k));
  }
}

function hasFrameworkImport(out: RouteCollector, shape: JsRouterShape): boolean {
  return out.imports.some((i) => i.module === shape.framework || i.module.startsWith(`@${shape.framework}/`) || i.module.startsWith(`${shape.framework}/`));
}

/** A constructor call at `k` (`express()`, `express.Router()`, `new Router()`, `Fastify({…})`): its span and kind. */
function constructorAt(shape: JsRouterShape, src: Source, k: number): { start: number; end: number; app: boolean } | undefined {
  const t = src.tokens;
  if (t[k]!.kind !== 'id' || src.is(k - 1, '.')) return undefined;
  let j = k;
  let name = t[k]!.text;
  while (src.is(j + 1, '.') && t[j + 2]?.kind === 'id') {
    j += 2;
    name += `.${t[j]!.text}`;
  }
  if (!src.is(j + 1, '(')) return undefined;
  const app = shape.apps.includes(name);
  if (!app && !shape.routers.includes(name)) return undefined;
  const start = src.is(k - 1, 'new') ? k - 1 : k;
  return { start, end: src.close(j + 1) + 1, app };
}

/** The owner a value at `k` is assigned to: `const x =`, `x =`, `export default`, `module.exports =`; undefined when it is not assigned. */
function assignedKey(src: Source, scopes: JsScopes, k: number): OwnerKey | undefined {
  const t = src.tokens;
  if (src.is(k - 1, 'default') && src.is(k - 2, 'export')) return 'default';
  if (!src.is(k - 1, '=')) return undefined;
  if (t[k - 2]?.text === 'exports' && src.is(k - 3, '.') && t[k - 4]?.text === 'module') return 'default';
  let j = k - 2;
  // `const app: Express = express()`
  if (t[j]?.kind === 'id' && src.is(j - 1, ':')) j -= 2;
  if (t[j]?.kind !== 'id') return undefined;
  return scopes.ownerKey(t[j]!.text, j);
}

/**
 * A chain of calls on one owner from the `.` at `dot`: `.get('/x', h)`, `.route('/x').get(h).post(h)`,
 * `.use('/p', router)`, `.register(plugin, { prefix })`, `.route({ method, url })`.
 */
function readChain(shape: JsRouterShape, src: Source, scopes: JsScopes, out: RouteCollector, dot: number, owner: OwnerKey): void {
  const t = src.tokens;
  let k = dot;
  let pending: PathValue | undefined;
  let pendingAt = dot;
  for (let links = 0; links < 64 && src.is(k, '.') && t[k + 1]?.kind === 'id' && src.is(k + 2, '('); links++) {
    const name = t[k + 1]!.text;
    const open = k + 2;
    const args = src.args(open);
    const end = src.close(open) + 1;
    if (end === 0) return;
    if (VERBS.has(name)) {
      const first = args[0];
      const method = methodOf(name === 'del' ? 'delete' : name)!;
      if (pending && (!first || !isPathArg(src, first))) {
        out.route(shape.framework, [method], pending, owner, [pendingAt, end], handlerOf(src, args));
      } else if (first && isPathArg(src, first)) {
        out.route(shape.framework, [method], evalPath(src, first, out.constants), owner, [k - 1, end], handlerOf(src, args.slice(1)));
      } else return;
    } else if (name === 'route' && args[0] && isPathArg(src, args[0])) {
      pending = evalPath(src, args[0], out.constants);
      pendingAt = k - 1;
    } else if (name === 'route' && args[0] && src.is(args[0][0], '{')) {
      const opts = src.args(args[0][0]);
      const url = src.named(opts, 'url') ?? src.named(opts, 'path');
      const m = src.named(opts, 'method');
      if (url) out.route(shape.framework, m ? methodsIn(src, m) : [], evalPath(src, url, out.constants), owner, [k - 1, end], src.named(opts, 'handler') ? src.textOf(src.named(opts, 'handler')!) : undefined);
    } else if (shape.mounts[name]) {
      readMount(shape.mounts[name]!, src, scopes, out, owner, args, k);
    } else if (!['use', 'register', 'with', 'middleware', 'addHook', 'after', 'ready', 'listen', 'set', 'engine', 'param', 'disable', 'enable'].includes(name)) {
      return;
    }
    k = end;
  }
}

/**
 * Mounts made in a loop over a list of `{ path, route }` objects:
 * `routes.forEach((r) => router.use(r.path, r.route))`, `for (const r of routes) app.use(r.path, r.router)`.
 */
function readLoopMounts(shape: JsRouterShape, src: Source, scopes: JsScopes, out: RouteCollector): void {
  const t = src.tokens;
  for (let k = 0; k + 4 < t.length; k++) {
    let list: string | undefined;
    let param: string | undefined;
    let body: number | undefined;
    if (t[k]!.kind === 'id' && src.is(k + 1, '.') && t[k + 2]?.text === 'forEach' && src.is(k + 3, '(')) {
      list = t[k]!.text;
      let j = k + 4;
      if (src.is(j, '(')) j++;
      if (t[j]?.kind === 'id') param = t[j]!.text;
      body = j;
    } else if (t[k]!.text === 'for' && src.is(k + 1, '(') && ['const', 'let', 'var'].includes(t[k + 2]?.text ?? '') && t[k + 4]?.text === 'of') {
      param = t[k + 3]!.text;
      list = t[k + 5]?.text;
      body = k + 5;
    }
    if (!list || !param || body === undefined) continue;
    const array = arrayLiteral(src, list);
    if (array === undefined) continue;
    const end = Math.min(t.length, body + 200);
    for (let j = body; j + 3 < end; j++) {
      const mount = t[j + 1]?.kind === 'id' ? shape.mounts[t[j + 1]!.text] : undefined;
      if (!mount || !src.is(j, '.') || !src.is(j + 2, '(') || t[j - 1]?.kind !== 'id') continue;
      const args = src.args(j + 2);
      const fields = args.map((span) => {
        const d = src.dotted(span);
        return d?.startsWith(`${param}.`) ? d.slice(param!.length + 1) : undefined;
      });
      if (fields.length < 2 || !fields[0] || !fields[1]) continue;
      const owner = scopes.ownerKey(t[j - 1]!.text, j - 1);
      for (const [from, to] of src.args(array)) {
        if (!src.is(from, '{') || src.close(from) !== to - 1) continue;
        const obj = src.args(from);
        const prefix = src.named(obj, fields[0]);
        const target = src.named(obj, fields[1]);
        const targetName = target ? src.dotted(target) : undefined;
        if (prefix && targetName) out.mount(owner, evalPath(src, prefix, out.constants), { name: targetName }, src.line(from));
      }
      break;
    }
  }
}

/** The `[` of the array literal a module-level `const NAME = [ … ]` assigns. */
function arrayLiteral(src: Source, name: string): number | undefined {
  const t = src.tokens;
  for (let k = 0; k + 2 < t.length; k++) if (t[k]!.text === name && src.is(k + 1, '=') && src.is(k + 2, '[')) return k + 2;
  return undefined;
}

/** A mount's prefix and targets. */
function readMount(kind: 'prefix-first' | 'options-prefix', src: Source, scopes: JsScopes, out: RouteCollector, owner: OwnerKey, args: [number, number][], k: number): void {
  const t = src.tokens;
  let prefix: PathValue = { value: '' };
  let targets = args;
  if (kind === 'prefix-first') {
    if (args[0] && isPathArg(src, args[0]) && (t[args[0][0]]!.kind === 'str' || args.length > 1)) {
      prefix = evalPath(src, args[0], out.constants);
      targets = args.slice(1);
    }
  } else {
    targets = args.slice(0, 1);
    const opts = args[1];
    if (opts && src.is(opts[0], '{')) {
      const p = src.named(src.args(opts[0]), 'prefix');
      if (p) prefix = evalPath(src, p, out.constants);
    }
    const target = args[0];
    // `register(autoload, { dir: path.join(__dirname, 'routes'), options: { prefix } })`
    if (target && opts && src.is(opts[0], '{')) {
      const o = src.args(opts[0]);
      const dir = src.named(o, 'dir');
      if (dir) {
        const folder = folderOf(src, dir);
        const options = src.named(o, 'options');
        const p = options && src.is(options[0], '{') ? src.named(src.args(options[0]), 'prefix') : undefined;
        if (folder !== undefined) out.mount(owner, p ? evalPath(src, p, out.constants) : { value: '' }, { folder, nested: true }, src.line(k));
        return;
      }
    }
  }
  for (const span of targets) {
    const target = mountTarget(src, scopes, span);
    if (target) out.mount(owner, prefix, target, src.line(k));
  }
}

/** The folder `path.join(__dirname, 'routes')` (or `import.meta.dirname`) names, relative to the workspace. */
function folderOf(src: Source, span: readonly [number, number]): string | undefined {
  const parts: string[] = [];
  for (let k = span[0]; k < span[1]; k++) {
    const tok = src.tokens[k]!;
    if (tok.kind === 'str' && tok.value !== undefined) parts.push(tok.value);
  }
  if (!parts.length) return undefined;
  const dir = src.path.includes('/') ? src.path.slice(0, src.path.lastIndexOf('/')) : '';
  let out = dir;
  for (const part of parts.join('/').split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out = out.includes('/') ? out.slice(0, out.lastIndexOf('/')) : '';
    else out = out ? `${out}/${part}` : part;
  }
  return out;
}

/** What a mounted argument names: a router, an imported module, a plugin function. */
function mountTarget(src: Source, scopes: JsScopes, span: readonly [number, number]): MountTarget | undefined {
  const t = src.tokens;
  const [from, to] = span;
  const first = t[from]!;
  if ((first.text === 'require' || first.text === 'import') && src.is(from + 1, '(') && t[from + 2]?.kind === 'str') {
    const module = t[from + 2]!.value ?? '';
    const after = src.close(from + 1) + 1;
    if (after < to && src.is(after, '.') && t[after + 1]?.kind === 'id' && t[after + 1]!.text !== 'then') return { name: `${'\u0003'}${module}.${t[after + 1]!.text}` };
    return { module };
  }
  if (src.is(from, 'await') && to - from > 1) return mountTarget(src, scopes, [from + 1, to]);
  const dotted = src.dotted(span);
  if (dotted) {
    const head = dotted.split('.')[0]!;
    const key = scopes.ownerKey(head, from);
    return { name: key === head ? dotted : key + dotted.slice(head.length) };
  }
  // `fp(plugin)`, `fastifyPlugin(plugin)`: a wrapper around one plugin.
  if (first.kind === 'id' && src.is(from + 1, '(') && src.close(from + 1) === to - 1) {
    const inner = src.args(from + 1);
    if (inner.length === 1 && src.dotted(inner[0]!)) return mountTarget(src, scopes, inner[0]!);
  }
  // `usersRouter()`: the router a function returns.
  if (first.kind === 'id' && src.is(to - 1, ')') && src.is(from + 1, '(')) return { call: first.text };
  return undefined;
}

/** A route path argument: a string starting with `/` or `*` (or empty), or a name that may hold one. */
function isPathArg(src: Source, span: readonly [number, number]): boolean {
  const tok = src.tokens[span[0]]!;
  if (tok.kind === 'str') {
    const v = tok.value ?? tok.template ?? '';
    return v === '' || v.startsWith('/') || v === '*' || v.startsWith('${');
  }
  if (tok.kind === 'id' && span[1] - span[0] <= 5) return (/^[A-Z][A-Z0-9_]*$/.test(tok.text) || /path|route|prefix|url/i.test(tok.text)) && !src.is(span[0] + 1, '(');
  return false;
}

/**
 * The handler's name: the last argument when it names one (`controller.create`, `createUser`).
 * The arguments before it are middleware (`requireToken`); an inline function has no name.
 */
function handlerOf(src: Source, args: readonly [number, number][]): string | undefined {
  const last = args[args.length - 1];
  return last ? src.dotted(last) : undefined;
}
