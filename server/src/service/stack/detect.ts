import { basename, dirname } from '../text';
import type { ComposeService, DatabaseHint, DatabaseSource, DetectedFramework, FrameworkName, ManifestFacts, ServiceStack, StackReport } from '../types';
import { ecosystemOf, inRequirementsFolder, isHintKind, isLockfileKind, isVersionCatalog, packageKey, type Ecosystem } from './manifests';
import { moduleGraph, reachedFrom } from './modules';
import type { ParsedDependency } from './parse/common';
import { hintRootOf } from './parse/hints';
import { FRAMEWORKS, TECHNOLOGIES, matchesPattern, type TechnologyCategory } from './technologies';

/** A detected framework with, when known, where its version text stands in the manifest. */
export interface DetectedFrameworkWithVersion extends DetectedFramework {
  readonly versionRange?: DetectedFramework['range'];
}

/**
 * The folder a manifest belongs to: its own, or the one above `project/` for
 * `project/plugins.sbt`, above `requirements/` for `requirements/*.txt` and above `gradle/` for
 * a version catalog.
 */
export function serviceRootOf(path: string): string {
  const dir = dirname(path);
  if ((basename(path) === 'plugins.sbt' && basename(dir) === 'project') || inRequirementsFolder(path) || isVersionCatalog(path)) return dirname(dir);
  return dir;
}

const LANGUAGE_OF_ECOSYSTEM: Readonly<Record<Ecosystem, string>> = {
  npm: 'javascript', pypi: 'python', go: 'go', cargo: 'rust', maven: 'java', packagist: 'php',
};

/** Source file extensions by language, and the ecosystem each language builds with. */
const SOURCE_LANGUAGES: Readonly<Record<string, readonly [string, Ecosystem]>> = {
  ts: ['typescript', 'npm'], tsx: ['typescript', 'npm'], mts: ['typescript', 'npm'], cts: ['typescript', 'npm'],
  js: ['javascript', 'npm'], jsx: ['javascript', 'npm'], mjs: ['javascript', 'npm'], cjs: ['javascript', 'npm'],
  py: ['python', 'pypi'], go: ['go', 'go'], rs: ['rust', 'cargo'],
  java: ['java', 'maven'], kt: ['kotlin', 'maven'], scala: ['scala', 'maven'], php: ['php', 'packagist'],
};

/** The language a manifest reveals: JavaScript turns TypeScript with a TypeScript toolchain, Java Kotlin with Kotlin, sbt is Scala. */
function languageOf(m: ManifestFacts): string {
  const eco = ecosystemOf(m.kind)!;
  const names = m.dependencies.map((d) => d.name.toLowerCase());
  if (eco === 'npm' && names.some((n) => n === 'typescript' || n === 'ts-node' || n === 'tsx' || n.startsWith('@types/') || n.startsWith('@nestjs/'))) return 'typescript';
  if (m.kind === 'build.sbt' || m.kind === 'plugins.sbt') return 'scala';
  if (eco === 'maven' && names.some((n) => n.startsWith('org.jetbrains.kotlin'))) return 'kotlin';
  return LANGUAGE_OF_ECOSYSTEM[eco];
}

/**
 * The language of a service from its own source files (those under its root and not under a
 * nested service), limited to the ecosystems of the manifests that matter: a Play app written in
 * Java is Java, a Kotlin module Kotlin, a uv project with a `package.json` for tooling Python.
 */
function languageFromSources(counts: ReadonlyMap<string, number> | undefined, ecosystems: ReadonlySet<Ecosystem>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [language, count] of counts ?? []) {
    const eco = Object.values(SOURCE_LANGUAGES).find(([l]) => l === language)?.[1];
    if (eco && ecosystems.has(eco) && count > most) {
      best = language;
      most = count;
    }
  }
  return best;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Hit {
  readonly manifest: ManifestFacts;
  readonly dep: ParsedDependency;
  readonly key: string;
  readonly rank: number;
}

/** Dependencies matching the patterns; a dependency with features also answers as `name[feature]`. */
function hitsFor(manifests: readonly ManifestFacts[], patterns: (eco: Ecosystem) => readonly string[] | undefined, include: (dep: ParsedDependency) => boolean): Hit[] {
  const hits: Hit[] = [];
  for (const manifest of manifests) {
    const eco = ecosystemOf(manifest.kind);
    if (!eco) continue;
    const list = patterns(eco);
    if (!list) continue;
    for (const dep of manifest.dependencies) {
      if (!include(dep)) continue;
      const key = packageKey(eco, dep.name);
      let rank = matchesPattern(list, key);
      for (const feature of dep.features ?? []) {
        if (rank !== -1) break;
        rank = matchesPattern(list, `${key}[${feature}]`);
      }
      if (rank !== -1) hits.push({ manifest, dep, key, rank });
    }
  }
  return hits;
}

/** What one service is made of, gathered before detection. */
interface ServiceInput {
  readonly root: string;
  /** Its own manifests and lockfiles, versions filled along build chains. */
  readonly manifests: ManifestFacts[];
  /** Lockfiles of an enclosing workspace, for ecosystems the service has none of. */
  readonly inheritedLocks: ManifestFacts[];
  readonly hints: ManifestFacts[];
  /** Declaring manifests of the workspace modules it uses at run time (its databases and ORMs count). */
  readonly reached: readonly ManifestFacts[];
  /** How other modules of the workspace depend on it, when they do. */
  readonly consumed?: 'runtime' | 'dev';
}

const direct = (d: ParsedDependency): boolean => !d.indirect;
const runtime = (d: ParsedDependency): boolean => !d.indirect && !d.dev;

/** Files that start a program: `main.go`, `manage.py`, `*Application.java`, `src/main.rs`, `index.html`, `artisan` … */
const ENTRY_POINT = /(?:^|\/)(?:(?:main|app|server|index|manage|wsgi|asgi|__main__|App|Main|\w*Application)\.(?:py|go|rs|java|kt|scala|ts|tsx|js|mjs|cjs|php)|index\.html|artisan|routes)$/;

/** What is known of a service's own files (those not under a nested service). */
interface OwnFiles {
  readonly counts: ReadonlyMap<string, number>;
  readonly entryPoint: boolean;
}

function detectService(input: ServiceInput, own: OwnFiles | undefined, files: ReadonlySet<string>): ServiceStack {
  const { root, manifests } = input;
  const declaring = manifests.filter((m) => !isLockfileKind(m.kind));
  const resolved = new Map<string, string>();
  const locks = manifests.filter((m) => isLockfileKind(m.kind));
  const lockEcosystems = new Set(locks.map((l) => ecosystemOf(l.kind)));
  for (const lock of [...locks, ...input.inheritedLocks.filter((l) => !lockEcosystems.has(ecosystemOf(l.kind)))]) {
    // The member's own entry of a workspace lockfile first: members may lock different versions.
    const dir = dirname(lock.path);
    const member = root === dir ? '.' : dir === '.' ? root : root.slice(dir.length + 1);
    for (const table of [lock.importers?.[member], lock.resolved]) {
      for (const [k, v] of Object.entries(table ?? {})) if (!resolved.has(`${ecosystemOf(lock.kind)}:${k}`)) resolved.set(`${ecosystemOf(lock.kind)}:${k}`, v);
    }
  }
  const frameworks: DetectedFrameworkWithVersion[] = [];
  // A module with no framework of its own runs the one of the workspace modules it links in
  // (a Spring Boot app whose `spring-boot-starter-web` comes with its `common` module).
  const ownFramework = FRAMEWORKS.some((fw) => hitsFor(declaring, (eco) => fw.packages[eco], runtime).length > 0);
  const frameworkSources = ownFramework ? declaring : input.reached;
  for (const fw of FRAMEWORKS) {
    // A framework only needed to test or to build a library (dev, test, peer) does not make a service.
    const hits = hitsFor(frameworkSources, (eco) => fw.packages[eco], runtime);
    if (hits.length === 0) continue;
    // Prefer a declaration with a version, then the framework's own preference order.
    const score = (h: Hit): number => (h.dep.version !== undefined ? 0 : 100) + h.rank;
    const best = [...hits].sort((a, b) => score(a) - score(b))[0]!;
    const eco = ecosystemOf(best.manifest.kind)!;
    frameworks.push({
      name: fw.id,
      version: best.dep.version ?? null,
      resolved: resolved.get(`${eco}:${best.key}`) ?? null,
      manifest: best.manifest.path,
      line: best.dep.line + 1,
      range: best.dep.range,
      ...(best.dep.versionRange ? { versionRange: best.dep.versionRange } : {}),
    });
  }
  const superseded = new Set<FrameworkName>(frameworks.flatMap((f) => FRAMEWORKS.find((x) => x.id === f.name)?.supersedes ?? []));
  const kept = frameworks.filter((f) => !superseded.has(f.name)).sort((a, b) => cmp(a.manifest, b.manifest) || a.line - b.line);
  const ids = (category: TechnologyCategory, through: readonly ManifestFacts[] = []): string[] =>
    TECHNOLOGIES.filter((t) => t.category === category && (hitsFor(declaring, (eco) => t.packages[eco], direct).length > 0 || hitsFor(through, (eco) => t.packages[eco], runtime).length > 0)).map((t) => t.id);

  // Databases: drivers (indirect ones too: GORM's driver may only be there), those of the
  // workspace modules it runs with, then files that name one.
  const databaseSources: DatabaseSource[] = [];
  for (const t of TECHNOLOGIES.filter((x) => x.category === 'database')) {
    for (const hit of hitsFor(declaring, (eco) => t.packages[eco], () => true)) databaseSources.push({ id: t.id, file: hit.manifest.path, line: hit.dep.line + 1 });
    for (const hit of hitsFor(input.reached, (eco) => t.packages[eco], runtime)) databaseSources.push({ id: t.id, file: hit.manifest.path, line: hit.dep.line + 1 });
  }
  for (const hint of input.hints) for (const h of hint.databases ?? []) databaseSources.push({ id: h.id, file: hint.path, line: h.line + 1 });
  const seen = new Set<string>();
  const sources = databaseSources.filter((s) => {
    const key = `${s.id}\u0000${s.file}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const databases = TECHNOLOGIES.filter((t) => t.category === 'database' && sources.some((s) => s.id === t.id)).map((t) => t.id);

  const main = kept[0] ? [...declaring, ...input.reached].find((m) => m.path === kept[0]!.manifest) : declaring.find((m) => m.dependencies.length > 0) ?? declaring[0];
  const ecosystems = new Set<Ecosystem>(kept.length > 0 ? [ecosystemOf(main!.kind)!] : declaring.map((m) => ecosystemOf(m.kind)!).filter(Boolean));
  const language = languageFromSources(own?.counts, ecosystems) ?? (main ? languageOf(main) : 'unknown');
  const prefix = root === '.' ? '' : `${root}/`;
  // A crate with `src/lib.rs` and neither `src/main.rs` nor `src/bin/` builds no program.
  const rustLibraryOnly = declaring.some((m) => m.kind === 'Cargo.toml') && files.has(`${prefix}src/lib.rs`) && !files.has(`${prefix}src/main.rs`) && !files.has(`${prefix}src/bin`);
  // No framework to run: a library when a framework is there only for tests or a host (dev, peer),
  // or when the folder's own files hold no program entry point.
  const onlyForOthers = kept.length === 0 && FRAMEWORKS.some((fw) => hitsFor(declaring, (eco) => fw.packages[eco], direct).length > 0);
  // A JVM module holding a `*Application`/`Main` class runs even when its only framework is for tests.
  const jvmProgram = own?.entryPoint === true && ecosystems.has('maven');
  // What sibling modules link in (`workspace:*`, a Maven module, `project(':lib')`) is a library;
  // so is a Gradle `java-library` module.
  const linkedIn = input.consumed === 'runtime' || (input.consumed === 'dev' && (kept.length === 0 || !own?.entryPoint));
  const javaLibrary = declaring.some((m) => (m.kind === 'build.gradle' || m.kind === 'build.gradle.kts') && m.dependencies.some((d) => d.name === 'java-library'));
  // A Maven or Gradle module with sources of its own and no main class (`*Application`, `Main`)
  // builds none. sbt is left out: a Play app may start from an `ApplicationLoader` alone.
  const mavenOrGradle = declaring.some((m) => m.kind === 'pom.xml' || m.kind === 'build.gradle' || m.kind === 'build.gradle.kts');
  const jvmNoMain = mavenOrGradle && !own?.entryPoint && ['java', 'kotlin', 'scala'].some((l) => (own?.counts.get(l) ?? 0) > 0);
  const library = rustLibraryOnly || linkedIn || javaLibrary || jvmNoMain || (!jvmProgram && onlyForOthers) || (kept.length === 0 && files.size > 0 && !own?.entryPoint);
  return {
    root,
    role: library ? 'library' : 'service',
    language,
    manifests: [...manifests.map((m) => m.path), ...input.hints.map((h) => h.path)].sort(),
    frameworks: kept,
    databases,
    databaseSources: sources,
    orms: ids('orm', input.reached),
    auth: ids('auth'),
    testing: ids('testing'),
    graphql: ids('graphql'),
    servers: [...ids('server'), ...(nextRouteHandlers(declaring, prefix, files) ? [NEXT_ROUTE_HANDLERS] : [])],
    frontends: ids('frontend'),
    capabilities: (['grpc', 'websocket', 'sse'] as const).filter((c) => ids(c).length > 0),
  };
}

/** What a Next.js app with route handlers serves: its own API, so the backend question is answered. */
export const NEXT_ROUTE_HANDLERS = 'nextjs-route-handlers';

/** Route handler files of a Next.js app: `app/…/route.ts` (App Router) or `pages/api/**` (Pages Router), also under `src/`. */
const ROUTE_HANDLER = /^(?:src\/)?(?:app\/(?:.+\/)?route\.(?:[cm]?[jt]sx?)|pages\/api\/.+\.(?:[cm]?[jt]sx?))$/;

/** True when the service depends on Next.js and holds a route handler file. */
function nextRouteHandlers(declaring: readonly ManifestFacts[], prefix: string, files: ReadonlySet<string>): boolean {
  if (hitsFor(declaring, (eco) => (eco === 'npm' ? ['next'] : undefined), runtime).length === 0) return false;
  for (const f of files) if (f.startsWith(prefix) && ROUTE_HANDLER.test(f.slice(prefix.length))) return true;
  return false;
}

/** `dockersamples/examplevotingapp_vote:latest` -> `examplevotingapp_vote`. */
const imageName = (image: string): string => image.replace(/[@:][^/]*$/, '').split('/').pop()!.toLowerCase();

/**
 * The workspace service a Compose service runs: the one its build folder lies in, else the one
 * below the file named as the Compose service or as the end of its image
 * (`dockersamples/examplevotingapp_vote` runs `vote/`), when only one folder has that name.
 */
function composeOwner(service: ComposeService, dir: string, serviceRoots: readonly string[]): string | undefined {
  if (service.build !== undefined) {
    const target = join(dir, service.build);
    return target === undefined ? undefined : nearest(target, serviceRoots);
  }
  const image = service.image !== undefined ? imageName(service.image) : undefined;
  const named = serviceRoots.filter((r) => {
    if (r === '.' || !within(r, dir)) return false;
    const name = basename(r).toLowerCase();
    return name === service.name.toLowerCase() || image === name || (image !== undefined && (image.endsWith(`_${name}`) || image.endsWith(`-${name}`)));
  });
  return named.length === 1 ? named[0] : undefined;
}

/**
 * A Compose file that runs services of the workspace gives each of them the databases it uses
 * (`depends_on`, `links`, hosts and URLs in its environment), not every database of the file.
 * Undefined for a file that runs none of them (infrastructure only): it is then read as any
 * other file that names databases.
 */
function composeHints(hint: ManifestFacts, serviceRoots: readonly string[]): Map<string, ManifestFacts> | undefined {
  if (!hint.compose) return undefined;
  const dir = dirname(hint.path);
  const byName = new Map(hint.compose.map((s) => [s.name, s]));
  const out = new Map<string, ManifestFacts>();
  for (const service of hint.compose) {
    if (service.database !== undefined) continue;
    const owner = composeOwner(service, dir, serviceRoots);
    if (owner === undefined) continue;
    const databases: DatabaseHint[] = [...service.reaches];
    for (const name of service.uses) {
      const used = byName.get(name);
      if (used?.database !== undefined) databases.push({ id: used.database, line: used.line });
    }
    const previous = out.get(owner);
    out.set(owner, { path: hint.path, kind: hint.kind, dependencies: [], databases: [...(previous?.databases ?? []), ...databases] });
  }
  // A file that runs one service of the workspace beside databases and wires nothing
  // (no `depends_on`, links or hosts anywhere) runs them for that service.
  if (out.size === 1 && hint.compose.every((s) => s.uses.length === 0 && s.reaches.length === 0)) {
    const [owner, facts] = [...out][0]!;
    out.set(owner, { ...facts, databases: hint.databases ?? [] });
  }
  return out.size > 0 ? out : undefined;
}

/** `docker-compose.test.yml`, `compose.ci.yaml`, `docker-compose-e2e.yml`: a harness for tests. */
const isTestCompose = (path: string): boolean => /^(?:docker-)?compose[.-](?:[\w.-]*[.-])?(?:test|tests|ci|e2e|it)(?:[.-][\w.-]*)?\.ya?ml$/i.test(basename(path));

/** True when a service's manifests (or the modules it runs with) hold an ORM or a database driver. */
function hasDataLayer(manifests: readonly ManifestFacts[]): boolean {
  return TECHNOLOGIES.some((t) => (t.category === 'orm' || t.category === 'database') && hitsFor(manifests, (eco) => t.packages[eco], runtime).length > 0);
}

/** `a/b/../c` -> `a/c`; `.` for the root; undefined when it climbs out of the workspace. */
function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length === 0 ? '.' : out.join('/');
}

const join = (root: string, rel: string): string | undefined => normalise(root === '.' ? rel : `${root}/${rel}`);

/** True when `root` is `ancestor` or inside it. */
const within = (root: string, ancestor: string): boolean => ancestor === '.' || root === ancestor || root.startsWith(`${ancestor}/`);

/** The nearest of `roots` at or above `root`. */
function nearest(root: string, roots: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const r of roots) if (within(root, r) && (best === undefined || r.length > best.length || best === '.')) best = r;
  return best;
}

/**
 * A pom with what its parents give it: `${property}` versions from the chain's properties, and
 * versions left out for `dependencyManagement` (a BOM import manages its whole group).
 */
function resolveMavenChain(pom: ManifestFacts, byPath: ReadonlyMap<string, ManifestFacts>, byId: ReadonlyMap<string, ManifestFacts>): ManifestFacts {
  const chain: ManifestFacts[] = [];
  for (let current: ManifestFacts | undefined = pom; current && chain.length < 20 && !chain.includes(current); ) {
    chain.push(current);
    const parent: { readonly id: string; readonly relativePath: string } | undefined = current.module?.parent;
    if (!parent) break;
    const rel: string | undefined = parent.relativePath === '' ? undefined : parent.relativePath.endsWith('.xml') ? parent.relativePath : `${parent.relativePath.replace(/\/$/, '')}/pom.xml`;
    const byRelative: ManifestFacts | undefined = rel === undefined ? undefined : byPath.get(join(dirname(current.path), rel) ?? '');
    current = byRelative?.module?.id === parent.id ? byRelative : (byId.get(parent.id) ?? byRelative);
  }
  // A parent outside the workspace (`spring-boot-starter-parent`) manages the versions of its own group.
  const top = chain[chain.length - 1]!;
  const outside = top.module?.parent && top.module.properties?.['project.parent.version'];
  if (chain.length === 1 && !outside) return pom;
  const properties = new Map<string, string>();
  const managed = new Map<string, string>();
  for (const p of [...chain].reverse()) {
    for (const [k, v] of Object.entries(p.module?.properties ?? {})) properties.set(k, v);
    for (const [k, v] of Object.entries(p.module?.managed ?? {})) managed.set(k, v);
  }
  if (outside) {
    const group = top.module!.parent!.id.slice(0, top.module!.parent!.id.indexOf(':'));
    if (!managed.has(`${group}:*`)) managed.set(`${group}:*`, outside);
  }
  const expand = (v: string | undefined): string | undefined => {
    for (let i = 0; v !== undefined && i < 5; i++) {
      const ref = /^\$\{([^}]+)\}$/.exec(v);
      if (!ref) return v;
      v = properties.get(ref[1]!);
    }
    return v !== undefined && v.startsWith('${') ? undefined : v;
  };
  const dependencies = pom.dependencies.map((d): ParsedDependency => {
    if (d.version !== undefined && !d.version.startsWith('${')) return d;
    const group = d.name.slice(0, d.name.indexOf(':'));
    const version = expand(d.version) ?? expand(managed.get(d.name.toLowerCase()) ?? managed.get(d.name)) ?? expand(managed.get(`${group}:*`));
    const { version: _unused, versionRange: _range, ...rest } = d as ParsedDependency;
    return version !== undefined ? { ...rest, version } : rest;
  });
  return { ...pom, dependencies };
}

/**
 * Gradle `libs.*` accessors turned into the coordinates the nearest version catalog gives them;
 * with `withVersions`, also its versions (for a module below the catalog's build: in the same
 * build the catalog's own entry, whose version text is there, gives it).
 */
function resolveCatalog(build: ManifestFacts, catalog: ManifestFacts | undefined, withVersions: boolean): ManifestFacts {
  if (!build.dependencies.some((d) => d.name.startsWith('libs.'))) return build;
  const aliases = catalog?.module?.aliases ?? {};
  const versions = new Map((catalog?.dependencies ?? []).map((d) => [d.name, d.version]));
  const dependencies: ParsedDependency[] = [];
  for (const d of build.dependencies) {
    if (!d.name.startsWith('libs.')) {
      dependencies.push(d);
      continue;
    }
    const name = aliases[d.name.toLowerCase()];
    if (name === undefined) continue;
    const version = withVersions ? versions.get(name) : undefined;
    dependencies.push({ ...d, name, ...(version !== undefined ? { version } : {}) });
  }
  return { ...build, dependencies };
}

/** Plugins applied without a version take the version an enclosing build declares (`apply false` in the root). */
function inheritPluginVersions(build: ManifestFacts, ancestors: readonly ManifestFacts[]): ManifestFacts {
  const declared = new Map<string, string>();
  for (const a of ancestors) for (const d of a.dependencies) if (d.version !== undefined && !declared.has(d.name)) declared.set(d.name, d.version);
  if (declared.size === 0) return build;
  const dependencies = build.dependencies.map((d) => (d.version === undefined && declared.has(d.name) ? { ...d, version: declared.get(d.name)! } : d));
  return { ...build, dependencies };
}

/**
 * The stack of a workspace from its parsed manifests (and, when given, the paths of its files,
 * for languages from sources and Rust library crates): one service per folder holding a
 * manifest, lockfiles filling resolved versions (an enclosing workspace's lockfile for members
 * without one), build chains followed (Maven parents and BOMs, Gradle settings, catalogs and
 * root plugin versions, `go.work`), aggregators set apart, files that name databases attached to
 * the service they configure. Services sorted by root, the root first.
 */
export function detectStack(manifests: readonly ManifestFacts[], paths: readonly string[] = []): StackReport {
  const byRoot = new Map<string, ManifestFacts[]>();
  const hintFiles: ManifestFacts[] = [];
  for (const m of manifests) {
    if (isHintKind(m.kind)) {
      hintFiles.push(m);
      continue;
    }
    if (!ecosystemOf(m.kind)) continue;
    const root = serviceRootOf(m.path);
    byRoot.set(root, [...(byRoot.get(root) ?? []), m]);
  }

  // Gradle: a build file under a settings file is a module only when the settings include it.
  const settingsRoots = new Map<string, Set<string>>();
  for (const [root, list] of byRoot) {
    for (const m of list) {
      if (m.kind === 'settings.gradle' || m.kind === 'settings.gradle.kts') {
        settingsRoots.set(root, new Set([root, ...(m.module?.members ?? []).map((x) => join(root, x)).filter((x): x is string => x !== undefined)]));
      }
    }
  }
  for (const [root, list] of byRoot) {
    const settings = nearest(root, settingsRoots.keys());
    if (settings === undefined || settingsRoots.get(settings)!.has(root)) continue;
    const kept = list.filter((m) => m.kind !== 'build.gradle' && m.kind !== 'build.gradle.kts');
    byRoot.set(root, kept);
  }

  // Maven: versions along parent chains.
  const poms = manifests.filter((m) => m.kind === 'pom.xml');
  const pomByPath = new Map(poms.map((p) => [p.path, p]));
  const pomById = new Map(poms.filter((p) => p.module?.id).map((p) => [p.module!.id!, p]));
  const catalogs = new Map<string, ManifestFacts>();
  for (const [root, list] of byRoot) for (const m of list) if (m.kind === 'libs.versions.toml' && !catalogs.has(root)) catalogs.set(root, m);
  const gradleBuilds = new Map<string, ManifestFacts>();
  for (const [root, list] of byRoot) for (const m of list) if (m.kind === 'build.gradle' || m.kind === 'build.gradle.kts') gradleBuilds.set(root, m);
  const effective = (root: string, m: ManifestFacts): ManifestFacts => {
    if (m.kind === 'pom.xml') return resolveMavenChain(m, pomByPath, pomById);
    if (m.kind === 'build.gradle' || m.kind === 'build.gradle.kts') {
      const catalogRoot = nearest(root, catalogs.keys());
      const withCatalog = resolveCatalog(m, catalogRoot === undefined ? undefined : catalogs.get(catalogRoot), catalogRoot !== root);
      const ancestors = [...gradleBuilds].filter(([r]) => r !== root && within(root, r)).sort((a, b) => b[0].length - a[0].length).map(([r, b]) => resolveCatalog(b, catalogs.get(nearest(r, catalogs.keys()) ?? ''), true));
      return inheritPluginVersions(withCatalog, ancestors);
    }
    if (m.kind === 'libs.versions.toml' && gradleBuilds.has(root)) {
      // Beside a build script, a catalog entry counts when the script uses it (not `apply false`).
      const build = gradleBuilds.get(root)!;
      const aliases = m.module?.aliases ?? {};
      const used = new Set(build.dependencies.filter((d) => !d.indirect && d.name.startsWith('libs.')).map((d) => aliases[d.name.toLowerCase()]));
      return { ...m, dependencies: m.dependencies.filter((d) => used.has(d.name)) };
    }
    return m;
  };

  const lockRoots = new Map<string, ManifestFacts[]>();
  for (const [root, list] of byRoot) {
    const locks = list.filter((m) => isLockfileKind(m.kind));
    if (locks.length > 0) lockRoots.set(root, locks);
  }
  const serviceRoots = [...byRoot].filter(([, list]) => list.some((m) => !isLockfileKind(m.kind))).map(([root]) => root);
  const graph = moduleGraph(byRoot, (root) => nearest(root, settingsRoots.keys()));
  const declaringOf = (root: string): ManifestFacts[] => (byRoot.get(root) ?? []).filter((m) => !isLockfileKind(m.kind)).map((m) => effective(root, m));
  const reachedByRoot = new Map(serviceRoots.map((root) => [root, reachedFrom(graph, root).flatMap(declaringOf)]));
  const hintsByRoot = new Map<string, ManifestFacts[]>();
  const addHint = (root: string, hint: ManifestFacts): void => void hintsByRoot.set(root, [...(hintsByRoot.get(root) ?? []), hint]);
  const dataLayer = (root: string): boolean => hasDataLayer([...declaringOf(root), ...(reachedByRoot.get(root) ?? [])]);
  // Compose files for tests (`docker-compose.test.yml`) wire a harness: what the main ones say of a service wins.
  const composed = new Set<string>();
  const byTestLast = [...hintFiles].sort((a, b) => Number(isTestCompose(a.path)) - Number(isTestCompose(b.path)));
  for (const hint of byTestLast) {
    const byService = composeHints(hint, serviceRoots);
    if (byService) {
      const test = isTestCompose(hint.path);
      for (const [owner, h] of byService) {
        if (test && composed.has(owner)) continue;
        if (!test) composed.add(owner);
        addHint(owner, h);
      }
      continue;
    }
    // A file names the databases of the service it sits in; one above other services, of those
    // below it that have a data layer (an ORM or a driver, their own or a module's they run with),
    // unless the service it sits in has one itself (a Django root with a front-end folder).
    const at = hintRootOf(hint.path);
    const owner = nearest(at, serviceRoots);
    const below = serviceRoots.filter((r) => r !== owner && within(r, at));
    const withData = below.filter(dataLayer);
    const owners = owner !== undefined && (withData.length === 0 || dataLayer(owner)) ? [owner] : owner === undefined && below.length === 1 ? below : withData;
    for (const o of owners) addHint(o, hint);
  }

  // Source files by service root: each file counts for the nearest service at or above it.
  const files = new Set<string>();
  const counts = new Map<string, Map<string, number>>();
  const withEntryPoint = new Set<string>();
  // Files share folders: each folder's service is looked for among the roots once, and a folder
  // already added has had its parents added too.
  const ownerOf = new Map<string, string | undefined>();
  for (const path of paths) {
    files.add(path);
    const dot = path.lastIndexOf('.');
    const language = dot > path.lastIndexOf('/') ? SOURCE_LANGUAGES[path.slice(dot + 1)]?.[0] : undefined;
    const folder = dirname(path);
    for (let dir = folder; !files.has(dir); dir = dirname(dir)) {
      files.add(dir);
      if (dir === '.') break;
    }
    let owner = ownerOf.get(folder);
    if (owner === undefined && !ownerOf.has(folder)) ownerOf.set(folder, (owner = nearest(folder, serviceRoots)));
    if (owner === undefined) continue;
    if (ENTRY_POINT.test(path)) withEntryPoint.add(owner);
    if (!language) continue;
    const map = counts.get(owner) ?? new Map<string, number>();
    map.set(language, (map.get(language) ?? 0) + 1);
    counts.set(owner, map);
  }

  const services: ServiceStack[] = [];
  const aggregators: { root: string; manifest: string }[] = [];
  for (const root of serviceRoots) {
    const list = byRoot.get(root)!;
    const sorted = [...list].sort((a, b) => cmp(a.path, b.path)).map((m) => effective(root, m));
    const enclosing = [...lockRoots].filter(([r]) => r !== root && within(root, r)).sort((a, b) => b[0].length - a[0].length).flatMap(([, l]) => l);
    const own = { counts: counts.get(root) ?? new Map<string, number>(), entryPoint: withEntryPoint.has(root) };
    const consumed = graph.consumed.get(root);
    const service = detectService({ root, manifests: sorted, inheritedLocks: enclosing, hints: hintsByRoot.get(root) ?? [], reached: reachedByRoot.get(root) ?? [], ...(consumed ? { consumed } : {}) }, own, files);
    const pomAggregator = sorted.find((m) => m.kind === 'pom.xml' && m.module?.packaging === 'pom');
    const gatherer = sorted.find((m) => m.module?.aggregatorOnly || (m.module?.members?.length ?? 0) > 0);
    if (pomAggregator || (gatherer && service.frameworks.length === 0)) {
      aggregators.push({ root, manifest: (pomAggregator ?? gatherer)!.path });
      continue;
    }
    services.push(service);
  }

  // go.work: a module with no framework of its own uses the one of the member module it requires.
  const goWorkMembers = new Set(manifests.filter((m) => m.kind === 'go.work').flatMap((w) => (w.module?.members ?? []).map((x) => join(serviceRootOf(w.path), x) ?? '')));
  const byModuleId = new Map<string, ServiceStack>();
  for (const s of services) {
    const gomod = byRoot.get(s.root)?.find((m) => m.kind === 'go.mod');
    if (gomod?.module?.id && goWorkMembers.has(s.root)) byModuleId.set(gomod.module.id, s);
  }
  const withMembers = services.map((s) => {
    if (s.frameworks.length > 0 || !goWorkMembers.has(s.root)) return s;
    const gomod = byRoot.get(s.root)?.find((m) => m.kind === 'go.mod');
    const member = gomod?.dependencies.map((d) => byModuleId.get(d.name)).find((x) => x !== undefined && x !== s && x.frameworks.length > 0);
    return member ? { ...s, role: 'service' as const, frameworks: member.frameworks } : s;
  });

  withMembers.sort((a, b) => (a.root === '.' ? -1 : b.root === '.' ? 1 : cmp(a.root, b.root)));
  aggregators.sort((a, b) => cmp(a.root, b.root));
  return { services: withMembers, ...(aggregators.length > 0 ? { aggregators } : {}) };
}
