import { findFramework } from '../stack/technologies';
import type { ReqDeclaration, ServiceStack, SpecDoc } from '../types';
import { serviceOf } from './compose';
import type { SpecEndpoint } from './endpoints';
import { matchKey } from './paths';
import type { Route } from './types';
import type { WorkspaceRoutes } from './workspaceRoutes';

/** An endpoint of a SPEC with the routes it binds to and the REQ that names it. */
export interface BoundEndpoint {
  readonly endpoint: SpecEndpoint;
  readonly routes: readonly Route[];
  /** The REQ declared on the endpoint's line, or whose text names it. */
  readonly req?: string;
  /**
   * True when the absence of a route is evidence that the code lacks it: no route serves it,
   * the SPEC's service is known and its routes are read, the path lies in a namespace that
   * service serves, and the SPEC asks for it (not a URL the code calls, not out of scope).
   */
  readonly missing: boolean;
}

/** A SPEC's endpoints bound to routes, with the services the SPEC is about. */
export interface SpecBinding {
  readonly endpoints: readonly BoundEndpoint[];
  /**
   * The services the SPEC is about: those it names (its stack's framework, its `module:`
   * paths), else those serving any of its endpoints; empty when neither tells.
   */
  readonly services: readonly string[];
  /** True when the SPEC names its services (stack framework, `module:` paths) rather than the code telling them. */
  readonly declared: boolean;
  /**
   * True when those services are known, are of a framework whose routes SpecChain reads, and
   * have routes: only then does "no route" say something.
   */
  readonly scoped: boolean;
}

/**
 * The services a SPEC is about: those whose frameworks include the one its `stack` block
 * states, else those holding its `module:` paths; empty (every service) when it says neither.
 */
export function specServices(doc: SpecDoc, services: readonly ServiceStack[]): string[] {
  const framework = doc.stack?.framework?.value;
  const id = typeof framework === 'string' ? findFramework(framework)?.id : undefined;
  if (id) {
    const roots = services.filter((s) => s.frameworks.some((f) => f.name === id)).map((s) => s.root);
    if (roots.length) return roots;
  }
  const roots = new Set<string>();
  const all = services.map((s) => s.root);
  for (const module of doc.modules ?? []) {
    const root = serviceOf(module, all);
    if (all.includes(root)) roots.add(root);
  }
  return [...roots];
}

/**
 * Binds a SPEC's endpoints to the routes of the services it names (all services when it names
 * none). `readable` tells the services whose framework's routes are read (a Go `net/http` or
 * chi service has none, and its silence proves nothing).
 */
export function bindSpec(
  endpoints: readonly SpecEndpoint[],
  reqs: readonly ReqDeclaration[],
  routes: WorkspaceRoutes,
  named: readonly string[],
  readable: (service: string) => boolean,
): SpecBinding {
  const scope = named.length ? named : undefined;
  const found = endpoints.map((endpoint) => routes.bind(endpoint, scope));
  // Inferred from the code, the service is known only when one service serves its endpoints.
  const serving = [...new Set(found.flatMap((rs) => rs.map((r) => r.service)))];
  const services = scope ?? (serving.length === 1 ? serving : []);
  const scoped = services.length > 0 && services.every((s) => readable(s) && routes.ofService(s).length > 0);
  const namespaces = scoped ? routes.namespaces(services) : undefined;
  const bound = endpoints.map((endpoint, i): BoundEndpoint => {
    const req = reqNaming(endpoint, reqs);
    const served = found[i]!;
    const missing = namespaces !== undefined && served.length === 0 && endpoint.mention === undefined && namespaces.has(firstSegment(endpoint.path));
    return { endpoint, routes: served, ...(req ? { req } : {}), missing };
  });
  return { endpoints: bound, services, declared: scope !== undefined, scoped };
}

function firstSegment(path: string): string {
  return matchKey(path).split('/').find(Boolean) ?? '';
}

function reqNaming(endpoint: SpecEndpoint, reqs: readonly ReqDeclaration[]): string | undefined {
  const line = endpoint.range.start.line;
  const sameLine = reqs.find((r) => r.kind === 'REQ' && r.range.start.line === line);
  if (sameLine) return sameLine.id;
  return reqs.find((r) => r.kind === 'REQ' && r.text.includes(`${endpoint.method} ${endpoint.path}`) && r.range.start.line <= line)?.id;
}
