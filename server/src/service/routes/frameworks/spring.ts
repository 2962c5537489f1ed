import { HOLE_CLOSE, HOLE_OPEN, evalPath, methodOf, methodsIn, type PathValue, type RouteCollector } from '../collect';
import { annotationAt, declarationAfter } from '../annotations';
import type { RouteExtractor } from '../extractor';
import type { Source } from '../source';
import type { RouteMethod } from '../types';

/** The hole composition fills with the service's `server.servlet.context-path`. */
export const SPRING_CONTEXT = `${HOLE_OPEN}spring.context${HOLE_CLOSE}`;

const MAPPINGS: Readonly<Record<string, RouteMethod | 'request'>> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  PatchMapping: 'PATCH',
  DeleteMapping: 'DELETE',
  RequestMapping: 'request',
};

/**
 * Spring MVC and WebFlux: a class's `@RequestMapping` prefix joined to its methods'
 * `@GetMapping`/`@PostMapping`/…/`@RequestMapping(method = …)`; simple functional routes
 * (`route(GET("/x"), h)`, `route().GET("/x", h)`, `path("/api", …)`/`nest(path("/api"), …)`);
 * the context path of `application.properties`/`application.yml`.
 */
export const spring: RouteExtractor = {
  framework: 'spring-boot',
  files: (path) => /\.(?:java|kt)$/.test(path),
  signals: ['Mapping', 'RouterFunction'],
  precheck: /Mapping\b|\bRouterFunction/,
  extract: readSpring,
};

/** `server.servlet.context-path` (and WebFlux's `spring.webflux.base-path`) from the main application settings. */
export const springSettings: RouteExtractor = {
  framework: 'spring-boot',
  files: (path) => /(?:^|\/)application\.(?:properties|ya?ml)$/.test(path),
  signals: ['context-path', 'base-path'],
  precheck: /context-path|base-path/,
  extract: (src, out) => {
    const value = contextPath(src.text);
    if (value !== undefined) out.settings['spring:context'] = value;
  },
};

/** The context path a properties or YAML text sets, when it sets one plainly. */
export function contextPath(text: string): string | undefined {
  const prop = /^[ \t]*(?:server\.servlet\.context-path|spring\.webflux\.base-path|server\.context-path)[ \t]*[=:][ \t]*([^\s#]+)/m.exec(text);
  if (prop) return prop[1];
  // YAML: `server:` / `servlet:` / `context-path: /api`, by indentation.
  const lines = text.split(/\r?\n/);
  const stack: { indent: number; key: string }[] = [];
  for (const line of lines) {
    // The value is cut at `#` and trimmed after the match: a lazy value before `[ \t]*` tried every end of a blank run.
    const m = /^([ \t]*)([\w.-]+)[ \t]*:(.*)$/.exec(line);
    if (!m) continue;
    const hash = m[3]!.indexOf('#');
    m[3] = (hash === -1 ? m[3]! : m[3]!.slice(0, hash)).trim();
    const indent = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: m[2]! });
    const path = stack.map((s) => s.key).join('.');
    if (m[3] && /^(?:server\.servlet\.context-path|spring\.webflux\.base-path)$/.test(path)) return m[3].replace(/^["']|["']$/g, '');
  }
  return undefined;
}

function readSpring(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const classes: { name: string; close: number; key: string }[] = [];
  for (let k = 0; k < t.length; k++) {
    const a = annotationAt(src, k);
    if (!a) continue;
    const kind = MAPPINGS[a.name];
    if (!kind) continue;
    const decl = declarationAfter(src, a.end);
    if (!decl) continue;
    const args = a.open === -1 ? [] : src.args(a.open);
    const pathSpan = src.named(args, 'value') ?? src.named(args, 'path') ?? src.positional(args)[0];
    const paths: PathValue[] = pathSpan ? pathList(src, pathSpan, out) : [{ value: '' }];
    if (decl.kind === 'class') {
      let body = decl.at;
      while (body < t.length && !src.is(body, '{')) body++;
      const key = `class:${decl.name}`;
      out.owner(key, { root: true }, withContext(paths[0]!));
      classes.push({ name: decl.name, close: src.close(body) === -1 ? t.length : src.close(body), key });
      k = a.end - 1;
      continue;
    }
    let methods: RouteMethod[];
    if (kind === 'request') {
      const m = src.named(args, 'method');
      methods = m ? methodsIn(src, m) : [];
      if (!methods.length) methods = ['ANY'];
    } else methods = [kind];
    const owner = [...classes].reverse().find((c) => k < c.close);
    const key = owner?.key ?? '*';
    if (!owner) out.owner('*', { root: true }, { value: SPRING_CONTEXT });
    for (const p of paths) out.route('spring-boot', methods, p, key, [a.start, a.end], owner ? `${owner.name}.${decl.name}` : decl.name);
    k = a.end - 1;
  }
  if (/\bRouterFunction/.test(src.text)) readRouterFunctions(src, out);
}

/** The context path hole before a class prefix. */
function withContext(p: PathValue): PathValue {
  return p.value !== undefined ? { value: `${SPRING_CONTEXT}${p.value ? `/${p.value.replace(/^\/+/, '')}` : ''}` } : p;
}

/** One path or an array of paths (`{"/a", "/b"}`, `["/a"]`). */
function pathList(src: Source, span: readonly [number, number], out: RouteCollector): PathValue[] {
  if ((src.is(span[0], '{') || src.is(span[0], '[')) && src.close(span[0]) === span[1] - 1) {
    const items = src.args(span[0]).map((s) => evalPath(src, s, out.constants));
    return items.length ? items : [{ value: '' }];
  }
  return [evalPath(src, span, out.constants)];
}

/** Functional routes: `GET("/x")` predicates and builder calls, under `path("/p", …)`/`nest(path("/p"), …)` scopes. */
function readRouterFunctions(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const scopes: { from: number; to: number; prefix: string }[] = [];
  for (let k = 0; k + 2 < t.length; k++) {
    if (t[k]!.text === 'nest' && src.is(k + 1, '(') && t[k + 2]?.text === 'path' && src.is(k + 3, '(')) {
      const p = src.args(k + 3)[0];
      if (p && t[p[0]]!.value !== undefined) scopes.push({ from: k, to: src.close(k + 1), prefix: t[p[0]]!.value! });
    } else if (t[k]!.text === 'path' && src.is(k - 1, '.') && src.is(k + 1, '(')) {
      const args = src.args(k + 1);
      if (args.length >= 2 && t[args[0]![0]]!.value !== undefined) scopes.push({ from: k, to: src.close(k + 1), prefix: t[args[0]![0]]!.value! });
    }
  }
  out.owner('*', { root: true }, { value: SPRING_CONTEXT });
  for (let k = 0; k + 2 < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id' || !/^[A-Z]+$/.test(tok.text) || !src.is(k + 1, '(')) continue;
    const method = methodOf(tok.text);
    if (!method || method === 'ANY') continue;
    const args = src.args(k + 1);
    const first = args[0];
    if (!first || t[first[0]]!.kind !== 'str') continue;
    const prefix = scopes.filter((s) => s.from < k && k < s.to).map((s) => s.prefix).join('/');
    const local = evalPath(src, first, out.constants);
    const path = local.value !== undefined ? { value: `${prefix}/${local.value}` } : local;
    const handler = args[1] ? src.textOf(args[1]) : undefined;
    out.route('spring-boot', [method], path, '*', [k, src.close(k + 1) + 1], handler);
  }
}
