import { readPyRouters, type PyRouterShape } from '../pyRouters';
import type { RouteExtractor } from '../extractor';

/**
 * Flask: `@app.route("/x", methods=[…])`, `@bp.get` (Flask 2), blueprints with `url_prefix` at
 * construction or at `register_blueprint`, nested blueprints, `add_url_rule`, and Flask-RESTX
 * namespaces (`@ns.route` on a resource class, `add_namespace(ns, path=…)`).
 */
const SHAPE: PyRouterShape = {
  framework: 'flask',
  apps: ['Flask'],
  routers: { Blueprint: 'url_prefix', Namespace: 'path' },
  verbs: { route: 'methods', get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' },
  calls: { add_url_rule: { path: 0, handler: 2, handlerKeyword: 'view_func' } },
  includes: { register_blueprint: 'url_prefix', add_namespace: 'path' },
};

export const flask: RouteExtractor = {
  framework: 'flask',
  files: (path) => path.endsWith('.py'),
  signals: ['Blueprint', 'Flask', 'register_blueprint', 'add_url_rule', 'add_namespace', '.route('],
  precheck: /\b(?:Blueprint|Flask|register_blueprint|add_url_rule|add_namespace)\b|@[\w.]+\.route\(/,
  extract: (src, out) => readPyRouters(SHAPE, src, out),
};
