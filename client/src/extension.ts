import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';

/** What `activate` returns: handles for tests and for other extensions. */
export interface SpecChainApi {
  /** Resolves when the language server answers requests; rejects if it fails to start. */
  readonly ready: Promise<void>;
  /** Sends a request of `server/src/protocol.ts` to the server. */
  sendRequest<R>(method: string, params: object): Promise<R>;
  /** The status bar item's current text. */
  readonly statusText: () => string;
  /** How long `activate` took, in milliseconds (the budget is 300). */
  readonly activationMillis: number;
}

let ctx: Ctx | undefined;

/** Activates quickly: the server starts in the background, commands exist at once. */
export function activate(context: vscode.ExtensionContext): SpecChainApi {
  const started = performance.now();
  const current = new Ctx(context);
  ctx = current;
  context.subscriptions.push(current);
  registerCommands(current);
  // Granting trust lets the folder's own read settings apply: the server starts again with them.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void current.restart().catch(() => undefined)));
  const ready = current.start().then(() => undefined);
  ready.catch(() => undefined);
  const activationMillis = performance.now() - started;
  current.outputChannel.info(`activated in ${activationMillis.toFixed(1)} ms`);
  return {
    activationMillis,
    ready,
    sendRequest: <R>(method: string, params: object) => current.sendRequest<R>(method, params),
    statusText: () => current.statusBar.text,
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
