import * as vscode from 'vscode';
import { RefreshRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

/** "Refresh index": the server re-reads the workspace from disk. */
export function refreshIndex(ctx: Ctx) {
  return async (): Promise<RefreshRequest.Result> => {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'SpecChain: re-reading the workspace' },
      () => ctx.sendRequest<RefreshRequest.Result>(RefreshRequest.method, {}),
    );
    vscode.window.setStatusBarMessage(`SpecChain: indexed ${result.files} files in ${Math.round(result.millis)} ms`, 4000);
    return result;
  };
}
