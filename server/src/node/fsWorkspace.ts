import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { BUILTIN_EXCLUDES, type SpecChainConfig } from '../service/config';
import type { SkippedFile } from '../service/types';
import type { Workspace, WorkspaceEntry } from '../service/workspace';
import { readText } from './readText';

/** The real file system under `root`, with the built-in excludes, settings and `.gitignore` applied. */
export class FsWorkspace implements Workspace {
  constructor(
    readonly root: string,
    readonly config: SpecChainConfig,
  ) {}

  async list(): Promise<readonly WorkspaceEntry[]> {
    const paths = await fg('**', {
      cwd: this.root,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      ignore: [...BUILTIN_EXCLUDES.map((d) => `**/${d}/**`), ...this.config.exclude],
    });
    const gitignores = loadGitignores(this.root, paths);
    const kept = gitignores.size === 0 ? paths : paths.filter((p) => !isGitignored(gitignores, p));
    return kept.sort().map((path) => ({ path }));
  }

  async read(path: string): Promise<string | SkippedFile> {
    const text = readText(this.absolute(path), this.config.maxFileSize);
    return typeof text === 'string' ? text : { path, reason: text.skip };
  }

  async exists(path: string): Promise<boolean> {
    return existsSync(this.absolute(path));
  }

  absolute(path: string): string {
    return nodePath.join(this.root, ...path.split('/'));
  }
}

/** `.gitignore` files found in the listing, by the folder they govern. */
function loadGitignores(root: string, paths: readonly string[]): Map<string, Ignore> {
  const out = new Map<string, Ignore>();
  for (const p of paths) {
    if (p !== '.gitignore' && !p.endsWith('/.gitignore')) continue;
    try {
      const dir = p === '.gitignore' ? '' : p.slice(0, -'/.gitignore'.length);
      out.set(dir, ignore().add(readFileSync(nodePath.join(root, p), 'utf8')));
    } catch {
      // A .gitignore that vanished or cannot be read governs nothing.
    }
  }
  return out;
}

function isGitignored(gitignores: ReadonlyMap<string, Ignore>, path: string): boolean {
  for (const [dir, ig] of gitignores) {
    if (dir === '') {
      if (ig.ignores(path)) return true;
    } else if (path.startsWith(dir + '/') && ig.ignores(path.slice(dir.length + 1))) return true;
  }
  return false;
}
