import * as vscode from 'vscode';
import { isCommandId, parseCommandArguments, type CommandArguments, type CommandId } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { createMissingTest } from './createMissingTest';
import { createSpec } from './createSpec';
import { generatePlan } from './generatePlan';
import { openSpec } from './openSpec';
import { refreshIndex } from './refreshIndex';
import { revealSpec } from './revealSpec';
import { showReferences } from './showReferences';
import { copyId, copyTag, filterSpecs, openHere, openToSide, quickFix, revealInExplorer } from './sidebarCommands';
import { showGraph } from '../graph/graphPanel';

/** Makes a command's implementation from the context: one of `COMMAND_ARGUMENTS` takes the arguments its schema gives. */
export type CommandFactory<K extends string = string> = (ctx: Ctx) => K extends CommandId ? (...args: CommandArguments<K>) => unknown : (...args: never[]) => unknown;

/**
 * Every command of `contributes.commands`, by id, and the internal `specchain.showReferences`
 * of the server's code lenses. The type holds every command of `COMMAND_ARGUMENTS` to an
 * implementation taking exactly its arguments.
 */
export const COMMAND_FACTORIES = {
  'specchain.showReferences': showReferences,
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
} satisfies { readonly [K in CommandId]: CommandFactory<K> } & Readonly<Record<string, CommandFactory>>;

/**
 * Registers every command at activation, before the server is up: each one reaches the server
 * through the context (which starts it on demand); the arguments of a command of
 * `COMMAND_ARGUMENTS` are checked against its schema first; failures become one error message
 * rather than an unhandled rejection.
 */
export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMAND_FACTORIES)) {
    const run = factory(ctx) as (...args: unknown[]) => unknown;
    ctx.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          if (isCommandId(id)) {
            const checked = parseCommandArguments(id, args);
            if ('error' in checked) throw new Error(checked.error);
            return await run(...checked.ok);
          }
          return await run(...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.commandFailed(id, message);
          void vscode.window.showErrorMessage(`SpecChain: ${message}`, 'Show output').then((choice) => {
            if (choice) ctx.outputChannel.show();
          });
          return undefined;
        }
      }),
    );
  }
}
