import { findFramework } from '../stack/technologies';
import type { ReqDeclaration, ServiceStack, SpecDoc } from '../types';
import { serviceOf } from './compose';
import type { SpecEndpoint } from './endpoints';
import type { Route } from './types';
import type { WorkspaceRoutes } from './workspaceRoutes';

/** An endpoint of a SPEC with the routes it binds to and the REQ that names it. */
export interface BoundEndpoint {
  readonly endpoint: SpecEndpoint;
  readonly routes: readonly Route[];
  /** The REQ declared on the endpoint's line, or whose text names it. */
  readonly req?: string;
}

/** A SPEC's endpoints bound to routes, with the services they were looked for in. */
export interface SpecBinding {
  readonly endpoints: readonly BoundEndpoint[];
  /** Service folders searched; empty when every service was. */
  readonly services: readonly string[];
  /** True when those services have routes at all (else "no route" says nothing). */
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

/** Binds a SPEC's endpoints to the routes of its services (all services when it names none). */
export function bindSpec(endpoints: readonly SpecEndpoint[], reqs: readonly ReqDeclaration[], routes: WorkspaceRoutes, services: readonly string[]): SpecBinding {
  const scope = services.length ? services : undefined;
  const bound = endpoints.map((endpoint): BoundEndpoint => {
    const found = routes.bind(endpoint, scope);
    const req = reqNaming(endpoint, reqs);
    return { endpoint, routes: found, ...(req ? { req } : {}) };
  });
  const scoped = scope ? scope.some((s) => routes.services().includes(s)) : routes.all.length > 0;
  return { endpoints: bound, services: scope ?? [], scoped };
}

function reqNaming(endpoint: SpecEndpoint, reqs: readonly ReqDeclaration[]): string | undefined {
  const line = endpoint.range.start.line;
  const sameLine = reqs.find((r) => r.kind === 'REQ' && r.range.start.line === line);
  if (sameLine) return sameLine.id;
  return reqs.find((r) => r.kind === 'REQ' && r.text.includes(`${endpoint.method} ${endpoint.path}`) && r.range.start.line <= line)?.id;
}
