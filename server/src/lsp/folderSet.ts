import * as nodePath from 'node:path';
import type { FolderState } from './folder';

/**
 * The workspace folders of a session, as they are added and removed. A file belongs to the
 * innermost folder holding it: requests go there, and an outer folder leaves a nested one out
 * of its index.
 */
export class FolderSet {
  readonly #folders: FolderState[] = [];

  get all(): readonly FolderState[] {
    return this.#folders;
  }

  /** The folder with this root (an absolute path), if it is open. */
  find(root: string): FolderState | undefined {
    const resolved = nodePath.resolve(root);
    return this.#folders.find((f) => f.paths.root === resolved);
  }

  /** Adds a folder and tells every folder which others nest inside it. */
  add(folder: FolderState): void {
    this.#folders.push(folder);
    this.#nest();
  }

  /** Removes a folder (the caller closes it); folders that held it take its files back. */
  remove(folder: FolderState): void {
    const i = this.#folders.indexOf(folder);
    if (i < 0) return;
    this.#folders.splice(i, 1);
    this.#nest();
  }

  /** The folder holding `uri` (the innermost, for nested folders) and the path in it. */
  locate(uri: string): { folder: FolderState; path: string } | undefined {
    let best: { folder: FolderState; path: string } | undefined;
    for (const folder of this.#folders) {
      const path = folder.paths.toPath(uri);
      if (path !== undefined && (!best || folder.paths.root.length > best.folder.paths.root.length)) best = { folder, path };
    }
    return best;
  }

  #nest(): void {
    for (const outer of this.#folders) {
      const inner: string[] = [];
      for (const other of this.#folders) {
        const rel = nodePath.relative(outer.paths.root, other.paths.root);
        if (other !== outer && rel !== '' && !rel.startsWith('..') && !nodePath.isAbsolute(rel)) inner.push(rel.split(nodePath.sep).join('/'));
      }
      outer.setNested(inner);
    }
  }
}
