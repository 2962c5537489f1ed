import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileClassifier, analyzeFile } from '../service/analyze';
import { LanguageService } from '../service/languageService';
import type { FileFacts, SkippedFile } from '../service/types';
import type { BulkAnalyzer, WorkspaceEntry } from '../service/workspace';
import type { WireFacts } from '../service/wire';
import { FactsCache, type FileStamp } from './factsCache';
import type { Folder } from './folder';
import { changeStamp } from './fsWorkspace';
import { toOsPath } from './osPath';

/** An index as the last run left it, with the cache it came from. */
export interface StoredIndex {
  readonly service: LanguageService;
  readonly cache: FactsCache;
}

/**
 * The folder's index from the facts cache alone, as the last run (a `check`, the MCP server, a
 * hook) left it: nothing is listed, and only the files others are checked against (SPEC
 * documents, their REQ/AC companions, manifests, `mx.yaml`) are looked at on disk, read again
 * when they changed and dropped when gone. A file edited since keeps its previous facts, which a
 * hook compares the edit with: the files of `asStored` keep theirs even when they are SPEC
 * documents. With `sharedOnly`, the index holds only those files and the ones of `asStored`:
 * enough for the diagnostics of one file (its links resolve against SPECs, not other code), at a
 * fraction of the cost. Undefined when there is no cache to start from.
 */
export async function loadStoredIndex(folder: Folder, asStored: ReadonlySet<string> = new Set(), options: { sharedOnly?: boolean } = {}): Promise<StoredIndex | undefined> {
  if (folder.cacheRefused) return undefined;
  const cache = FactsCache.open(folder.root, folder.config);
  if (cache.size === 0) return undefined;
  const service = new LanguageService({ workspace: folder.workspace, config: folder.config, analyzer: new StoredAnalyzer(folder, cache, asStored) });
  const paths = options.sharedOnly ? cache.paths((facts) => typeof facts !== 'string' && isShared(facts)) : cache.paths();
  if (options.sharedOnly) for (const path of asStored) if (cache.stored(path) !== undefined && !paths.includes(path)) paths.push(path);
  await service.load(paths.map((path) => ({ path })));
  return { service, cache };
}

/** True for the facts other files' diagnostics depend on: SPECs, their companions, manifests, settings. */
function isShared(facts: FileFacts | WireFacts): boolean {
  return facts.spec !== undefined || facts.reqs !== undefined || facts.manifest !== undefined || facts.mxSettings !== undefined || facts.moaiVersion !== undefined || facts.specsIgnored !== undefined;
}

/** The file's stamp on disk now, undefined when it is gone. */
export function stampNow(root: string, path: string): FileStamp | undefined {
  const stat = statSync(toOsPath(nodePath.join(root, path)), { throwIfNoEntry: false });
  return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs, change: changeStamp(stat) } : undefined;
}

const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.change === b.change;

/** Serves every file from the cache as stored; shared inputs whose stamps changed are read again. */
class StoredAnalyzer implements BulkAnalyzer {
  readonly #classifier: FileClassifier;

  constructor(
    readonly folder: Folder,
    readonly cache: FactsCache,
    readonly asStored: ReadonlySet<string>,
  ) {
    this.#classifier = new FileClassifier(folder.config);
  }

  async analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }> {
    const facts: FileFacts[] = [];
    const skipped: SkippedFile[] = [];
    for (const { path } of entries) {
      const stored = this.cache.stored(path);
      if (stored === undefined) continue;
      if (typeof stored === 'string') {
        skipped.push({ path, reason: stored });
        continue;
      }
      if (!isShared(stored) || this.asStored.has(path)) {
        facts.push(stored);
        continue;
      }
      const now = stampNow(this.folder.root, path);
      if (now === undefined) continue;
      const was = this.cache.stampOf(path);
      if (was && sameStamp(was, now)) {
        facts.push(stored);
        continue;
      }
      const text = await this.folder.workspace.read(path);
      if (typeof text !== 'string') {
        skipped.push(text);
        continue;
      }
      const fresh = analyzeFile(path, text, this.#classifier);
      this.cache.store(path, now, fresh);
      facts.push(fresh);
    }
    return { facts, skipped };
  }
}
