import * as fsWalk from '@nodelib/fs.walk';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { BUILTIN_EXCLUDES, type SpecChainConfig } from '../service/config';
import type { SkippedFile } from '../service/types';
import type { Workspace, WorkspaceEntry } from '../service/workspace';
import { IgnoreFile } from './gitignore';
import { TrackedIgnoredCache, fileStamp, findRepository, ignoreFingerprint, trackedIgnored, type GitRepository } from './gitView';
import { fromOsPath, osBytes, toOsPath } from './osPath';
import { readSmallFile, readText } from './readText';
import { readLimitFor } from '../service/stack/manifests';

const BUILTIN = new Set(BUILTIN_EXCLUDES);

/** What `vendor/` holds when it holds dependencies: files beside it, or inside it, of the tools that fill it. */
const VENDORING_MANIFESTS = ['go.mod', 'composer.json', 'Gemfile'];
const VENDORED_MARKS = ['modules.txt', 'autoload.php'];

/** The most unreadable folders named one by one; the rest are counted. */
const MAX_NAMED_FOLDERS = 20;

/** Readdir that keeps names that are not UTF-8 byte for byte (see `osPath.ts`). */
const OS_FS = {
  readdirSync: (path: string): Dirent[] => {
    const os = toOsPath(path);
    const entries = readdirSync(os, { withFileTypes: true });
    if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries;
    return readdirSync(os, { withFileTypes: true, encoding: 'buffer' }).map((e) => Object.assign(e, { name: fromOsPath(e.name) }) as unknown as Dirent);
  },
};

/** An ignore file as it applies to paths from the root: strip the folder's path, prepend the root's path from the file's folder. */
interface Applied {
  readonly strip: number;
  readonly prepend: string;
  readonly file: IgnoreFile;
}

/** One `.gitignore` read: its rules and its text (for the fingerprint of git's view). */
interface ReadIgnore {
  readonly file: IgnoreFile;
  readonly text: string;
}

/**
 * The real file system under `root`, listed as git sees it. Listing walks the tree once with
 * fast-glob's own walker (`@nodelib/fs.walk`), pruning excluded and `.gitignore`d folders as it
 * goes so that they are never entered; symbolic links are not followed, so link loops cannot trap
 * it. Inside a git repository, files git tracks are listed even where `.gitignore` matches them
 * (git asked once per listing while the tree is walked, its answer kept between runs while the
 * index and the ignore files stay the same),
 * and a folder with a `.git` of its own (another repository or a worktree) is left out, as git
 * leaves it; a submodule's files are listed. A `vendor` folder is left out only where it holds
 * dependencies.
 */
export class FsWorkspace implements Workspace {
  readonly #excluded: (path: string) => boolean;
  /** The `.gitignore` of each folder seen so far (`null`: the folder has none). */
  readonly #gitignores = new Map<string, ReadIgnore | null>();
  /** Per folder, the ignore files that apply to the folders and to the files in it, nearest first. */
  readonly #folderRules = new Map<string, readonly Applied[]>();
  readonly #fileRules = new Map<string, readonly Applied[]>();
  #repo: GitRepository | undefined;
  /** Files git tracks though its ignore rules match them: listed all the same. */
  #tracked: ReadonlySet<string> = new Set();
  #realRoot: string | undefined;
  /** Files that govern the listing but were not read, and folders that could not be, once each. */
  readonly problems = new Set<string>();

  /**
   * With `stat`, every listed file carries its size and modification time (for the caches),
   * and a file that vanished between the walk and its stat is not listed. With `gitCache`, git's
   * answer is kept in that file between runs.
   */
  constructor(
    readonly root: string,
    readonly config: SpecChainConfig,
    readonly options: { readonly stat?: boolean; readonly gitCache?: string } = {},
  ) {
    this.#excluded = config.exclude.length ? picomatch(config.exclude as string[], { dot: true }) : () => false;
  }

  async list(): Promise<readonly WorkspaceEntry[]> {
    this.#forget();
    const repo = (this.#repo = findRepository(this.root));
    this.#tracked = new Set();
    let walked: { paths: string[]; nested: ReadonlySet<string> };
    if (repo === undefined) walked = this.#walk();
    else {
      // Git answers while the tree is walked; its answer is kept while the index and the ignore files stay the same.
      const cache = this.options.gitCache ? new TrackedIgnoredCache(this.options.gitCache) : undefined;
      const index = fileStamp(repo.index);
      const kept = cache?.lookup(index);
      const asking = kept ? undefined : this.#askGit();
      walked = this.#walk();
      const fingerprint = this.#fingerprint();
      let fresh = asking && (await asking);
      if (kept && kept.ignoreFingerprint !== fingerprint) fresh = await this.#askGit();
      if (fresh && cache) cache.save(index, fingerprint, fresh);
      this.#tracked = fresh ?? kept?.paths ?? new Set();
    }
    const paths = walked.paths;
    if (this.#tracked.size > 0) {
      const listed = new Set(paths);
      for (const path of this.#tracked) if (!listed.has(path) && !isUnder(path, walked.nested) && !this.#excludedAlways(path) && this.#isFile(path)) paths.push(path);
    }
    paths.sort();
    if (!this.options.stat) return paths.map((path) => ({ path }));
    const listed: WorkspaceEntry[] = [];
    for (const path of paths) {
      const st = statSync(toOsPath(`${this.root}/${path}`), { throwIfNoEntry: false });
      if (st) listed.push({ path, size: st.size, mtimeMs: st.mtimeMs, change: changeStamp(st) });
    }
    return listed;
  }

  #forget(): void {
    this.#gitignores.clear();
    this.#folderRules.clear();
    this.#fileRules.clear();
  }

  async #askGit(): Promise<Set<string> | undefined> {
    const answer = await trackedIgnored(this.root);
    if (answer.problem) this.problems.add(answer.problem);
    return answer.paths;
  }

  /** A fingerprint of every ignore file that decided the listing. */
  #fingerprint(): string {
    const files: [string, string][] = (this.#repo?.outer ?? []).map((o) => [`\0above\0${o.prefix}`, o.text]);
    for (const [dir, read] of [...this.#gitignores].sort(([a], [b]) => (a < b ? -1 : 1))) if (read) files.push([dir, read.text]);
    return ignoreFingerprint(files);
  }

  /** The files git's ignore rules leave, and the folders with a `.git` of their own (inside a repository). */
  #walk(): { paths: string[]; nested: ReadonlySet<string> } {
    const nested = new Set<string>();
    const inRepo = this.#repo !== undefined;
    const unreadable: string[] = [];
    const entries = fsWalk.walkSync(this.root, {
      basePath: '',
      pathSegmentSeparator: '/',
      followSymbolicLinks: false,
      fs: OS_FS,
      errorFilter: (error) => {
        // A folder that vanished mid-walk is simply gone; any other failure is said, with its folder.
        if (typeof error.code !== 'string') return false;
        if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') unreadable.push(`${this.#relative(error.path as string | Buffer | undefined)} (${error.code})`);
        return true;
      },
      // Folders are checked before they are entered, so a file only needs its own check.
      deepFilter: (entry) => {
        const { path, name } = entry;
        if (BUILTIN.has(name) && (name !== 'vendor' || this.#holdsDependencies(path))) return false;
        // A repository's files may have been met before its `.git`: they are dropped below.
        if (nested.size > 0 && isUnder(path, nested)) return false;
        return !this.#excluded(path) && !this.#gitignored(path, true);
      },
      entryFilter: (entry) => {
        const { path, name } = entry;
        if (name === '.git') {
          if (inRepo && path !== '.git') nested.add(path.slice(0, -'/.git'.length));
          return false;
        }
        return entry.dirent.isFile() && !this.#excluded(path) && !this.#gitignored(path, false);
      },
    });
    if (unreadable.length > 0) {
      const named = unreadable.slice(0, MAX_NAMED_FOLDERS).join(', ');
      const more = unreadable.length > MAX_NAMED_FOLDERS ? ` and ${unreadable.length - MAX_NAMED_FOLDERS} more` : '';
      this.problems.add(`${unreadable.length === 1 ? 'a folder' : `${unreadable.length} folders`} could not be read, so the files in ${unreadable.length === 1 ? 'it are' : 'them are'} not checked: ${named}${more}`);
    }
    for (const sub of this.#repo?.submodules ?? []) nested.delete(sub);
    const paths = entries.map((e) => e.path);
    return { paths: nested.size === 0 ? paths : paths.filter((p) => !isUnder(p, nested)), nested };
  }

  #relative(abs: string | Buffer | undefined): string {
    if (abs === undefined) return '(a folder)';
    const path = typeof abs === 'string' ? abs : fromOsPath(abs);
    const rel = nodePath.relative(this.root, path).split(nodePath.sep).join('/');
    return rel === '' ? '.' : rel;
  }

  /** A `vendor` folder filled by Go modules, Composer or Bundler, not one of the project's own (`src/pages/admin/vendor/`). */
  #holdsDependencies(vendorPath: string): boolean {
    const folder = nodePath.join(this.root, vendorPath);
    return VENDORING_MANIFESTS.some((m) => existsSync(toOsPath(nodePath.join(folder, '..', m)))) || VENDORED_MARKS.some((m) => existsSync(toOsPath(nodePath.join(folder, m))));
  }

  /**
   * True when SpecChain never reads `path`: through a link, under a built-in excluded folder or a
   * folder with a repository of its own, matched by `specchain.exclude`, or ignored by git's rules
   * and not tracked. For files that appear after a listing (watched-file events, documents the
   * editor opens): the same rule as the listing; `isFolder` when `path` is a folder (`build/`
   * patterns match folders only). A changed `.gitignore` takes effect at the next `list`.
   */
  isIgnored(path: string, isFolder = false): boolean {
    if (this.#excludedAlways(path, isFolder)) return true;
    if (this.#tracked.has(path)) return false;
    const segments = path.split('/');
    for (let i = 1; i <= segments.length; i++) if (this.#gitignored(segments.slice(0, i).join('/'), i < segments.length || isFolder)) return true;
    return false;
  }

  /** Left out whatever git says: through a link, a built-in folder, a `.git` or a folder holding one, `specchain.exclude`. */
  #excludedAlways(path: string, isFolder = false): boolean {
    const segments = path.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const name = segments[i - 1]!;
      const folder = i < segments.length || isFolder;
      if (name === '.git' || (folder && BUILTIN.has(name) && (name !== 'vendor' || this.#holdsDependencies(prefix)))) return true;
      if (this.#excluded(prefix) || this.#isLink(prefix)) return true;
      if (folder && this.#repo !== undefined && !this.#repo.submodules.has(prefix) && existsSync(toOsPath(nodePath.join(this.root, prefix, '.git')))) return true;
    }
    return false;
  }

  #isFile(path: string): boolean {
    try {
      return lstatSync(toOsPath(this.absolute(path))).isFile();
    } catch {
      return false;
    }
  }

  #isLink(path: string): boolean {
    try {
      return lstatSync(toOsPath(this.absolute(path))).isSymbolicLink();
    } catch {
      return false;
    }
  }

  /**
   * `path` against git's ignore rules, its parents not included: the `.gitignore` files of the
   * folders above it, nearest first, then those above the root and `info/exclude`. The nearest
   * file that says anything decides, its last matching line first (a `!` line re-includes).
   */
  #gitignored(path: string, isDir: boolean): boolean {
    const slash = path.lastIndexOf('/');
    for (const { strip, prepend, file } of this.#rulesAbove(slash <= 0 ? '' : path.slice(0, slash), isDir)) {
      const verdict = file.match(prepend + path.slice(strip), isDir);
      if (verdict !== undefined) return verdict === 'ignored';
    }
    return false;
  }

  /** The ignore files that apply in `dir`, nearest first; for files, only those that can match a file. */
  #rulesAbove(dir: string, forFolders: boolean): readonly Applied[] {
    const memo = forFolders ? this.#folderRules : this.#fileRules;
    let found = memo.get(dir);
    if (found === undefined) {
      const above =
        dir === ''
          ? (this.#repo?.outer ?? []).filter((o) => forFolders || !o.file.directoriesOnly).map((o) => ({ strip: 0, prepend: o.prefix, file: o.file }))
          : this.#rulesAbove(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '', forFolders);
      const own = this.#gitignore(dir);
      found = own && !own.file.empty && (forFolders || !own.file.directoriesOnly) ? [{ strip: dir === '' ? 0 : dir.length + 1, prepend: '', file: own.file }, ...above] : above;
      memo.set(dir, found);
    }
    return found;
  }

  #gitignore(dir: string): ReadIgnore | null {
    let found = this.#gitignores.get(dir);
    if (found === undefined) {
      found = null;
      const rel = dir === '' ? '.gitignore' : `${dir}/.gitignore`;
      const read = readSmallFile(this.root, toOsPath(nodePath.join(this.root, dir, '.gitignore')));
      if (read && 'text' in read) found = { file: new IgnoreFile(read.text), text: read.text };
      else if (read) this.problems.add(`${rel} was not read: ${read.refused}`);
      this.#gitignores.set(dir, found);
    }
    return found;
  }

  async read(path: string): Promise<string | SkippedFile> {
    // As in the walk, a link is never followed: a watched-file event may name one, or a file under a linked folder.
    if (!this.#realInside(path)) return { path, reason: lstatSync(toOsPath(this.absolute(path)), { throwIfNoEntry: false }) ? 'unreadable' : 'vanished' };
    const text = readText(toOsPath(this.absolute(path)), readLimitFor(path, this.config.maxFileSize));
    return typeof text === 'string' ? text : { path, reason: text.skip };
  }

  async exists(path: string): Promise<boolean> {
    return existsSync(toOsPath(this.absolute(path)));
  }

  /** True when no part of `path` is a link: its real path is the real root joined with it. */
  #realInside(path: string): boolean {
    try {
      this.#realRoot ??= realpathSync(this.root);
      const real = realpathSync(toOsPath(this.absolute(path)), { encoding: 'buffer' });
      return real.equals(osBytes(nodePath.join(this.#realRoot, ...path.split('/'))));
    } catch {
      return false;
    }
  }

  absolute(path: string): string {
    return nodePath.join(this.root, ...path.split('/'));
  }
}

/** True when `path` is one of `folders` or lies below one. */
function isUnder(path: string, folders: ReadonlySet<string>): boolean {
  for (let at = path; ; at = at.slice(0, at.lastIndexOf('/'))) {
    if (folders.has(at)) return true;
    if (!at.includes('/')) return false;
  }
}

/** What tells a rewrite apart when size and modification time were kept: status-change time and inode. */
export function changeStamp(st: { readonly ctimeMs: number; readonly ino: number }): string {
  return `${st.ctimeMs}/${st.ino}`;
}
