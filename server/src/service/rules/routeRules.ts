import type { SpecEntry } from '../index';
import { normalStatus } from '../specSchema';
import { finding, type Finding, type RuleContext } from './context';

/** Statuses under which a SPEC's endpoints should exist in the code (`implemented`, `completed`, "Implementation Complete"). */
const DONE = /\b(?:implemented|complete[d]?|done|released|shipped)\b/;

/**
 * `api/route-missing`: an endpoint the SPEC names that no route of its service's code declares
 * (information while the SPEC is a draft or planned, a warning once it says implemented or
 * completed). Only where SpecChain read routes in that scope: without code to look in, nothing
 * can be missing.
 */
export function checkRouteMissing(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const bound = ctx.endpointsOf(spec);
  if (!bound.endpoints.length || !bound.scoped) return [];
  const status = spec.doc.status === undefined ? undefined : normalStatus(spec.doc.status);
  const severity = status !== undefined && DONE.test(status) ? 'warning' : 'info';
  const where = bound.services.length === 1 ? (bound.services[0] === '.' ? ' in the workspace root service' : ` in service ${bound.services[0]}`) : '';
  return bound.endpoints
    .filter((b) => b.routes.length === 0)
    .map((b) =>
      finding('api/route-missing', spec.path, b.endpoint.range, `No route in the code${where} serves ${b.endpoint.method} ${b.endpoint.path}${severity === 'info' ? ` (SPEC ${spec.id} is ${spec.doc.status ?? 'not stated'})` : ''}.`, {
        severity,
      }),
    );
}
