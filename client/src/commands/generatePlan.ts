import * as vscode from 'vscode';
import { PlanRequest, type CommandArguments, type PlanChoices } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { OutsideWorkspaceError } from '../../../server/src/node/workspaceFiles';
import { pickSpec } from './specAtCursor';
import { readPlaced, refuse, workspacePlace, writePlaced } from './workspaceWrite';

/** What the command did, for programmatic callers. */
export interface GeneratePlanResult {
  readonly uri: vscode.Uri;
  readonly written: boolean;
}

/**
 * "Generate backend plan": picks a SPEC (or takes `specId`), asks the server for its plan and
 * writes it where the plan belongs, asking first when a different plan is already there.
 */
export function generatePlan(ctx: Ctx) {
  // `options`: `overwrite` a differing plan without asking; `open` the written plan (default true).
  return async (...[spec, options = {}]: CommandArguments<'specchain.generatePlan'>): Promise<GeneratePlanResult | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('SpecChain writes backend plans only in trusted workspaces.');
      return undefined;
    }
    // A SPEC ID, a row of the SPECs view (its context menu, with the row's file), or nothing: then ask.
    const row = typeof spec === 'string' ? undefined : spec;
    const id = (typeof spec === 'string' ? spec : spec?.specId) ?? (await pickSpec(ctx, 'SPEC to plan the backend for'));
    if (!id) return undefined;
    const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `SpecChain: planning ${id}` }, () => requestPlan(ctx, id, row?.uri));
    if (!plan) return undefined;
    const target = ctx.asUri(plan.targetUri);
    const place = workspacePlace(target);
    if (!place) return undefined;
    const existing = await readPlaced(place);
    if (existing instanceof OutsideWorkspaceError) {
      refuse(place.rel, existing);
      return undefined;
    }
    let written = false;
    if (existing !== plan.markdown) {
      if (existing !== undefined && options.overwrite !== true) {
        const overwrite = 'Overwrite';
        const answer = await vscode.window.showWarningMessage(
          `${vscode.workspace.asRelativePath(target)} already exists and differs from the new plan. Overwrite it?`,
          { modal: true },
          overwrite,
        );
        if (answer !== overwrite) return { uri: target, written: false };
      }
      if (!(await writePlaced(place, plan.markdown))) return { uri: target, written: false };
      written = true;
    }
    // The plan is read, not edited: it opens rendered; its source carries a Regenerate lens.
    if (options.open !== false) await vscode.commands.executeCommand('markdown.showPreview', target);
    return { uri: target, written };
  };
}

/**
 * The server's plan of a SPEC, planned in the folder of `uri` when given. When several
 * workspace folders hold the ID, the server answers with their SPEC documents: the user picks one.
 */
async function requestPlan(ctx: Ctx, specId: string, uri: string | undefined): Promise<PlanRequest.Result | undefined> {
  try {
    return await ctx.sendRequest<PlanRequest.Result>(PlanRequest.method, { specId, ...(uri !== undefined ? { uri } : {}) } satisfies PlanRequest.Params);
  } catch (error) {
    const choices = (error as { data?: Partial<PlanChoices> } | undefined)?.data?.choices;
    if (uri !== undefined || !Array.isArray(choices) || choices.length === 0) throw error;
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: vscode.workspace.asRelativePath(ctx.asUri(c.uri), true), uri: c.uri })),
      { placeHolder: `${specId} is in ${choices.length} workspace folders: plan which one?` },
    );
    return picked ? requestPlan(ctx, specId, picked.uri) : undefined;
  }
}
