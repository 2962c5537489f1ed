import { appendFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { SpecChainConfig } from '../service/config';
import type { FileFacts, SkipReason, SkippedFile } from '../service/types';
import { decodeFacts, encodeFacts, type WireFacts } from '../service/wire';
import type { BulkAnalyzer, WorkspaceEntry } from '../service/workspace';
import { BUILD, FORMAT, RACY_MS, cacheDirectory, cacheFile, writeCacheFile } from './cacheFiles';
import { changeStamp } from './fsWorkspace';
import { toOsPath } from './osPath';

/** What a file's version is known by: size, modification time, and its change stamp (see `WorkspaceEntry.change`). */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly change: string;
}

interface Entry extends FileStamp {
  /** The facts of a text file, or why it was skipped. */
  readonly facts: WireFacts | SkipReason;
}

const journalOf = (file: string): string => file.replace(/\.json$/, '.journal');

/** Changes journaled before the cache file is written whole again: this many, or an eighth of the entries. */
const JOURNAL_MIN = 1000;

/**
 * Per-file analysis results kept between runs, keyed by path, size and modification time,
 * like ESLint's or Ruff's caches. A missing, foreign or corrupt cache file is ignored. A run
 * that changed a few entries appends them to a journal beside the file instead of writing the
 * whole file again; the file is rewritten, and the journal dropped, once the journal grows.
 */
export class FactsCache {
  readonly #file: string;
  readonly #journal: string;
  readonly #root: string;
  readonly #entries: Map<string, Entry>;
  /** True when the cache file was read: the journal applies to it. */
  readonly #loaded: boolean;
  /** Changes since the last save, by path; null for an entry dropped. */
  readonly #pending = new Map<string, Entry | null>();
  #journaled: number;

  private constructor(file: string, root: string, entries: Map<string, Entry>, loaded: boolean, journaled: number) {
    this.#file = file;
    this.#journal = journalOf(file);
    this.#root = root;
    this.#entries = entries;
    this.#loaded = loaded;
    this.#journaled = journaled;
  }

  /** Opens the cache of one workspace root under one configuration. */
  static open(root: string, config: SpecChainConfig, dir = cacheDirectory()): FactsCache {
    const file = cacheFile(dir, 'facts', root, config);
    const entries = new Map<string, Entry>();
    let loaded = false;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { format: number; build: string; root: string; entries: unknown[] };
      if (data.format === FORMAT && data.build === BUILD && data.root === root && Array.isArray(data.entries)) {
        for (const entry of data.entries as unknown[]) {
          // A cache file of another shape (edited, or another tool's) is read past, entry by entry.
          if (!isEntry(entry)) continue;
          const [path, size, mtimeMs, change, facts] = entry;
          entries.set(path, { size, mtimeMs, change, facts });
        }
        loaded = true;
      }
    } catch {
      // No cache yet, or one we cannot read: start empty.
    }
    let journaled = 0;
    if (loaded) {
      let text = '';
      try {
        text = readFileSync(journalOf(file), 'utf8');
      } catch {
        // No journal: the file is all there is.
      }
      for (const line of text.split('\n')) {
        if (line === '') continue;
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch {
          break; // A line cut short by a crash: what follows is lost, which only costs time.
        }
        if (!Array.isArray(record) || typeof record[0] !== 'string') break;
        if (record.length === 1) entries.delete(record[0]);
        else if (isEntry(record)) {
          const [path, size, mtimeMs, change, facts] = record;
          entries.set(path, { size, mtimeMs, change, facts });
        } else break;
        journaled++;
      }
    }
    return new FactsCache(file, root, entries, loaded, journaled);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The paths with an entry (what the last run listed), or those whose stored facts pass `filter`. */
  paths(filter?: (facts: WireFacts | SkipReason) => boolean): string[] {
    const out: string[] = [];
    for (const [path, e] of this.#entries) if (!filter || filter(e.facts)) out.push(path);
    return out;
  }

  /** The stamp an entry was stored under, whatever the file's stamp now. */
  stampOf(path: string): FileStamp | undefined {
    return this.#entries.get(path);
  }

  /**
   * The facts last stored for `path`, whatever its stamp now: a file's previous version, which a
   * hook compares an edit with.
   */
  stored(path: string): FileFacts | SkipReason | undefined {
    const e = this.#entries.get(path);
    if (!e) return undefined;
    if (typeof e.facts === 'string') return e.facts;
    try {
      return decodeFacts(path, e.facts);
    } catch {
      return undefined;
    }
  }

  lookup(path: string, stamp: FileStamp): FileFacts | SkipReason | undefined {
    const e = this.#entries.get(path);
    if (!e || e.size !== stamp.size || e.mtimeMs !== stamp.mtimeMs || e.change !== stamp.change) return undefined;
    if (typeof e.facts === 'string') return e.facts;
    try {
      return decodeFacts(path, e.facts);
    } catch {
      // Facts of a shape this build does not read: the file is read again.
      this.#drop(path);
      return undefined;
    }
  }

  /**
   * Keeps the facts of `path` under its stamp. A file written this instant could change again
   * within the same time tick: its facts are kept under a stamp no file has, so that no lookup
   * trusts them (the next run reads the file again) while they still say what this run saw.
   */
  store(path: string, given: FileStamp, facts: FileFacts | SkipReason): void {
    const stamp = Date.now() - given.mtimeMs < RACY_MS ? UNKNOWN_STAMP : given;
    const entry = { size: stamp.size, mtimeMs: stamp.mtimeMs, change: stamp.change, facts: typeof facts === 'string' ? facts : encodeFacts(facts) };
    this.#entries.set(path, entry);
    this.#pending.set(path, entry);
  }

  /** Keeps only `paths`, dropping files that are gone. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of [...this.#entries.keys()]) if (!paths.has(path)) this.#drop(path);
  }

  #drop(path: string): void {
    if (this.#entries.delete(path)) this.#pending.set(path, null);
  }

  /** Saves the changes, to the journal or by writing the file whole; a failure only costs the next run time. */
  save(): void {
    if (this.#pending.size === 0) return;
    if (this.#loaded && this.#journaled + this.#pending.size <= Math.max(JOURNAL_MIN, this.#entries.size / 8)) {
      const lines = [...this.#pending].map(([path, e]) => JSON.stringify(e ? [path, e.size, e.mtimeMs, e.change, e.facts] : [path]) + '\n');
      try {
        appendFileSync(this.#journal, lines.join(''));
        this.#journaled += this.#pending.size;
        this.#pending.clear();
        return;
      } catch {
        // Write the file whole instead.
      }
    }
    const entries = [...this.#entries].map(([path, e]) => [path, e.size, e.mtimeMs, e.change, e.facts]);
    if (writeCacheFile(this.#file, JSON.stringify({ format: FORMAT, build: BUILD, root: this.#root, entries }))) {
      try {
        rmSync(this.#journal, { force: true });
      } catch {
        // Its lines are older than the file's entries; a lookup checks size and time anyway.
      }
      this.#journaled = 0;
      this.#pending.clear();
    }
  }
}

/** The stamp of facts whose file's version is not known: no real file's stamp matches it. */
const UNKNOWN_STAMP: FileStamp = { size: -1, mtimeMs: 0, change: '' };

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
    const stats = new Map<string, FileStamp>();
    for (const entry of entries) {
      const { path } = entry;
      const st = stampOf(this.root, entry);
      const hit = st && this.cache.lookup(path, st);
      if (hit === undefined) {
        if (st) stats.set(path, st);
        stale.push(entry);
      } else if (typeof hit === 'string') skipped.push({ path, reason: hit });
      else facts.push(hit);
    }
    if (stale.length > 0) {
      const fresh = await this.inner.analyze(stale);
      for (const f of fresh.facts) {
        facts.push(f);
        const st = stats.get(f.path);
        if (st) this.cache.store(f.path, st, f);
      }
      for (const s of fresh.skipped) {
        skipped.push(s);
        const st = stats.get(s.path);
        if (st && s.reason !== 'unreadable' && s.reason !== 'vanished') this.cache.store(s.path, st, s.reason);
      }
    }
    this.cache.retain(new Set(entries.map((e) => e.path)));
    this.cache.save();
    return { facts, skipped };
  }
}

const SKIP_REASONS: readonly unknown[] = ['too-large', 'binary', 'unreadable'];

/** The stamp the listing gave, or one read from the disk when it gave none. */
function stampOf(root: string, entry: WorkspaceEntry): FileStamp | undefined {
  if (entry.size !== undefined && entry.mtimeMs !== undefined && entry.change !== undefined) return { size: entry.size, mtimeMs: entry.mtimeMs, change: entry.change };
  const stat = statSync(toOsPath(nodePath.join(root, entry.path)), { throwIfNoEntry: false });
  return stat && { size: stat.size, mtimeMs: stat.mtimeMs, change: changeStamp(stat) };
}

/** `[path, size, mtimeMs, change, facts]` as this build writes it. */
function isEntry(e: unknown): e is [string, number, number, string, WireFacts | SkipReason] {
  return (
    Array.isArray(e) &&
    e.length === 5 &&
    typeof e[0] === 'string' &&
    Number.isFinite(e[1]) &&
    Number.isFinite(e[2]) &&
    typeof e[3] === 'string' &&
    (SKIP_REASONS.includes(e[4]) || (typeof e[4] === 'object' && e[4] !== null && !Array.isArray(e[4])))
  );
}
