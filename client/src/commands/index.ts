import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { createMissingTest } from './createMissingTest';
import { createSpec } from './createSpec';
import { generatePlan } from './generatePlan';
import { openSpec } from './openSpec';
import { refreshIndex } from './refreshIndex';
import { revealSpec } from './revealSpec';
import { copyId, copyTag, filterSpecs, openHere, openToSide, quickFix, revealInExplorer } from './sidebarCommands';
import { showGraph } from '../graph/graphPanel';

/** Makes a command's implementation from the context; the result runs with any arguments. */
export type CommandFactory = (ctx: Ctx) => (...args: never[]) => unknown;

/** Every command of `contributes.commands`, by id. */
export const COMMAND_FACTORIES: Readonly<Record<string, CommandFactory>> = {
  'specchain.generatePlan': generatePlan,
  'specchain.refreshIndex': refreshIndex,
  'specchain.revealSpec': revealSpec,
  'specchain.createSpec': createSpec,
  'specchain.restartServer': (ctx) => async () => {
    await ctx.restart();
  },
  'specchain.showOutput': (ctx) => () => ctx.outputChannel.show(),
  'specchain.sidebar.open': openHere,
  'specchain.sidebar.openToSide': openToSide,
  'specchain.sidebar.copyId': copyId,
  'specchain.sidebar.copyTag': copyTag,
  'specchain.sidebar.revealInExplorer': revealInExplorer,
  'specchain.sidebar.quickFix': quickFix,
  'specchain.sidebar.filter': filterSpecs,
  'specchain.sidebar.collapseAll': (ctx) => () => ctx.sidebar.collapseAll(),
  'specchain.showGraph': showGraph,
  'specchain.openSpec': openSpec,
  'specchain.createMissingTest': createMissingTest,
};

/**
 * Registers every command at activation, before the server is up: each one reaches the server
 * through the context (which starts it on demand), and failures become one error message
 * rather than an unhandled rejection.
 */
export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMAND_FACTORIES)) {
    const run = factory(ctx) as (...args: unknown[]) => unknown;
    ctx.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.outputChannel.error(`${id} failed: ${message}`);
          void vscode.window.showErrorMessage(`SpecChain: ${message}`, 'Show output').then((choice) => {
            if (choice) ctx.outputChannel.show();
          });
          return undefined;
        }
      }),
    );
  }
}
