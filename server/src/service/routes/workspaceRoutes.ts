import { basename, dirname } from '../text';
import type { SpecEndpoint } from './endpoints';
import { matchKey } from './paths';
import type { Route, RouteMethod } from './types';

/** Leading segments a SPEC may leave out of its paths: the API's base (`/api`, `/v1`, a locale parameter). */
const BASE_SEGMENT = /^(?:api|apis|rest|v\d+(?:\.\d+)?|\{\})$/;
/** Methods that act on one item, which a SPEC may write against the collection's path. */
const ITEM_METHODS: ReadonlySet<RouteMethod> = new Set(['PUT', 'PATCH', 'DELETE']);

/**
 * The composed routes of a workspace, indexed for the questions features ask: every route,
 * those of a file or a service, and the routes an endpoint a SPEC names binds to.
 */
export class WorkspaceRoutes {
  readonly #byKey = new Map<string, Route[]>();
  readonly #byFile = new Map<string, Route[]>();
  readonly #byService = new Map<string, Route[]>();

  constructor(readonly all: readonly Route[]) {
    for (const r of all) {
      push(this.#byKey, matchKey(r.path), r);
      push(this.#byFile, r.file, r);
      push(this.#byService, r.service, r);
    }
  }

  /** The routes declared in one file, in line order. */
  inFile(path: string): readonly Route[] {
    return this.#byFile.get(path) ?? NONE;
  }

  /** How many routes each service has, by service folder. */
  counts(): ReadonlyMap<string, number> {
    return new Map([...this.#byService].map(([k, v]) => [k, v.length]));
  }

  /** Service folders that have routes. */
  services(): readonly string[] {
    return [...this.#byService.keys()];
  }

  /** The routes of one service folder. */
  ofService(service: string): readonly Route[] {
    return this.#byService.get(service) ?? NONE;
  }

  /**
   * The path namespaces the given services serve: the first segment of each route's path, and
   * the first one after its API base (`users` for `/api/v1/users/{id}`).
   */
  namespaces(services: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const s of services) {
      for (const r of this.ofService(s)) {
        const segs = matchKey(r.path).split('/').filter(Boolean);
        if (segs[0]) out.add(segs[0]);
        const first = segs.find((seg) => !BASE_SEGMENT.test(seg));
        if (first) out.add(first);
      }
    }
    return out;
  }

  /**
   * The routes an endpoint binds to, within the given services (all when none): same method
   * (or a route taking every method) and the same path, parameters in any form; else a route
   * whose path adds only an API base (`/api`, `/v1`) before the endpoint's; else a route whose
   * prefix is unknown and whose known part ends the endpoint's path; else, for a path written
   * relative to a prefix (`POST /users/{id}/suspend` in a table of admin routes), a route of the
   * same method whose path ends with the endpoint's.
   */
  bind(endpoint: Pick<SpecEndpoint, 'method' | 'path'>, services?: readonly string[]): Route[] {
    const key = matchKey(endpoint.path);
    const inScope = (r: Route): boolean => (services === undefined || services.includes(r.service)) && (r.method === endpoint.method || r.method === 'ANY');
    const exact = (this.#byKey.get(key) ?? NONE).filter(inScope);
    if (exact.length) return exact;
    // The SPEC writes the API's base where the service is mounted without it (behind a proxy adding `/api`).
    const segs = key.split('/').filter(Boolean);
    const lead = segs.findIndex((seg) => !BASE_SEGMENT.test(seg));
    if (lead > 0) {
      const unbased = (this.#byKey.get(`/${segs.slice(lead).join('/')}`) ?? NONE).filter(inScope);
      if (unbased.length) return unbased;
    }
    const based: Route[] = [];
    const partial: Route[] = [];
    const relative: Route[] = [];
    if (key === '/') return [];
    for (const [routeKey, routes] of this.#byKey) {
      if (routeKey.length > key.length && routeKey.endsWith(key)) {
        // Keys start with `/`, so the endpoint's path starts at a segment of the route's.
        const lead = routeKey.slice(0, routeKey.length - key.length).split('/').filter(Boolean);
        if (lead.every((seg) => BASE_SEGMENT.test(seg))) {
          for (const r of routes) if (inScope(r)) based.push(r);
        } else if (key !== '/{}') {
          for (const r of routes) if (inScope(r) && r.method === endpoint.method) relative.push(r);
        }
      } else if (key.length > routeKey.length && routeKey !== '/' && key.endsWith(routeKey)) {
        for (const r of routes) if (!r.static && inScope(r)) partial.push(r);
      }
    }
    if (based.length || partial.length || relative.length) return based.length ? based : partial.length ? partial : relative;
    return this.#instances(key, endpoint.method, inScope);
  }

  /**
   * Routes an endpoint names by example or by its collection: a value where the route has a
   * parameter (`/kbs/personal` for `/kbs/{kb}`), or, for the item methods, the collection's
   * path for the item's route (`PUT /api/servers` for `PUT /api/servers/{id}`).
   */
  #instances(key: string, method: RouteMethod, inScope: (r: Route) => boolean): Route[] {
    const want = key.split('/').filter(Boolean);
    const item = ITEM_METHODS.has(method) ? `${key}/{}` : undefined;
    const out: Route[] = [];
    for (const [routeKey, routes] of this.#byKey) {
      if (routeKey === item) {
        for (const r of routes) if (r.static && inScope(r) && r.method === method) out.push(r);
        continue;
      }
      if (!routeKey.includes('{}')) continue;
      const have = routeKey.split('/').filter(Boolean);
      // A route of parameters only (`/{a}/{b}`) would take any path: not evidence of this one.
      if (have.length !== want.length || have.every((seg) => seg === '{}')) continue;
      if (have.every((seg, i) => seg === want[i] || seg === '{}')) for (const r of routes) if (r.static && inScope(r)) out.push(r);
    }
    return out;
  }
}

/**
 * The route of the same method an endpoint most likely means when none serves it as written:
 * one whose path holds the endpoint's segments in order, the same last one, with segments
 * added between (`/api/widgets` written for `/api/admin/widgets`).
 */
export function nearRoute(routes: WorkspaceRoutes, endpoint: Pick<SpecEndpoint, 'method' | 'path'>): Route | undefined {
  const want = matchKey(endpoint.path).split('/').filter(Boolean);
  if (want.length === 0) return undefined;
  for (const r of routes.all) {
    if (r.method !== endpoint.method) continue;
    const have = matchKey(r.path).split('/').filter(Boolean);
    if (have.length <= want.length || have[have.length - 1] !== want[want.length - 1]) continue;
    let j = 0;
    for (const seg of have) if (j < want.length && seg === want[j]) j++;
    if (j === want.length) return r;
  }
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly Route[] = Object.freeze([]);

/**
 * Test files of a source file by the naming conventions of its language: `test_users.py`,
 * `users_test.go`, `users.controller.spec.ts`, `UserControllerTest.java`, `UserControllerTests.kt`.
 */
export function testsOfFile(file: string, paths: Iterable<string>): string[] {
  const name = basename(file);
  const dot = name.indexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  const rest = dot === -1 ? '' : name.slice(dot);
  const ext = name.slice(name.lastIndexOf('.'));
  const mid = rest.slice(0, rest.length - ext.length);
  const wanted = new Set([
    `test_${stem}${ext}`,
    `${stem}_test${ext}`,
    `${stem}${mid}.spec${ext}`,
    `${stem}${mid}.test${ext}`,
    `${stem}Test${ext}`,
    `${stem}Tests${ext}`,
    `${stem}.spec${ext}`,
    `${stem}.test${ext}`,
  ]);
  const out: string[] = [];
  for (const p of paths) if (p !== file && wanted.has(basename(p))) out.push(p);
  // Nearest first: the same folder, then by shared path.
  return out.sort((a, b) => shared(b, file) - shared(a, file) || (a < b ? -1 : 1)).filter((p) => dirname(p) === dirname(file) || shared(p, file) > 0 || out.length <= 3);
}

function shared(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}
