import * as vscode from 'vscode';
import type { CommandArguments } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { specAtCursor } from './specAtCursor';

/**
 * "Reveal SPEC in sidebar": shows the SPECs view with the SPEC at the cursor (or `specId`)
 * selected, and the tag on the cursor's line when the cursor is on one.
 */
export function revealSpec(ctx: Ctx) {
  return async (...[specId]: CommandArguments<'specchain.revealSpec'>): Promise<string | undefined> => {
    if (specId !== undefined) {
      await ctx.sidebar.reveal({ specId, focus: true });
      return specId;
    }
    const id = await specAtCursor(ctx);
    if (!id) {
      await vscode.commands.executeCommand(`specchain.sidebar.focus`);
      void vscode.window.showInformationMessage('No SPEC at the cursor: put it on a @TAG marker or in a SPEC document.');
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const uri = editor && ctx.client?.code2ProtocolConverter.asUri(editor.document.uri);
    await ctx.sidebar.reveal({ specId: id, focus: true, ...(editor && uri !== undefined ? { uri, line: editor.selection.active.line } : {}) });
    return id;
  };
}
