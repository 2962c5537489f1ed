import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { resolveConfig, type SpecChainConfig } from '../service/config';
import { LanguageService, type LoadReport } from '../service/languageService';
import { CachedAnalyzer, FactsCache } from './factsCache';
import { FsWorkspace } from './fsWorkspace';
import { WorkerAnalyzer } from './workerAnalyzer';

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
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    if (!file && (e as NodeJS.ErrnoException).code === 'ENOENT') return resolveConfig(undefined);
    throw new UsageError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return resolveConfig(json);
}

/**
 * Opens a folder: settings, the file-system workspace, worker threads and the facts cache
 * (unless `cache: false`), then a full load.
 */
export async function openWorkspace(
  dir: string,
  options: { configFile?: string; cache?: boolean } = {},
): Promise<{ service: LanguageService; load: LoadReport; configProblems: string[] }> {
  const root = checkDirectory(dir);
  const { config, problems } = loadConfig(root, options.configFile);
  const workers = new WorkerAnalyzer(root, config);
  const cache = options.cache === false ? undefined : FactsCache.open(root, config);
  if (!cache || cache.size === 0) workers.start();
  const analyzer = cache ? new CachedAnalyzer(root, cache, workers) : workers;
  try {
    const service = new LanguageService({ workspace: new FsWorkspace(root, config), config, analyzer });
    const load = await service.load();
    return { service, load, configProblems: problems };
  } finally {
    await workers.dispose();
  }
}
