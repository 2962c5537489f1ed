import { readPyRouters, type PyRouterShape } from '../pyRouters';
import type { RouteExtractor } from '../extractor';

/** FastAPI: `@router.get("/x")` on `APIRouter(prefix=…)`, `include_router(r, prefix=…)` across modules. */
const SHAPE: PyRouterShape = {
  framework: 'fastapi',
  apps: ['FastAPI'],
  routers: { APIRouter: 'prefix' },
  verbs: { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', api_route: 'methods' },
  calls: { add_api_route: { path: 0, handler: 1, handlerKeyword: 'endpoint' } },
  includes: { include_router: 'prefix' },
};

export const fastapi: RouteExtractor = {
  framework: 'fastapi',
  files: (path) => path.endsWith('.py'),
  signals: ['APIRouter', 'FastAPI', 'include_router', 'add_api_route', '.get(', '.post(', '.put(', '.patch(', '.delete(', 'api_route'],
  precheck: /\b(?:APIRouter|FastAPI|include_router|add_api_route)\b|@[\w.]+\.(?:get|post|put|patch|delete|api_route)\(/,
  extract: (src, out) => readPyRouters(SHAPE, src, out),
};
