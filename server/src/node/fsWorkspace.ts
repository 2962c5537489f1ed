import * as fsWalk from '@nodelib/fs.walk';
import ignore, { type Ignore } from 'ignore';
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { BUILTIN_EXCLUDES, type SpecChainConfig } from '../service/config';
import type { SkippedFile } from '../service/types';
import type { Workspace, WorkspaceEntry } from '../service/workspace';
import { readText } from './readText';

const BUILTIN = new Set(BUILTIN_EXCLUDES);

/**
 * The real file system under `root`. Listing walks the tree once with fast-glob's own walker
 * (`@nodelib/fs.walk`), pruning excluded and `.gitignore`d folders as it goes so that they are
 * never entered; symbolic links are not followed, so link loops cannot trap it.
 */
export class FsWorkspace implements Workspace {
  readonly #excluded: (path: string) => boolean;

  constructor(
    readonly root: string,
    readonly config: SpecChainConfig,
  ) {
    this.#excluded = config.exclude.length ? picomatch(config.exclude as string[], { dot: true }) : () => false;
  }

  async list(): Promise<readonly WorkspaceEntry[]> {
    const gitignores = new Map<string, Gitignore>();
    this.#loadGitignore(gitignores, '');
    /** Each `.gitignore` governs the paths below its folder, relative to that folder. */
    const ignored = (path: string, isDir: boolean): boolean => {
      if (this.#excluded(path)) return true;
      for (const [dir, { rules, directoriesOnly }] of gitignores) {
        if ((directoriesOnly && !isDir) || (dir !== '' && !path.startsWith(dir + '/'))) continue;
        const rel = dir === '' ? path : path.slice(dir.length + 1);
        if (rules.ignores(isDir ? rel + '/' : rel)) return true;
      }
      return false;
    };
    const entries = await new Promise<fsWalk.Entry[]>((resolve) => {
      fsWalk.walk(
        this.root,
        {
          basePath: '',
          pathSegmentSeparator: '/',
          followSymbolicLinks: false,
          errorFilter: () => true,
          deepFilter: (entry) => {
            if (BUILTIN.has(entry.name) || ignored(entry.path, true)) return false;
            this.#loadGitignore(gitignores, entry.path);
            return true;
          },
          entryFilter: (entry) => entry.dirent.isFile() && !ignored(entry.path, false),
        },
        (_error, found) => resolve(found ?? []),
      );
    });
    return entries.map((e) => e.path).sort().map((path) => ({ path }));
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

  #loadGitignore(into: Map<string, Gitignore>, dir: string): void {
    const file = nodePath.join(this.root, dir, '.gitignore');
    if (!existsSync(file)) return;
    try {
      const text = readFileSync(file, 'utf8');
      into.set(dir, { rules: ignore().add(text), directoriesOnly: onlyDirectoryPatterns(text) });
    } catch {
      // It vanished or cannot be read: it governs nothing.
    }
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
