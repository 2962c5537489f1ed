import * as vscode from 'vscode';
import { SpecTreeRequest, type CommandArguments } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { openInWorkspace } from '../sidebar/pages';
import { pickSpec } from './specAtCursor';

/** "Open SPEC": opens a SPEC document at its title; the SPEC by ID (hover links) or row, else picked. */
export function openSpec(ctx: Ctx) {
  return async (...[target]: CommandArguments<'specchain.openSpec'>): Promise<vscode.Uri | undefined> => {
    const id = (typeof target === 'string' ? target : target?.specId) ?? (await pickSpec(ctx, 'SPEC to open'));
    if (!id) return undefined;
    const tree = await ctx.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {});
    const spec = tree?.specs.find((s) => s.id === id);
    if (!spec) throw new Error(`no SPEC ${id} in this workspace`);
    const uri = ctx.asUri(spec.uri);
    await openInWorkspace(uri, spec.range);
    return uri;
  };
}
