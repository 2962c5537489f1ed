import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SpecChainConfig } from '../service/config';
import type { WorkspaceEntry } from '../service/workspace';
import { RACY_MS, cacheDirectory, cacheFile, writeCacheFile } from './cacheFiles';

/**
 * The outcome of a whole run, kept with a signature of the listing it came from: every listed
 * file's path, size and modification time. A run over an unchanged tree reuses it without
 * reading a single file, as `tsc --build` skips a project that is up to date; an added,
 * removed or changed file, another configuration or another build of SpecChain misses, and
 * the run starts over from the per-file facts cache.
 */
export class RunCache<T> {
  readonly #file: string;
  readonly #root: string;

  private constructor(file: string, root: string) {
    this.#file = file;
    this.#root = root;
  }

  /** The cache of one kind of run (`check`) for one workspace root and configuration. */
  static open<T>(kind: string, root: string, config: SpecChainConfig, dir = cacheDirectory()): RunCache<T> {
    return new RunCache<T>(cacheFile(dir, kind, root, config), root);
  }

  /** The saved outcome, when it was computed from exactly this listing and has the shape `isValue` checks. */
  lookup(listing: readonly WorkspaceEntry[], isValue: (value: unknown) => value is T): T | undefined {
    let data: { root?: unknown; signature?: unknown; value?: T };
    try {
      data = JSON.parse(readFileSync(this.#file, 'utf8')) as typeof data;
    } catch {
      return undefined;
    }
    // A file of another shape (edited by hand, or damaged) is read past: the check runs again.
    if (typeof data !== 'object' || data === null || data.root !== this.#root || data.signature !== signature(listing)) return undefined;
    return isValue(data.value) ? data.value : undefined;
  }

  /**
   * Keeps `value` as the outcome of `listing`, unless a file was modified so recently that a
   * further change could keep its size and time (the listing would then not tell them apart).
   */
  save(listing: readonly WorkspaceEntry[], value: T): void {
    const now = Date.now();
    if (listing.some((e) => e.mtimeMs === undefined || now - e.mtimeMs < RACY_MS)) return;
    writeCacheFile(this.#file, JSON.stringify({ root: this.#root, signature: signature(listing), value }));
  }
}

function signature(listing: readonly WorkspaceEntry[]): string {
  const hash = createHash('sha1');
  for (const e of listing) hash.update(`${e.path}\0${e.size ?? -1}\0${e.mtimeMs ?? -1}\0${e.change ?? ''}\n`);
  return hash.digest('hex');
}
