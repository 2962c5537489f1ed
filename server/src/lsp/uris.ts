import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isInside } from '../node/workspaceFiles';

/** The absolute file-system path of a `file:` URI, or undefined for other schemes. */
export function uriToFsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Turns URIs into workspace-relative `/` paths of one folder and back: the only place the
 * server converts between the two.
 */
export class FolderPaths {
  readonly root: string;
  readonly uri: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
    this.uri = pathToFileURL(this.root).href;
  }

  /** The workspace-relative path of `uri`, or undefined when it lies outside the folder. */
  toPath(uri: string): string | undefined {
    const fsPath = uriToFsPath(uri);
    if (fsPath === undefined) return undefined;
    const rel = nodePath.relative(this.root, fsPath);
    if (rel === '' || !isInside(this.root, fsPath)) return undefined;
    return rel.split(nodePath.sep).join('/');
  }

  /** The `file:` URI of a workspace-relative path. */
  toUri(path: string): string {
    return pathToFileURL(nodePath.join(this.root, ...path.split('/'))).href;
  }
}
