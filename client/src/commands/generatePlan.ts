import * as vscode from 'vscode';
import { PlanRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { rowContext } from './sidebarCommands';
import { pickSpec } from './specAtCursor';

/** Options for programmatic callers (tests, the sidebar). */
export interface GeneratePlanOptions {
  /** Overwrite a differing existing plan without asking. */
  readonly overwrite?: boolean;
  /** Open the written plan in an editor (default true). */
  readonly open?: boolean;
}

/** What the command did, for programmatic callers. */
export interface GeneratePlanResult {
  readonly uri: vscode.Uri;
  readonly written: boolean;
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * "Generate backend plan": picks a SPEC (or takes `specId`), asks the server for its plan and
 * writes it where the plan belongs, asking first when a different plan is already there.
 */
export function generatePlan(ctx: Ctx) {
  return async (specId?: unknown, options: GeneratePlanOptions = {}): Promise<GeneratePlanResult | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('SpecChain writes backend plans only in trusted workspaces.');
      return undefined;
    }
    // A SPEC ID, a row of the SPECs view (its context menu), or nothing: then ask.
    const id = rowContext(specId)?.specId ?? (await pickSpec(ctx, 'SPEC to plan the backend for'));
    if (!id) return undefined;
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `SpecChain: planning ${id}` },
      () => ctx.sendRequest<PlanRequest.Result>(PlanRequest.method, { specId: id } satisfies PlanRequest.Params),
    );
    const target = ctx.asUri(plan.targetUri);
    const existing = await readIfExists(target);
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
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(plan.markdown));
      written = true;
    }
    // The plan is read, not edited: it opens rendered; its source carries a Regenerate lens.
    if (options.open !== false) await vscode.commands.executeCommand('markdown.showPreview', target);
    return { uri: target, written };
  };
}
