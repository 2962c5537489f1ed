import * as vscode from 'vscode';
import type { CommandArguments } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

/**
 * The server's code lenses run `specchain.showReferences` with LSP shapes (a URI string, a
 * position, locations), which VS Code's `editor.action.showReferences` refuses ("argument does
 * not match one of these constraints"): here, the one place they become VS Code's `Uri`,
 * `Position` and `Location`s, through the language client's own converter. Resolves to the
 * locations shown.
 */
export function showReferences(ctx: Ctx) {
  return async (...[uri, position, locations]: CommandArguments<'specchain.showReferences'>): Promise<vscode.Location[]> => {
    const { protocol2CodeConverter: p2c } = await ctx.start();
    const shown = locations.map((l) => p2c.asLocation(l));
    // An empty peek shows nothing at all: say so where the eye goes after a click.
    if (shown.length === 0) vscode.window.setStatusBarMessage('SpecChain: nothing references this yet (no code, test or AC)', 5000);
    else await vscode.commands.executeCommand('editor.action.showReferences', p2c.asUri(uri), p2c.asPosition(position), shown);
    return shown;
  };
}
