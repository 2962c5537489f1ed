import { LanguageService, type LoadReport } from '../service/languageService';
import type { BulkAnalyzer, WorkspaceEntry } from '../service/workspace';
import { CachedAnalyzer, FactsCache } from './factsCache';
import { openFolder, type Folder } from './folder';
import { WorkerAnalyzer } from './workerAnalyzer';

/**
 * Loads a folder with worker threads and the facts cache (unless `cache: false`); `listing`
 * when the caller has listed it already; `wrap` sees every file's analysis (`--since` keeps it).
 * `problems` says what the user should know of how it was read (worker threads that could not start).
 */
export async function loadFolder(
  folder: Folder,
  options: { cache?: boolean; listing?: readonly WorkspaceEntry[]; wrap?: (analyzer: BulkAnalyzer) => BulkAnalyzer } = {},
): Promise<{ service: LanguageService; load: LoadReport; problems: string[] }> {
  const { root, config, workspace } = folder;
  const workers = new WorkerAnalyzer(root, config);
  const cache = options.cache === false ? undefined : FactsCache.open(root, config);
  // Without cached facts every file is read: boot the workers while the folder is listed.
  if (!cache || cache.size === 0) workers.start();
  const inner = cache ? new CachedAnalyzer(root, cache, workers) : workers;
  const analyzer = options.wrap ? options.wrap(inner) : inner;
  try {
    const service = new LanguageService({ workspace, config, analyzer });
    const load = await service.load(options.listing);
    return { service, load, problems: [...workers.problems] };
  } finally {
    await workers.dispose();
  }
}

/** Opens and loads a folder (see `openFolder` and `loadFolder`); `problems` includes what the listing met. */
export async function openWorkspace(
  dir: string,
  options: { configFile?: string; cache?: boolean } = {},
): Promise<{ service: LanguageService; load: LoadReport; problems: string[]; configProblems: string[] }> {
  const folder = openFolder(dir, options);
  const loaded = await loadFolder(folder, { ...options, cache: options.cache !== false && !folder.cacheRefused });
  return { ...loaded, problems: [...folder.workspace.problems, ...loaded.problems], configProblems: folder.configProblems };
}
