import { evalPath, methodOf, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { GoScopes } from '../go';
import { normalisePath } from '../paths';
import type { Source } from '../source';
import type { RouteMethod } from '../types';
import { lexRegions } from '../../lexer';

/**
 * Beego: `beego.Router("/x", &C{}, "get:M;post:N")` (also `web.`), namespaces
 * (`NewNamespace("/v1", NSNamespace("/x", NSRouter(…), NSInclude(&C{}))`), `Include(&C{})`,
 * and the `// @router /x [get]` comments Beego itself reads above controller methods.
 */
export const beego: RouteExtractor = {
  framework: 'beego',
  files: (path) => path.endsWith('.go'),
  signals: ['beego.', 'web.', '@router', 'Controller)'],
  precheck: /\b(?:beego|web)\.(?:Router|NewNamespace|Include|AddNamespace|NS\w+)\(|@router\b|func \(\w+ \*?\w*Controller\)/,
  extract: readBeego,
};

function readBeego(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const scopes = new GoScopes(src);
  let rootDeclared = false;
  const root = (): string => {
    if (!rootDeclared) out.owner('*', { root: true });
    rootDeclared = true;
    return '*';
  };
  const visited = new Set<number>();
  for (let k = 0; k + 3 < t.length; k++) {
    if (!(t[k]!.text === 'beego' || t[k]!.text === 'web') || !src.is(k + 1, '.') || !src.is(k + 3, '(')) continue;
    const call = t[k + 2]!.text;
    if (visited.has(k)) continue;
    if (call === 'Router') readRouter(src, out, k + 3, root());
    else if (call === 'Include') for (const span of src.args(k + 3)) includeController(src, out, span, root(), k);
    else if (call === 'NewNamespace') readNamespace(src, out, k + 3, root(), `ns@${src.line(k)}`, visited);
  }
  readControllers(src, scopes, out);
}

/** `Router("/x", &C{}, "get:M;post:N")` on an owner. */
function readRouter(src: Source, out: RouteCollector, open: number, owner: string): void {
  const args = src.args(open);
  if (args.length < 2) return;
  const controller = controllerName(src, args[1]!);
  const mapping = args[2] ? src.tokens[args[2][0]]!.value : undefined;
  const at: [number, number] = [open - 3 >= 0 ? open - 3 : open, src.close(open) + 1];
  const path = evalPath(src, args[0]!, out.constants);
  if (mapping) {
    for (const pair of mapping.split(';')) {
      const [verbs, fn] = pair.split(':');
      const methods = (verbs ?? '').split(',').map((v) => methodOf(v.trim())).filter((m): m is RouteMethod => m !== undefined);
      out.route('beego', methods.length ? methods : ['ANY'], path, owner, at, controller ? `${controller}.${fn ?? ''}` : fn);
    }
  } else out.route('beego', ['ANY'], path, owner, at, controller, controller ? { view: controller } : {});
}

/** `&controllers.UserController{}` -> `UserController`. */
function controllerName(src: Source, span: readonly [number, number]): string | undefined {
  for (let k = span[1] - 1; k >= span[0]; k--) if (src.tokens[k]!.kind === 'id') return src.tokens[k]!.text;
  return undefined;
}

function includeController(src: Source, out: RouteCollector, span: readonly [number, number], owner: string, k: number): void {
  const name = controllerName(src, span);
  if (name) out.mount(owner, { value: '' }, { module: name }, src.line(k));
}

/** A namespace and its children, recursively: each namespace an owner mounted on its parent. */
function readNamespace(src: Source, out: RouteCollector, open: number, parent: string, key: string, visited: Set<number>): void {
  const args = src.args(open);
  if (!args[0]) return;
  out.owner(key, {});
  out.mount(parent, evalPath(src, args[0], out.constants), { name: key }, src.line(open));
  for (const span of args.slice(1)) {
    let k = span[0];
    if ((src.tokens[k]!.text === 'beego' || src.tokens[k]!.text === 'web') && src.is(k + 1, '.')) k += 2;
    const call = src.tokens[k]!.text;
    if (!src.is(k + 1, '(')) continue;
    visited.add(k - 2);
    if (call === 'NSNamespace') readNamespace(src, out, k + 1, key, `${key}/${src.line(k)}:${k}`, visited);
    else if (call === 'NSRouter') readRouter(src, out, k + 1, key);
    else if (call === 'NSInclude') for (const c of src.args(k + 1)) includeController(src, out, c, key, k);
    else {
      const m = /^NS(Get|Post|Put|Patch|Delete|Any)$/.exec(call);
      const a = src.args(k + 1);
      if (m && a[0]) out.route('beego', [methodOf(m[1]!)!], evalPath(src, a[0], out.constants), key, [k, src.close(k + 1) + 1], a[1] ? src.dotted(a[1]) : undefined);
    }
  }
}

/**
 * Controllers: the methods a controller type defines (`func (c *C) Get()`) answer a plain
 * `Router`; `// @router /x [get]` comments above a method are routes of the controller.
 */
function readControllers(src: Source, scopes: GoScopes, out: RouteCollector): void {
  const byType = new Map<string, string[]>();
  for (const fn of scopes.functions) {
    if (!fn.receiver) continue;
    const list = byType.get(fn.receiver) ?? [];
    list.push(fn.name.toLowerCase());
    byType.set(fn.receiver, list);
  }
  for (const [name, methods] of byType) if (/Controller$/.test(name)) out.classes.push({ name, bases: [], methods: methods.filter((m) => methodOf(m)), line: 0 });
  if (!src.text.includes('@router')) return;
  for (const region of lexRegions(src.path, src.text)) {
    if (region.kind !== 'comment') continue;
    const text = src.text.slice(region.start, region.end);
    const m = /@router\s+(\S+)\s+\[([\w,\s]+)\]/.exec(text);
    if (!m) continue;
    const next = src.indexAt(region.end);
    const fn = scopes.functions.find((f) => f.open > next && src.tokens[next]?.text === 'func' && f.open - next < 40);
    if (!fn?.receiver) continue;
    const methods = m[2]!.split(/[\s,]+/).map((v) => methodOf(v)).filter((x): x is RouteMethod => x !== undefined);
    const key = `class:${fn.receiver}`;
    out.owner(key, {});
    const range = src.lines.range(region.start + m.index, region.start + m.index + m[0].length);
    out.routes.push({ framework: 'beego', methods: methods.length ? methods : ['ANY'], path: normalisePath(m[1]!), owner: key, range, handler: `${fn.receiver}.${fn.name}` });
  }
}
