import * as fsWalk from '@nodelib/fs.walk';
import { mkdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { MAX_RESULT_BYTES } from '../service/evidence/resultTypes';
import { readResultFile, type ResultFile } from '../service/evidence/results';
import { readText } from './readText';
import { isInside, writeNamedFile } from './workspaceFiles';

/**
 * Folders never searched for result files: dependencies, caches and build output that holds
 * no reports (a Rust `target/debug` alone can hold a hundred thousand files). Result folders
 * inside build output (`target/surefire-reports`, `build/test-results`, `target/nextest`) are
 * searched: unlike the workspace's own listing, `.gitignore` does not apply here.
 */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.gradle', '.idea', '.next', '.nuxt', 'incremental', 'deps']);
const SKIPPED_UNDER_TARGET = new Set(['debug', 'release', 'doc', 'tmp', 'classes', 'test-classes', 'generated-sources', 'generated-test-sources', 'maven-status']);
/** Entries one search visits at most: a folder of millions of files never stalls a check. */
const MAX_VISITS = 300_000;

/** A result file to read: its absolute path, and how it is shown (relative to the workspace when inside it). */
export interface ResultSource {
  readonly abs: string;
  readonly path: string;
}

/**
 * The files that `patterns` name: a pattern without glob characters is a file (or is reported
 * missing); a glob is matched below its static base (`build/test-results/**\/*.xml` walks
 * `build/test-results` only). Relative patterns resolve against `base`. Symbolic links are not
 * followed. Returns the files found and one message per pattern that found none.
 */
export function findResultFiles(root: string, base: string, patterns: readonly string[]): { sources: ResultSource[]; problems: string[] } {
  const found = new Map<string, ResultSource>();
  const problems: string[] = [];
  const show = (abs: string): string => (isInside(root, abs) ? nodePath.relative(root, abs).split(nodePath.sep).join('/') || '.' : abs);
  for (const pattern of patterns) {
    const scan = picomatch.scan(pattern);
    if (!scan.isGlob) {
      const abs = nodePath.resolve(base, pattern);
      const info = statSync(abs, { throwIfNoEntry: false });
      if (info?.isFile()) found.set(abs, { abs, path: show(abs) });
      else problems.push(`${pattern}: ${info === undefined ? 'no such file' : info.isDirectory() ? 'a folder, not a file (give a glob such as DIR/**/*.xml)' : 'not a regular file'}`);
      continue;
    }
    const dir = nodePath.resolve(base, scan.base || '.');
    const match = picomatch(scan.glob, { dot: true });
    let hits = 0;
    let visits = 0;
    const entries = fsWalk.walkSync(dir, {
      basePath: '',
      pathSegmentSeparator: '/',
      followSymbolicLinks: false,
      errorFilter: () => true,
      deepFilter: (e) => visits++ < MAX_VISITS && !SKIPPED.has(e.name) && !(SKIPPED_UNDER_TARGET.has(e.name) && /(?:^|\/)target\/[^/]+$/.test(e.path)),
      entryFilter: (e) => e.dirent.isFile() && match(e.path),
    });
    for (const e of entries) {
      const abs = nodePath.join(dir, e.path);
      found.set(abs, { abs, path: show(abs) });
      hits++;
    }
    if (hits === 0 && pattern !== '') problems.push(`${pattern}: no file matches`);
  }
  return { sources: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems };
}

/** Reads result files; a file that cannot be read comes back with its reason as the `problem`. */
export function readResultSources(sources: readonly ResultSource[]): ResultFile[] {
  return sources.map((s) => {
    const modifiedMs = statSync(s.abs, { throwIfNoEntry: false })?.mtimeMs;
    const text = readText(s.abs, MAX_RESULT_BYTES);
    if (typeof text !== 'string') {
      const why = text.skip === 'too-large' ? `over the ${MAX_RESULT_BYTES / 1048576} MB limit for a result file` : text.skip === 'binary' ? 'it holds a NUL byte, so it reads as binary' : text.skip === 'vanished' ? 'it was deleted before it could be read' : 'it cannot be read';
      return { path: s.path, cases: [], problem: `not read: ${why}`, ...(modifiedMs !== undefined ? { modifiedMs } : {}) };
    }
    return readResultFile(s.path, text, modifiedMs);
  });
}

/** Modification times of workspace files by relative path, each looked up once (for staleness). */
export function modificationTimes(root: string): (path: string) => number | undefined {
  const seen = new Map<string, number | undefined>();
  return (path) => {
    if (!seen.has(path)) seen.set(path, statSync(nodePath.join(root, path), { throwIfNoEntry: false })?.mtimeMs);
    return seen.get(path);
  };
}

/**
 * The result files of a run: those `args` name (relative to `cwd`), else those the settings'
 * globs find (relative to `root`), read; with every problem as one line for stderr.
 */
export function loadResults(root: string, cwd: string, args: readonly string[] | undefined, globs: readonly string[]): { files: ResultFile[]; problems: string[] } {
  const found = findResultFiles(root, args ? cwd : root, args ?? globs);
  const files = readResultSources(found.sources);
  return { files, problems: [...found.problems, ...files.filter((f) => f.problem).map((f) => `${f.path}: ${f.problem}`)] };
}

/**
 * Writes a report's files into `dir` (created when missing), each whole or not at all: inside the
 * workspace `root` through the checked writer (never through a link that leads out), elsewhere
 * where the user said.
 */
export async function writeReport(root: string, dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  if (!isInside(root, dir)) mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) await writeNamedFile(root, nodePath.join(dir, name), text);
}
