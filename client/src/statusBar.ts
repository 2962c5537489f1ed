import * as vscode from 'vscode';
import type { IndexChangedNotification } from '../../server/src/protocol';
import type { Ctx, ServerState } from './ctx';
import { SidebarProvider } from './sidebar/sidebarProvider';

/** Text of the status bar item for an index summary. */
export function describeCounts(counts: IndexChangedNotification.Params): { text: string; tooltip: string } {
  const specs = `${counts.specs} SPEC${counts.specs === 1 ? '' : 's'}`;
  const broken = `${counts.brokenLinks} broken link${counts.brokenLinks === 1 ? '' : 's'}`;
  const icon = counts.brokenLinks > 0 ? '$(warning)' : '$(check)';
  return { text: `$(link) ${counts.specs} ${icon} ${counts.brokenLinks}`, tooltip: `SpecChain: ${specs}, ${broken}. Click to open the sidebar.` };
}

/** The status bar item: SPEC and broken-link counts, or the server's trouble. */
export class SpecStatusBar implements vscode.Disposable {
  readonly #item: vscode.StatusBarItem;
  readonly #subscriptions: vscode.Disposable[];
  #counts: IndexChangedNotification.Params | undefined;

  constructor(ctx: Ctx) {
    this.#item = vscode.window.createStatusBarItem('specchain.status', vscode.StatusBarAlignment.Left, 10);
    this.#item.name = 'SpecChain';
    this.#item.command = `${SidebarProvider.viewId}.focus`;
    this.#subscriptions = [
      ctx.onDidChangeState((state) => this.#showState(state)),
      ctx.onDidChangeIndex((counts) => {
        this.#counts = counts;
        this.#showState(ctx.state);
      }),
    ];
    this.#showState(ctx.state);
    this.#item.show();
  }

  /** The counts shown, for tests and the sidebar. */
  get counts(): IndexChangedNotification.Params | undefined {
    return this.#counts;
  }

  /** The item's current text. */
  get text(): string {
    return this.#item.text;
  }

  #showState(state: ServerState): void {
    this.#item.backgroundColor = undefined;
    switch (state.kind) {
      case 'running':
        if (this.#counts) {
          const { text, tooltip } = describeCounts(this.#counts);
          this.#item.text = text;
          this.#item.tooltip = tooltip;
        } else {
          this.#item.text = '$(sync~spin) SpecChain';
          this.#item.tooltip = 'SpecChain is indexing the workspace';
        }
        return;
      case 'starting':
        this.#item.text = '$(sync~spin) SpecChain';
        this.#item.tooltip = 'SpecChain language server is starting';
        return;
      case 'stopped':
        this.#item.text = '$(circle-slash) SpecChain';
        this.#item.tooltip = 'SpecChain language server is stopped; any SpecChain command starts it';
        return;
      case 'failed':
        this.#item.text = '$(error) SpecChain';
        this.#item.tooltip = `SpecChain language server failed: ${state.message}`;
        this.#item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        return;
    }
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
    this.#item.dispose();
  }
}
