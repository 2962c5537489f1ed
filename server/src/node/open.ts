import { availableParallelism } from 'node:os';
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
  const workers = new WorkerAnalyzer(root, config, { threads: commandLineThreads(availableParallelism()) });
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

/**
 * Worker threads for a command-line run, where no request waits on the calling thread: one per
 * core beyond the calling thread's, up to three, and none on two cores or fewer. There a worker
 * boots its own copy of the bundle and sends back facts the calling thread decodes again, which
 * costs more than it shares (on two busy cores: the 20,000-file check took 5.1 s of CPU with one
 * worker, 4.0 s without). The language server keeps its worker: it answers requests meanwhile.
 */
export function commandLineThreads(cores: number): number {
  return cores <= 2 ? 0 : Math.min(cores - 1, 3);
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
