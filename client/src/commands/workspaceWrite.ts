import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { OutsideWorkspaceError, readWorkspaceFile, writeWorkspaceFile } from '../../../server/src/node/workspaceFiles';

/**
 * Where a file the extension writes stands in its workspace folder: the folder's path and the
 * relative path with `/`. Undefined (after telling the user) when it is outside every folder
 * or not on the local disk: SpecChain writes only into the open workspace.
 */
export function workspacePlace(target: vscode.Uri): { readonly root: string; readonly rel: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  const rel = folder ? nodePath.relative(folder.uri.fsPath, target.fsPath).split(nodePath.sep).join('/') : '';
  if (!folder || target.scheme !== 'file' || rel === '' || rel.startsWith('../') || rel === '..' || nodePath.isAbsolute(rel)) {
    void vscode.window.showErrorMessage(`SpecChain writes only inside the open workspace folder, not to ${target.toString(true)}.`);
    return undefined;
  }
  return { root: folder.uri.fsPath, rel };
}

/** The text of the file, undefined when there is none; a link leading out is an error shown to the user. */
export async function readPlaced(place: { root: string; rel: string }): Promise<string | undefined | OutsideWorkspaceError> {
  try {
    return await readWorkspaceFile(place.root, place.rel);
  } catch (e) {
    if (e instanceof OutsideWorkspaceError) return e;
    throw e;
  }
}

/** Writes the file with the CLI's rules (no link followed out of the workspace); false after telling the user why not. */
export async function writePlaced(place: { root: string; rel: string }, text: string): Promise<boolean> {
  try {
    await writeWorkspaceFile(place.root, place.rel, text);
    return true;
  } catch (e) {
    if (!(e instanceof OutsideWorkspaceError)) throw e;
    refuse(place.rel, e);
    return false;
  }
}

export function refuse(rel: string, e: OutsideWorkspaceError): void {
  void vscode.window.showErrorMessage(`SpecChain did not write ${rel}: ${e.message}. It writes only inside the workspace.`);
}
