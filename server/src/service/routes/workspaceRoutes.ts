import { basename, dirname } from '../text';
import type { SpecEndpoint } from './endpoints';
import { matchKey } from './paths';
import type { Route } from './types';

/** Leading segments a SPEC may leave out of its paths: the API's base (`/api`, `/v1`, a locale parameter). */
const BASE_SEGMENT = /^(?:api|apis|rest|v\d+(?:\.\d+)?|\{\})$/;

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

  /**
   * The routes an endpoint binds to, within the given services (all when none): same method
   * (or a route taking every method) and the same path, parameters in any form; else a route
   * whose path adds only an API base (`/api`, `/v1`) before the endpoint's; else a route whose
   * prefix is unknown and whose known part ends the endpoint's path.
   */
  bind(endpoint: Pick<SpecEndpoint, 'method' | 'path'>, services?: readonly string[]): Route[] {
    const key = matchKey(endpoint.path);
    const inScope = (r: Route): boolean => (services === undefined || services.includes(r.service)) && (r.method === endpoint.method || r.method === 'ANY');
    const exact = (this.#byKey.get(key) ?? NONE).filter(inScope);
    if (exact.length) return exact;
    const based: Route[] = [];
    const partial: Route[] = [];
    if (key === '/') return [];
    for (const [routeKey, routes] of this.#byKey) {
      if (routeKey.length > key.length && routeKey.endsWith(key)) {
        // Keys start with `/`, so the endpoint's path starts at a segment of the route's.
        const lead = routeKey.slice(0, routeKey.length - key.length).split('/').filter(Boolean);
        if (lead.every((seg) => BASE_SEGMENT.test(seg))) for (const r of routes) if (inScope(r)) based.push(r);
      } else if (key.length > routeKey.length && routeKey !== '/' && key.endsWith(routeKey)) {
        for (const r of routes) if (!r.static && inScope(r)) partial.push(r);
      }
    }
    return based.length ? based : partial;
  }
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
