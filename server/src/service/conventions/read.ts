import type { FileFacts, ServiceStack, StackReport } from '../types';
import { dirname } from '../text';
import { LIBRARIES, importMatches, type LibraryConcern, type LibraryEntry } from './libraries';
import { isTestName, layerOf, placesOf } from './layout';
import { migrationsOf } from './migrations';
import { codeLanguageOf } from './scan';
import type { SignalKind } from './signals';
import type { Citation, CodeFact, Layer, LayerPlace, LibraryUse, PagingFact, ServiceConventions, WorkspaceLibrary } from './types';

/** What the conventions of a service are read from: the index's files and the detected stack. */
export interface ConventionsInput {
  readonly files: Iterable<FileFacts>;
  readonly stack: StackReport;
  /**
   * The files that declare a service's routes (the routes room, `service/routes/`): where the
   * repository keeps its routes, and its handlers where they are declared together.
   */
  readonly routeFiles?: (root: string) => ReadonlySet<string>;
}

/** Folders never read for conventions: tools' state, dependencies, build output. */
const IGNORED = /(?:^|\/)(?:\.moai|\.claude|\.github|\.git|node_modules|vendor|dist|build|target|\.venv|venv|__pycache__)\//;

/** Layers a workspace library can lend a service (its data access); others are the service's own. */
const LENT: ReadonlySet<Layer> = new Set(['repository', 'model', 'migration']);

/** How many citations a fact keeps. */
const CITED = 3;

/** The files of the workspace, by path, and which folders are roots of services or builds. */
class Files {
  readonly byPath = new Map<string, FileFacts>();
  readonly roots: readonly string[];
  readonly aggregators: readonly string[];

  constructor(input: ConventionsInput) {
    for (const f of input.files) if (!IGNORED.test(f.path)) this.byPath.set(f.path, f);
    this.aggregators = (input.stack.aggregators ?? []).map((a) => a.root);
    this.roots = [...new Set([...input.stack.services.map((s) => s.root), ...(input.stack.aggregators ?? []).map((a) => a.root)])];
  }

  /** The files of the folder `root`, without those of services or builds nested in it. */
  under(root: string): FileFacts[] {
    const prefix = root === '.' ? '' : `${root}/`;
    const nested = this.roots.filter((r) => r !== root && (root === '.' ? r !== '.' : r.startsWith(prefix))).map((r) => `${r}/`);
    const out: FileFacts[] = [];
    for (const [path, facts] of this.byPath) {
      if (path.startsWith(prefix) && !nested.some((n) => path.startsWith(n))) out.push(facts);
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Files outside every service and build root other than `root`'s: shared documents, scripts. */
  unowned(root: string): FileFacts[] {
    const others = this.roots.filter((r) => r !== root && r !== '.').map((r) => `${r}/`);
    return [...this.byPath.values()].filter((f) => !others.some((o) => f.path.startsWith(o)));
  }
}

const kindsOf = (f: FileFacts): Set<SignalKind> => new Set((f.code?.signals ?? []).map((s) => s.kind));
const cite = (path: string, line0: number): Citation => ({ path, line: line0 + 1 });

/**
 * The workspace libraries a service depends on, through its manifests and theirs (a package
 * name a `package.json` declares, Maven coordinates a pom declares), nearest first.
 */
function workspaceLibraries(files: Files, service: ServiceStack): WorkspaceLibrary[] {
  const byName = new Map<string, string>();
  // Keyed by the manifest's kind: a Python dependency `emails` is not the npm package of that name.
  for (const f of files.byPath.values()) {
    for (const s of f.code?.signals ?? []) if (s.kind === 'package-name') byName.set(`package.json ${s.value}`, dirname(f.path));
    const id = f.manifest?.module?.id;
    if (id && f.manifest?.kind === 'pom.xml') byName.set(`pom.xml ${id}`, dirname(f.path));
  }
  const found: WorkspaceLibrary[] = [];
  const seen = new Set<string>([service.root]);
  const aggregators = new Set(files.aggregators);
  let frontier: { root: string; manifests: readonly string[] }[] = [{ root: service.root, manifests: service.manifests }];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: { root: string; manifests: readonly string[] }[] = [];
    for (const { manifests } of frontier) {
      for (const manifest of manifests) {
        const facts = files.byPath.get(manifest)?.manifest;
        for (const dep of facts?.dependencies ?? []) {
          const root = byName.get(`${facts!.kind} ${dep.name}`);
          if (root === undefined || seen.has(root) || aggregators.has(root)) continue;
          seen.add(root);
          found.push({ root, name: dep.name, declared: cite(manifest, dep.line) });
          const prefix = root === '.' ? '' : `${root}/`;
          next.push({ root, manifests: ['package.json', 'pom.xml', 'build.gradle', 'build.gradle.kts'].map((n) => `${prefix}${n}`).filter((p) => files.byPath.has(p)) });
        }
      }
    }
    frontier = next;
  }
  return found;
}

/** The places of each layer, the service's own files first; the libraries holding its data access lend theirs. */
function layersOf(files: Files, service: ServiceStack, lenders: readonly WorkspaceLibrary[], routeFiles: ReadonlySet<string> | undefined): LayerPlace[] {
  const group = (root: string, facts: readonly FileFacts[], only?: ReadonlySet<Layer>): LayerPlace[] => {
    const byLayer = new Map<Layer, string[]>();
    for (const f of facts) {
      const kinds = kindsOf(f);
      if (routeFiles?.has(f.path)) kinds.add('routes');
      const layer = layerOf(f.path, kinds);
      if (layer === undefined || (only && !only.has(layer))) continue;
      const list = byLayer.get(layer);
      if (list) list.push(f.path);
      else byLayer.set(layer, [f.path]);
    }
    // Test folders hold fixtures and helpers too: the tests themselves say how tests are named.
    return [...byLayer].flatMap(([layer, paths]) => {
      const tests = layer === 'test' ? paths.filter(isTestName) : [];
      return placesOf(layer, root, tests.length > 0 ? tests : paths);
    });
  };
  const own = group(service.root, files.under(service.root));
  const lent = lenders.flatMap((l) => group(l.root, files.under(l.root), LENT));
  return [...own, ...lent];
}

/** Every use of the library entries of one concern in the files, as facts with citations and manifest lines. */
function librariesOf(concern: LibraryConcern, scope: readonly FileFacts[], own: ReadonlySet<string>, manifests: readonly string[], files: Files, libraries: readonly WorkspaceLibrary[], onlyIn?: (f: FileFacts) => boolean): LibraryUse[] {
  const entries = LIBRARIES.filter((e) => e.concern === concern);
  const uses = new Map<LibraryEntry, { files: number; sites: Citation[]; ownFirst: Citation[] }>();
  for (const f of scope) {
    if (onlyIn && !onlyIn(f)) continue;
    const language = codeLanguageOf(f.path);
    for (const imp of f.code?.imports ?? []) {
      const entry = entries.find((e) => e.language === language && importMatches(e, imp.module));
      if (!entry) continue;
      let use = uses.get(entry);
      if (!use) uses.set(entry, (use = { files: 0, sites: [], ownFirst: [] }));
      use.files++;
      (own.has(f.path) ? use.ownFirst : use.sites).push(cite(f.path, imp.line));
      break;
    }
  }
  const out: LibraryUse[] = [];
  for (const [entry, use] of uses) {
    const declared = declaration(entry.packages, manifests, files);
    const libraryOf = (path: string | undefined): WorkspaceLibrary | undefined => (path === undefined ? undefined : libraries.find((l) => path.startsWith(`${l.root}/`)));
    const via = declared ? libraryOf(declared.path) : use.ownFirst.length === 0 ? libraryOf(use.sites[0]?.path) : undefined;
    out.push({
      id: entry.id,
      name: entry.name,
      files: use.files,
      uses: [...use.ownFirst, ...use.sites].slice(0, CITED),
      ...(declared ? { declared } : {}),
      ...(via ? { via } : {}),
    });
  }
  return out.sort((a, b) => b.files - a.files || (a.id < b.id ? -1 : 1));
}

/** The first manifest line declaring one of the packages, in the order the manifests are given. */
function declaration(packages: readonly string[], manifests: readonly string[], files: Files): (Citation & { version?: string }) | undefined {
  for (const path of manifests) {
    for (const dep of files.byPath.get(path)?.manifest?.dependencies ?? []) {
      if (packages.includes(dep.name.toLowerCase())) return { path, line: dep.line + 1, ...(dep.version ? { version: dep.version } : {}) };
    }
  }
  return undefined;
}

/** Signals of some kinds in the files, grouped by value, the value found in most files first. */
function factsOf(kinds: readonly SignalKind[], scope: readonly FileFacts[], keep: (value: string) => boolean = () => true): CodeFact[] {
  const byValue = new Map<string, { files: Set<string>; where: Citation[] }>();
  for (const f of scope) {
    for (const s of f.code?.signals ?? []) {
      if (!kinds.includes(s.kind) || !keep(s.value)) continue;
      let fact = byValue.get(s.value);
      if (!fact) byValue.set(s.value, (fact = { files: new Set(), where: [] }));
      fact.files.add(f.path);
      if (fact.where.length < CITED && !fact.where.some((w) => w.path === f.path && w.line === s.line + 1)) fact.where.push(cite(f.path, s.line));
    }
  }
  return [...byValue]
    .sort((a, b) => b[1].files.size - a[1].files.size || (a[0] < b[0] ? -1 : 1))
    .map(([value, { where }]) => ({ value, where }));
}

/** Folders of example code: `examples`, `samples`, `demo`, `blog_examples` (not a package named `styleguide_example`). */
const EXAMPLE_FOLDER = /^(?:examples?|samples?|demos?|[a-z]+_examples)$/i;

/** What a missing resource is failed with: `Http404`, `NotFoundException`, `ErrNotFound`. */
const NOT_FOUND = /not_?found|404|doesnotexist/i;

/** Pairs of paging parameters, as list endpoints take them together. */
const PAGING_PAIRS: readonly (readonly [string, string])[] = [
  ['pageNum', 'pageSize'], ['pageNo', 'pageSize'], ['page', 'pageSize'], ['pageIndex', 'pageSize'], ['current', 'pageSize'], ['pageNumber', 'pageSize'],
  ['page', 'page_size'], ['page', 'per_page'], ['page', 'perPage'], ['page', 'size'], ['page', 'limit'],
  ['limit', 'offset'], ['skip', 'limit'], ['skip', 'take'], ['cursor', 'limit'], ['after', 'first'], ['offset', 'size'],
];

/** The parameters a paging class or call stands for. */
const PAGING_CLASSES: Readonly<Record<string, readonly string[]>> = {
  LimitOffsetPagination: ['limit', 'offset'],
  PageNumberPagination: ['page', 'page_size'],
  CursorPagination: ['cursor'],
  paginate: ['page', 'per_page'],
  simplePaginate: ['page', 'per_page'],
  cursorPaginate: ['cursor', 'per_page'],
  Pageable: ['page', 'size'],
};

const PAGE_PARAM = /^(?:page|pageNum|pageNo|pageNumber|pageIndex|current|pageSize|page_size|per_page|perPage|size|limit|offset|skip|cursor|after|before|take|first)$/;

/**
 * How list endpoints page: the parameter pairs files declare together (a `pick(req.query, […])`
 * list split, a paging class as the parameters it reads), ranked by the files declaring them
 * plus the files using the paging type declared beside them; lone parameters after.
 */
function pagingOf(scope: readonly FileFacts[]): PagingFact[] {
  const typeUses = new Map<string, { files: Set<string>; where: Citation[] }>();
  const perFile: { path: string; names: Map<string, Citation>; types: Set<string> }[] = [];
  // A type goes with the parameters of the file that declares it.
  for (const f of scope) {
    const names = new Map<string, Citation>();
    const types = new Set<string>();
    for (const s of f.code?.signals ?? []) {
      if (s.kind === 'paging-decl') types.add(s.value);
      if (s.kind === 'paging-type') {
        let use = typeUses.get(s.value);
        if (!use) typeUses.set(s.value, (use = { files: new Set(), where: [] }));
        use.files.add(f.path);
        if (use.where.length < CITED) use.where.push(cite(f.path, s.line));
        continue;
      }
      if (s.kind !== 'paging') continue;
      const values = PAGING_CLASSES[s.value] ?? s.value.split(',').map((v) => v.trim().replace(/^['"`]|['"`]$/g, ''));
      for (const v of values) if (PAGE_PARAM.test(v) && !names.has(v)) names.set(v, cite(f.path, s.line));
    }
    if (names.size > 0 || types.size > 0) perFile.push({ path: f.path, names, types });
  }
  const facts = new Map<string, { params: string[]; files: Set<string>; where: Citation[]; type?: string }>();
  const add = (params: string[], file: (typeof perFile)[number]): void => {
    const key = params.join(',');
    let fact = facts.get(key);
    if (!fact) facts.set(key, (fact = { params, files: new Set(), where: [] }));
    fact.files.add(file.path);
    for (const p of params) if (fact.where.length < CITED && !fact.where.some((w) => w.path === file.names.get(p)!.path && w.line === file.names.get(p)!.line)) fact.where.push(file.names.get(p)!);
    const type = [...file.types].sort((a, b) => (typeUses.get(b)?.files.size ?? 0) - (typeUses.get(a)?.files.size ?? 0))[0];
    if (type && (!fact.type || (typeUses.get(type)?.files.size ?? 0) > (typeUses.get(fact.type)?.files.size ?? 0))) fact.type = type;
  };
  for (const file of perFile) {
    const paired = PAGING_PAIRS.filter(([a, b]) => file.names.has(a) && file.names.has(b));
    for (const pair of paired) add([...pair], file);
    if (paired.length === 0) for (const name of file.names.keys()) add([name], file);
  }
  const score = (f: { files: Set<string>; type?: string; params: string[] }): number => f.files.size + (f.type ? (typeUses.get(f.type)?.files.size ?? 0) : 0) + (f.params.length > 1 ? 0.5 : 0);
  return [...facts.values()]
    .sort((a, b) => score(b) - score(a) || b.params.length - a.params.length || (a.params.join() < b.params.join() ? -1 : 1))
    .map((f) => {
      const use = f.type ? typeUses.get(f.type) : undefined;
      return { params: f.params, where: f.where, ...(f.type && use ? { type: { name: f.type, files: use.files.size, where: use.where } } : {}) };
    });
}

/** A version's major number (`^2.7.5` → 2, `==5.2.7` → 5). */
function majorOf(version: string | null | undefined): number | undefined {
  const m = /(\d+)(?:\.\d+)*/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

const AUTH_NAME = /jwt|auth|token|casbin|permission|login|session|guard|acl|rbac/i;

/**
 * The conventions of one service: where its layers live and how their files are named, the
 * data access, migrations, authentication, errors, paging, validation and tests it already
 * has, each with the files and lines it comes from. Workspace libraries the service depends on
 * are read with it (their data access is the service's).
 */
export function readConventions(input: ConventionsInput, service: ServiceStack): ServiceConventions {
  const files = new Files(input);
  const libraries = workspaceLibraries(files, service);
  const ownFiles = files.under(service.root);
  const own = new Set(ownFiles.map((f) => f.path));
  const scope = [...ownFiles, ...libraries.flatMap((l) => files.under(l.root))];
  const manifests = [...service.manifests, ...libraries.flatMap((l) => [...files.under(l.root)].filter((f) => f.manifest).map((f) => f.path))];
  const inTests = (f: FileFacts): boolean => layerOf(f.path, kindsOf(f)) === 'test';
  // Tests and migrations import libraries too; the service's own code says which it uses.
  const notTest = (f: FileFacts): boolean => {
    const layer = layerOf(f.path, kindsOf(f));
    return layer !== 'test' && layer !== 'migration';
  };

  const data = librariesOf('data', scope, own, manifests, files, libraries, notTest).map((use) => {
    if (use.id !== 'sqlalchemy' && use.id !== 'sqlmodel') return use;
    const [style] = factsOf(['sqlalchemy-style'], scope.filter(notTest));
    return style ? { ...use, style: { value: style.value === '2' ? '2.0' : '1.x', where: style.where } } : use;
  });
  const mapperXml = factsOf(['mapper-xml'], scope);
  const dataWithMappers = mapperXml.length > 0 && !data.some((d) => d.id === 'mybatis' || d.id === 'mybatis-plus')
    ? [...data, { id: 'mybatis', name: 'MyBatis', files: mapperXml.length, uses: mapperXml.slice(0, CITED).map((m) => m.where[0]!), ...optional('declared', declaration(LIBRARIES.find((l) => l.id === 'mybatis')!.packages, manifests, files)) }]
    : data;
  // The libraries that hold the data access: where a data library is declared, or imported by several files.
  const lenders = libraries.filter((l) => dataWithMappers.some((d) => d.via?.root === l.root) || files.under(l.root).filter((f) => dataWithMappers.length > 0 && importsData(f)).length >= 3);
  const layers = layersOf(files, service, lenders, input.routeFiles?.(service.root));
  const inLayer = (...wanted: Layer[]): ((f: FileFacts) => boolean) => {
    const paths = new Set<string>();
    for (const f of scope) {
      const layer = layerOf(f.path, kindsOf(f));
      if (layer && wanted.includes(layer)) paths.add(f.path);
    }
    return (f) => paths.has(f.path);
  };

  const framework = service.frameworks[0];
  // Example code kept beside the real one (`blog_examples/`, `samples/`) shows a way, not the repository's.
  const real = scope.filter(notTest).filter((f) => !f.path.split('/').some((segment) => EXAMPLE_FOLDER.test(segment)));
  const ownAndLibraries = real.length > 0 ? real : scope.filter(notTest);
  const raises = factsOf(['error-raise'], ownAndLibraries.filter(inLayer('handler', 'service', 'route')));
  return {
    root: service.root,
    language: service.language,
    ...(framework
      ? {
          framework: {
            name: framework.name,
            ...optional('version', framework.resolved ?? framework.version ?? undefined),
            ...optional('major', majorOf(framework.resolved ?? framework.version)),
            declared: { path: framework.manifest, line: framework.line },
          },
        }
      : {}),
    libraries,
    layers,
    data: dataWithMappers,
    ...optional('migrations', migrationsOf(scope, dataWithMappers.map((d) => d.id), (packages) => declaration(packages, manifests, files))),
    schemaScripts: files.unowned(service.root).filter((f) => /\.sql$/i.test(f.path) && layerOf(f.path, new Set()) !== 'migration').slice(0, CITED).map((f) => ({ path: f.path, line: 0 })),
    auth: {
      libraries: librariesOf('auth', scope, own, manifests, files, libraries, notTest),
      mechanisms: [...factsOf(['auth'], ownAndLibraries), ...factsOf(['middleware'], ownAndLibraries, (v) => AUTH_NAME.test(v))],
    },
    errors: {
      handlers: factsOf(['error-handler'], ownAndLibraries),
      raises: raises.slice(0, CITED),
      ...optional('notFound', raises.find((r) => NOT_FOUND.test(r.value))),
      bodies: factsOf(['error-body'], ownAndLibraries).slice(0, CITED),
    },
    ...optional('responseType', factsOf(['handler-return'], ownFiles)[0]),
    paging: pagingOf(ownAndLibraries),
    validation: librariesOf('validation', scope, own, manifests, files, libraries, notTest),
    tests: {
      runners: testRunners(ownFiles, own, service.manifests, files, inTests),
      ...optional('script', testScript(factsOf(['test-script'], ownFiles.filter((f) => service.manifests.includes(f.path))), layers)),
    },
  };
}

/**
 * The test script that runs the service's tests as most are named: `test:e2e` for `*.e2e.ts`
 * files when `test` runs `*.spec.ts`; else the first (`test`).
 */
function testScript(scripts: readonly CodeFact[], layers: readonly LayerPlace[]): CodeFact | undefined {
  const main = layers.filter((p) => p.layer === 'test').sort((a, b) => b.count - a.count)[0];
  const ending = main ? /\.[\w.-]+$/.exec(main.template.slice(main.template.lastIndexOf('>') + 1))?.[0] : undefined;
  return (ending && scripts.find((s) => s.value.includes(ending))) || scripts[0];
}

/** Test libraries the service's tests import, and those its manifests declare (Jest and Mocha are globals, never imported). */
function testRunners(ownFiles: readonly FileFacts[], own: ReadonlySet<string>, manifests: readonly string[], files: Files, inTests: (f: FileFacts) => boolean): LibraryUse[] {
  const imported = librariesOf('test', ownFiles, own, manifests, files, [], inTests);
  const declaredOnly: LibraryUse[] = [];
  for (const entry of LIBRARIES.filter((e) => e.concern === 'test' && !imported.some((i) => i.id === e.id))) {
    const declared = declaration(entry.packages, manifests, files);
    if (declared) declaredOnly.push({ id: entry.id, name: entry.name, files: 0, uses: [], declared });
  }
  return [...imported, ...declaredOnly];
}

/** True when a file imports a data access library. */
function importsData(f: FileFacts): boolean {
  const language = codeLanguageOf(f.path);
  return (f.code?.imports ?? []).some((imp) => LIBRARIES.some((e) => e.concern === 'data' && e.language === language && importMatches(e, imp.module)));
}

/** `{ [key]: value }` when the value is defined, else nothing: for optional fields under `exactOptionalPropertyTypes`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
