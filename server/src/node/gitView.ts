// Git's view of a workspace: the repository holding it, the ignore files that apply from above
// it, and the tracked files that ignore rules match (git reads those; so does SpecChain).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { writeCacheFile } from './cacheFiles';
import { IgnoreFile } from './gitignore';
import { fromOsPath } from './osPath';
import { readSmallFile } from './readText';

/** Ignore rules of a folder above the workspace root, or of `info/exclude`, with the root's path from that folder. */
export interface OuterIgnore {
  /** The root's path relative to the file's folder, with a trailing `/` (empty at the folder itself). */
  readonly prefix: string;
  readonly file: IgnoreFile;
  /** The file's text, for fingerprints. */
  readonly text: string;
}

/** The repository a workspace lies in, as far as listing it needs. */
export interface GitRepository {
  /** The working tree's top folder. */
  readonly top: string;
  /** The root's path inside it (`''` at the top, else with a trailing `/`). */
  readonly rootPrefix: string;
  /** The index file: its stamp tells when the tracked files may have changed. */
  readonly index: string;
  /** Ignore rules that apply to the whole workspace from outside it, most specific first. */
  readonly outer: readonly OuterIgnore[];
  /** Submodule folders, relative to the root: their files are part of the checkout, listed as before. */
  readonly submodules: ReadonlySet<string>;
}

/** The longest time git may take to list the tracked files that are ignored. */
const GIT_TIMEOUT_MS = 10_000;
/** The most output read from it (about 100,000 paths): more is not a tree SpecChain should walk this way. */
const GIT_MAX_OUTPUT = 8 * 1024 * 1024;

/**
 * The repository holding `root`, found by looking for `.git` (a folder, or a file naming the git
 * folder of a worktree or submodule) in `root` and the folders above it; undefined outside one.
 */
export function findRepository(root: string): GitRepository | undefined {
  let top = root;
  let gitDir: string | undefined;
  for (;;) {
    gitDir = gitFolder(top);
    if (gitDir !== undefined) break;
    const parent = nodePath.dirname(top);
    if (parent === top) return undefined;
    top = parent;
  }
  const rel = nodePath.relative(top, root).split(nodePath.sep).join('/');
  const rootPrefix = rel === '' ? '' : `${rel}/`;
  const outer: OuterIgnore[] = [];
  // The .gitignore files of the folders between the top and the root, nearest first, then info/exclude.
  const parts = rel === '' ? [] : rel.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const dir = nodePath.join(top, ...parts.slice(0, i));
    const read = readSmallFile(top, nodePath.join(dir, '.gitignore'));
    if (read && 'text' in read) outer.push({ prefix: `${parts.slice(i).join('/')}/`, file: new IgnoreFile(read.text), text: read.text });
  }
  const common = commonDir(gitDir);
  const exclude = readSmallFile(gitDir, nodePath.join(common, 'info', 'exclude'));
  if (exclude && 'text' in exclude) outer.push({ prefix: rootPrefix, file: new IgnoreFile(exclude.text), text: exclude.text });
  return { top, rootPrefix, index: nodePath.join(gitDir, 'index'), outer, submodules: submodulesOf(top, rootPrefix) };
}

/** The git folder that `dir/.git` names, if it is one. */
function gitFolder(dir: string): string | undefined {
  const dotGit = nodePath.join(dir, '.git');
  const st = statSync(dotGit, { throwIfNoEntry: false });
  if (st === undefined) return undefined;
  if (st.isDirectory()) return dotGit;
  if (!st.isFile() || st.size > 4096) return undefined;
  try {
    const match = /^gitdir: (.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
    return match ? nodePath.resolve(dir, match[1]!) : undefined;
  } catch {
    return undefined;
  }
}

/** A worktree's git folder shares `info/` with the main one, named in its `commondir` file. */
function commonDir(gitDir: string): string {
  try {
    return nodePath.resolve(gitDir, readFileSync(nodePath.join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    return gitDir;
  }
}

function submodulesOf(top: string, rootPrefix: string): Set<string> {
  const found = new Set<string>();
  const read = readSmallFile(top, nodePath.join(top, '.gitmodules'));
  if (!read || !('text' in read)) return found;
  for (const m of read.text.matchAll(/^[ \t]*path[ \t]*=[ \t]*(.+?)[ \t]*$/gm)) {
    const path = m[1]!.replace(/^"(.*)"$/, '$1');
    if (path.startsWith(rootPrefix)) found.add(path.slice(rootPrefix.length));
  }
  return found;
}

/** A file's stamp: size, modification and status-change times, inode. */
export function fileStamp(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? `${st.size}/${st.mtimeMs}/${st.ctimeMs}/${st.ino}` : 'none';
}

/**
 * The tracked files under `root` that ignore rules match (`git ls-files -ci --exclude-standard`),
 * relative to `root`: one process, with a time limit and bounded output, run while the caller
 * walks the tree. No `paths` when git cannot say (not installed, too slow, an error); `problem`
 * then says why, except when git is simply absent.
 */
export function trackedIgnored(root: string): Promise<{ paths?: Set<string>; problem?: string }> {
  return new Promise((resolve) => {
    const failed = (why: string): void => resolve({ problem: `git could not list the tracked files that .gitignore matches (${why}), so .gitignore hides them too` });
    let child;
    try {
      // Settings of the repository cannot make this command run anything: no fsmonitor hook.
      child = spawn('git', ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached', '--ignored', '--exclude-standard'], {
        cwd: root,
        timeout: GIT_TIMEOUT_MS,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      });
    } catch (e) {
      return failed((e as NodeJS.ErrnoException).code ?? String(e));
    }
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    let overflow = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GIT_MAX_OUTPUT) {
        overflow = true;
        child.kill();
      } else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 1000) err += chunk.toString('utf8');
    });
    let errored = false;
    child.on('error', (e: NodeJS.ErrnoException) => {
      errored = true;
      if (e.code === 'ENOENT') resolve({});
      else failed(e.code ?? e.message);
    });
    child.on('close', (status, signal) => {
      if (errored) return;
      if (overflow) return failed(`its answer exceeded ${GIT_MAX_OUTPUT / 1024 / 1024} MB`);
      if (signal === 'SIGTERM' && status === null) return failed(`it took longer than ${GIT_TIMEOUT_MS / 1000} s`);
      if (status !== 0) return failed(err.trim().split('\n')[0]!.slice(0, 200) || `exit ${status ?? signal}`);
      const bytes = Buffer.concat(out);
      const paths = new Set<string>();
      for (let start = 0, end = bytes.indexOf(0); end !== -1; start = end + 1, end = bytes.indexOf(0, start)) if (end > start) paths.add(fromOsPath(bytes.subarray(start, end)));
      resolve({ paths });
    });
  });
}

/**
 * The answer of `trackedIgnored`, kept between runs in a cache file: valid while the index file
 * and every ignore file read are those it was computed with. Saves the warm check a process.
 */
export class TrackedIgnoredCache {
  constructor(readonly file: string) {}

  /** The kept answer, when it was computed with this index stamp. */
  lookup(indexStamp: string): { paths: Set<string>; ignoreFingerprint: string } | undefined {
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { index?: unknown; ignore?: unknown; paths?: unknown };
      if (data.index !== indexStamp || typeof data.ignore !== 'string' || !Array.isArray(data.paths) || !data.paths.every((p) => typeof p === 'string')) return undefined;
      return { paths: new Set(data.paths as string[]), ignoreFingerprint: data.ignore };
    } catch {
      return undefined;
    }
  }

  save(indexStamp: string, ignoreFingerprint: string, paths: ReadonlySet<string>): void {
    writeCacheFile(this.file, JSON.stringify({ index: indexStamp, ignore: ignoreFingerprint, paths: [...paths] }));
  }
}

/** A fingerprint of ignore files' folders and texts. */
export function ignoreFingerprint(files: Iterable<readonly [string, string]>): string {
  const hash = createHash('sha1');
  for (const [where, text] of files) hash.update(`${where}\0${text}\0`);
  return hash.digest('hex');
}
