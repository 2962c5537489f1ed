import * as fsWalk from '@nodelib/fs.walk';
import ignore, { type Ignore } from 'ignore';
import { existsSync, realpathSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { BUILTIN_EXCLUDES, type SpecChainConfig } from '../service/config';
import type { SkippedFile } from '../service/types';
import type { Workspace, WorkspaceEntry } from '../service/workspace';
import { readSmallFile, readText } from './readText';
import { readLimitFor } from '../service/stack/manifests';

const BUILTIN = new Set(BUILTIN_EXCLUDES);

/**
 * The real file system under `root`. Listing walks the tree once with fast-glob's own walker
 * (`@nodelib/fs.walk`), pruning excluded and `.gitignore`d folders as it goes so that they are
 * never entered; symbolic links are not followed, so link loops cannot trap it.
 */
export class FsWorkspace implements Workspace {
  readonly #excluded: (path: string) => boolean;
  /** The `.gitignore` of each folder seen so far (`null`: the folder has none). */
  readonly #gitignores = new Map<string, Gitignore | null>();
  /** Per folder, the `.gitignore` rules that apply to the folders and to the files in it. */
  readonly #folderRules = new Map<string, readonly (readonly [string, Ignore])[]>();
  readonly #fileRules = new Map<string, readonly (readonly [string, Ignore])[]>();

  /**
   * With `stat`, every listed file carries its size and modification time (for the caches),
   * and a file that vanished between the walk and its stat is not listed.
   */
  #realRoot: string | undefined;
  /** Files that govern the listing but were not read (a `.gitignore` that is a FIFO, say), once each. */
  readonly problems = new Set<string>();

  constructor(
    readonly root: string,
    readonly config: SpecChainConfig,
    readonly options: { readonly stat?: boolean } = {},
  ) {
    this.#excluded = config.exclude.length ? picomatch(config.exclude as string[], { dot: true }) : () => false;
  }

  async list(): Promise<readonly WorkspaceEntry[]> {
    this.#gitignores.clear();
    this.#folderRules.clear();
    this.#fileRules.clear();
    const entries = fsWalk.walkSync(this.root, {
      basePath: '',
      pathSegmentSeparator: '/',
      followSymbolicLinks: false,
      errorFilter: () => true,
      // Folders are checked before they are entered, so a file only needs its own check.
      deepFilter: (entry) => !BUILTIN.has(entry.name) && !this.#ignoredHere(entry.path, true),
      entryFilter: (entry) => entry.dirent.isFile() && !this.#ignoredHere(entry.path, false),
    });
    const paths = entries.map((e) => e.path).sort();
    if (!this.options.stat) return paths.map((path) => ({ path }));
    const listed: WorkspaceEntry[] = [];
    for (const path of paths) {
      const st = statSync(`${this.root}/${path}`, { throwIfNoEntry: false });
      if (st) listed.push({ path, size: st.size, mtimeMs: st.mtimeMs, change: changeStamp(st) });
    }
    return listed;
  }

  /**
   * True when SpecChain never reads `path`: under a built-in excluded folder, matched by
   * `specchain.exclude`, or ignored by a `.gitignore` of any folder above it. For files that
   * appear after a listing (watched-file events); `isFolder` when `path` is a folder (`build/`
   * patterns match folders only). A changed `.gitignore` takes effect at the next `list`.
   */
  isIgnored(path: string, isFolder = false): boolean {
    const segments = path.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      if (BUILTIN.has(segments[i - 1]!) || this.#ignoredHere(prefix, i < segments.length || isFolder)) return true;
    }
    return false;
  }

  /** `path` against the settings and the `.gitignore` files above it, its parents not included. */
  #ignoredHere(path: string, isDir: boolean): boolean {
    if (this.#excluded(path)) return true;
    const slash = path.lastIndexOf('/');
    for (const [dir, rules] of this.#rulesAbove(slash <= 0 ? '' : path.slice(0, slash), isDir)) {
      const rel = dir === '' ? path : path.slice(dir.length + 1);
      if (rules.ignores(isDir ? rel + '/' : rel)) return true;
    }
    return false;
  }

  /**
   * The `.gitignore` rules of `dir` and the folders above it, nearest first, paired with their
   * folder; for files, only those that can match a file.
   */
  #rulesAbove(dir: string, forFolders: boolean): readonly (readonly [string, Ignore])[] {
    const memo = forFolders ? this.#folderRules : this.#fileRules;
    let found = memo.get(dir);
    if (found === undefined) {
      const above = dir === '' ? [] : this.#rulesAbove(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '', forFolders);
      const own = this.#gitignore(dir);
      found = own && (forFolders || !own.directoriesOnly) ? [[dir, own.rules] as const, ...above] : above;
      memo.set(dir, found);
    }
    return found;
  }

  #gitignore(dir: string): Gitignore | null {
    let found = this.#gitignores.get(dir);
    if (found === undefined) {
      found = null;
      const rel = dir === '' ? '.gitignore' : `${dir}/.gitignore`;
      const read = readSmallFile(this.root, nodePath.join(this.root, dir, '.gitignore'));
      if (read && 'text' in read) found = { rules: ignore().add(read.text), directoriesOnly: onlyDirectoryPatterns(read.text) };
      else if (read) this.problems.add(`${rel} was not read: ${read.refused}`);
      this.#gitignores.set(dir, found);
    }
    return found;
  }

  async read(path: string): Promise<string | SkippedFile> {
    // As in the walk, a link is never followed: a watched-file event may name one, or a file under a linked folder.
    if (!this.#realInside(path)) return { path, reason: 'unreadable' };
    const text = readText(this.absolute(path), readLimitFor(path, this.config.maxFileSize));
    return typeof text === 'string' ? text : { path, reason: text.skip };
  }

  async exists(path: string): Promise<boolean> {
    return existsSync(this.absolute(path));
  }

  /** True when no part of `path` is a link: its real path is the real root joined with it. */
  #realInside(path: string): boolean {
    try {
      this.#realRoot ??= realpathSync(this.root);
      return realpathSync(this.absolute(path)) === nodePath.join(this.#realRoot, ...path.split('/'));
    } catch {
      return false;
    }
  }

  absolute(path: string): string {
    return nodePath.join(this.root, ...path.split('/'));
  }
}

interface Gitignore {
  readonly rules: Ignore;
  /**
   * Every pattern ends in `/` and none re-includes (`!`): the file matches only folders, which
   * the walk prunes, so the files it lists need no check of their own.
   */
  readonly directoriesOnly: boolean;
}

function onlyDirectoryPatterns(text: string): boolean {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .every((line) => line.endsWith('/') && !line.startsWith('!'));
}

/** What tells a rewrite apart when size and modification time were kept: status-change time and inode. */
export function changeStamp(st: { readonly ctimeMs: number; readonly ino: number }): string {
  return `${st.ctimeMs}/${st.ino}`;
}
