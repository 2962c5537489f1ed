import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PlanRequest, SpecTreeRequest, StackRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { renderSidebarHtml } from './html';
import { parseFromWebview, type FromWebview, type ToWebview } from './messages';

/**
 * The SpecChain sidebar: a webview view with the SPEC tree, the detected stack and the
 * selected SPEC's guidance. It re-queries the server whenever the index changes.
 */
export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  /** The view's id in `contributes.views`. */
  static readonly viewId = 'specchain.sidebar';

  readonly #ctx: Ctx;
  readonly #subscriptions: vscode.Disposable[] = [];
  #view: vscode.WebviewView | undefined;
  #viewSubscriptions: vscode.Disposable[] = [];
  /** The page has loaded and said `ready`; messages before that could be lost. */
  #viewReady = false;
  #selected: string | undefined;
  #pendingReveal: string | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;

  constructor(ctx: Ctx) {
    this.#ctx = ctx;
    this.#subscriptions.push(
      ctx.onDidChangeState((state) => {
        this.#post({ type: 'server', state: state.kind, ...(state.kind === 'failed' ? { message: state.message } : {}) });
        if (state.kind === 'running') this.#scheduleRefresh();
      }),
      ctx.onDidChangeIndex(() => this.#scheduleRefresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#post({ type: 'trust', trusted: true })),
    );
  }

  /** Whether the view is showing now. */
  get visible(): boolean {
    return this.#view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.#disposeView();
    this.#view = view;
    const media = vscode.Uri.joinPath(this.#ctx.extensionContext.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const uri = (...parts: string[]) => view.webview.asWebviewUri(vscode.Uri.joinPath(media, ...parts)).toString();
    view.webview.html = renderSidebarHtml({
      cspSource: view.webview.cspSource,
      codiconCss: uri('codicons', 'codicon.css'),
      css: uri('sidebar.css'),
      script: uri('sidebar.js'),
      nonce: randomBytes(18).toString('base64'),
    });
    this.#viewSubscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromWebview(raw);
        if (message) void this.#handle(message);
      }),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.#scheduleRefresh();
      }),
      view.onDidDispose(() => {
        if (this.#view === view) this.#disposeView();
      }),
    ];
    // The sidebar is a reason to run the server even when nothing else started it.
    void this.#ctx.start().catch(() => undefined);
  }

  /** Shows the sidebar and selects `specId` in its tree. */
  async reveal(specId: string): Promise<void> {
    this.#pendingReveal = specId;
    await vscode.commands.executeCommand(`${SidebarProvider.viewId}.focus`);
    if (this.#viewReady) this.#flushReveal();
  }

  /** Re-reads tree and stack now (the view must be resolved to show them). */
  async refresh(): Promise<void> {
    const view = this.#view;
    if (!view || this.#ctx.state.kind !== 'running') return;
    const generation = ++this.#generation;
    try {
      const [tree, stack] = await Promise.all([
        this.#ctx.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {}),
        this.#ctx.sendRequest<StackRequest.Result | null>(StackRequest.method, {}),
      ]);
      // null: the server cancelled the request because a newer change is on its way.
      if (generation !== this.#generation || !tree || !stack) return;
      this.#post({ type: 'tree', tree });
      this.#post({ type: 'stack', stack });
      this.#flushReveal();
      if (this.#selected && tree.specs.some((s) => s.id === this.#selected)) await this.#sendPlan(this.#selected);
    } catch (error) {
      this.#ctx.outputChannel.warn(`sidebar refresh failed: ${String(error)}`);
    }
  }

  async #handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.#viewReady = true;
        this.#post({ type: 'trust', trusted: vscode.workspace.isTrusted });
        this.#post({ type: 'server', state: this.#ctx.state.kind, ...(this.#ctx.state.kind === 'failed' ? { message: this.#ctx.state.message } : {}) });
        await this.refresh();
        return;
      case 'refresh':
        await vscode.commands.executeCommand('specchain.refreshIndex');
        return;
      case 'select':
        this.#selected = message.specId;
        await this.#sendPlan(message.specId);
        return;
      case 'open':
        await this.#open(message.uri, message.range);
        return;
      case 'generatePlan':
        await vscode.commands.executeCommand('specchain.generatePlan', message.specId);
        return;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(message.url));
        return;
    }
  }

  async #sendPlan(specId: string): Promise<void> {
    try {
      const plan = await this.#ctx.sendRequest<PlanRequest.Result>(PlanRequest.method, { specId } satisfies PlanRequest.Params);
      if (this.#selected !== specId) return;
      this.#post({ type: 'plan', specId, markdown: plan.markdown, guidance: plan.guidance });
    } catch (error) {
      this.#post({ type: 'planError', specId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  async #open(uriText: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
    const uri = this.#ctx.asUri(uriText);
    // Only files of the workspace: the page should never ask for anything else.
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    await vscode.window.showTextDocument(uri, { selection, preserveFocus: false });
  }

  #flushReveal(): void {
    if (this.#pendingReveal === undefined || !this.#viewReady) return;
    const specId = this.#pendingReveal;
    this.#pendingReveal = undefined;
    this.#selected = specId;
    this.#post({ type: 'reveal', specId });
    void this.#sendPlan(specId);
  }

  #scheduleRefresh(): void {
    if (!this.#view) return;
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    // Coalesces bursts of index changes (a save touching many files) into one round trip.
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = undefined;
      void this.refresh();
    }, 150);
  }

  #post(message: ToWebview): void {
    void this.#view?.webview.postMessage(message);
  }

  #disposeView(): void {
    for (const d of this.#viewSubscriptions) d.dispose();
    this.#viewSubscriptions = [];
    this.#view = undefined;
    this.#viewReady = false;
  }

  dispose(): void {
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    this.#disposeView();
    for (const d of this.#subscriptions) d.dispose();
  }
}
