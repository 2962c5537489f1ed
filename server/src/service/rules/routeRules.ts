import type { SpecEntry } from '../index';
import { nearRoute } from '../routes';
import { normalStatus } from '../specSchema';
import { finding, type Finding, type RuleContext } from './context';

/** Statuses under which a SPEC's endpoints should exist in the code (`implemented`, `completed`, "Implementation Complete"). */
const DONE = /\b(?:implemented|complete[d]?|done|released|shipped)\b/;

/**
 * `api/route-missing`: an endpoint the SPEC names that no route of its service's code declares
 * (information while the SPEC is a draft or planned, a warning once it says implemented or
 * completed). Only where the absence says something (see `BoundEndpoint.missing`): the SPEC's
 * service is known, its framework's routes are read and were found, the endpoint lies in a
 * namespace the service serves, and the SPEC asks for it rather than calling or excluding it.
 */
export function checkRouteMissing(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const bound = ctx.endpointsOf(spec);
  if (!bound.scoped) return [];
  const status = spec.doc.status === undefined ? undefined : normalStatus(spec.doc.status);
  const severity = status !== undefined && DONE.test(status) ? 'warning' : 'info';
  const where = bound.declared && bound.services.length === 1 ? (bound.services[0] === '.' ? ' in the workspace root service' : ` in service ${bound.services[0]}`) : '';
  const routes = ctx.routes();
  return bound.endpoints
    .filter((b) => b.missing)
    .map((b) => {
      const near = nearRoute(routes, b.endpoint);
      const hint = near ? `; the code serves ${near.method} ${near.path} (${near.file}:${near.line})` : '';
      const state = severity === 'info' ? ` (SPEC ${spec.id} is ${spec.doc.status ?? 'not stated'})` : '';
      return finding('api/route-missing', spec.path, b.endpoint.range, `No route in the code${where} serves ${b.endpoint.method} ${b.endpoint.path}${hint}${state}.`, { severity });
    });
}
