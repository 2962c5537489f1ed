import type { SpecEntry, WorkspaceIndex } from '../index';
import { testsOfFile, type BoundEndpoint, type Route, type SpecBinding, type WorkspaceRoutes } from '../routes';
import { escapeMarkdown } from '../text';
import type { Position } from '../types';
import type { ByPath, EndpointNode } from '../../protocol';
import type { HoverResult } from './hover';
import { contains, type Location } from './types';

/** What the route features read: the index, the composed routes and each SPEC's bound endpoints. */
export interface RouteView {
  readonly index: WorkspaceIndex;
  routes(): WorkspaceRoutes;
  endpointsOf(spec: SpecEntry): SpecBinding;
}

/** A SPEC's endpoint bound to a route, seen from the route. */
interface Specifier {
  readonly spec: SpecEntry;
  readonly bound: BoundEndpoint;
}

/**
 * The chain's API level of one SPEC for the SPECs view: each endpoint it names with the routes
 * serving it (file and line) and the tests of each handler's file.
 */
export function endpointNodes(view: RouteView, spec: SpecEntry): ByPath<EndpointNode>[] {
  const binding = view.endpointsOf(spec);
  if (!binding.endpoints.length) return [];
  const paths = [...view.index.allFacts()].map((f) => f.path);
  const tests = new Map<string, string[]>();
  const testsOf = (file: string): string[] => {
    let list = tests.get(file);
    if (!list) tests.set(file, (list = testsOfFile(file, paths)));
    return list;
  };
  return binding.endpoints.map((b) => ({
    method: b.endpoint.method,
    endpoint: b.endpoint.path,
    path: spec.path,
    range: b.endpoint.range,
    ...(b.req ? { req: b.req } : {}),
    handlers: b.routes.map((r) => ({
      method: r.method,
      route: r.path,
      framework: r.framework,
      ...(r.handler ? { handler: r.handler } : {}),
      static: r.static,
      path: r.file,
      range: r.range,
      tests: testsOf(r.file).map((path) => ({ path })),
    })),
  }));
}

/** The routes declared at a position of a code file: on the decorator or registration, or the line below it (the handler's signature). */
function routesAt(view: RouteView, path: string, position: Position): Route[] {
  const inFile = view.routes().inFile(path);
  const on = inFile.filter((r) => contains(r.range, position));
  return on.length ? on : inFile.filter((r) => r.range.end.line === position.line - 1);
}

/** The SPEC endpoints bound to any of the given routes. */
function specifiers(view: RouteView, routes: readonly Route[]): Specifier[] {
  if (!routes.length) return [];
  const out: Specifier[] = [];
  for (const spec of view.index.specs()) {
    for (const bound of view.endpointsOf(spec).endpoints) if (bound.routes.some((r) => routes.includes(r))) out.push({ spec, bound });
  }
  return out;
}

/**
 * Hover on a route's decorator or registration: the route's full path and the SPECs and REQs
 * that specify it (or that none does).
 */
export function getRouteHover(view: RouteView, path: string, position: Position): HoverResult | undefined {
  const routes = routesAt(view, path, position);
  if (!routes.length) return undefined;
  const lines = routes.map((r) => `**${r.method} ${escapeMarkdown(r.path)}** · ${r.framework}${r.static ? '' : ` · not static: ${escapeMarkdown(r.reason ?? '')}`}`);
  const by = specifiers(view, routes);
  lines.push('');
  if (!by.length) lines.push('No SPEC names this endpoint.');
  for (const { spec, bound } of by) {
    const req = bound.req ? ` · ${bound.req}` : '';
    lines.push(`Specified by **SPEC-${spec.id}**${spec.doc.title ? `: ${escapeMarkdown(spec.doc.title)}` : ''}${req} (\`${spec.path}:${bound.endpoint.range.start.line + 1}\`)`, '');
  }
  const first = routes[0]!;
  return { markdown: lines.join('\n').trimEnd(), range: first.range };
}

/** Go to definition from an endpoint a SPEC names to the handlers serving it. */
export function getRouteDefinition(view: RouteView, path: string, position: Position): Location[] {
  const spec = view.index.specs().find((s) => s.path === path);
  if (!spec) return [];
  const out: Location[] = [];
  for (const bound of view.endpointsOf(spec).endpoints) {
    if (!contains(bound.endpoint.range, position)) continue;
    for (const r of bound.routes) out.push({ path: r.file, range: r.range });
  }
  return out;
}

/** References from a handler (its route's declaration) to the SPEC lines naming its endpoint. */
export function getRouteReferences(view: RouteView, path: string, position: Position, includeDeclaration: boolean): Location[] {
  const routes = routesAt(view, path, position);
  const out: Location[] = specifiers(view, routes).map(({ spec, bound }) => ({ path: spec.path, range: bound.endpoint.range }));
  if (includeDeclaration && out.length) for (const r of routes) out.unshift({ path: r.file, range: r.range });
  return out;
}
