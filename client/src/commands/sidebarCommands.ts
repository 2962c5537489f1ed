import * as vscode from 'vscode';
import type { CommandArguments } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { CHAIN_FILTERS, type ChainFilter } from '../sidebar/messages';
import { openInWorkspace } from '../sidebar/pages';

function openRow(ctx: Ctx, toSide: boolean) {
  return async (...[row]: CommandArguments<'specchain.sidebar.open'>): Promise<vscode.Uri | undefined> => {
    if (row.uri === undefined) return undefined;
    const uri = ctx.asUri(row.uri);
    const position = { line: row.line ?? 0, character: row.character ?? 0 };
    await openInWorkspace(uri, { start: position, end: position }, toSide);
    return uri;
  };
}

/** "Open": the row's SPEC, tag or broken link in the active editor group. */
export const openHere = (ctx: Ctx) => openRow(ctx, false);

/** "Open to the Side": the row's SPEC, tag or broken link in the editor group beside the active one. */
export const openToSide = (ctx: Ctx) => openRow(ctx, true);

/** "Copy ID": the SPEC's ID, or what a broken link names. */
export function copyId() {
  return async (...[row]: CommandArguments<'specchain.sidebar.copyId'>): Promise<string> => {
    const id = row.id ?? row.specId!;
    await vscode.env.clipboard.writeText(id);
    return id;
  };
}

/** "Quick Fix…": opens a broken link's line and shows the fixes the server offers there. */
export function quickFix(ctx: Ctx) {
  return async (...[row]: CommandArguments<'specchain.sidebar.quickFix'>): Promise<void> => {
    if (row.uri === undefined) return;
    await openHere(ctx)(row);
    await vscode.commands.executeCommand('editor.action.quickFix');
  };
}

/** "Copy Tag": the tag of a tag row (`@API:USER-001`), or the SPEC's own tag (`@SPEC:USER-001`). */
export function copyTag() {
  return async (...[row]: CommandArguments<'specchain.sidebar.copyTag'>): Promise<string> => {
    const tag = row.tag ?? (row.specId !== undefined ? `@SPEC:${row.specId}` : undefined);
    if (tag === undefined) throw new Error('this row has no tag');
    await vscode.env.clipboard.writeText(tag);
    return tag;
  };
}

/** "Reveal in Explorer": the row's file in the Explorer. */
export function revealInExplorer(ctx: Ctx) {
  return async (...[row]: CommandArguments<'specchain.sidebar.revealInExplorer'>): Promise<void> => {
    if (row.uri === undefined) return;
    await vscode.commands.executeCommand('revealInExplorer', ctx.asUri(row.uri));
  };
}

/** "Filter…": status and chain-state filters of the SPECs view; with arguments, sets them directly. */
export function filterSpecs(ctx: Ctx) {
  return async (statuses?: unknown, chains?: unknown): Promise<void> => {
    if (Array.isArray(statuses) || Array.isArray(chains)) {
      const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      ctx.sidebar.setFilter(list(statuses), list(chains).filter((c): c is ChainFilter => (CHAIN_FILTERS as readonly string[]).includes(c)));
      return;
    }
    await ctx.sidebar.pickFilter();
  };
}
