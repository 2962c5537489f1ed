import * as vscode from 'vscode';
import { SpecTreeRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { ToGraph } from '../sidebar/messages';
import { loadPage, openInWorkspace } from '../sidebar/pages';

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
    const panel = vscode.window.createWebviewPanel('specchain.graph', 'SPEC dependency graph', vscode.ViewColumn.Active, { retainContextWhenHidden: true });
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
    return panel;
  };
}
