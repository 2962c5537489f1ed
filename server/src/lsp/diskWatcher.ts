import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileFacts } from '../service/types';

const SETTLE_MS = 100;
/** inotify watches are a shared system resource: never take more than this many. */
const MAX_WATCHED_FOLDERS = 8000;

/**
 * Watches the folders that hold indexed files, for clients that send no watched-file events.
 * Reports workspace-relative paths that changed or vanished, each settled for a moment so a
 * save that writes twice reports once.
 */
export class DiskWatcher {
  readonly #root: string;
  readonly #report: (path: string, deleted: boolean) => void;
  readonly #includes: (path: string) => boolean;
  readonly #watchers = new Map<string, FSWatcher>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(root: string, report: (path: string, deleted: boolean) => void, includes: (path: string) => boolean) {
    this.#root = root;
    this.#report = report;
    this.#includes = includes;
  }

  /** Starts watching the root and every folder holding one of `files`. */
  start(files: Iterable<FileFacts>): void {
    this.#watch('');
    for (const f of files) {
      let dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
      while (dir !== '' && !this.#watchers.has(dir)) {
        this.#watch(dir);
        dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
      }
    }
  }

  #watch(dir: string): void {
    if (this.#watchers.has(dir) || this.#watchers.size >= MAX_WATCHED_FOLDERS) return;
    try {
      const watcher = watch(nodePath.join(this.#root, dir), { persistent: false }, (_event, name) => {
        if (name) this.#settle(dir === '' ? String(name) : `${dir}/${String(name)}`);
      });
      watcher.on('error', () => this.#unwatch(dir));
      this.#watchers.set(dir, watcher);
    } catch {
      // A folder that vanished or cannot be watched is simply not watched.
    }
  }

  #unwatch(dir: string): void {
    this.#watchers.get(dir)?.close();
    this.#watchers.delete(dir);
  }

  #settle(path: string): void {
    if (!this.#includes(path)) return;
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
      for (const dir of [...this.#watchers.keys()]) if (dir === path || dir.startsWith(path + '/')) this.#unwatch(dir);
      this.#report(path, true);
      return;
    }
    if (stat.isSymbolicLink()) {
      // Links are never followed, as the CLI's walk never follows them (out of the root, or in a loop):
      // a file that became a link is gone from the workspace.
      this.#report(path, true);
      return;
    }
    if (!stat.isDirectory()) {
      this.#report(path, false);
      return;
    }
    this.#watch(path);
    let entries: string[] = [];
    try {
      entries = readdirSync(nodePath.join(this.#root, path));
    } catch {
      return;
    }
    for (const name of entries) this.#settle(`${path}/${name}`);
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
  }
}
