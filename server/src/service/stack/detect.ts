import { basename, dirname } from '../text';
import type { DetectedFramework, FrameworkName, ManifestFacts, ServiceStack, StackReport } from '../types';
import { ecosystemOf, inRequirementsFolder, isLockfileKind, isVersionCatalog, packageKey, type Ecosystem } from './manifests';
import type { ParsedDependency } from './parse/common';
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

/** The language a manifest reveals: JavaScript turns TypeScript with a TypeScript toolchain, Java Kotlin with Kotlin, sbt is Scala. */
function languageOf(m: ManifestFacts): string {
  const eco = ecosystemOf(m.kind)!;
  const names = m.dependencies.map((d) => d.name.toLowerCase());
  if (eco === 'npm' && names.some((n) => n === 'typescript' || n === 'ts-node' || n === 'tsx' || n.startsWith('@types/') || n.startsWith('@nestjs/'))) return 'typescript';
  if (m.kind === 'build.sbt' || m.kind === 'plugins.sbt') return 'scala';
  if (eco === 'maven' && names.some((n) => n.startsWith('org.jetbrains.kotlin'))) return 'kotlin';
  return LANGUAGE_OF_ECOSYSTEM[eco];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Hit {
  readonly manifest: ManifestFacts;
  readonly dep: ParsedDependency;
  readonly key: string;
  readonly rank: number;
}

function hitsFor(manifests: readonly ManifestFacts[], patterns: (eco: Ecosystem) => readonly string[] | undefined): Hit[] {
  const hits: Hit[] = [];
  for (const manifest of manifests) {
    const eco = ecosystemOf(manifest.kind);
    if (!eco) continue;
    for (const dep of manifest.dependencies) {
      const key = packageKey(eco, dep.name);
      const rank = matchesPattern(patterns(eco), key);
      if (rank !== -1) hits.push({ manifest, dep, key, rank });
    }
  }
  return hits;
}

function detectService(root: string, manifests: readonly ManifestFacts[]): ServiceStack {
  const declaring = manifests.filter((m) => !isLockfileKind(m.kind));
  const resolved = new Map<string, string>();
  for (const lock of manifests.filter((m) => isLockfileKind(m.kind))) {
    for (const [k, v] of Object.entries(lock.resolved ?? {})) if (!resolved.has(`${ecosystemOf(lock.kind)}:${k}`)) resolved.set(`${ecosystemOf(lock.kind)}:${k}`, v);
  }
  const frameworks: DetectedFrameworkWithVersion[] = [];
  for (const fw of FRAMEWORKS) {
    const hits = hitsFor(declaring, (eco) => fw.packages[eco]);
    if (hits.length === 0) continue;
    // Prefer a runtime declaration with a version, then the framework's own preference order.
    const score = (h: Hit): number => (h.dep.version !== undefined ? 0 : 100) + (h.dep.dev ? 50 : 0) + h.rank;
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
  const ids = (category: TechnologyCategory): string[] =>
    TECHNOLOGIES.filter((t) => t.category === category && hitsFor(declaring, (eco) => t.packages[eco]).length > 0).map((t) => t.id);
  const main = kept[0] ? declaring.find((m) => m.path === kept[0]!.manifest) : declaring[0];
  return {
    root,
    language: main ? languageOf(main) : 'unknown',
    manifests: manifests.map((m) => m.path).sort(),
    frameworks: kept,
    databases: ids('database'),
    orms: ids('orm'),
    auth: ids('auth'),
    testing: ids('testing'),
  };
}

/**
 * The stack of a workspace from its parsed manifests: one service per folder holding a
 * manifest (`.` for the root; `project/plugins.sbt` counts for the folder above), lockfiles
 * filling resolved versions of the manifests beside them, services sorted by root.
 */
export function detectStack(manifests: readonly ManifestFacts[]): StackReport {
  const byRoot = new Map<string, ManifestFacts[]>();
  for (const m of manifests) {
    if (!ecosystemOf(m.kind)) continue;
    const root = serviceRootOf(m.path);
    byRoot.set(root, [...(byRoot.get(root) ?? []), m]);
  }
  const services: ServiceStack[] = [];
  for (const [root, list] of byRoot) {
    const sorted = [...list].sort((a, b) => cmp(a.path, b.path));
    if (sorted.every((m) => isLockfileKind(m.kind))) continue;
    services.push(detectService(root, sorted));
  }
  services.sort((a, b) => (a.root === '.' ? -1 : b.root === '.' ? 1 : cmp(a.root, b.root)));
  return { services };
}
