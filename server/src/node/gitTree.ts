import { accessSync, constants, existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { NOT_A_REPOSITORY, isGitProblem, isObjectId, refProblem, runGit, streamGit, type GitProblem } from './git';
import { UsageError } from './folder';
import { fromOsPath } from './osPath';

/**
 * A pull request's base as git knows it: the merge base of a ref with HEAD, the files of that
 * commit under the checked folder, which of them differ in the working tree, and their bytes on
 * demand. Nothing is checked out and nothing is written: the listing comes from `git ls-tree`,
 * the changes from `git diff`, the bytes from one `git cat-file --batch`.
 */

/** A failure of `--since` the user can act on (exit 2), in one line or two. */
export class BaseProblem extends UsageError {}

/** The repository the folder is in: whether it is a shallow clone. */
export interface Repository {
  readonly shallow: boolean;
}

/** `git rev-parse` of the folder: a repository (shallow or not), or why not. */
export async function probeRepository(root: string): Promise<Repository | GitProblem> {
  if (outsideAnyRepository(root)) return NOT_A_REPOSITORY;
  const out = await runGit(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository'], { timeoutMs: 10_000, maxBytes: 4096 });
  if (isGitProblem(out)) return out;
  const [inside, shallow] = out.stdout.toString('utf8').trim().split('\n');
  if (inside !== 'true') return { problem: 'not-a-repository', message: 'the folder is not in a git work tree' };
  return { shallow: shallow === 'true' };
}

/**
 * True when git is sure to answer that no repository holds `root`: no `.git` (folder or file) and
 * no `HEAD` (a bare repository) in it or any folder above, and a `git` on the PATH (without one,
 * git's absence is the answer). Spares a check of a folder outside git the process (a fork of
 * a large heap: tens of milliseconds). Where in doubt (Windows' executable lookup), git decides.
 */
function outsideAnyRepository(root: string): boolean {
  if (process.platform === 'win32') return false;
  for (let dir = nodePath.resolve(root); ; dir = nodePath.dirname(dir)) {
    if (existsSync(nodePath.join(dir, '.git')) || existsSync(nodePath.join(dir, 'HEAD'))) return false;
    if (nodePath.dirname(dir) === dir) break;
  }
  return (process.env.PATH ?? '').split(nodePath.delimiter).some((dir) => {
    try {
      accessSync(nodePath.join(dir || '.', 'git'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The branch name a remote-tracking ref names (`origin/main` → `main`), for the fetch command we suggest. */
function branchOf(ref: string): string {
  return ref.replace(/^refs\/remotes\//, '').replace(/^[^/]+\//, '');
}

/**
 * The merge base of `ref` with HEAD: the commit a pull request from HEAD into `ref` starts from.
 * Throws `BaseProblem` with what to do when the ref is refused or unknown, or when the base is not
 * in the clone (a shallow CI checkout: `git fetch --deepen`, `--unshallow` or `fetch origin <ref>`).
 */
export async function mergeBase(root: string, ref: string): Promise<string> {
  const refused = refProblem(ref);
  if (refused) throw new BaseProblem(`--since: ${refused}`);
  const repo = await probeRepository(root);
  if (isGitProblem(repo)) throw new BaseProblem(`--since ${ref}: ${repo.message}; --since compares two commits of a git repository`);
  const shown = JSON.stringify(ref);
  const resolved = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { timeoutMs: 10_000, maxBytes: 4096 });
  const commit = isGitProblem(resolved) ? '' : resolved.stdout.toString('utf8').trim();
  if (!isObjectId(commit)) {
    if (isGitProblem(resolved) && resolved.problem !== 'failed') throw new BaseProblem(`--since ${shown}: ${resolved.message}`);
    throw new BaseProblem(
      `--since ${shown}: no such branch, tag or commit in this clone.` +
        ` Fetch it first: git fetch origin ${branchOf(ref)}${repo.shallow ? ` (this is a shallow clone: git fetch --deepen=100 origin ${branchOf(ref)}, or git fetch --unshallow)` : ''}`,
    );
  }
  const base = await runGit(root, ['merge-base', '--end-of-options', 'HEAD', commit], { timeoutMs: 20_000, maxBytes: 4096 });
  const baseCommit = isGitProblem(base) ? '' : base.stdout.toString('utf8').trim().split('\n')[0]!;
  if (isObjectId(baseCommit)) return baseCommit;
  if (isGitProblem(base) && base.problem !== 'failed') throw new BaseProblem(`--since ${shown}: ${base.message}`);
  if (repo.shallow) {
    throw new BaseProblem(
      `--since ${shown}: the merge base of HEAD and ${ref} is not in this shallow clone. Fetch more history:` +
        ` git fetch --deepen=100 origin ${branchOf(ref)} (repeat until it is found), or git fetch --unshallow` +
        ` (in GitHub Actions: actions/checkout with fetch-depth: 0)`,
    );
  }
  throw new BaseProblem(`--since ${shown}: HEAD and ${ref} share no commit, so there is no merge base to compare with`);
}

/** A file of the base commit: its blob and size. */
export interface TreeFile {
  readonly oid: string;
  readonly size: number;
}

/** The base commit's files under the folder and what the working tree changed. */
export interface BaseTree {
  readonly commit: string;
  /** Regular files (not links, not submodules) by path relative to the folder. */
  readonly files: ReadonlyMap<string, TreeFile>;
  /** Paths (relative to the folder) whose working-tree content differs from the base commit's, deleted ones included. */
  readonly changed: ReadonlySet<string>;
}

/** The largest listing read (`ls-tree`, `diff`): 256 MiB of paths is far past any real tree. */
const MAX_LISTING = 256 * 1024 * 1024;

/** Lists the base commit's files under `root` and the paths the working tree changed since. */
export async function readBaseTree(root: string, commit: string): Promise<BaseTree> {
  if (!isObjectId(commit)) throw new BaseProblem(`not a commit: ${commit}`);
  const [tree, diff] = await Promise.all([
    // Relative to the folder, like the workspace's paths: ls-tree lists the folder's subtree, diff with --relative too.
    runGit(root, ['ls-tree', '-r', '-z', '--long', '--end-of-options', commit], { maxBytes: MAX_LISTING, timeoutMs: 60_000 }),
    runGit(root, ['diff', '--name-only', '-z', '--no-renames', '--relative', '--ignore-submodules', '--no-ext-diff', '--no-textconv', '--end-of-options', commit, '--'], { maxBytes: MAX_LISTING, timeoutMs: 60_000 }),
  ]);
  if (isGitProblem(tree)) throw new BaseProblem(`git ls-tree ${commit.slice(0, 12)}: ${tree.message}`);
  if (isGitProblem(diff)) throw new BaseProblem(`git diff ${commit.slice(0, 12)}: ${diff.message}`);
  if (tree.cut || diff.cut) throw new BaseProblem(`the listing of ${commit.slice(0, 12)} is larger than ${MAX_LISTING / 1024 / 1024} MiB`);
  const files = new Map<string, TreeFile>();
  for (const record of splitNul(tree.stdout)) {
    // `<mode> SP <type> SP <oid> SP+ <size> TAB <path>`
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !isObjectId(oid ?? '')) continue;
    files.set(record.slice(tab + 1), { oid: oid!, size: Number(size) });
  }
  return { commit, files, changed: new Set(splitNul(diff.stdout)) };
}

/** NUL-separated records (`-z`); paths that are not UTF-8 keep their bytes escaped, as the working tree's listing does. */
function splitNul(bytes: Buffer): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, start)) {
    if (i > start) out.push(fromOsPath(bytes.subarray(start, i)));
    start = i + 1;
  }
  if (start < bytes.length) out.push(fromOsPath(bytes.subarray(start)));
  return out;
}

/**
 * The bytes of blobs, by object ID, from one `git cat-file --batch`. Blobs git does not have
 * are absent from the answer. The caller bounds what it asks for (sizes come from the listing).
 */
export async function readBlobs(root: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const wanted = [...new Set(oids.filter(isObjectId))];
  if (wanted.length === 0) return out;
  let header = '';
  /** The blob being received: its bytes are copied into a buffer of its size, never concatenated chunk by chunk. */
  let current: { oid: string; bytes: Buffer; filled: number } | undefined;
  /** The newline after a blob's bytes, still to skip. */
  let trailer = false;
  let failure: string | undefined;
  const take = (chunk: Buffer): void => {
    let at = 0;
    while (at < chunk.length && failure === undefined) {
      if (trailer) {
        trailer = false;
        at++;
      } else if (current) {
        const n = Math.min(current.bytes.length - current.filled, chunk.length - at);
        chunk.copy(current.bytes, current.filled, at, at + n);
        current.filled += n;
        at += n;
        if (current.filled === current.bytes.length) {
          out.set(current.oid, current.bytes);
          current = undefined;
          trailer = true;
        }
      } else {
        const nl = chunk.indexOf(10, at);
        header += chunk.toString('utf8', at, nl < 0 ? chunk.length : nl);
        if (header.length > 200) failure = 'a header line longer than any git prints';
        if (nl < 0) return;
        at = nl + 1;
        // `<oid> blob <size>`, or `<oid> missing`.
        const [oid, type, size] = header.split(' ');
        header = '';
        if (type === 'missing' || size === undefined) continue;
        const n = Number(size);
        if (!Number.isSafeInteger(n) || n < 0) failure = `a header it should not print (${oid} ${type} ${size})`;
        else if (n === 0) {
          out.set(oid!, Buffer.alloc(0));
          trailer = true;
        } else current = { oid: oid!, bytes: Buffer.allocUnsafe(n), filled: 0 };
      }
    }
  };
  const done = await streamGit(root, ['cat-file', '--batch'], take, { input: wanted.join('\n') + '\n', timeoutMs: 120_000, maxBytes: Number.MAX_SAFE_INTEGER });
  if (isGitProblem(done)) throw new BaseProblem(`git cat-file: ${done.message}`);
  if (failure !== undefined) throw new BaseProblem(`git cat-file printed ${failure}`);
  return out;
}
