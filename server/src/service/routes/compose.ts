import { dirname, joinPath } from '../text';
import { fillHoles, holes } from './collect';
import { NEST_PREFIX } from './frameworks/nestjs';
import { joinPaths } from './paths';
import type { LocalRoute, Mount, MountTarget, OwnerDecl, Route, RouteFacts, RouteFramework, RouteMethod, ViewClass } from './types';

/** A service as composition needs it: its folder and the frameworks its manifests declare. */
export interface RouteService {
  readonly root: string;
  readonly frameworks: readonly string[];
}

/** Frameworks of one language family: a route read by one of them may be another's in a service that has it. */
const FAMILIES: readonly (readonly RouteFramework[])[] = [
  ['fastapi', 'flask', 'django'],
  ['express', 'fastify', 'nestjs', 'sails'],
  ['gin', 'beego'],
  ['axum', 'rocket'],
  ['spring-boot'],
  ['play'],
  ['laravel', 'symfony'],
];

/** At most this many mount chains are followed to one route (a router mounted in many places). */
const MAX_CHAINS = 16;

interface Prefix {
  readonly path: string;
  readonly reason?: string;
}

/** The service a path belongs to: the deepest service folder holding it. */
export function serviceOf(path: string, roots: readonly string[]): string {
  let best = '.';
  for (const root of roots) {
    if (root === '.' || root === '') continue;
    if ((path === root || path.startsWith(`${root}/`)) && root.length > best.length) best = root;
  }
  return best === '.' && !roots.includes('.') && roots.length > 0 ? '.' : best;
}

/**
 * The routes of a workspace with the full paths a client calls: per service, each file's routes
 * with the prefixes of every chain of mounts leading to their owner (`include_router`,
 * `app.use`, `include()`, `nest`, `Group`, …) across files, through imports. A route whose chain
 * cannot be followed, or whose prefix is computed at run time, is kept with `static: false` and
 * the reason. Routes of a framework the service does not use are left out.
 */
export function composeRoutes(files: Iterable<{ readonly path: string; readonly routes: RouteFacts }>, services: readonly RouteService[]): Route[] {
  const roots = services.map((s) => s.root);
  const byService = new Map<string, Map<string, RouteFacts>>();
  for (const f of files) {
    const service = serviceOf(f.path, roots);
    let map = byService.get(service);
    if (!map) byService.set(service, (map = new Map()));
    map.set(f.path, f.routes);
  }
  const out: Route[] = [];
  for (const [root, facts] of [...byService].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const frameworks = services.find((s) => s.root === root)?.frameworks;
    new ServiceComposer(root, facts, frameworks).compose(out);
  }
  return out;
}

class ServiceComposer {
  /** Incoming mounts per node (`file\0owner`). */
  readonly #incoming = new Map<string, { readonly from: string; readonly mount: Mount; readonly prefix: string }[]>();
  readonly #owners = new Map<string, OwnerDecl>();
  readonly #memo = new Map<string, readonly Prefix[]>();
  readonly #constants = new Map<string, Set<string>>();
  readonly #classes = new Map<string, ViewClass>();
  readonly #functions = new Map<string, string[]>();
  readonly #settings = new Map<string, { file: string; value: string }>();

  constructor(
    readonly root: string,
    readonly facts: ReadonlyMap<string, RouteFacts>,
    readonly frameworks: readonly string[] | undefined,
  ) {
    for (const [file, f] of facts) {
      for (const o of f.owners ?? []) this.#owners.set(node(file, o.key), o);
      for (const [name, value] of Object.entries(f.constants ?? {})) {
        let set = this.#constants.get(name);
        if (!set) this.#constants.set(name, (set = new Set()));
        set.add(value);
      }
      for (const c of f.classes ?? []) if (!this.#classes.has(c.name)) this.#classes.set(c.name, c);
      for (const fn of f.functions ?? []) {
        const list = this.#functions.get(fn);
        if (list) list.push(file);
        else this.#functions.set(fn, [file]);
      }
      for (const [key, value] of Object.entries(f.settings ?? {})) if (!this.#settings.has(key)) this.#settings.set(key, { file, value });
    }
    for (const [file, f] of facts) {
      for (const mount of f.mounts ?? []) {
        for (const { child, prefix } of this.#targets(file, mount.target)) {
          const list = this.#incoming.get(child);
          const entry = { from: node(file, mount.parent), mount, prefix };
          if (list) list.push(entry);
          else this.#incoming.set(child, [entry]);
        }
      }
    }
  }

  compose(out: Route[]): void {
    for (const [file, f] of this.facts) {
      for (const route of f.routes) {
        const framework = this.#framework(route.framework);
        if (framework === undefined) continue;
        const prefixes = this.#prefixes(node(file, route.owner), new Set());
        for (const p of prefixes) {
          for (const { path, methods, line, range } of this.#expand(route)) {
            let full = joinPaths(p.path, path);
            let reason = p.reason ?? route.dynamic;
            if (full.includes(NEST_PREFIX) && this.#nestExcluded(full)) {
              full = full.replace(NEST_PREFIX, '');
              if (reason === this.#settings.get('nest:prefixDynamic')?.value) reason = undefined;
            }
            if (holes(full).length) {
              const filled = fillHoles(full, (name) => this.#constant(name));
              if (filled === undefined) {
                const missing = holes(full).find((h) => this.#constant(h) === undefined)!;
                reason ??= missing === 'nest.prefix' ? this.#settings.get('nest:prefixDynamic')!.value : `\`${missing}\` is not a constant SpecChain can read`;
                full = fillHoles(full, (name) => this.#constant(name) ?? '')!.replace(/\/{2,}/g, '/') || '/';
              } else full = filled.replace(/\/{2,}/g, '/');
            }
            for (const method of methods) {
              out.push({
                method,
                path: full,
                framework,
                file,
                line: line + 1,
                range,
                static: reason === undefined,
                ...(reason !== undefined ? { reason } : {}),
                ...(route.handler ? { handler: route.handler } : {}),
                service: this.root,
              });
            }
          }
        }
      }
    }
  }

  /** The framework a route is reported under in this service, or undefined when the service does not use its family. */
  #framework(found: RouteFramework): RouteFramework | undefined {
    const fw = this.frameworks;
    // Calls like `x.get('/path', h)` are Express's or Fastify's only in a service that uses one:
    // elsewhere they are API clients.
    if ((found === 'express' || found === 'fastify') && fw !== undefined && !fw.some((f) => f === 'express' || f === 'fastify' || f === 'nestjs' || f === 'sails')) return undefined;
    if (found === 'nextjs' || fw === undefined || fw.length === 0 || fw.includes(found)) return found;
    const family = FAMILIES.find((f) => f.includes(found));
    return family?.find((f) => fw.includes(f));
  }

  /** A constant's one value in the service (by its full name, else its last segment); undefined when unknown or ambiguous. */
  #constant(name: string): string | undefined {
    if (name.startsWith('nest.')) return this.#nestHole(name);
    if (name === 'spring.context') return (this.#settings.get('spring:context')?.value ?? '').replace(/^(?=[^/])/, '/').replace(/\/+$/, '');
    const values = this.#constants.get(name) ?? this.#constants.get(name.slice(name.lastIndexOf('.') + 1));
    return values?.size === 1 ? [...values][0] : undefined;
  }

  /** True when the route (prefix and version aside) is one `setGlobalPrefix`'s `exclude` lists. */
  #nestExcluded(full: string): boolean {
    const list = this.#settings.get('nest:exclude')?.value;
    if (list === undefined) return false;
    const bare = (fillHoles(full, () => '') ?? full).replace(/^\/+|\/+$/g, '');
    return list.split('\n').some((x) => x.replace(/^\/+|\/+$/g, '') === bare);
  }

  /** NestJS's global prefix and URI version, from the service's `main.ts` settings. */
  #nestHole(name: string): string | undefined {
    const setting = (key: string): string | undefined => this.#settings.get(key)?.value;
    if (name === 'nest.prefix') return setting('nest:prefixDynamic') !== undefined ? undefined : (setting('nest:prefix') ?? '').replace(/^(?=[^/])/, '/').replace(/\/+$/, '');
    if (setting('nest:versioning') !== 'uri') return '';
    const version = name.slice('nest.version.'.length) || setting('nest:defaultVersion');
    return version ? `/${setting('nest:versionPrefix') ?? 'v'}${version}` : '';
  }

  /** Every prefix chain that leads to a node, from a root. */
  #prefixes(at: string, visiting: Set<string>): readonly Prefix[] {
    const memo = this.#memo.get(at);
    if (memo) return memo;
    if (visiting.has(at)) return [];
    visiting.add(at);
    const decl = this.#owners.get(at);
    const own: Prefix = { path: decl?.prefix ?? '', ...(decl?.dynamic ? { reason: decl.dynamic } : {}) };
    const result: Prefix[] = [];
    for (const edge of this.#incoming.get(at) ?? []) {
      for (const parent of this.#prefixes(edge.from, visiting)) {
        if (result.length >= MAX_CHAINS) break;
        const reason = parent.reason ?? edge.mount.dynamic ?? own.reason;
        result.push({ path: joinPaths(joinPaths(joinPaths(parent.path, edge.mount.prefix), edge.prefix), own.path), ...(reason ? { reason } : {}) });
      }
    }
    if (result.length === 0) {
      const [file, key] = at.split('\0') as [string, string];
      const imported = decl === undefined && !key.includes('/') && !key.includes('#') ? this.#resolveImported(file, key) : undefined;
      if (imported !== undefined && imported !== at) {
        for (const p of this.#prefixes(imported, visiting)) result.push(p);
      } else if (decl?.alias) {
        for (const p of this.#prefixes(node(file, decl.alias), visiting)) result.push({ path: joinPaths(p.path, own.path), ...(p.reason ?? own.reason ? { reason: p.reason ?? own.reason } : {}) });
      } else if (decl?.root || this.#isRootModule(at)) result.push(own);
      else result.push({ path: own.path, reason: own.reason ?? `${describe(at)} is not mounted anywhere SpecChain can follow` });
    }
    visiting.delete(at);
    this.#memo.set(at, result);
    return result;
  }

  /** A module that is the root of its routes: Django's `ROOT_URLCONF`, or any URLconf when no settings name one. */
  #isRootModule(at: string): boolean {
    const [file, key] = at.split('\0') as [string, string];
    if (key !== '*') return false;
    const conf = this.#settings.get('ROOT_URLCONF')?.value;
    if (conf) return this.#resolvePython(file, conf) === file || file.endsWith(`${conf.replace(/\./g, '/')}.py`);
    return file.endsWith('urls.py');
  }

  /** A route's concrete forms: a DRF viewset gives its list, detail and action routes; a view class its methods. */
  #expand(route: LocalRoute): { path: string; methods: readonly RouteMethod[]; line: number; range: LocalRoute['range'] }[] {
    const line = route.range.start.line;
    const range = route.range;
    if (route.viewset) {
      const cls = route.view ? this.#viewsetActions(route.view) : undefined;
      const slash = route.viewset.trailingSlash ? '/' : '';
      const list = cls?.list ?? ['GET', 'POST'];
      const detail = cls?.detail ?? ['GET', 'PUT', 'PATCH', 'DELETE'];
      const out = [];
      if (list.length) out.push({ path: `${route.path}${slash}`, methods: list, line, range });
      if (detail.length) out.push({ path: `${route.path}/{pk}${slash}`, methods: detail, line, range });
      for (const a of cls?.actions ?? []) out.push({ path: `${route.path}${a.detail ? '/{pk}' : ''}/${a.path}${slash}`, methods: a.methods, line, range });
      return out;
    }
    if (route.view && route.methods.length === 1 && route.methods[0] === 'ANY') {
      const methods = this.#viewMethods(route.view, 0);
      if (methods) return [{ path: route.path, methods, line, range }];
    }
    return [{ path: route.path, methods: route.methods, line, range }];
  }

  /** The methods a Django/DRF view class answers, from its own handlers and its bases. */
  #viewMethods(name: string, depth: number): RouteMethod[] | undefined {
    const generic = GENERIC_VIEWS[name];
    if (generic) return [...generic];
    const cls = this.#classes.get(name);
    if (!cls || depth > 6) return undefined;
    const out: RouteMethod[] = [];
    for (const m of cls.methods) {
      const up = m.toUpperCase() as RouteMethod;
      if (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(up) && !out.includes(up)) out.push(up);
    }
    for (const base of cls.bases) for (const m of this.#viewMethods(base, depth + 1) ?? []) if (!out.includes(m)) out.push(m);
    return out.length ? out : undefined;
  }

  /** What a DRF viewset answers on its list and detail routes, and its actions. */
  #viewsetActions(name: string): { list: RouteMethod[]; detail: RouteMethod[]; actions: NonNullable<ViewClass['actions']> } | undefined {
    const actions = new Set<string>();
    const extra: NonNullable<ViewClass['actions']>[number][] = [];
    const visit = (n: string, depth: number): boolean => {
      const known = VIEWSET_ACTIONS[n];
      if (known) {
        for (const a of known) actions.add(a);
        return true;
      }
      const cls = this.#classes.get(n);
      if (!cls || depth > 6) return false;
      for (const m of cls.methods) actions.add(m);
      for (const a of cls.actions ?? []) extra.push(a);
      let ok = true;
      for (const b of cls.bases) ok = visit(b, depth + 1) && ok;
      return ok || cls.methods.length > 0;
    };
    if (!visit(name, 0)) return undefined;
    const pick = (pairs: readonly (readonly [string, RouteMethod])[]): RouteMethod[] => pairs.filter(([a]) => actions.has(a)).map(([, m]) => m);
    return {
      list: pick([['list', 'GET'], ['create', 'POST']]),
      detail: pick([['retrieve', 'GET'], ['update', 'PUT'], ['partial_update', 'PATCH'], ['destroy', 'DELETE']]),
      actions: extra,
    };
  }

  /** The nodes a mount's target names, with any prefix the target itself adds (a folder's path). */
  #targets(file: string, target: MountTarget): { child: string; prefix: string }[] {
    if ('folder' in target) {
      const out: { child: string; prefix: string }[] = [];
      const base = target.folder.replace(/\/+$/, '');
      for (const [f, facts] of this.facts) {
        if (!f.startsWith(`${base}/`)) continue;
        const rel = dirname(f.slice(base.length + 1));
        out.push({ child: node(f, facts.exports?.default ?? '*'), prefix: rel === '.' || !target.nested ? '' : `/${rel}` });
      }
      return out;
    }
    if ('module' in target) {
      const resolved = this.#resolveModule(file, target.module) ?? this.#playRoutes(file, target.module);
      if (resolved) return [{ child: node(resolved, this.facts.get(resolved)?.exports?.default ?? '*'), prefix: '' }];
      const cls = this.#classOwner(lastSegment(target.module));
      return cls ? [{ child: cls, prefix: '' }] : [];
    }
    if ('pass' in target) return this.#functionFiles(file, target.pass).map((f) => ({ child: node(f, `${lastSegment(target.pass)}#${target.index}`), prefix: '' }));
    if ('call' in target) return this.#functionFiles(file, target.call).map((f) => ({ child: node(f, `${lastSegment(target.call)}()`), prefix: '' }));
    if (target.name.startsWith('\u0003')) {
      // `require('./users').router`: a name of a module required in place.
      const dot = target.name.lastIndexOf('.');
      const mod = this.#resolveModule(file, target.name.slice(1, dot));
      const inner = mod ? this.#resolveName(mod, target.name.slice(dot + 1), 0) : undefined;
      return inner ? [{ child: inner, prefix: '' }] : [];
    }
    const resolved = this.#resolveName(file, target.name, 0);
    return resolved ? [{ child: resolved, prefix: '' }] : [];
  }

  /** Play's `posts.Routes`: the routes file `conf/posts.routes` of the service. */
  #playRoutes(file: string, spec: string): string | undefined {
    if (!spec.endsWith('.Routes')) return undefined;
    const name = `${spec.slice(0, -'.Routes'.length)}.routes`;
    const near = `${dirname(file)}/${name}`;
    if (this.facts.has(near)) return near;
    for (const f of this.facts.keys()) if (f.endsWith(`/conf/${name}`)) return f;
    return undefined;
  }

  /** The node of a class owner (`class:PostRouter`, a Beego controller) declared somewhere in the service. */
  #classOwner(name: string): string | undefined {
    const key = `class:${name}`;
    for (const [f, facts] of this.facts) if (isLocal(facts, key)) return node(f, key);
    return undefined;
  }

  /** The files that define a function a call names: this file, the module its qualifier imports, else every file of the service defining it. */
  #functionFiles(file: string, dotted: string): string[] {
    const name = lastSegment(dotted);
    const candidates = this.#functions.get(name) ?? [];
    if (candidates.includes(file) && !dotted.includes('.')) return [file];
    const qualifier = dotted.includes('.') ? dotted.slice(0, dotted.lastIndexOf('.')) : '';
    if (qualifier) {
      const imported = this.#importOf(file, qualifier.split('.')[0]!);
      if (imported) {
        const mod = this.#resolveModule(file, imported.name === '*' ? imported.module : `${imported.module}.${imported.name}`) ?? this.#resolveModule(file, imported.module);
        if (mod && candidates.includes(mod)) return [mod];
      }
      const segs = qualifier.split('.').filter((s) => !['crate', 'self', 'super'].includes(s));
      const last = segs[segs.length - 1];
      const stem = (c: string): string => c.slice(c.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
      const exact = last ? candidates.filter((c) => stem(c) === last || (['mod', 'lib', 'index', '__init__'].includes(stem(c)) && stem(dirname(c)) === last)) : [];
      if (exact.length) return exact;
      const near = last ? candidates.filter((c) => c.split('/').includes(last)) : [];
      if (near.length) return near;
    }
    if (candidates.length === 1) return candidates;
    const same = candidates.filter((c) => dirname(c) === dirname(file));
    return same.length ? same : candidates;
  }

  #importOf(file: string, local: string): { module: string; name: string } | undefined {
    return this.facts.get(file)?.imports?.find((i) => i.local === local);
  }

  /** The node an imported name stands for (a router declared in another module and imported here). */
  #resolveImported(file: string, key: string): string | undefined {
    if (!this.facts.get(file)?.imports?.some((i) => i.local === key || key.startsWith(`${i.local}.`))) return undefined;
    return this.#resolveName(file, key, 0, true);
  }

  /** The node a (dotted) name stands for in a file: its own owner, or an imported module's or name's. */
  #resolveName(file: string, name: string, depth: number, skipLocal = false): string | undefined {
    if (depth > 8) return undefined;
    const facts = this.facts.get(file);
    if (!facts) return undefined;
    if (!skipLocal && isLocal(facts, name)) return node(file, name);
    // A plugin function named by its name: its first parameter is the router (`register(routes)`).
    if (!skipLocal && isLocal(facts, `${name}#0`)) return node(file, `${name}#0`);
    const dot = name.indexOf('.');
    const head = dot === -1 ? name : name.slice(0, dot);
    const rest = dot === -1 ? '' : name.slice(dot + 1);
    const imp = facts.imports?.find((i) => i.local === head) ?? facts.imports?.find((i) => i.local === name);
    if (imp) {
      const whole = imp.local === name && dot !== -1;
      // `from pkg import mod` may import a module: try it as one first.
      const asModule = imp.name === '*' ? this.#resolveModule(file, imp.module) : this.#resolveModule(file, joinModule(imp.module, imp.name));
      if (asModule && imp.name !== 'default') {
        if (!rest || whole) return node(asModule, this.facts.get(asModule)?.exports?.default ?? '*');
        return this.#resolveName(asModule, rest, depth + 1) ?? (this.#resolveModule(asModule, `.${rest}`) ? node(this.#resolveModule(asModule, `.${rest}`)!, '*') : undefined);
      }
      if (rest && imp.name !== 'default') {
        // `from pkg import sub` then `sub.views.blueprint`: the deepest module that exists.
        const segs = rest.split('.');
        for (let i = segs.length - 1; i >= 1; i--) {
          const deeper = this.#resolveModule(file, joinModule(imp.name === '*' ? imp.module : joinModule(imp.module, imp.name), segs.slice(0, i).join('.')));
          if (deeper) return this.#resolveName(deeper, segs.slice(i).join('.'), depth + 1);
        }
      }
      const mod = this.#resolveModule(file, imp.module);
      if (!mod) return undefined;
      const target = this.facts.get(mod);
      const exported = imp.name === 'default' ? (target?.exports?.default ?? '*') : (target?.exports?.[imp.name] ?? imp.name);
      if (!rest) return exported === '*' || isLocal(target, exported) ? node(mod, exported) : this.#resolveName(mod, exported, depth + 1);
      return this.#resolveName(mod, `${exported}.${rest}`, depth + 1);
    }
    if (rest) {
      // `app.include_router(users.router)` where `users` is a module named without an import we read.
      const mod = this.#resolveModule(file, name.slice(0, name.lastIndexOf('.')));
      if (mod) return this.#resolveName(mod, lastSegment(name), depth + 1);
    }
    return undefined;
  }

  /** The file a module name or path stands for, among the files with route facts of the service. */
  #resolveModule(from: string, spec: string): string | undefined {
    if (spec.startsWith('.') && !spec.startsWith('./') && !spec.startsWith('../')) return this.#resolvePython(from, spec);
    if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) {
      const base = spec.startsWith('/') ? spec.slice(1) : joinPath(dirname(from), spec);
      return base === undefined ? undefined : this.#withExtensions(base);
    }
    if (/^[@~]\//.test(spec)) {
      const rest = spec.slice(2);
      return this.#withExtensions(joinUnder(this.root, `src/${rest}`)) ?? this.#withExtensions(joinUnder(this.root, rest));
    }
    if (spec.includes('/')) return this.#withExtensions(joinUnder(this.root, spec)) ?? this.#withExtensions(joinUnder(this.root, `src/${spec}`));
    return this.#resolvePython(from, spec);
  }

  #withExtensions(base: string): string | undefined {
    const stem = base.replace(/\.(?:js|mjs|cjs)$/, '');
    for (const candidate of [base, ...EXTENSIONS.map((e) => `${stem}${e}`), ...EXTENSIONS.map((e) => `${base}/index${e}`)]) if (this.facts.has(candidate)) return candidate;
    return undefined;
  }

  /** A Python module (`.users`, `..api.deps`, `app.api.routes.items`) as a file of the service. */
  #resolvePython(from: string, spec: string): string | undefined {
    const dots = /^\.*/.exec(spec)![0].length;
    const rest = spec.slice(dots).replace(/\./g, '/');
    if (dots > 0) {
      let dir = dirname(from);
      for (let i = 1; i < dots; i++) dir = dirname(dir);
      const base = rest ? (dir === '.' ? rest : `${dir}/${rest}`) : dir;
      for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (this.facts.has(candidate)) return candidate;
      return undefined;
    }
    const tails = [`${rest}.py`, `${rest}/__init__.py`, `${rest}.routes`];
    let best: string | undefined;
    for (const file of this.facts.keys()) {
      for (const tail of tails) {
        if ((file === tail || file.endsWith(`/${tail}`)) && (best === undefined || file.length < best.length)) best = file;
      }
    }
    return best;
  }
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.php'];

function node(file: string, key: string): string {
  return `${file}\0${key}`;
}

function joinModule(module: string, name: string): string {
  if (module.endsWith('.') || module === '') return `${module}${name}`;
  return `${module}.${name}`;
}

function joinUnder(root: string, rel: string): string {
  return root === '.' || root === '' ? rel : `${root}/${rel}`;
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** True when a file declares an owner of that key (a router, a route's owner, a mount's parent). */
function isLocal(facts: RouteFacts | undefined, key: string): boolean {
  if (!facts) return false;
  return (facts.owners ?? []).some((o) => o.key === key) || facts.routes.some((r) => r.owner === key) || (facts.mounts ?? []).some((m) => m.parent === key);
}

/** Owner keys in words, for the reason of a route that is not static. */
function describe(at: string): string {
  const [file, key] = at.split('\0') as [string, string];
  if (key === '*') return `\`${file}\``;
  if (key.endsWith('()')) return `the router \`${key}\` returns (${file})`;
  if (key.includes('#')) return `the router passed to \`${key.split('#')[0]}\` (${file})`;
  if (key.startsWith('class:')) return `\`${key.slice(6)}\` (${file})`;
  return `\`${key.slice(key.lastIndexOf('/') + 1)}\` (${file})`;
}

/** Django and DRF generic views and the methods each answers. */
const GENERIC_VIEWS: Readonly<Record<string, readonly RouteMethod[]>> = {
  ListAPIView: ['GET'],
  CreateAPIView: ['POST'],
  RetrieveAPIView: ['GET'],
  DestroyAPIView: ['DELETE'],
  UpdateAPIView: ['PUT', 'PATCH'],
  ListCreateAPIView: ['GET', 'POST'],
  RetrieveUpdateAPIView: ['GET', 'PUT', 'PATCH'],
  RetrieveDestroyAPIView: ['GET', 'DELETE'],
  RetrieveUpdateDestroyAPIView: ['GET', 'PUT', 'PATCH', 'DELETE'],
  TemplateView: ['GET'],
  ListView: ['GET'],
  DetailView: ['GET'],
  RedirectView: ['GET'],
  FormView: ['GET', 'POST'],
  CreateView: ['GET', 'POST'],
  UpdateView: ['GET', 'POST'],
  DeleteView: ['GET', 'POST'],
};

/** DRF viewsets and mixins, and the actions each brings. */
const VIEWSET_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  ModelViewSet: ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy'],
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  GenericViewSet: [],
  ViewSet: [],
  ViewSetMixin: [],
  GenericAPIView: [],
  ListModelMixin: ['list'],
  CreateModelMixin: ['create'],
  RetrieveModelMixin: ['retrieve'],
  UpdateModelMixin: ['update', 'partial_update'],
  DestroyModelMixin: ['destroy'],
};
