import { evalPath, methodsIn, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { PyScopes, pathConstants, pythonAssignments, pythonImports } from '../python';
import type { Source } from '../source';
import type { OwnerKey, RouteMethod } from '../types';

/** Django view decorators that fix a function view's methods. */
const METHOD_DECORATORS: Readonly<Record<string, readonly RouteMethod[]>> = {
  require_GET: ['GET'],
  require_POST: ['POST'],
  require_safe: ['GET', 'HEAD'],
};

const ROUTERS = new Set(['DefaultRouter', 'SimpleRouter', 'ExtendedDefaultRouter', 'ExtendedSimpleRouter', 'NestedSimpleRouter', 'NestedDefaultRouter']);

/**
 * Django URLconfs: `path()`, `re_path()` and `url()` in pattern lists, `include()` of a module
 * name, a pattern list or a DRF router's `urls`; DRF routers' `register()`; `ROOT_URLCONF`; and
 * what views answer (class-based views' methods, `@api_view`, viewsets' `@action`s).
 */
export const django: RouteExtractor = {
  framework: 'django',
  files: (path) => path.endsWith('.py'),
  signals: ['urlpatterns', 'register(', 'ROOT_URLCONF', 'as_view', 'api_view', 'action', 'require_', 'View', 'Mixin'],
  // The bases are searched 400 characters deep: `[^)]*` scanned to the end of the file from each `class X(` without a `)`.
  precheck: /\b(?:urlpatterns|re_path|register|ROOT_URLCONF|as_view|api_view|action|require_http_methods|require_GET|require_POST)\b|\bclass\s+\w+\([^)]{0,400}(?:View|ViewSet|Mixin)\b/,
  extract: readDjango,
};

function readDjango(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const scopes = new PyScopes(src);
  const { list, assigned } = pythonAssignments(src, scopes);
  if (out.imports.length === 0) pythonImports(src, out);
  pathConstants(src, list, out);
  const routers = new Map<OwnerKey, boolean>();
  for (const a of list) {
    if (a.name === 'ROOT_URLCONF' && a.to === a.from + 1 && t[a.from]!.value) out.settings.ROOT_URLCONF = t[a.from]!.value!;
    if (!a.call || a.open === undefined) continue;
    const ctor = a.call.slice(a.call.lastIndexOf('.') + 1);
    if (!ROUTERS.has(ctor)) continue;
    const slash = src.named(src.args(a.open), 'trailing_slash');
    routers.set(a.key, !(slash && src.tokens[slash[0]]!.text === 'False'));
    out.owner(a.key, {});
  }
  // Pattern lists: `urlpatterns = [...]` (the module), `name = [...]`, `urlpatterns += [...]`.
  const listOwner = new Map<number, OwnerKey>();
  for (const a of list) {
    if (!src.is(a.from, '[')) continue;
    listOwner.set(a.from, a.name === 'urlpatterns' ? '*' : a.key);
  }
  for (let k = 0; k + 2 < t.length; k++) {
    if (t[k]!.text === 'urlpatterns' && src.is(k + 1, '+') && src.is(k + 2, '=')) {
      if (src.is(k + 3, '[')) listOwner.set(k + 3, '*');
      else {
        const name = dottedAt(src, k + 3);
        if (name?.endsWith('.urls')) out.mount('*', { value: '' }, { name: name.slice(0, -5) }, src.line(k));
      }
    }
  }
  for (const [open, owner] of listOwner) readPatterns(src, open, owner, out);
  for (let k = 0; k + 3 < t.length; k++) {
    if (t[k]!.kind !== 'id' || !src.is(k + 1, '.') || t[k + 2]?.text !== 'register' || !src.is(k + 3, '(')) continue;
    const key = scopes.ownerKey(t[k]!.text, k, assigned);
    const slash = routers.get(key);
    if (slash === undefined) continue;
    const pos = src.positional(src.args(k + 3));
    if (pos.length < 2) continue;
    const view = src.dotted(pos[1]!);
    out.route('django', ['ANY'], evalPath(src, pos[0]!, out.constants), key, [k, src.close(k + 3) + 1], view, { ...(view ? { view: lastName(view) } : {}), viewset: { trailingSlash: slash } });
  }
  readViews(src, scopes, out);
}

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function dottedAt(src: Source, k: number): string | undefined {
  let j = k;
  while (src.tokens[j]?.kind === 'id' && src.is(j + 1, '.')) j += 2;
  return src.tokens[j]?.kind === 'id' ? src.dotted([k, j + 1]) : undefined;
}

/** The `path()`/`re_path()`/`url()` entries of one pattern list. */
function readPatterns(src: Source, open: number, owner: OwnerKey, out: RouteCollector): void {
  for (const [from, to] of src.args(open)) {
    const fn = src.tokens[from]!;
    if (fn.kind !== 'id' || !['path', 're_path', 'url'].includes(fn.text) || !src.is(from + 1, '(')) continue;
    const args = src.positional(src.args(from + 1));
    if (args.length < 2) continue;
    const route = evalPath(src, args[0]!, out.constants);
    const value = route.value !== undefined && fn.text !== 'path' ? { value: regexToPath(route.value) } : route;
    const [vFrom, vTo] = args[1]!;
    const head = src.tokens[vFrom]!;
    if (head.kind === 'id' && head.text === 'include' && src.is(vFrom + 1, '(')) {
      const inner = src.positional(src.args(vFrom + 1))[0];
      const list = inner ? inlineList(src, inner) : undefined;
      if (list !== undefined) {
        // `include(([path(…), …], "namespace"))`: the inline list is an owner of its own.
        const key = `${owner}[${list}]`;
        readPatterns(src, list, key, out);
        out.mount(owner, value, { name: key }, src.line(from));
        continue;
      }
      const target = inner ? includeTarget(src, inner) : undefined;
      if (target) out.mount(owner, value, target, src.line(from));
      continue;
    }
    // `admin.site.urls` and other `.urls` attributes are whole sites: not read.
    const dotted = src.dotted([vFrom, vTo]);
    if (dotted?.endsWith('.urls')) continue;
    const asView = findAsView(src, vFrom, vTo);
    if (asView) {
      const { view, methods } = asView;
      out.route('django', methods, value, owner, [from, to], view, methods.length ? {} : { view: lastName(view) });
      continue;
    }
    const handler = dotted ?? src.textOf([vFrom, vTo]);
    out.route('django', [], value, owner, [from, to], handler, dotted ? { view: lastName(dotted) } : {});
  }
}

/** `X.as_view()` (methods from the class) or `X.as_view({'get': 'list'})` (methods from the map). */
function findAsView(src: Source, from: number, to: number): { view: string; methods: RouteMethod[] } | undefined {
  for (let k = from; k + 2 < to; k++) {
    if (src.tokens[k]!.text !== 'as_view' || !src.is(k - 1, '.') || !src.is(k + 1, '(')) continue;
    const view = src.dotted([from, k - 1]) ?? src.textOf([from, k - 1]);
    const map = src.positional(src.args(k + 1))[0];
    const methods: RouteMethod[] = [];
    if (map && src.is(map[0], '{')) {
      for (const span of src.args(map[0])) {
        const kw = src.keyword(span);
        const m = kw ? methodsIn(src, [span[0], span[0] + 1]) : [];
        for (const x of m) if (!methods.includes(x)) methods.push(x);
      }
    }
    return { view, methods };
  }
  return undefined;
}

/** The `[` of a pattern list written inside `include(…)`, bare or as the first of a pair. */
function inlineList(src: Source, span: readonly [number, number]): number | undefined {
  if (src.is(span[0], '[')) return span[0];
  if (src.is(span[0], '(') && src.is(span[0] + 1, '[')) return span[0] + 1;
  return undefined;
}

/** What `include(…)` names: a module string, a pattern list, a router's `urls`, or the first of a `(module, namespace)` pair. */
function includeTarget(src: Source, span: readonly [number, number]): { module: string } | { name: string } | undefined {
  let [from, to] = span;
  if (src.is(from, '(') || src.is(from, '[')) {
    const first = src.args(from)[0];
    if (!first) return undefined;
    [from, to] = first;
  }
  const tok = src.tokens[from]!;
  if (tok.kind === 'str' && tok.value !== undefined) return { module: tok.value };
  const name = src.dotted([from, to]);
  if (!name) return undefined;
  return { name: name.endsWith('.urls') ? name.slice(0, -5) : name };
}

/** A `re_path`/`url` regular expression as a path: anchors and groups turned into parameters. */
function regexToPath(re: string): string {
  // An optional trailing slash (`feed/?$`) is the path without it.
  return re.replace(/^\^/, '').replace(/\$$/, '').replace(/\/\?$/, '').replace(/\\([./-])/g, '$1').replace(/\(\?:[^()]*\)\??/g, '');
}

/** Classes that answer requests (views, viewsets) and decorated function views. */
function readViews(src: Source, scopes: PyScopes, out: RouteCollector): void {
  const t = src.tokens;
  for (const b of scopes.blocks) {
    if (b.kind === 'class') {
      const bases = b.open === -1 ? [] : src.args(b.open).map((span) => src.dotted(span)).filter((x): x is string => x !== undefined).map(lastName);
      if (!bases.some((x) => /View|ViewSet|Mixin|Resource|Handler/.test(x))) continue;
      const methods: string[] = [];
      const actions: { path: string; detail: boolean; methods: RouteMethod[]; line: number }[] = [];
      const body = scopes.blocks.filter((x) => x.start > b.start && x.start < b.end);
      const bodyIndent = Math.min(...body.map((x) => x.indent));
      for (const d of body) {
        const k = d.start;
        if (d.kind !== 'def' || d.indent !== bodyIndent) continue;
        methods.push(t[k + 1]!.text.toLowerCase());
        const action = decoratorBefore(src, k, 'action');
        if (action !== undefined) {
          const args = src.args(action);
          const detail = src.named(args, 'detail');
          const urlPath = src.named(args, 'url_path');
          const m = src.named(args, 'methods');
          const found = m ? methodsIn(src, m) : [];
          actions.push({
            path: urlPath && t[urlPath[0]]!.value !== undefined ? t[urlPath[0]]!.value! : t[k + 1]!.text,
            detail: detail !== undefined && t[detail[0]]!.text === 'True',
            methods: found.length ? found : ['GET'],
            line: src.line(k),
          });
        }
      }
      out.classes.push({ name: b.name, bases, methods, ...(actions.length ? { actions } : {}), line: src.line(b.start) });
    } else if (scopes.fnAt(b.start) === undefined) {
      const methods = functionViewMethods(src, b.start);
      if (methods) out.classes.push({ name: b.name, bases: [], methods: methods.map((m) => m.toLowerCase()), line: src.line(b.start) });
    }
  }
}

/** Methods a function view's decorators allow (`@api_view(['GET'])`, `@require_POST`), or undefined. */
function functionViewMethods(src: Source, def: number): RouteMethod[] | undefined {
  const api = decoratorBefore(src, def, 'api_view') ?? decoratorBefore(src, def, 'require_http_methods');
  if (api !== undefined) {
    const found = methodsIn(src, [api, src.close(api) + 1]);
    return found.length ? found : ['GET'];
  }
  for (const [name, methods] of Object.entries(METHOD_DECORATORS)) if (decoratorBefore(src, def, name, false) !== undefined) return [...methods];
  return undefined;
}

/**
 * The `(` of a decorator `@name(…)` (or `@x.name(…)`) among those stacked right above the token
 * at `def` (an `async` before it included); with `call` false, a bare `@name` counts too (its index).
 */
function decoratorBefore(src: Source, def: number, name: string, call = true): number | undefined {
  let k = src.is(def - 1, 'async') ? def - 2 : def - 1;
  // Walk back over decorators: each ends with `)` or a name, and starts with `@`.
  for (let guard = 0; k >= 0 && guard < 20; guard++) {
    let end = k;
    if (src.is(end, ')')) {
      let open = end - 1;
      while (open >= 0 && src.close(open) !== end) open--;
      if (open < 0) return undefined;
      end = open - 1;
    }
    let start = end;
    while (start - 2 >= 0 && src.is(start - 1, '.') && src.tokens[start - 2]!.kind === 'id') start -= 2;
    if (!src.is(start - 1, '@')) return undefined;
    if (src.tokens[end]?.text === name) return call ? (src.is(end + 1, '(') ? end + 1 : undefined) : end;
    k = start - 2;
  }
  return undefined;
}
