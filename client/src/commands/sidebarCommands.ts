import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { CHAIN_FILTERS, type ChainFilter } from '../sidebar/messages';
import { openInWorkspace } from '../sidebar/pages';

/**
 * What VS Code passes to a `webview/context` command: the `data-vscode-context` of the row
 * right-clicked in the SPECs view (and of its parents), checked before use.
 */
export interface RowContext {
  /** The row's SPEC; a broken link naming no SPEC has none. */
  readonly specId?: string;
  /** What a broken link names (a SPEC, REQ or AC ID, or a path): what Copy ID copies there. */
  readonly id?: string;
  readonly tag?: string;
  readonly uri?: string;
  readonly line?: number;
  readonly character?: number;
}

/** Reads a row context from a command argument: a `data-vscode-context` object, or a SPEC ID. */
export function rowContext(arg: unknown): RowContext | undefined {
  if (typeof arg === 'string' && arg.length > 0) return { specId: arg };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (!text(o.specId) && !text(o.id)) return undefined;
  return {
    ...(text(o.specId) ? { specId: o.specId } : {}),
    ...(text(o.id) ? { id: o.id } : {}),
    ...(typeof o.tag === 'string' ? { tag: o.tag } : {}),
    ...(typeof o.uri === 'string' ? { uri: o.uri } : {}),
    ...(Number.isInteger(o.line) && (o.line as number) >= 0 ? { line: o.line as number } : {}),
    ...(Number.isInteger(o.character) && (o.character as number) >= 0 ? { character: o.character as number } : {}),
  };
}

function required(arg: unknown): RowContext {
  const context = rowContext(arg);
  if (!context) throw new Error('this command runs from a row of the SPECs view');
  return context;
}

function openRow(ctx: Ctx, toSide: boolean) {
  return async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const row = required(arg);
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
  return async (arg?: unknown): Promise<string> => {
    const row = required(arg);
    const id = row.id ?? row.specId!;
    await vscode.env.clipboard.writeText(id);
    return id;
  };
}

/** "Quick Fix…": opens a broken link's line and shows the fixes the server offers there. */
export function quickFix(ctx: Ctx) {
  return async (arg?: unknown): Promise<void> => {
    const row = required(arg);
    if (row.uri === undefined) return;
    await openHere(ctx)(row);
    await vscode.commands.executeCommand('editor.action.quickFix');
  };
}

/** "Copy Tag": the tag of a tag row (`@API:USER-001`), or the SPEC's own tag (`@SPEC:USER-001`). */
export function copyTag() {
  return async (arg?: unknown): Promise<string> => {
    const row = required(arg);
    const tag = row.tag ?? (row.specId !== undefined ? `@SPEC:${row.specId}` : undefined);
    if (tag === undefined) throw new Error('this row has no tag');
    await vscode.env.clipboard.writeText(tag);
    return tag;
  };
}

/** "Reveal in Explorer": the row's file in the Explorer. */
export function revealInExplorer(ctx: Ctx) {
  return async (arg?: unknown): Promise<void> => {
    const row = required(arg);
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
