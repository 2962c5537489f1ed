import * as vscode from 'vscode';
import { SpecAtRequest, SpecTreeRequest, type SpecNode } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

/** The SPEC the active editor's cursor belongs to (a marker, or the SPEC document), if any. */
export async function specAtCursor(ctx: Ctx): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') return undefined;
  const client = await ctx.start();
  const position = editor.selection.active;
  const params: SpecAtRequest.Params = {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: { line: position.line, character: position.character },
  };
  const result = await client.sendRequest<SpecAtRequest.Result>(SpecAtRequest.method, params);
  return result?.specId;
}

const COMPLETENESS: Readonly<Record<SpecNode['completeness'], string>> = {
  complete: 'chain complete',
  partial: 'chain partial',
  none: 'no code yet',
};

/**
 * Asks the user for a SPEC in a QuickPick, the SPEC under the cursor first. Resolves to the
 * chosen ID, or undefined when the user cancels or the workspace has no SPEC.
 */
export async function pickSpec(ctx: Ctx, placeHolder: string): Promise<string | undefined> {
  const [tree, current] = await Promise.all([
    ctx.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {}),
    specAtCursor(ctx).catch(() => undefined),
  ]);
  if (!tree) throw new Error('the server is busy re-indexing; try again in a moment');
  if (tree.specs.length === 0) {
    void vscode.window.showInformationMessage('SpecChain found no SPEC documents in this workspace.');
    return undefined;
  }
  const ordered = [...tree.specs].sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : a.id.localeCompare(b.id)));
  type Item = vscode.QuickPickItem & { readonly specId: string };
  const items: Item[] = ordered.map((spec) => ({
    specId: spec.id,
    label: spec.id,
    description: spec.id === current ? `${spec.title} · at cursor` : spec.title,
    detail: `${spec.status} · ${COMPLETENESS[spec.completeness]}${spec.framework ? ` · ${spec.framework}` : ''} · ${spec.path}`,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.specId;
}
