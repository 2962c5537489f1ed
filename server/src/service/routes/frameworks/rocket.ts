import { evalPath, methodOf, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { fnAt, rustFunctions, rustPath } from '../rust';
import type { Source } from '../source';

/**
 * Rocket: `#[get("/x/<id>")]` (or `#[route(GET, uri = "/x")]`) on a function; the function's
 * routes are mounted where `routes![…]` names it: `.mount("/api", routes![a, users::b])` on
 * `rocket::build()`, or inside a function whose result is mounted.
 */
export const rocket: RouteExtractor = {
  framework: 'rocket',
  files: (path) => path.endsWith('.rs'),
  signals: ['#[', 'routes!', '.mount('],
  precheck: /#\[(?:get|post|put|patch|delete|head|options|route)\(|\broutes!|\.mount\(/,
  extract: readRocket,
};

function readRocket(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const fns = rustFunctions(src);
  for (const fn of fns) out.functions.add(fn.name);
  for (let k = 0; k + 4 < t.length; k++) {
    // #[get("/x")] fn name
    if (src.is(k, '#') && src.is(k + 1, '[') && t[k + 2]?.kind === 'id' && src.is(k + 3, '(')) {
      const word = t[k + 2]!.text;
      const args = src.args(k + 3);
      let method = word === 'route' ? undefined : methodOf(word);
      let pathSpan = args[0];
      if (word === 'route' && args[0]) {
        method = methodOf(t[args[0][0]]!.text);
        pathSpan = src.named(args, 'uri') ?? args[1];
      }
      if (!method || !pathSpan || t[pathSpan[0]]!.kind !== 'str') continue;
      const close = src.close(k + 1);
      let j = close + 1;
      while (j < t.length && t[j]!.text !== 'fn' && j < close + 60) j++;
      const name = t[j + 1]?.kind === 'id' ? t[j + 1]!.text : undefined;
      if (!name) continue;
      const raw = evalPath(src, pathSpan, out.constants);
      // A query part (`/?<page>`) is not part of the path.
      const path = raw.value !== undefined ? { value: raw.value.replace(/\?.*$/, '') } : raw;
      out.route('rocket', [method], path, `${name}()`, [k, close + 1], name);
    }
    // routes![a, b::c]
    if (t[k]!.text === 'routes' && src.is(k + 1, '!') && src.is(k + 2, '[')) {
      const mount = mountBefore(src, k);
      const fn = fnAt(fns, k);
      const parent = mount ? mount.parent : fn ? `${fn.name}()` : undefined;
      if (!parent) continue;
      if (mount?.root) out.owner(parent, { root: true });
      for (const [from] of src.args(k + 2)) {
        const p = rustPath(src, from);
        if (p) out.mount(parent, mount ? mount.prefix : { value: '' }, { call: p.name }, src.line(from));
      }
    }
  }
  // `.mount("/api", users::routes())`: a function that returns routes.
  for (let k = 0; k + 3 < t.length; k++) {
    if (t[k]!.text !== 'mount' || !src.is(k - 1, '.') || !src.is(k + 1, '(')) continue;
    const args = src.args(k + 1);
    if (args.length < 2 || (t[args[1]![0]]!.text === 'routes' && src.is(args[1]![0] + 1, '!'))) continue;
    const p = rustPath(src, args[1]![0]);
    if (!p || !src.is(p.end, '(')) continue;
    out.owner('rocket', { root: true });
    out.mount('rocket', evalPath(src, args[0]!, out.constants), { call: p.name }, src.line(k));
  }
}

/** The `.mount(PREFIX, routes![…])` a `routes!` stands in: the root owner and the prefix. */
function mountBefore(src: Source, k: number): { parent: string; root: boolean; prefix: ReturnType<typeof evalPath> } | undefined {
  const t = src.tokens;
  // Walk back to the `(` of `.mount(`.
  for (let j = k - 1; j >= 0 && k - j < 40; j--) {
    if (!src.is(j, '(')) continue;
    if (src.close(j) < k) continue;
    if (t[j - 1]?.text !== 'mount' || !src.is(j - 2, '.')) return undefined;
    const args = src.args(j);
    if (!args[0]) return undefined;
    return { parent: 'rocket', root: true, prefix: evalPath(src, args[0], new Map()) };
  }
  return undefined;
}
