import { basename, dirname } from '../text';
import type { ManifestFacts } from '../types';
import { parseCargoToml } from './parse/cargo';
import { messageOf } from './parse/common';
import { parseGoMod, parseGoSum, parseGoWork } from './parse/go';
import { parseGradle, parseGradleSettings } from './parse/gradle';
import { hintKindOf, parseHints } from './parse/hints';
import { parseVersionCatalog } from './parse/gradleCatalog';
import { parseComposerJson, parseComposerLock, parsePackageJson, parsePipfileLock } from './parse/json';
import { parsePackageArrayLock, parsePackageLock, parsePnpmLock, parseYarnLock } from './parse/lockfiles';
import { parsePom } from './parse/maven';
import { normalisePythonName, parsePipfile, parsePyproject, parseRequirementsTxt } from './parse/python';
import { parseSbt } from './parse/sbt';
import { isHigherVersion } from './versions';
import type { Ecosystem } from './ecosystem';

export type { Ecosystem } from './ecosystem';

interface KindInfo {
  /** None for files that only name databases (`hints:*`). */
  readonly ecosystem?: Ecosystem;
  readonly lockfile: boolean;
  readonly parse: (path: string, text: string) => ManifestFacts;
}

const lower = (name: string): string => name.toLowerCase();

/** Every manifest kind SpecChain reads, by `ManifestFacts.kind`. */
const KINDS: Readonly<Record<string, KindInfo>> = {
  'package.json': { ecosystem: 'npm', lockfile: false, parse: parsePackageJson },
  'requirements.txt': { ecosystem: 'pypi', lockfile: false, parse: parseRequirementsTxt },
  'pyproject.toml': { ecosystem: 'pypi', lockfile: false, parse: parsePyproject },
  Pipfile: { ecosystem: 'pypi', lockfile: false, parse: parsePipfile },
  'go.mod': { ecosystem: 'go', lockfile: false, parse: parseGoMod },
  'Cargo.toml': { ecosystem: 'cargo', lockfile: false, parse: parseCargoToml },
  'pom.xml': { ecosystem: 'maven', lockfile: false, parse: parsePom },
  'build.gradle': { ecosystem: 'maven', lockfile: false, parse: parseGradle },
  'build.gradle.kts': { ecosystem: 'maven', lockfile: false, parse: parseGradle },
  'libs.versions.toml': { ecosystem: 'maven', lockfile: false, parse: parseVersionCatalog },
  'build.sbt': { ecosystem: 'maven', lockfile: false, parse: parseSbt },
  'plugins.sbt': { ecosystem: 'maven', lockfile: false, parse: parseSbt },
  'composer.json': { ecosystem: 'packagist', lockfile: false, parse: parseComposerJson },
  'settings.gradle': { ecosystem: 'maven', lockfile: false, parse: parseGradleSettings },
  'settings.gradle.kts': { ecosystem: 'maven', lockfile: false, parse: parseGradleSettings },
  'go.work': { ecosystem: 'go', lockfile: false, parse: parseGoWork },
  'lockfile:npm': { ecosystem: 'npm', lockfile: true, parse: parsePackageLock },
  'lockfile:yarn': { ecosystem: 'npm', lockfile: true, parse: parseYarnLock },
  'lockfile:pnpm': { ecosystem: 'npm', lockfile: true, parse: parsePnpmLock },
  'lockfile:uv': { ecosystem: 'pypi', lockfile: true, parse: (p, t) => parsePackageArrayLock(p, 'lockfile:uv', t, normalisePythonName) },
  'lockfile:poetry': { ecosystem: 'pypi', lockfile: true, parse: (p, t) => parsePackageArrayLock(p, 'lockfile:poetry', t, normalisePythonName) },
  'lockfile:pipenv': { ecosystem: 'pypi', lockfile: true, parse: (p, t) => parsePipfileLock(p, t, normalisePythonName) },
  'lockfile:cargo': { ecosystem: 'cargo', lockfile: true, parse: (p, t) => parsePackageArrayLock(p, 'lockfile:cargo', t, lower) },
  'lockfile:go': { ecosystem: 'go', lockfile: true, parse: (p, t) => parseGoSum(p, t, isHigherVersion) },
  'lockfile:composer': { ecosystem: 'packagist', lockfile: true, parse: parseComposerLock },
  'hints:env': { lockfile: false, parse: parseHints },
  'hints:compose': { lockfile: false, parse: parseHints },
  'hints:settings': { lockfile: false, parse: parseHints },
  'hints:laravel': { lockfile: false, parse: parseHints },
  'hints:prisma': { lockfile: false, parse: parseHints },
};

const BY_BASENAME: Readonly<Record<string, string>> = {
  'package.json': 'package.json',
  'pyproject.toml': 'pyproject.toml',
  Pipfile: 'Pipfile',
  'go.mod': 'go.mod',
  'Cargo.toml': 'Cargo.toml',
  'pom.xml': 'pom.xml',
  'build.gradle': 'build.gradle',
  'build.gradle.kts': 'build.gradle.kts',
  'build.sbt': 'build.sbt',
  'composer.json': 'composer.json',
  'settings.gradle': 'settings.gradle',
  'settings.gradle.kts': 'settings.gradle.kts',
  'go.work': 'go.work',
  'package-lock.json': 'lockfile:npm',
  'yarn.lock': 'lockfile:yarn',
  'pnpm-lock.yaml': 'lockfile:pnpm',
  'uv.lock': 'lockfile:uv',
  'poetry.lock': 'lockfile:poetry',
  'Pipfile.lock': 'lockfile:pipenv',
  'Cargo.lock': 'lockfile:cargo',
  'go.sum': 'lockfile:go',
  'composer.lock': 'lockfile:composer',
};

/** `requirements.txt`, `requirements-dev.txt`, `requirements.prod.txt`: pip requirements by name. */
const REQUIREMENTS_NAME = /^requirements[\w.-]*\.txt$/;

/** The manifest kind of a workspace-relative path, or undefined when it is no manifest. */
export function manifestKind(path: string): string | undefined {
  const name = basename(path);
  if (name === 'plugins.sbt') return path === 'project/plugins.sbt' || path.endsWith('/project/plugins.sbt') ? 'plugins.sbt' : undefined;
  if (REQUIREMENTS_NAME.test(name) || inRequirementsFolder(path)) return 'requirements.txt';
  if (isVersionCatalog(path)) return 'libs.versions.toml';
  const hint = hintKindOf(path);
  return BY_BASENAME[name] ?? (hint ? `hints:${hint}` : undefined);
}

/** A Gradle version catalog: `gradle/*.versions.toml`, for the build in the folder above. */
export function isVersionCatalog(path: string): boolean {
  return path.endsWith('.versions.toml') && basename(dirname(path)) === 'gradle';
}

/**
 * `requirements/base.txt`, `requirements/dev.txt`: the split layout of pip requirements (the
 * files include each other with `-r`). They belong to the service of the folder above.
 */
export function inRequirementsFolder(path: string): boolean {
  return path.endsWith('.txt') && basename(dirname(path)) === 'requirements';
}

/** True when `path` names a manifest or lockfile SpecChain reads (matched on the file name). */
export function isManifestPath(path: string): boolean {
  return manifestKind(path) !== undefined;
}

/** The package ecosystem of a manifest kind. */
export function ecosystemOf(kind: string): Ecosystem | undefined {
  return KINDS[kind]?.ecosystem;
}

/** True for files that only name databases (`.env.example`, Compose, Spring settings, Prisma …). */
export function isHintKind(kind: string): boolean {
  return kind.startsWith('hints:');
}

/** True for lockfile kinds (`lockfile:*`), which only give resolved versions. */
export function isLockfileKind(kind: string): boolean {
  return KINDS[kind]?.lockfile ?? false;
}

/** The most a lockfile may weigh: lockfiles are read by one-pass parsers, so `maxFileSize` does not apply to them. */
export const LOCKFILE_MAX_SIZE = 64 * 1024 * 1024;

/** The size limit for reading `path`: the configured `maxFileSize`, or the lockfile bound for a lockfile. */
export function readLimitFor(path: string, maxFileSize: number): number {
  const kind = manifestKind(path);
  return kind !== undefined && isLockfileKind(kind) ? Math.max(maxFileSize, LOCKFILE_MAX_SIZE) : maxFileSize;
}

/** How a package name is compared within an ecosystem (case-insensitive, PEP 503 for Python). */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'pypi' ? normalisePythonName(name) : name.toLowerCase();
}

/**
 * Reads one manifest or lockfile. Never throws: a broken file gives facts with `errors`
 * and whatever could be read. Undefined when `path` is no manifest.
 */
export function parseManifest(path: string, text: string): ManifestFacts | undefined {
  const kind = manifestKind(path);
  if (kind === undefined) return undefined;
  const info = KINDS[kind]!;
  try {
    const facts = info.parse(path, text.replace(/^\uFEFF/, ''));
    // A folder named requirements/ may hold prose: only a file that reads as requirements counts.
    if (inRequirementsFolder(path) && !REQUIREMENTS_NAME.test(basename(path)) && (facts.errors?.length || facts.dependencies.length === 0)) return undefined;
    return facts;
  } catch (e) {
    return { path, kind, dependencies: [], errors: [`${path}: could not be read: ${messageOf(e)}`] };
  }
}
