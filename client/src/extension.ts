import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { FollowEditor } from './followEditor';
import { registerGraphSerializer } from './graph/graphPanel';
import { PlanLensProvider } from './planLens';
import type { SpecsViewState } from './sidebar/sidebarProvider';

/** What `activate` returns: handles for tests and for other extensions. */
export interface SpecChainApi {
  /** Resolves when the language server answers requests; rejects if it fails to start. */
  readonly ready: Promise<void>;
  /** Sends a request of `server/src/protocol.ts` to the server. */
  sendRequest<R>(method: string, params: object): Promise<R>;
  /** The status bar item's current text. */
  readonly statusText: () => string;
  /** The status bar item's accessible label. */
  readonly statusLabel: () => string;
  /** What the SPECs view shows ("10 of 64", the filter, the row last revealed), as its page reported. */
  readonly specsView: () => SpecsViewState | undefined;
  /** The SPECs view's badge value (broken links), if it shows one. */
  readonly badge: () => number | undefined;
  /** Fires when indexing starts, learns its file count (`{ files }`), or ends (`undefined`). */
  readonly onDidChangeIndexing: vscode.Event<{ readonly files?: number } | undefined>;
  /** The last failures of SpecChain commands (`<id>: <message>`), newest last. */
  readonly commandErrors: () => readonly string[];
  /** Fires with the counts the status bar shows whenever the server reports a changed index. */
  readonly onDidChangeIndex: vscode.Event<{ readonly specs: number; readonly brokenLinks: number; readonly errors: number; readonly evidence?: Readonly<Record<string, number>> }>;
  /** Fires when the SPECs view reports what it shows (after a render, a filter or a reveal). */
  readonly onDidChangeSpecsView: vscode.Event<void>;
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
  current.push(new FollowEditor(current), vscode.languages.registerCodeLensProvider(PlanLensProvider.selector, new PlanLensProvider()), registerGraphSerializer(current));
  const ready = current.start().then(() => undefined);
  ready.catch(() => undefined);
  const activationMillis = performance.now() - started;
  current.outputChannel.info(`activated in ${activationMillis.toFixed(1)} ms`);
  return {
    activationMillis,
    ready,
    sendRequest: <R>(method: string, params: object) => current.sendRequest<R>(method, params),
    statusText: () => current.statusBar.text,
    statusLabel: () => current.statusBar.label,
    specsView: () => current.sidebar.shown,
    badge: () => current.sidebar.badge.badge?.value,
    onDidChangeIndexing: current.onDidChangeIndexing,
    commandErrors: () => [...current.commandErrors],
    onDidChangeIndex: current.onDidChangeIndex,
    onDidChangeSpecsView: current.sidebar.onDidChangeShown,
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
