import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as nodePath from 'node:path';

const SETTLE_MS = 100;
/** inotify watches are a shared system resource: never take more than this many. */
const MAX_WATCHED_FOLDERS = 8000;

/** What a {@link DiskWatcher} tells the folder it watches; paths are workspace-relative. */
export interface DiskEvents {
  /** A file was written (created or changed). */
  changed(path: string): void;
  /** A file or a folder is gone. */
  deleted(path: string): void;
  /**
   * A folder was created again (or its watch lost): the files known under it may be gone or
   * different, and the watcher cannot tell which.
   */
  folderChanged(path: string): void;
  /** The root itself is gone; `rootBack` follows when a folder of that name appears again. */
  rootGone(): void;
  rootBack(): void;
  /** False for what SpecChain never reads (excluded, ignored, built-in folders). */
  includes(path: string, isFolder: boolean): boolean;
}

interface Watched {
  readonly watcher: FSWatcher;
  /**
   * The folder watched (inode and birth time: a folder deleted and made again often gets the
   * same inode number back), since its old watch is blind to a folder made again.
   */
  readonly identity: string;
  /** Its watch said the folder itself went (an event named as the folder): to be watched again. */
  stale: boolean;
}

/**
 * Watches a workspace folder, for clients that send no watched-file events (Neovim on Linux,
 * Helix). Every folder SpecChain reads is watched before it is read, so nothing written during
 * the first load escapes; a folder deleted and made again is watched again; the root's parent
 * is watched for the root itself. Events settle for a moment, so a save that writes twice
 * reports once.
 */
export class DiskWatcher {
  readonly #root: string;
  readonly #events: DiskEvents;
  readonly #watched = new Map<string, Watched>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** The watch on the root's parent, for the root's own deletion and return. */
  #parent: FSWatcher | undefined;
  #rootIdentity: string | undefined;
  #rootGone = false;
  #disposed = false;

  constructor(root: string, events: DiskEvents) {
    this.#root = root;
    this.#events = events;
  }

  /**
   * Watches the root and every folder under it that SpecChain reads, each before it is listed:
   * call before each load lists the folder, whose listing then sees everything written before
   * a folder's watch, and the watch everything after. Folders watched already keep their watch.
   * Folders are read asynchronously, so requests are answered meanwhile.
   */
  async watchAll(): Promise<void> {
    if (this.#disposed) return;
    if (this.#rootIdentity === undefined) {
      this.#watchParent();
      this.#rootIdentity = identityOf(this.#root);
    }
    const pending = [''];
    while (pending.length > 0 && !this.#disposed && !this.#rootGone) {
      const dir = pending.pop()!;
      if (!this.#watch(dir)) continue;
      let entries: Dirent[];
      try {
        entries = await readdir(nodePath.join(this.#root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const path of this.#subfolders(dir, entries)) pending.push(path);
    }
  }

  /** Watches `dir` and the folders under it, each before reading it; reports nothing. */
  #arm(dir: string): void {
    const pending = [dir];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (this.#watch(next)) for (const path of this.#subfolders(next, listFolder(nodePath.join(this.#root, next)))) pending.push(path);
    }
  }

  /** The folders among `entries` of `dir` that are to be watched. */
  #subfolders(dir: string, entries: readonly Dirent[]): string[] {
    const out: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (this.#events.includes(path, true)) out.push(path);
    }
    return out;
  }

  /** Watches one folder (again, when the folder watched is no longer there); false when it cannot be. */
  #watch(dir: string): boolean {
    const abs = nodePath.join(this.#root, dir);
    const identity = identityOf(abs);
    if (identity === undefined) return false;
    const known = this.#watched.get(dir);
    if (known && known.identity === identity && !known.stale) return true;
    if (known) this.#unwatch(dir);
    if (this.#watched.size >= MAX_WATCHED_FOLDERS) return false;
    const own = nodePath.basename(abs);
    try {
      const watcher = watch(abs, { persistent: false }, (_event, name) => {
        if (dir === '') this.#checkRoot();
        if (!name) return;
        if (dir !== '' && String(name) === own) {
          // inotify names the folder itself when it is deleted (or a child of the same name changed).
          const self = this.#watched.get(dir);
          if (self?.watcher === watcher) self.stale = true;
          this.#settle(dir);
        }
        this.#settle(dir === '' ? String(name) : `${dir}/${String(name)}`);
      });
      watcher.on('error', () => this.#unwatch(dir));
      this.#watched.set(dir, { watcher, identity, stale: false });
      return true;
    } catch {
      // A folder that vanished or cannot be watched is simply not watched.
      return false;
    }
  }

  #unwatch(dir: string): void {
    this.#watched.get(dir)?.watcher.close();
    this.#watched.delete(dir);
  }

  /** The folder holding the root, watched for the root's name: inotify says nothing once the root itself is gone. */
  #watchParent(): void {
    const name = nodePath.basename(this.#root);
    try {
      this.#parent = watch(nodePath.dirname(this.#root), { persistent: false }, (_event, changed) => {
        if (changed === null || String(changed) === name) this.#checkRoot();
      });
      this.#parent.on('error', () => {
        this.#parent?.close();
        this.#parent = undefined;
      });
    } catch {
      // Without it, the root's return goes unseen; its deletion is still seen by the root's own watch.
    }
  }

  #checkRoot(): void {
    const identity = identityOf(this.#root);
    if (identity === this.#rootIdentity && !this.#rootGone) return;
    if (!this.#rootGone) {
      this.#rootGone = true;
      for (const dir of [...this.#watched.keys()]) this.#unwatch(dir);
      for (const t of this.#timers.values()) clearTimeout(t);
      this.#timers.clear();
      this.#events.rootGone();
    }
    if (identity !== undefined && !this.#disposed) {
      this.#rootGone = false;
      this.#rootIdentity = identity;
      this.#arm('');
      this.#events.rootBack();
    }
  }

  #settle(path: string): void {
    if (this.#rootGone) return;
    clearTimeout(this.#timers.get(path));
    this.#timers.set(
      path,
      setTimeout(() => {
        this.#timers.delete(path);
        this.#inspect(path);
      }, SETTLE_MS),
    );
  }

  #inspect(path: string): void {
    let stat;
    try {
      stat = lstatSync(nodePath.join(this.#root, path));
    } catch {
      for (const dir of [...this.#watched.keys()]) if (dir === path || dir.startsWith(path + '/')) this.#unwatch(dir);
      this.#events.deleted(path);
      return;
    }
    if (stat.isSymbolicLink()) {
      // Links are never followed, as the CLI's walk never follows them (out of the root, or in a loop):
      // a file that became a link is gone from the workspace.
      this.#events.deleted(path);
      return;
    }
    if (!stat.isDirectory()) {
      if (this.#events.includes(path, false)) this.#events.changed(path);
      return;
    }
    if (!this.#events.includes(path, true)) return;
    const known = this.#watched.get(path);
    if (known && known.identity === identityOfStat(stat) && !known.stale) return;
    // A new folder, or one deleted and made again under the old one's watch (a branch switch):
    // watch it and everything under it, read what it holds now, and forget what it no longer holds.
    for (const dir of [...this.#watched.keys()]) if (dir.startsWith(path + '/')) this.#unwatch(dir);
    this.#arm(path);
    if (known) this.#events.folderChanged(path);
    this.#report(path);
  }

  /** Reports every file under a folder just watched as changed. */
  #report(dir: string): void {
    for (const entry of listFolder(nodePath.join(this.#root, dir))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (this.#watched.has(path)) this.#report(path);
      } else if (entry.isFile() && this.#events.includes(path, false)) this.#events.changed(path);
    }
  }

  dispose(): void {
    this.#disposed = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    for (const w of this.#watched.values()) w.watcher.close();
    this.#watched.clear();
    this.#parent?.close();
  }
}

function identityOf(abs: string): string | undefined {
  try {
    const stat = lstatSync(abs);
    return stat.isDirectory() ? identityOfStat(stat) : undefined;
  } catch {
    return undefined;
  }
}

function identityOfStat(stat: Stats): string {
  return `${stat.ino}/${stat.birthtimeMs}`;
}

/** The most files `filesUnder` lists: a folder made with more is read in part, never without end. */
const MAX_LISTED = 100_000;

/**
 * The files under folder `dir` of `root` that `includes` keeps (links never followed, folders it
 * leaves out never entered): what a folder that appeared holds, which a client's watcher may not
 * report file by file (files written into a folder just made are often missed).
 */
export function filesUnder(root: string, dir: string, includes: (path: string, isFolder: boolean) => boolean): string[] {
  const out: string[] = [];
  const folders = [dir];
  for (let next = folders.pop(); next !== undefined && out.length < MAX_LISTED; next = folders.pop()) {
    for (const entry of listFolder(nodePath.join(root, next))) {
      const path = `${next}/${entry.name}`;
      if (entry.isDirectory()) {
        if (includes(path, true)) folders.push(path);
      } else if (entry.isFile() && includes(path, false)) out.push(path);
    }
  }
  return out;
}

function listFolder(abs: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true });
  } catch {
    return [];
  }
}
