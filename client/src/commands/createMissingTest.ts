import * as vscode from 'vscode';
import type { CommandArguments } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

/**
 * "Create missing test" (a hover link on a SPEC whose code has no TEST marker): opens a new,
 * unsaved editor with the test's first lines, which the server wrote in the language of the
 * SPEC's code. Nothing is written to disk until the user saves it where the tests live.
 */
export function createMissingTest(_ctx: Ctx) {
  return async (...[language, content]: CommandArguments<'specchain.createMissingTest'>): Promise<vscode.TextDocument> => {
    const document = await vscode.workspace.openTextDocument({ language, content });
    await vscode.window.showTextDocument(document);
    return document;
  };
}
