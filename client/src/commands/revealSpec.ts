import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { specAtCursor } from './specAtCursor';

/** "Reveal SPEC in sidebar": shows the sidebar with the SPEC at the cursor (or `specId`) selected. */
export function revealSpec(ctx: Ctx) {
  return async (specId?: unknown): Promise<string | undefined> => {
    const id = typeof specId === 'string' && specId.length > 0 ? specId : await specAtCursor(ctx);
    if (!id) {
      await vscode.commands.executeCommand(`specchain.sidebar.focus`);
      void vscode.window.showInformationMessage('No SPEC at the cursor: put it on a @TAG marker or in a SPEC document.');
      return undefined;
    }
    await ctx.sidebar.reveal(id);
    return id;
  };
}
