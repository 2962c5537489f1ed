import * as vscode from 'vscode';
import { PlanRequest } from '../../../server/src/protocol';
import type { Session } from '../session';
import type { FromWebview, ToGuidance } from './messages';
import { loadPage, openInWorkspace } from './pages';

/**
 * The Guidance view: the conventions found for the selected SPEC's service (each fact linked to
 * the lines it comes from), its framework's guidance and its rendered plan. A view of its own, so it never changes out of sight of the tree.
 */
export class GuidanceProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'specchain.guidance';

  readonly #ctx: Session;
  readonly #subscriptions: vscode.Disposable[] = [];
  #view: vscode.WebviewView | undefined;
  #viewSubscriptions: vscode.Disposable[] = [];
  #ready = false;
  #selected: { readonly specId: string; readonly title: string } | undefined;

  /** `selection` fires when the SPECs view selects a SPEC. */
  constructor(ctx: Session, selection: vscode.Event<{ readonly specId: string; readonly title: string }>) {
    this.#ctx = ctx;
    this.#subscriptions.push(
      selection((spec) => {
        this.#selected = spec;
        void this.#send();
      }),
      ctx.onDidChangeIndex(() => void this.#send()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#post({ type: 'trust', trusted: true })),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.#disposeView();
    this.#view = view;
    this.#viewSubscriptions = [
      loadPage(view.webview, this.#ctx.extensionContext.extensionUri, 'guidance', (message) => void this.#handle(message)),
      view.onDidDispose(() => {
        if (this.#view === view) this.#disposeView();
      }),
    ];
  }

  async #handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.#ready = true;
        this.#post({ type: 'trust', trusted: vscode.workspace.isTrusted });
        await this.#send();
        return;
      case 'generatePlan':
        await vscode.commands.executeCommand('specchain.generatePlan', message.specId);
        return;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(message.url));
        return;
      case 'open':
        // A convention's source line: opened where the fact was read.
        await openInWorkspace(this.#ctx.asUri(message.uri), message.range, message.toSide);
        return;
      default:
        return;
    }
  }

  /** Sends the selected SPEC and then its plan and guidance. */
  async #send(): Promise<void> {
    const selected = this.#selected;
    if (!this.#view || !this.#ready) return;
    this.#post({ type: 'spec', specId: selected?.specId ?? null, title: selected?.title ?? '' });
    if (!selected || this.#ctx.state.kind !== 'running') return;
    try {
      const plan = await this.#ctx.sendRequest<PlanRequest.Result>(PlanRequest.method, { specId: selected.specId } satisfies PlanRequest.Params);
      if (this.#selected !== selected) return;
      this.#post({ type: 'plan', specId: selected.specId, markdown: plan.markdown, guidance: plan.guidance, conventions: plan.conventions ?? null });
    } catch (error) {
      this.#post({ type: 'planError', specId: selected.specId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  #post(message: ToGuidance): void {
    void this.#view?.webview.postMessage(message);
  }

  #disposeView(): void {
    for (const d of this.#viewSubscriptions) d.dispose();
    this.#viewSubscriptions = [];
    this.#view = undefined;
    this.#ready = false;
  }

  dispose(): void {
    this.#disposeView();
    for (const d of this.#subscriptions) d.dispose();
  }
}
