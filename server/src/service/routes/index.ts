/**
 * The routes room: routes read statically from the code of the supported frameworks (one
 * extractor per framework in `frameworks/`), composed into the full paths a client calls, and
 * bound to the endpoints SPECs name.
 */
export { composeRoutes, serviceOf, type RouteService } from './compose';
export { specEndpoints, type SpecEndpoint } from './endpoints';
export { extractRouteFacts, routeSignals } from './extract';
export { routeLayout, type RouteFolder } from './layout';
export { matchKey, normalisePath } from './paths';
export type { Route, RouteFacts, RouteFramework, RouteMethod } from './types';
export { WorkspaceRoutes, nearRoute, testsOfFile } from './workspaceRoutes';
export { bindSpec, specServices, type BoundEndpoint, type SpecBinding } from './bind';
