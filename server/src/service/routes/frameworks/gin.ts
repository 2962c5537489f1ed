import { evalPath, methodOf, methodsIn, passOwners, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { GoScopes, goAssigned } from '../go';
import type { Source } from '../source';
import type { OwnerKey, RouteMethod } from '../types';

const VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'Any', 'Handle', 'Match']);

/**
 * Gin: `r := gin.Default()`, `v1 := r.Group("/v1")` (chained `.Use(…)` kept), `v1.GET("/x", h)`,
 * `Handle("GET", …)`, `Any`, `Match`; routers handed to functions in other files
 * (`systemRouter.InitUserRouter(privateGroup)`) composed through their parameters.
 */
export const gin: RouteExtractor = {
  framework: 'gin',
  files: (path) => path.endsWith('.go'),
  signals: ['gin.', 'RouterGroup', '.Group(', '.GET(', '.POST(', '.PUT(', '.PATCH(', '.DELETE('],
  precheck: /\bgin\.|\bRouterGroup\b|\.Group\(|\.(?:GET|POST|PUT|PATCH|DELETE)\(/,
  extract: readGin,
};

function readGin(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const scopes = new GoScopes(src);
  const known = new Set<OwnerKey>();
  /** Inline group chains by their first token (`v1.Group("/users")` handed to a function). */
  const inline = new Map<number, { end: number; key: OwnerKey }>();
  const isRouter = (name: string, k: number): OwnerKey | undefined => {
    const key = scopes.ownerKey(name, k);
    if (known.has(key)) return key;
    const p = scopes.param(name, k);
    if (p && /gin\.|RouterGroup|Engine|IRout/.test(p.type)) return key;
    return undefined;
  };
  for (const fn of scopes.functions) out.functions.add(fn.name);
  for (let k = 0; k + 3 < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind !== 'id') continue;
    // gin.Default(), gin.New()
    if (tok.text === 'gin' && src.is(k + 1, '.') && (t[k + 2]?.text === 'Default' || t[k + 2]?.text === 'New') && src.is(k + 3, '(')) {
      const at = goAssigned(src, k);
      if (at !== undefined) {
        const key = scopes.ownerKey(t[at]!.text, at);
        out.owner(key, { root: true });
        known.add(key);
      }
      continue;
    }
    if (!src.is(k + 1, '.') || src.is(k - 1, '.')) continue;
    const recv = isRouter(tok.text, k);
    if (!recv) continue;
    readGinChain(src, scopes, out, known, k + 1, recv, inline);
  }
  passOwners(src, out, (name, k) => scopes.ownerKey(name, k), (k) => src.is(k - 1, 'func') || src.is(k - 1, ')'), (span) => {
    const chain = inline.get(span[0]);
    return chain && chain.end === span[1] ? chain.key : undefined;
  });
}

/** `.Group("/p")…` and `.GET("/x", h)` links after a router at `dot`. */
function readGinChain(src: Source, scopes: GoScopes, out: RouteCollector, known: Set<OwnerKey>, dot: number, recv: OwnerKey, inline: Map<number, { end: number; key: OwnerKey }>): void {
  const t = src.tokens;
  let owner = recv;
  let k = dot;
  for (let links = 0; links < 16 && src.is(k, '.') && t[k + 1]?.kind === 'id' && src.is(k + 2, '('); links++) {
    const name = t[k + 1]!.text;
    const open = k + 2;
    const args = src.args(open);
    const end = src.close(open) + 1;
    if (end === 0) return;
    if (name === 'Group' && args[0]) {
      // The group is the assigned name, or a key of its own for an inline chain.
      const start = dot - 1;
      const at = links === 0 ? goAssigned(src, start) : undefined;
      const child = at !== undefined ? scopes.ownerKey(t[at]!.text, at) : `${owner}@${src.line(k)}`;
      out.mount(owner, evalPath(src, args[0], out.constants), { name: child }, src.line(k));
      out.owner(child, {});
      known.add(child);
      if (at === undefined) inline.set(dot - 1, { end, key: child });
      owner = child;
    } else if (VERBS.has(name)) {
      let methods: RouteMethod[];
      let pathArg = args[0];
      let rest = args.slice(1);
      if (name === 'Handle' || name === 'Match') {
        methods = args[0] ? methodsIn(src, args[0]) : [];
        pathArg = args[1];
        rest = args.slice(2);
      } else methods = [methodOf(name === 'Any' ? 'ANY' : name)!];
      if (!pathArg) return;
      const last = rest[rest.length - 1];
      out.route('gin', methods, evalPath(src, pathArg, out.constants), owner, [dot - 1, end], last ? (src.dotted(last) ?? undefined) : undefined);
    } else if (name !== 'Use') return;
    k = end;
  }
}
