import type { RouteExtractor } from '../extractor';
import { readJsRouters, type JsRouterShape } from '../jsRouters';

/**
 * Fastify: `fastify.get('/x', opts, h)`, `fastify.route({ method, url })`, plugins registered
 * with `{ prefix }`, and `@fastify/autoload` folders (each subfolder a prefix).
 */
const SHAPE: JsRouterShape = {
  framework: 'fastify',
  apps: ['fastify', 'Fastify'],
  routers: [],
  mounts: { register: 'options-prefix' },
  receivers: /^(?:fastify|app|server|instance|f|\w+Instance)$/,
};

export const fastify: RouteExtractor = {
  framework: 'fastify',
  files: (path) => /\.[cm]?[jt]sx?$/.test(path),
  signals: ['fastify', 'Fastify', 'register'],
  precheck: /\b(?:fastify|Fastify|FastifyInstance|FastifyPlugin\w*|register)\b/,
  extract: (src, out) => readJsRouters(SHAPE, src, out),
};
