import type { RouteExtractor } from '../extractor';
import { readJsRouters, type JsRouterShape } from '../jsRouters';

/** Express: `app.get('/x', h)`, `router.route('/x').get(h)`, `app.use('/prefix', router)` across modules. */
const SHAPE: JsRouterShape = {
  framework: 'express',
  apps: ['express'],
  routers: ['Router', 'express.Router', 'Express.Router'],
  mounts: { use: 'prefix-first' },
  receivers: /^(?:app|router|server|routes|api|\w+Router|\w+App|\w+Routes)$/,
};

export const express: RouteExtractor = {
  framework: 'express',
  files: (path) => /\.[cm]?[jt]sx?$/.test(path),
  signals: ['express', 'Router', '.get(', '.post(', '.put(', '.patch(', '.delete(', '.all(', '.route(', '.use('],
  precheck: /\b(?:express|Router)\b|\.(?:get|post|put|patch|delete|all|route|use)\(\s*['"`]\//,
  extract: (src, out) => readJsRouters(SHAPE, src, out),
};
