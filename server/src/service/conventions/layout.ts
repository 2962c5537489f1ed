import { basename, dirname } from '../text';
import type { SignalKind } from './signals';
import type { Layer, LayerPlace, NameStyle } from './types';

/*
 * Where a repository keeps each layer and how it names the files there, read from the paths
 * of its files (and, for handlers, models and repositories, from what their code declares).
 * Siblings are what count: a folder of `*Controller.java`, an `apis.py` in every app folder, a
 * `<feature>/<feature>.controller.ts` per feature.
 */

/** Files that only gather a folder's modules: they follow no naming convention of a layer. */
const PACKAGE_MARKER = /^(?:__init__\.py|index\.[cm]?[jt]sx?|mod\.rs|package-info\.java|(?:types?|constants?|utils?|helpers?|enums?|interfaces?)\.(?:py|[cm]?[jt]sx?|go))$/;

const SOURCE = /\.(?:py|[cm]?[jt]sx?|go|java|kt|scala|php|rs)$/;

const TEST_NAME = /^test_.+\.py$|_test\.(?:py|go)$|\.(?:test|spec|e2e|e2e-spec|integration|int-spec)\.[cm]?[jt]sx?$|(?:Test|Tests|IT|Spec)\.(?:java|kt|scala|php)$|^conftest\.py$/;
const TEST_FOLDER = /^(?:tests?|__tests__|specs?|e2e)$/i;
const MIGRATION_FOLDER = /^(?:migrations?|alembic|changelogs?)$/i;

/** Middleware by its file name (`auth.guard.ts`, `JwtFilter.java`, `middleware.py`). */
const MIDDLEWARE_NAME = /\.(?:guard|interceptor|middleware|filter|pipe)\.[cm]?[jt]s$|(?:Interceptor|Filter)\.(?:java|kt)$|^middlewares?\.(?:py|go|[cm]?[jt]s)$/;

/** File names that say their layer, by language. */
const BY_NAME: readonly (readonly [Layer, RegExp])[] = [
  ['middleware', MIDDLEWARE_NAME],
  ['handler', /Controller\.(?:java|kt|scala|php)$|\.controller\.[cm]?[jt]s$|_controller\.(?:go|py)$|^(?:apis|views|api|viewsets|endpoints|handlers)\.py$|_handler\.go$|\.handler\.[cm]?[jt]s$/],
  ['route', /^urls\.py$|\.routes?\.[cm]?[jt]s$|_routes?\.(?:go|py)$|^(?:routes?|router)\.(?:go|py|[cm]?[jt]s)$/],
  ['service', /Service(?:Impl)?\.(?:java|kt|php|scala)$|\.service\.[cm]?[jt]s$|_service\.(?:go|py)$|^services?\.py$|\.use-?case\.[cm]?[jt]s$|UseCase\.(?:java|kt)$|_usecase\.go$/],
  ['repository', /(?:Repository|Mapper|Dao|DAO)\.(?:java|kt|php|scala|xml)$|\.repository\.[cm]?[jt]s$|_(?:repository|repo|dao)\.(?:go|py)$|^(?:selectors|repositories|repository|crud|queries|dao)\.py$/],
  ['model', /\.(?:entity|model|schema)\.[cm]?[jt]s$|^models?\.py$|Entity\.(?:java|kt)$|_model\.go$/],
  ['schema', /\.dto\.[cm]?[jt]s$|(?:Dto|DTO|Param|Params|Request|Response|Query|VO|Vo)\.(?:java|kt)$|^(?:serializers|schemas|forms|validators)\.py$|\.(?:validation|validator)\.[cm]?[jt]s$|Request\.php$/],
];

/** Folder names that say the layer of the files below them. */
const BY_FOLDER: Readonly<Record<string, Layer>> = Object.fromEntries(
  ([
    ['middleware', ['middleware', 'middlewares', 'interceptors', 'guards']],
    ['handler', ['controller', 'controllers', 'handler', 'handlers', 'views', 'apis', 'endpoints', 'resolvers']],
    ['route', ['routes', 'router', 'routers', 'urls', 'routing']],
    ['service', ['service', 'services', 'usecase', 'usecases', 'use-cases', 'use_cases', 'logic', 'biz', 'interactors']],
    ['repository', ['repository', 'repositories', 'dao', 'daos', 'mapper', 'mappers', 'selectors', 'crud', 'persistence', 'queries', 'dal']],
    ['model', ['model', 'models', 'entity', 'entities']],
    ['schema', ['dto', 'dtos', 'schema', 'schemas', 'serializers', 'validation', 'validations', 'validators', 'request', 'requests', 'response', 'responses', 'payload', 'payloads', 'vo', 'param', 'params', 'forms', 'inputs']],
  ] as const).flatMap(([layer, names]) => names.map((n) => [n, layer as Layer])),
);

/** What code declares, as a layer: a file of handlers is a handler whatever its name. */
const BY_SIGNAL: readonly (readonly [SignalKind, Layer])[] = [
  ['handler', 'handler'],
  ['routes', 'route'],
  ['repository', 'repository'],
  ['mapper-xml', 'repository'],
  ['model', 'model'],
];

/**
 * The layer of one file: tests and migrations by their names and folders first, then middleware
 * folders, then what its code declares, then its name, then the nearest folder that says one.
 * Undefined for a file of no layer (configuration, utilities) or not source.
 */
/** True for a test file by its name (`test_x.py`, `x_test.go`, `x.spec.ts`, `XTest.java`). */
export function isTestName(path: string): boolean {
  return TEST_NAME.test(basename(path));
}

export function layerOf(path: string, signals: ReadonlySet<SignalKind>): Layer | undefined {
  const name = basename(path);
  if (PACKAGE_MARKER.test(name)) return undefined;
  const folders = dirname(path).split('/');
  if (!SOURCE.test(name) && !(name.endsWith('.xml') && signals.has('mapper-xml'))) {
    return /\.(?:sql|xml|ya?ml)$/.test(name) && folders.some((f) => MIGRATION_FOLDER.test(f)) ? 'migration' : undefined;
  }
  if (TEST_NAME.test(name) || folders.some((f) => TEST_FOLDER.test(f))) return 'test';
  if (folders.some((f) => MIGRATION_FOLDER.test(f)) || (folders.includes('versions') && folders.includes('alembic'))) return 'migration';
  // Middleware looks like a handler to the code signals (`(req, res, next)`): its folder or name says what it is.
  if (folders.some((f) => BY_FOLDER[f.toLowerCase()] === 'middleware') || MIDDLEWARE_NAME.test(name)) return 'middleware';
  for (const [signal, layer] of BY_SIGNAL) if (signals.has(signal)) return layer;
  for (const [layer, pattern] of BY_NAME) if (pattern.test(name)) return layer;
  for (let i = folders.length - 1; i >= 0; i--) {
    const layer = BY_FOLDER[folders[i]!.toLowerCase()];
    if (layer) return layer;
  }
  return undefined;
}

/** A file's path split into its folders and name, below the root it was read under. */
interface Split {
  readonly path: string;
  readonly folders: readonly string[];
  readonly name: string;
}

/** The share of files a constant part of a template must hold. */
const MAJORITY = 0.6;
/** The share of files a name ending must hold to be the layer's naming convention. */
const SUFFIX_SHARE = 0.4;

/**
 * The places of one layer under one root: the files grouped by how deep they sit and their
 * extension, each group
 * turned into a path template. Places are returned most files first; a group of a single file
 * is kept only when it is the layer's only one.
 */
export function placesOf(layer: Layer, root: string, paths: readonly string[]): LayerPlace[] {
  const prefix = root === '.' ? '' : `${root}/`;
  const split: Split[] = paths.map((path) => {
    const rel = path.slice(prefix.length).split('/');
    return { path, folders: rel.slice(0, -1), name: rel[rel.length - 1]! };
  });
  // Files of one depth and one extension: Java mappers and their XML are two places.
  const byDepth = new Map<string, Split[]>();
  for (const s of split) {
    const key = `${s.folders.length} ${s.name.slice(s.name.lastIndexOf('.'))}`;
    const group = byDepth.get(key);
    if (group) group.push(s);
    else byDepth.set(key, [s]);
  }
  const places = [...byDepth.values()]
    .sort((a, b) => b.length - a.length || a[0]!.folders.length - b[0]!.folders.length)
    .map((group) => placeOf(layer, root, prefix, group))
    .filter((p): p is LayerPlace => p !== undefined);
  return places.filter((p, i) => i === 0 || p.count > 1);
}

/** One group of files at one depth as a template: constant folders kept, differing ones as placeholders. */
function placeOf(layer: Layer, root: string, prefix: string, group: readonly Split[]): LayerPlace | undefined {
  const depth = group[0]!.folders.length;
  let members = [...group];
  const parts: string[] = [];
  const styles: Record<string, NameStyle> = {};
  const placeholders: { name: string; index: number }[] = [];
  for (let i = 0; i < depth; i++) {
    const [value, count] = mostCommon(members.map((m) => m.folders[i]!));
    if (count >= MAJORITY * members.length && (count > 1 || members.length === 1)) {
      parts.push(value);
      members = members.filter((m) => m.folders[i] === value);
    } else {
      const name = placeholders.length === 0 ? 'feature' : placeholders.length === 1 ? 'group' : `group${placeholders.length}`;
      placeholders.push({ name, index: i });
      styles[name] = styleOf(members.map((m) => m.folders[i]!));
      parts.push(`<${name}>`);
    }
  }
  if (members.length === 0) return undefined;
  const file = members.length === 1 ? singleName(layer, members[0]!.name, styles) : nameTemplate(layer, members, placeholders, styles);
  if (members.length === 0) return undefined;
  const template = `${prefix}${[...parts, file].join('/')}`;
  const examples = [...members].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : 1)).slice(0, 3).map((m) => m.path);
  const values = Object.fromEntries(placeholders.map((p) => [p.name, ranked(members.map((m) => m.folders[p.index]!)).slice(0, 5)]));
  const kept = new Set(members.map((m) => m.path));
  const others = group.filter((m) => !kept.has(m.path)).map((m) => m.path).sort();
  return { layer, template, styles, count: members.length, examples, files: members.map((m) => m.path).sort(), values, root, ...(others.length > 0 ? { others } : {}) };
}

/**
 * The file name part of a template: the name itself when most files share it (`apis.py`);
 * else their shared ending and start (`Controller.java`, `test_`) around a stem, which is a
 * folder's placeholder when the stems repeat that folder (`<feature>.controller.ts`), or
 * `<name>` written as the stems are.
 */
function nameTemplate(layer: Layer, members: Split[], placeholders: readonly { name: string; index: number }[], styles: Record<string, NameStyle>): string {
  const [same, count] = mostCommon(members.map((m) => m.name));
  if (count >= MAJORITY * members.length && (count > 1 || members.length === 1)) {
    members.splice(0, members.length, ...members.filter((m) => m.name === same));
    return same;
  }
  const suffix = sharedEnd(members.map((m) => m.name), layer);
  members.splice(0, members.length, ...members.filter((m) => m.name.endsWith(suffix) && m.name.length > suffix.length));
  const prefix = sharedStart(members.map((m) => m.name.slice(0, m.name.length - suffix.length)));
  // A name without the start most share (`enter.go` among `sys_*.go`) does not follow the template.
  if (prefix !== '') members.splice(0, members.length, ...members.filter((m) => m.name.startsWith(prefix)));
  const names = members.map((m) => m.name);
  const stems = names.map((n) => n.slice(prefix.length, n.length - suffix.length));
  for (const p of [...placeholders].reverse()) {
    const repeats = members.filter((m, i) => sameWord(stems[i]!, m.folders[p.index]!)).length;
    if (repeats >= MAJORITY * members.length) {
      members.splice(0, members.length, ...members.filter((m, i) => sameWord(stems[i]!, m.folders[p.index]!)));
      return `${prefix}<${p.name}>${suffix}`;
    }
  }
  const style = styleOf(stems);
  const label = style.case === 'pascal' ? 'Name' : 'name';
  styles[label] = style;
  return `${prefix}<${label}>${suffix}`;
}

/** How a lone file of a layer names what it is about: a start, the name of a resource, an ending (`test_`, `users`, `.py`). */
const SINGLE_FORMS: Readonly<Partial<Record<Layer, readonly RegExp[]>>> = {
  test: [/^(test_)(.+)(\.py)$/, /^()(.+?)(_test\.(?:go|py))$/, /^()(.+?)(\.(?:test|spec|e2e|e2e-spec)\.[cm]?[jt]sx?)$/, /^()(.+?)((?:Tests?|IT|Spec)\.(?:java|kt|scala|php))$/],
  ...Object.fromEntries(
    (['handler', 'service', 'repository', 'schema'] as const).map((layer) => [
      layer,
      [
        /^()([A-Za-z][A-Za-z0-9]*?)((?:Controller|Handler|Resource|Service|ServiceImpl|Repository|Mapper|Dao|DAO|Entity|Dto|DTO)\.(?:java|kt|scala|php))$/,
        /^()([A-Za-z][A-Za-z0-9_-]*?)(\.(?:controller|handler|service|use-?case|repository|entity|model|schema|dto)\.[cm]?[jt]s)$/,
        /^()([A-Za-z][A-Za-z0-9]*?)(_(?:controller|handler|service|usecase|repository|repo|dao|model|schema|views|api)\.(?:go|py))$/,
        /^()([A-Za-z][A-Za-z0-9_-]*)(\.(?:py|[cm]?[jt]s|go|java|kt|php|rs))$/,
      ],
    ]),
  ),
};

/** Names of files that hold a whole layer, not one resource's part of it (`models.py`, `views.py`, `main.go`). */
const SHARED_NAME = /^(?:apis?|views?|viewsets|endpoints|handlers?|controllers?|routes?|routers?|urls|services?|usecases?|models?|entities|schemas?|serializers|selectors|repositor(?:y|ies)|crud|quer(?:y|ies)|daos?|forms|validators|dtos?|main|app|application|server|index|db|database|deps|dependencies|core|base|common|utils?|helpers?|config|settings|lib|mod|impl)$/i;

/**
 * A lone file's name as a template, where its name says what it is about: the test naming
 * conventions (`PmsDaoTests.java` → `<Name>Tests.java`), and a handler, service, data-access
 * or schema file named after its resource (`users.py` → `<name>.py`, `OrderService.java` →
 * `<Name>Service.java`), so that another resource gets a file of its own beside it. A name that
 * holds the whole layer (`views.py`, `services.py`) is kept as it is, and so is a lone model
 * file (one file of models may be all the service has).
 */
function singleName(layer: Layer, name: string, styles: Record<string, NameStyle>): string {
  for (const form of SINGLE_FORMS[layer] ?? []) {
    const m = form.exec(name);
    if (!m || (layer !== 'test' && SHARED_NAME.test(m[2]!.replace(/[-_]/g, '')))) continue;
    const style = styleOf([m[2]!]);
    const label = style.case === 'pascal' ? 'Name' : 'name';
    styles[label] = style;
    return `${m[1]}<${label}>${m[3]}`;
  }
  return name;
}

/**
 * The longest ending most names share that starts at a boundary (a `.`, `_`, `-` or a capital)
 * and leaves a stem: `Controller.java`, `.controller.ts`, `.py`.
 */
function sharedEnd(names: readonly string[], layer: Layer): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const seen = new Set<string>();
    for (let i = 1; i < name.length; i++) {
      if (/[._A-Z-]/.test(name[i]!)) seen.add(name.slice(i));
    }
    for (const end of seen) counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  const all = new Set(names);
  const ext = (n: string): string => n.slice(n.lastIndexOf('.'));
  // An ending most of whose files have a base beside them (`CmsHelpExample.java` beside `CmsHelp.java`) is an add-on, not the convention.
  const addOn = (end: string): boolean => {
    const withIt = names.filter((n) => n.endsWith(end) && n.length > end.length && end !== ext(n));
    if (withIt.length === 0) return false;
    return withIt.filter((n) => all.has(n.slice(0, n.length - end.length) + ext(n))).length >= MAJORITY * withIt.length;
  };
  // A kind of file most siblings share (`.repository.ts` beside a `types.ts` in each folder) is the
  // convention: the longest such ending, one naming the layer first.
  const score = (end: string): number => (LAYER_WORD[layer]?.test(end) ? 1000 : 0) + end.length;
  let best = '';
  for (const [end, n] of counts) {
    if (n >= SUFFIX_SHARE * names.length && (n > 1 || names.length === 1) && !addOn(end) && score(end) > score(best)) best = end;
  }
  return best;
}

/** Words a layer's file endings use: between `.command.ts` and `.usecase.ts`, business logic is the use case. */
const LAYER_WORD: Partial<Record<Layer, RegExp>> = {
  handler: /controller|handler|api|view/i,
  service: /service|use-?case|logic/i,
  repository: /repositor|dao|mapper|store|selector/i,
  model: /model|entity|schema/i,
  test: /test|spec|e2e/i,
};

/** The start most names share when it ends at a separator (`test_`, `sys_`); otherwise none. */
function sharedStart(stems: readonly string[]): string {
  const cut = stems.map((s) => /^[a-z]+[_-]/.exec(s)?.[0]);
  const [start, count] = mostCommon(cut.filter((c): c is string => c !== undefined));
  return start !== undefined && count >= MAJORITY * stems.length && stems.length > 1 ? start : '';
}

/** True when a file stem repeats a folder name: `topics` and `topics`, `create-topic` and `create-topic`, `user` and `users`. */
function sameWord(stem: string, folder: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const a = norm(stem);
  const b = norm(folder);
  return a === b || singular(a) === singular(b);
}

/** `orders` → `order`, `categories` → `category`, `addresses` → `address`; other words unchanged. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** `order` → `orders`, `category` → `categories`, `address` → `addresses`. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** How a set of names is written: their case, and whether most are plural. */
export function styleOf(values: readonly string[]): NameStyle {
  const count = (test: (v: string) => boolean): number => values.filter(test).length;
  const cases: readonly (readonly [NameStyle['case'], (v: string) => boolean])[] = [
    ['pascal', (v) => /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(v)],
    ['snake', (v) => /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(v)],
    ['kebab', (v) => /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(v)],
    ['camel', (v) => /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(v)],
  ];
  let best: NameStyle['case'] = 'lower';
  let most = 0;
  for (const [name, test] of cases) {
    const n = count(test);
    if (n > most) {
      best = name;
      most = n;
    }
  }
  if (most === 0 && values.some((v) => /[_]/.test(v))) best = 'snake';
  const plurals = count((v) => /[^s]s$/i.test(v) && !/(?:ss|us|is)$/i.test(v));
  // As many plural names as singular ones: the feature keeps the number it is written in.
  return plurals * 2 === values.length ? { case: best } : { case: best, plural: plurals * 2 > values.length };
}

/** A name of words (`order items`) written in a style. */
export function writeName(words: readonly string[], style: NameStyle): string {
  const ws = words.map((w) => w.toLowerCase()).filter((w) => w !== '');
  if (ws.length === 0) return '';
  const last = ws.length - 1;
  if (style.plural !== undefined) ws[last] = style.plural ? plural(singular(ws[last]!)) : singular(ws[last]!);
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  switch (style.case) {
    case 'pascal':
      return ws.map(cap).join('');
    case 'camel':
      return ws[0]! + ws.slice(1).map(cap).join('');
    case 'snake':
      return ws.join('_');
    case 'kebab':
      return ws.join('-');
    default:
      return ws.join('');
  }
}

/** Distinct values, the most common first. */
function ranked(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}

/** The value that occurs most often (the first of them by order), with its count. */
function mostCommon(values: readonly string[]): [string, number] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [string, number] = ['', 0];
  for (const [v, n] of counts) if (n > best[1]) best = [v, n];
  return best;
}
