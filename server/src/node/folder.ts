import { readdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { resolveConfig, type SpecChainConfig } from '../service/config';
import { cacheDirectory, cacheFile } from './cacheFiles';
import { FsWorkspace } from './fsWorkspace';
import { readSmallFile } from './readText';
import { isInside } from './workspaceFiles';

/** A failure the user can fix: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Checks that `dir` is a readable folder and returns its absolute path. */
export function checkDirectory(dir: string): string {
  const root = nodePath.resolve(dir);
  let stat;
  try {
    stat = statSync(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${dir}: no such directory` : code === 'EACCES' ? `${dir}: permission denied` : `${dir}: cannot be read (${code ?? String(e)})`);
  }
  if (!stat.isDirectory()) throw new UsageError(`${dir}: not a directory`);
  try {
    readdirSync(root);
  } catch (e) {
    throw new UsageError(`${dir}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return root;
}

/**
 * Settings for a workspace opened outside an editor: `.specchain.json` at its root, when
 * present (the same keys as the `specchain.*` editor settings, without the prefix).
 */
export function loadConfig(root: string, file?: string): { config: SpecChainConfig; problems: string[] } {
  const path = file ? nodePath.resolve(file) : nodePath.join(root, '.specchain.json');
  // The file named by --config is the user's choice wherever it is; the workspace's own must be a
  // regular file inside it. Either is read only when it is a regular file of bounded size.
  const read = readSmallFile(file ? nodePath.parse(path).root : root, path);
  if (read === undefined) {
    if (!file) return resolveConfig(undefined);
    throw new UsageError(`${path}: cannot be read (ENOENT)`);
  }
  if ('refused' in read) {
    if (file) throw new UsageError(`${path}: not read: ${read.refused}`);
    const { config, problems } = resolveConfig(undefined);
    return { config, problems: [`.specchain.json was not read, so the defaults apply: ${read.refused}`, ...problems] };
  }
  const raw = read.text;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return resolveConfig(json);
}

/** A folder checked and its settings read, not yet loaded. */
export interface Folder {
  readonly root: string;
  readonly config: SpecChainConfig;
  /** Problems in the settings file, one line each. */
  readonly configProblems: string[];
  readonly workspace: FsWorkspace;
  /** True when the cache folder cannot be used for this workspace (the reason is among `configProblems`). */
  readonly cacheRefused?: boolean;
}

/**
 * Checks a folder and reads its settings. With `cache`, its listing carries sizes and
 * modification times for the caches.
 */
export function openFolder(dir: string, options: { configFile?: string; cache?: boolean } = {}): Folder {
  const root = checkDirectory(dir);
  const { config, problems } = loadConfig(root, options.configFile);
  const refused = cacheRefusal(root);
  const settings = refused ? config : withoutCacheFolder(root, config);
  return {
    root,
    config: settings,
    configProblems: refused ? [...problems, refused] : problems,
    ...(refused ? { cacheRefused: true } : {}),
    workspace: new FsWorkspace(root, settings, options.cache !== false && !refused ? { stat: true, gitCache: cacheFile(cacheDirectory(), 'git', root, settings) } : {}),
  };
}

/** Names of the files the caches write (`<key>.json`, `<key>.check.json`, journals, the CLI bundle's code cache `<key>.v8`, temporary files). */
const CACHE_FILE = /^[0-9a-f]{20}(?:\.[a-z]+)?\.(?:json|journal|v8)(?:\.[0-9]+\.tmp)?$/;

/**
 * Why the cache folder cannot be used for this workspace, if it cannot: it is the workspace
 * itself or a folder above it, or a folder inside it that holds other files than caches (`src/`),
 * which leaving out of the check would hide. The check then reads everything.
 */
function cacheRefusal(root: string): string | undefined {
  const dir = nodePath.resolve(cacheDirectory());
  const rel = nodePath.relative(root, dir);
  if (isInside(dir, root)) return `the cache folder ${dir} holds the workspace, so no cache is used: set SPECCHAIN_CACHE_DIR to a folder of its own`;
  if (!isInside(root, dir)) return undefined;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const other = names.find((name) => !CACHE_FILE.test(name));
  return other === undefined ? undefined : `the cache folder ${rel} is inside the workspace and holds other files (${other}), so no cache is used and it is checked like any folder: set SPECCHAIN_CACHE_DIR to a folder of its own`;
}

/**
 * The settings with the cache folder excluded when it lies inside the workspace
 * (`SPECCHAIN_CACHE_DIR=.cache/specchain`, say): its files quote markers, and change every run.
 */
function withoutCacheFolder(root: string, config: SpecChainConfig): SpecChainConfig {
  const rel = nodePath.relative(root, cacheDirectory());
  if (rel === '' || !isInside(root, cacheDirectory())) return config;
  return { ...config, exclude: [...config.exclude, `${rel.split(nodePath.sep).join('/')}/**`] };
}

