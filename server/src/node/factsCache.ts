import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import type { SpecChainConfig } from '../service/config';
import type { FileFacts, SkipReason, SkippedFile } from '../service/types';
import { decodeFacts, encodeFacts, type WireFacts } from '../service/wire';
import type { BulkAnalyzer, WorkspaceEntry } from '../service/workspace';

declare const SPECCHAIN_BUILD: string | undefined;
/** Facts from another build of the analyser are never reused. */
const BUILD = typeof SPECCHAIN_BUILD === 'string' ? SPECCHAIN_BUILD : 'source';
const FORMAT = 4;
/** Files changed this recently may change again within the same mtime tick: not cached. */
export const RACY_MS = 2000;

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  /** The facts of a text file, or why it was skipped. */
  readonly facts: WireFacts | SkipReason;
}

/** Where caches live: `SPECCHAIN_CACHE_DIR`, else the user's cache folder; never the workspace. */
export function cacheDirectory(): string {
  return process.env.SPECCHAIN_CACHE_DIR || nodePath.join(process.env.XDG_CACHE_HOME || nodePath.join(homedir(), '.cache'), 'specchain', 'facts');
}

/** The cache file of one kind for one workspace root, configuration and build. */
export function cacheFile(dir: string, kind: string, root: string, config: SpecChainConfig): string {
  const key = createHash('sha1').update(`${FORMAT}\0${BUILD}\0${root}\0${JSON.stringify(config)}`).digest('hex').slice(0, 20);
  return nodePath.join(dir, kind === 'facts' ? `${key}.json` : `${key}.${kind}.json`);
}

/**
 * Per-file analysis results kept between runs, keyed by path, size and modification time,
 * like ESLint's or Ruff's caches. A missing, foreign or corrupt cache file is ignored.
 */
export class FactsCache {
  readonly #file: string;
  readonly #entries: Map<string, Entry>;
  #dirty = false;

  private constructor(file: string, entries: Map<string, Entry>) {
    this.#file = file;
    this.#entries = entries;
  }

  /** Opens the cache of one workspace root under one configuration. */
  static open(root: string, config: SpecChainConfig, dir = cacheDirectory()): FactsCache {
    const file = cacheFile(dir, 'facts', root, config);
    let entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { format: number; build: string; root: string; entries: [string, number, number, WireFacts | SkipReason][] };
      if (data.format === FORMAT && data.build === BUILD && data.root === root && Array.isArray(data.entries)) {
        entries = new Map(data.entries.map(([path, size, mtimeMs, facts]) => [path, { size, mtimeMs, facts }]));
      }
    } catch {
      // No cache yet, or one we cannot read: start empty.
    }
    return new FactsCache(file, entries);
  }

  get size(): number {
    return this.#entries.size;
  }

  lookup(path: string, size: number, mtimeMs: number): FileFacts | SkipReason | undefined {
    const e = this.#entries.get(path);
    if (!e || e.size !== size || e.mtimeMs !== mtimeMs) return undefined;
    return typeof e.facts === 'string' ? e.facts : decodeFacts(path, e.facts);
  }

  store(path: string, size: number, mtimeMs: number, facts: FileFacts | SkipReason): void {
    if (Date.now() - mtimeMs < RACY_MS) {
      if (this.#entries.delete(path)) this.#dirty = true;
      return;
    }
    this.#entries.set(path, { size, mtimeMs, facts: typeof facts === 'string' ? facts : encodeFacts(facts) });
    this.#dirty = true;
  }

  /** Keeps only `paths`, dropping files that are gone. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of this.#entries.keys()) {
      if (!paths.has(path)) {
        this.#entries.delete(path);
        this.#dirty = true;
      }
    }
  }

  /** Writes the cache when it changed; atomic, and a failure only costs the next run time. */
  save(root: string): void {
    if (!this.#dirty) return;
    const entries = [...this.#entries].map(([path, e]) => [path, e.size, e.mtimeMs, e.facts]);
    if (writeCacheFile(this.#file, JSON.stringify({ format: FORMAT, build: BUILD, root, entries }))) this.#dirty = false;
  }
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

/** Serves unchanged files from the cache and hands the rest to another analyser. */
export class CachedAnalyzer implements BulkAnalyzer {
  constructor(
    readonly root: string,
    readonly cache: FactsCache,
    readonly inner: BulkAnalyzer,
  ) {}

  async analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }> {
    const facts: FileFacts[] = [];
    const skipped: SkippedFile[] = [];
    const stale: WorkspaceEntry[] = [];
    const stats = new Map<string, { size: number; mtimeMs: number }>();
    for (const entry of entries) {
      const { path } = entry;
      const st = entry.size !== undefined && entry.mtimeMs !== undefined ? { size: entry.size, mtimeMs: entry.mtimeMs } : statSync(nodePath.join(this.root, path), { throwIfNoEntry: false });
      const hit = st && this.cache.lookup(path, st.size, st.mtimeMs);
      if (hit === undefined) {
        if (st) stats.set(path, { size: st.size, mtimeMs: st.mtimeMs });
        stale.push(entry);
      } else if (typeof hit === 'string') skipped.push({ path, reason: hit });
      else facts.push(hit);
    }
    if (stale.length > 0) {
      const fresh = await this.inner.analyze(stale);
      for (const f of fresh.facts) {
        facts.push(f);
        const st = stats.get(f.path);
        if (st) this.cache.store(f.path, st.size, st.mtimeMs, f);
      }
      for (const s of fresh.skipped) {
        skipped.push(s);
        const st = stats.get(s.path);
        if (st && s.reason !== 'unreadable') this.cache.store(s.path, st.size, st.mtimeMs, s.reason);
      }
    }
    this.cache.retain(new Set(entries.map((e) => e.path)));
    this.cache.save(this.root);
    return { facts, skipped };
  }
}
