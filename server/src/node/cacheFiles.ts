// Where the CLI's caches (per-file facts, results of a whole check) live, and how their files are
// named and written. Nothing here is ever written inside a workspace unless the user points
// SPECCHAIN_CACHE_DIR there, and then the check leaves that folder out.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import type { SpecChainConfig } from '../service/config';

declare const SPECCHAIN_BUILD: string | undefined;
/** Caches written by another build of SpecChain are never read. */
export const BUILD = typeof SPECCHAIN_BUILD === 'string' ? SPECCHAIN_BUILD : 'source';
/** The layout of the cache files; raise it when it changes. */
export const FORMAT = 6;
/** Files changed this recently may change again within the same mtime tick: not cached. */
export const RACY_MS = 2000;

/** Where caches live: `SPECCHAIN_CACHE_DIR`, else the user's cache folder; never the workspace. */
export function cacheDirectory(): string {
  return process.env.SPECCHAIN_CACHE_DIR || nodePath.join(process.env.XDG_CACHE_HOME || nodePath.join(homedir(), '.cache'), 'specchain', 'facts');
}

/** The cache file of one kind for one workspace root, configuration and build. */
export function cacheFile(dir: string, kind: string, root: string, config: SpecChainConfig): string {
  const key = createHash('sha1').update(`${FORMAT}\0${BUILD}\0${root}\0${JSON.stringify(config)}`).digest('hex').slice(0, 20);
  return nodePath.join(dir, kind === 'facts' ? `${key}.json` : `${key}.${kind}.json`);
}

/** Writes a cache file atomically; false when it could not (a read-only or full cache folder only costs the next run time). */
export function writeCacheFile(file: string, text: string): boolean {
  try {
    mkdirSync(nodePath.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
