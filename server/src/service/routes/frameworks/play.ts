import { methodOf, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { normalisePath } from '../paths';
import type { Source } from '../source';

const ROUTES_FILE = /(?:^|\/)conf\/(?:routes|[\w.-]+\.routes)$/;

/**
 * Play: `conf/routes` lines (`GET /path controllers.X.m(id: Long)`), included files
 * (`-> /prefix posts.Routes`) and routers (`-> /v1/posts v1.post.PostRouter`); SIRD routers
 * (`case GET(p"/$id")`) in Scala classes.
 */
export const play: RouteExtractor = {
  framework: 'play',
  files: (path) => ROUTES_FILE.test(path) || path.endsWith('.scala'),
  signals: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', '->', 'case '],
  precheck: /^[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|->)[ \t]|\bcase[ \t]+(?:GET|POST|PUT|PATCH|DELETE)\(p"/m,
  extract: (src, out) => (ROUTES_FILE.test(src.path) ? readRoutesFile(src, out) : readSird(src, out)),
};

/** A routes file, line by line (it has no lexer family: `#` starts a comment line). */
function readRoutesFile(src: Source, out: RouteCollector): void {
  const root = /(?:^|\/)conf\/routes$/.test(src.path);
  out.owner('*', root ? { root: true } : {});
  const lines = src.text.split('\n');
  lines.forEach((raw, line) => {
    const text = raw.replace(/\r$/, '');
    // The handler is trimmed after the match: `(\S.*?)[ \t]*$` tried every end of a long blank run (quadratic).
    const m = /^[ \t]*([A-Z]+|->)[ \t]+(\S+)[ \t]+(\S.*)$/.exec(text);
    if (!m) return;
    m[3] = m[3]!.trimEnd();
    const range = { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.length } };
    if (m[1] === '->') {
      out.mounts.push({ parent: '*', prefix: m[2]!, target: { module: m[3]!.trim() }, line });
      return;
    }
    const method = methodOf(m[1]!);
    if (!method) return;
    out.routes.push({ framework: 'play', methods: [method], path: normalisePath(m[2]!), owner: '*', range, handler: m[3]!.replace(/\(.*$/, '') });
  });
}


/** SIRD: `case GET(p"/x/$id")` in a class; the class is the owner an include names. */
function readSird(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  let cls: string | undefined;
  for (let k = 0; k + 3 < t.length; k++) {
    if ((t[k]!.text === 'class' || t[k]!.text === 'object') && t[k + 1]?.kind === 'id') cls = t[k + 1]!.text;
    if (t[k]!.text !== 'case' || t[k + 1]?.kind !== 'id' || !src.is(k + 2, '(')) continue;
    const method = methodOf(t[k + 1]!.text);
    const p = t[k + 3];
    if (!method || !cls || p?.text !== 'p' || t[k + 4]?.kind !== 'str') continue;
    const raw = t[k + 4]!.value ?? t[k + 4]!.template ?? '';
    out.owner(`class:${cls}`, {});
    out.route('play', [method], { value: raw.replace(/\$\{?(\w+)\}?(?:<[^>]*>)?/g, '{$1}') }, `class:${cls}`, [k, src.close(k + 2) + 1]);
  }
}
