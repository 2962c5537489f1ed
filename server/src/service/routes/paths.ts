/**
 * Route paths in one form: a leading `/`, parameters as `{name}` whatever the framework wrote
 * (`:id`, `<int:id>`, `{id:\d+}`, `<id..>`, `[id]`, `(?P<id>…)`, `$id<[0-9]+>`), no doubled `/`.
 * Every pattern here is linear: no nested quantifiers over the text.
 */

/** Normalises the parameters of one path or prefix as written in any supported framework. */
export function normalisePath(raw: string): string {
  let p = raw.trim();
  // Most paths have no parameter and no pattern: nothing to rewrite.
  if (!/[<[:{$*(^]/.test(p)) return p;
  // Django and Rails-like regular expressions: anchors out, named groups to parameters.
  p = p.replace(/^\^/, '').replace(/\$$/, '');
  p = p.replace(/\(\?P<(\w+)>[^()]*(?:\([^()]*\)[^()]*)*\)/g, '{$1}');
  // Next.js catch-alls and dynamic segments.
  p = p.replace(/\[\[\.\.\.(\w+)\]\]|\[\.\.\.(\w+)\]|\[(\w+)\]/g, (_m, a?: string, b?: string, c?: string) => `{${a ?? b ?? c}}`);
  // Flask, Django, Rocket: <int:id>, <id>, <path..>.
  p = p.replace(/<(?:\w+:)?(\w+)(?:\.\.)?>/g, '{$1}');
  // Symfony's inline requirements and defaults: {page<\d+>?1}.
  p = p.replace(/\{(\w+)<[^<>{}]*>[^{}/]*\}/g, '{$1}');
  // {id:\d+}, {id?}, {id=default}: the name only.
  p = p.replace(/\{(\w+)[?]?(?:[:=][^{}/]*(?:\{[^{}]*\}[^{}/]*)*)?\}/g, '{$1}');
  // Play: $id<[0-9]+>, and SIRD's $id.
  p = p.replace(/\$(\w+)(?:<[^>]*>)?/g, '{$1}');
  // :id, :id(\d+), :id?, Beego's :id:int.
  p = p.replace(/:(\w+)(?:\([^)]*\))?\??(?::(?:int|string|float|bool))?/g, '{$1}');
  // Gin, Play, Fastify wildcards with a name: *filepath.
  p = p.replace(/\*(\w+)/g, '{$1}');
  return p;
}

/** Joins a prefix and a path with one `/` between them; the result starts with `/`. */
export function joinPaths(prefix: string, path: string): string {
  if (path === '') return prefix === '' ? '/' : ensureLeading(prefix);
  const left = prefix.replace(/\/+$/, '');
  const right = path.startsWith('/') ? path : `/${path}`;
  return ensureLeading(`${left}${right}`).replace(/\/{2,}/g, '/');
}

function ensureLeading(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}

/**
 * The key two paths are compared by: parameters (and whole `*` segments) unnamed, no trailing
 * `/`, lower case, so that `/users/:userId/`, `/Users/{id}` and `/users/*` match.
 */
export function matchKey(path: string): string {
  const p = normalisePath(path.replace(/[?#].*$/, ''))
    .replace(/\{[^{}/]*\}/g, '{}')
    // A whole `*` segment (Spring's `/owners/*/pets`) takes any one segment, as a parameter does.
    .replace(/\/\*(?=\/|$)/g, '/{}')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
