import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecChainApi } from '../../../client/src/extension';
import { wakeOn } from './wait';

// What the suites share about the test workspace (a copy of examples/) and the extension in it.

/** A file or folder of the test workspace (its first folder), by path parts that may hold slashes. */
export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...parts.flatMap((p) => p.split('/')));
}

/** The SpecChain extension activated, once its first index is read; waits wake on its events. */
export async function activateSpecChain(): Promise<SpecChainApi> {
  const extension = vscode.extensions.getExtension<SpecChainApi>('specchain.specchain');
  assert.ok(extension, 'specchain.specchain is installed');
  const api = await extension.activate();
  wakeOn(api.onDidChangeIndex, api.onDidChangeIndexing, api.onDidChangeSpecsView);
  await api.ready;
  return api;
}

/** Writes files (slash-separated path → text) into the test workspace, as an editor or a tool would. */
export async function writeWorkspaceFiles(files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(workspaceFile(path), new TextEncoder().encode(text));
}
