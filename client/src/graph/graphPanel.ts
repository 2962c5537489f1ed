import * as vscode from 'vscode';
import { SpecTreeRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { ToGraph } from '../sidebar/messages';
import { loadPage, openInWorkspace } from '../sidebar/pages';

/** The graph panel's view type: the same in `createWebviewPanel`, the serializer and the activation event. */
export const GRAPH_VIEW_TYPE = 'specchain.graph';

let current: vscode.WebviewPanel | undefined;

/**
 * "SpecChain: Show dependency graph": a webview panel drawing SPECs and their dependencies
 * with cytoscape in dagre's layers, nodes coloured by chain state; clicking a node opens its
 * SPEC beside the graph. It follows index changes while open.
 */
export function showGraph(ctx: Ctx) {
  return async (): Promise<vscode.WebviewPanel> => {
    if (current) {
      current.reveal();
      return current;
    }
    // Kept alive while hidden: a tab switch must not lay the graph out again or lose its focus and filter.
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'SPEC dependency graph', vscode.ViewColumn.Active, { retainContextWhenHidden: true });
    attach(ctx, panel);
    return panel;
  };
}

/**
 * Brings back the graph tab a window reload (or a restart) left open: VS Code keeps the tab and
 * hands its panel to this serializer, which loads the page into it again.
 */
export function registerGraphSerializer(ctx: Ctx): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel) => {
      // One graph at a time: a second restored tab (two windows' worth of state) closes.
      if (current) panel.dispose();
      else attach(ctx, panel);
    },
  });
}

/** Loads the graph page into `panel` and keeps it fed with the SPEC tree while it is open. */
function attach(ctx: Ctx, panel: vscode.WebviewPanel): void {
  current = panel;
  const send = async (): Promise<void> => {
    const tree = await ctx.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {});
    if (tree && current === panel) void panel.webview.postMessage({ type: 'tree', tree } satisfies ToGraph);
  };
  const subscriptions = [
    loadPage(panel.webview, ctx.extensionContext.extensionUri, 'graph', (message) => {
      if (message.type === 'ready') void send().catch((error: unknown) => ctx.outputChannel.warn(`graph: ${String(error)}`));
      else if (message.type === 'open') void openInWorkspace(ctx.asUri(message.uri), message.range, message.toSide);
    }),
    ctx.onDidChangeIndex(() => void send().catch(() => undefined)),
  ];
  panel.onDidDispose(() => {
    for (const s of subscriptions) s.dispose();
    if (current === panel) current = undefined;
  });
}
