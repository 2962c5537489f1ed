import { methodOf, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import type { Source } from '../source';
import type { RouteMethod } from '../types';

const APP_ROUTE = /(?:^|\/)app\/((?:[^/]+\/)*)route\.[cm]?[jt]sx?$/;
const PAGES_API = /(?:^|\/)pages\/api\/((?:[^/]+\/)*[^/]+)\.[cm]?[jt]sx?$/;

/**
 * Next.js route handlers: App Router `route.ts` files export `GET`, `POST`, … (the path is the
 * folder's, route groups `(x)` and slots `@x` left out, `[id]` a parameter); `pages/api/**` files
 * answer the methods their handler compares `req.method` with (every method when none).
 */
export const nextjs: RouteExtractor = {
  framework: 'nextjs',
  files: (path) => APP_ROUTE.test(path) || PAGES_API.test(path),
  signals: ['export'],
  precheck: /\bexport\b|module\.exports/,
  extract: readNext,
};

/** The path a route file serves, or undefined for a folder that is not routed (`_private`). */
export function nextRoutePath(path: string): string | undefined {
  const app = APP_ROUTE.exec(path);
  const folders = app ? app[1]! : `api/${PAGES_API.exec(path)?.[1] ?? ''}`.replace(/(?:^|\/)index$/, '');
  const segments = folders.split('/').filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  if (segments.some((s) => s.startsWith('_'))) return undefined;
  return `/${segments.join('/')}`;
}

function readNext(src: Source, out: RouteCollector): void {
  const path = nextRoutePath(src.path);
  if (path === undefined) return;
  const t = src.tokens;
  out.owner('*', { root: true });
  if (APP_ROUTE.test(src.path)) {
    for (let k = 0; k + 2 < t.length; k++) {
      if (t[k]!.text !== 'export') continue;
      let j = k + 1;
      if (src.is(j, 'async')) j++;
      if ((src.is(j, 'function') || src.is(j, 'const') || src.is(j, 'let')) && t[j + 1]?.kind === 'id') {
        const method = verb(t[j + 1]!.text);
        if (method) out.route('nextjs', [method], { value: path }, '*', [k, j + 2], t[j + 1]!.text);
      } else if (src.is(j, '{')) {
        // `export { handler as GET, handler as POST }`
        for (const [a, b] of src.args(j)) {
          const name = t[b - 1]!.text;
          const method = verb(name);
          if (method) out.route('nextjs', [method], { value: path }, '*', [a, b], t[a]!.text);
        }
      }
    }
    return;
  }
  // pages/api: the methods `req.method` is compared with, or every method.
  const methods: RouteMethod[] = [];
  for (let k = 0; k + 1 < t.length; k++) {
    const s = t[k]!;
    if (s.kind !== 'str' || !s.value) continue;
    const m = verb(s.value);
    if (!m || methods.includes(m)) continue;
    const near = src.text.slice(Math.max(0, s.start - 40), s.start);
    if (/method\s*(?:===?|!==?)\s*$|case\s*$|method\s*\)?\s*\)\s*$|\bmethods?\s*[:=]\s*\[?[^\]]*$/.test(near)) methods.push(m);
  }
  const def = t.findIndex((x, i) => x.text === 'default' && src.is(i - 1, 'export'));
  const at = def === -1 ? 0 : def - 1;
  out.route('nextjs', methods.length ? methods : ['ANY'], { value: path }, '*', [at, at + 2], 'default');
}

function verb(name: string): RouteMethod | undefined {
  const m = /^[A-Z]+$/.test(name) ? methodOf(name) : undefined;
  return m === 'ANY' ? undefined : m;
}
