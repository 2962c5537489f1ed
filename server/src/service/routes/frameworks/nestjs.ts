import { HOLE_CLOSE, HOLE_OPEN, evalPath, methodOf, type PathValue, type RouteCollector } from '../collect';
import { declarationAfter } from '../annotations';
import type { RouteExtractor } from '../extractor';
import type { Source } from '../source';

/** A hole composition fills with the global prefix (`app.setGlobalPrefix`). */
export const NEST_PREFIX = `${HOLE_OPEN}nest.prefix${HOLE_CLOSE}`;
/** A hole filled with `/v<version>` under URI versioning (the controller's version, else the default one). */
export const nestVersion = (version: string): string => `${HOLE_OPEN}nest.version.${version}${HOLE_CLOSE}`;

/**
 * NestJS: `@Controller('cats')` (or `{ path, version }`) on a class, `@Get(':id')`, `@Post()`, …
 * on its methods; `app.setGlobalPrefix('api')` and URI versioning (`enableVersioning`) in `main.ts`.
 */
export const nestjs: RouteExtractor = {
  framework: 'nestjs',
  files: (path) => /\.[cm]?[jt]s$/.test(path),
  signals: ['@Controller', 'setGlobalPrefix', 'enableVersioning'],
  precheck: /@Controller\b|\bsetGlobalPrefix\b|\benableVersioning\b/,
  extract: readNest,
};

/**
 * The paths `setGlobalPrefix(p, { exclude: ['/', 'health', { path: 'x', method: … }] })` leaves
 * without the prefix, as written (literal strings only; a pattern is not read).
 */
function globalPrefixExclude(src: Source, options: [number, number] | undefined): string[] {
  if (!options || !src.is(options[0], '{')) return [];
  const list = src.named(src.args(options[0]), 'exclude');
  if (!list || !src.is(list[0], '[')) return [];
  const out: string[] = [];
  for (const item of src.args(list[0])) {
    const tok = src.is(item[0], '{') ? src.named(src.args(item[0]), 'path') : item;
    const value = tok ? src.tokens[tok[0]]!.value : undefined;
    if (value !== undefined && !/[*(]/.test(value)) out.push(value);
  }
  return out;
}

function readNest(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  let controller: { key: string; close: number; name: string } | undefined;
  for (let k = 0; k + 2 < t.length; k++) {
    const tok = t[k]!;
    if (tok.kind === 'id' && src.is(k + 1, '.') && t[k + 2]?.kind === 'id' && src.is(k + 3, '(')) {
      const call = t[k + 2]!.text;
      if (call === 'setGlobalPrefix') {
        const arg = src.args(k + 3)[0];
        const value = arg ? evalPath(src, arg, out.constants) : { dynamic: 'no prefix is given' };
        if (value.value !== undefined && !value.value.includes(HOLE_OPEN)) out.settings['nest:prefix'] = value.value;
        else out.settings['nest:prefixDynamic'] = value.dynamic ?? `the global prefix \`${src.textOf(arg!)}\` is read at run time`;
        const excluded = globalPrefixExclude(src, src.args(k + 3)[1]);
        if (excluded.length) out.settings['nest:exclude'] = excluded.join('\n');
      } else if (call === 'enableVersioning') {
        const opts = src.args(k + 3)[0];
        const o = opts && src.is(opts[0], '{') ? src.args(opts[0]) : [];
        const type = src.named(o, 'type');
        if (!type || /URI/.test(src.textOf(type))) out.settings['nest:versioning'] = 'uri';
        const def = src.named(o, 'defaultVersion');
        if (def && t[def[0]]!.value !== undefined) out.settings['nest:defaultVersion'] = t[def[0]]!.value!;
        const prefix = src.named(o, 'prefix');
        if (prefix && t[prefix[0]]!.value !== undefined) out.settings['nest:versionPrefix'] = t[prefix[0]]!.value!;
      }
    }
    if (!src.is(k, '@') || tok.kind !== 'punct' || t[k + 1]?.kind !== 'id') continue;
    const name = t[k + 1]!.text;
    if (name === 'Controller') {
      const open = src.is(k + 2, '(') ? k + 2 : -1;
      const cls = classAfter(src, open === -1 ? k + 2 : src.close(open) + 1);
      if (!cls) continue;
      const args = open === -1 ? [] : src.args(open);
      let paths: PathValue[] = [{ value: '' }];
      let version: string | undefined;
      const first = args[0];
      if (first && src.is(first[0], '{')) {
        const o = src.args(first[0]);
        const p = src.named(o, 'path');
        if (p) paths = pathList(src, p, out);
        const v = src.named(o, 'version');
        if (v) version = t[v[0]]!.value;
      } else if (first) paths = pathList(src, first, out);
      const key = `class:${cls.name}`;
      paths.forEach((p, i) => {
        const k2 = i === 0 ? key : `${key}@${i}`;
        out.owner(k2, { root: true }, p.value !== undefined ? { value: `${NEST_PREFIX}${nestVersion(version ?? '')}${p.value ? `/${p.value.replace(/^\/+/, '')}` : ''}` } : p);
      });
      controller = { key, close: cls.close, name: cls.name };
      continue;
    }
    const method = methodOf(name);
    if (!method || !src.is(k + 2, '(') || !controller || k > controller.close) continue;
    if (name !== name[0]!.toUpperCase() + name.slice(1).toLowerCase()) continue;
    const args = src.args(k + 2);
    const paths = args[0] ? pathList(src, args[0], out) : [{ value: '' }];
    const handler = methodName(src, src.close(k + 2) + 1);
    for (const p of paths) out.route('nestjs', [method], p, controller.key, [k, src.close(k + 2) + 1], handler ? `${controller.name}.${handler}` : controller.name);
  }
}

/** One path or a list of paths (`['a', 'b']`). */
function pathList(src: Source, span: readonly [number, number], out: RouteCollector): PathValue[] {
  if (src.is(span[0], '[')) return src.args(span[0]).map((s) => evalPath(src, s, out.constants));
  return [evalPath(src, span, out.constants)];
}

/** The class a decorator stands on (other decorators and `export` between): its name and body's end. */
function classAfter(src: Source, k: number): { name: string; close: number } | undefined {
  const decl = declarationAfter(src, k);
  if (decl?.kind !== 'class') return undefined;
  let b = decl.at;
  while (b < src.tokens.length && !src.is(b, '{')) b++;
  return { name: decl.name, close: src.close(b) === -1 ? src.tokens.length : src.close(b) };
}

/** The method a route decorator stands on. */
function methodName(src: Source, k: number): string | undefined {
  const decl = declarationAfter(src, k);
  return decl?.kind === 'method' ? decl.name : undefined;
}
