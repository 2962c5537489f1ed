import * as vscode from 'vscode';
import { SpecTreeRequest, type SpecTreeResult } from '../../../server/src/protocol';
import type { Indexing, Session } from '../session';
import { CHAIN_FILTERS, type ChainFilter, type FromWebview, type SpecFilter, type ToSpecs } from './messages';
import type { BrokenBadge } from './badge';
import { loadPage, openInWorkspace } from './pages';

const indexingMessage = (indexing: Indexing): ToSpecs => ({ type: 'indexing', active: indexing !== undefined, ...(indexing?.files !== undefined ? { files: indexing.files } : {}) });

/** What the SPECs view shows now, as its page reported it (for tests and the title bar). */
export interface SpecsViewState {
  readonly shown: number;
  readonly total: number;
  /** Broken links its "Broken links" group lists. */
  readonly broken: number;
  readonly filter: SpecFilter;
  /** The row the view last revealed (following the editor or Reveal SPEC). */
  readonly revealed?: string;
}

/** Where a reveal should land: a SPEC, and the tag at a line of a file when one is there. */
export interface RevealTarget {
  readonly specId: string;
  readonly uri?: string;
  readonly line?: number;
  /** Move keyboard focus into the view (Reveal SPEC) or only select (following the editor). */
  readonly focus: boolean;
}

/**
 * The SPECs view: a webview with the SPEC tree. It re-queries the server when the index
 * changes, shows indexing progress in the view, "10 of 64" as its description and the broken
 * links as its badge, and tells the Guidance view which SPEC is selected.
 */
export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  /** The view's id in `contributes.views`. */
  static readonly viewId = 'specchain.sidebar';

  readonly #ctx: Session;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #selectEmitter = new vscode.EventEmitter<{ readonly specId: string; readonly title: string }>();
  readonly #shownEmitter = new vscode.EventEmitter<void>();
  #view: vscode.WebviewView | undefined;
  #viewSubscriptions: vscode.Disposable[] = [];
  /** The page has loaded and said `ready`; messages before that could be lost. */
  #viewReady = false;
  #tree: SpecTreeResult | undefined;
  #pendingReveal: RevealTarget | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;
  /** The request whose tree the view shows: an answer to an older one is dropped, a newer one shown. */
  #applied = 0;
  #shown: SpecsViewState | undefined;
  #filter: { statuses: readonly string[]; chains: readonly ChainFilter[] } = { statuses: [], chains: [] };
  #progressDone: (() => void) | undefined;

  /** Fires when the user selects a SPEC in the view. */
  readonly onDidSelect = this.#selectEmitter.event;
  /** Fires when the page reports what it shows (`shown`). */
  readonly onDidChangeShown = this.#shownEmitter.event;

  constructor(
    ctx: Session,
    /** The activity bar's count of broken links. */
    readonly badge: BrokenBadge,
  ) {
    this.#ctx = ctx;
    this.#subscriptions.push(
      this.#selectEmitter,
      this.#shownEmitter,
      ctx.onDidChangeState((state) => {
        this.#post({ type: 'server', state: state.kind, ...(state.kind === 'failed' ? { message: state.message } : {}) });
        if (state.kind === 'running') this.#scheduleRefresh();
      }),
      ctx.onDidChangeIndexing((indexing) => this.#showIndexing(indexing)),
      // The SPECs are known once a folder is read: list them now, their counts follow with the diagnostics.
      ctx.onDidLoadFolder(() => void this.refresh()),
      ctx.onDidChangeIndex((counts) => {
        this.badge.broken = counts.brokenLinks;
        this.#scheduleRefresh();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#post({ type: 'trust', trusted: true })),
    );
  }

  /** Whether the view is showing now. */
  get visible(): boolean {
    return this.#view?.visible ?? false;
  }

  /** What the view shows, as its page last reported. */
  get shown(): SpecsViewState | undefined {
    return this.#shown;
  }


  /** The last tree the view received. */
  get tree(): SpecTreeResult | undefined {
    return this.#tree;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.#disposeView();
    this.#view = view;
    this.#viewSubscriptions = [
      loadPage(view.webview, this.#ctx.extensionContext.extensionUri, 'specs', (message) => void this.#handle(message)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.#scheduleRefresh();
      }),
      view.onDidDispose(() => {
        if (this.#view === view) this.#disposeView();
      }),
    ];
    this.badge.specsView = view;
    this.#showIndexing(this.#ctx.indexing);
    // The sidebar is a reason to run the server even when nothing else started it.
    void this.#ctx.start().catch(() => undefined);
  }

  /** Shows the view and selects `target` in its tree. */
  async reveal(target: RevealTarget): Promise<void> {
    this.#pendingReveal = target;
    if (target.focus || !this.#view) await vscode.commands.executeCommand(`${SidebarProvider.viewId}.focus`);
    if (this.#viewReady) this.#flushReveal();
  }

  /** Sets the status and chain-state filters (the text filter is typed in the view). */
  setFilter(statuses: readonly string[], chains: readonly ChainFilter[]): void {
    this.#filter = { statuses, chains };
    this.#post({ type: 'filter', statuses, chains });
  }

  /** Asks for status and chain-state filters in a QuickPick, as the title bar's Filter button does. */
  async pickFilter(): Promise<void> {
    const statuses = [...new Set((this.#tree?.specs ?? []).map((s) => s.status))].sort();
    const current = this.#shown?.filter ?? { text: '', ...this.#filter };
    type Item = vscode.QuickPickItem & ({ readonly status: string } | { readonly chain: ChainFilter });
    const chainWords: Readonly<Record<ChainFilter, string>> = {
      complete: 'Chain complete',
      partial: 'Chain partial',
      none: 'No code yet',
      errors: 'Has errors or broken links',
      'tests-verified': 'Tests: verified',
      'tests-failing': 'Tests: failing',
      'tests-skipped': 'Tests: only skipped',
      'tests-not-run': 'Tests: not run',
      'tests-untested': 'Tests: untested',
    };
    const items: (Item | vscode.QuickPickItem)[] = [
      { label: 'Chain state', kind: vscode.QuickPickItemKind.Separator },
      ...CHAIN_FILTERS.map((chain): Item => ({ label: chainWords[chain], chain, picked: current.chains.includes(chain) })),
      { label: 'Status', kind: vscode.QuickPickItemKind.Separator },
      ...statuses.map((status): Item => ({ label: status, status, picked: current.statuses.includes(status) })),
    ];
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Filter SPECs', placeHolder: 'Show SPECs with any of the picked chain states and statuses' });
    if (!picked) return;
    const chosen = picked.filter((p): p is Item => 'status' in p || 'chain' in p);
    this.setFilter(
      chosen.flatMap((p) => ('status' in p ? [p.status] : [])),
      chosen.flatMap((p) => ('chain' in p ? [p.chain] : [])),
    );
  }

  collapseAll(): void {
    this.#post({ type: 'collapseAll' });
  }

  /** Re-reads the tree now (the view must be resolved to show it). */
  async refresh(): Promise<void> {
    const view = this.#view;
    if (!view || this.#ctx.state.kind !== 'running') return;
    const generation = ++this.#generation;
    try {
      const tree = await this.#ctx.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {});
      // null: the server cancelled the request. An answer older than the one shown is dropped, but
      // one still newer is shown at once: waiting for the newest could wait as long as changes come.
      if (generation < this.#applied || !tree) return;
      // While the first index is read the tree is empty: the view keeps saying "Indexing".
      if (this.#ctx.indexing && tree.specs.length === 0) return;
      this.#applied = generation;
      this.#tree = tree;
      this.#post({ type: 'tree', tree });
      this.#flushReveal();
    } catch (error) {
      this.#ctx.outputChannel.warn(`SPECs view refresh failed: ${String(error)}`);
    }
  }

  async #handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.#viewReady = true;
        this.#post({ type: 'trust', trusted: vscode.workspace.isTrusted });
        this.#post({ type: 'server', state: this.#ctx.state.kind, ...(this.#ctx.state.kind === 'failed' ? { message: this.#ctx.state.message } : {}) });
        this.#post(indexingMessage(this.#ctx.indexing));
        if (this.#filter.statuses.length > 0 || this.#filter.chains.length > 0) this.#post({ type: 'filter', ...this.#filter });
        // A page loaded again (the view was hidden) shows the last list at once, then a fresh one.
        if (this.#tree) this.#post({ type: 'tree', tree: this.#tree });
        await this.refresh();
        return;
      case 'refresh':
        await vscode.commands.executeCommand('specchain.refreshIndex');
        return;
      case 'createSpec':
        await vscode.commands.executeCommand('specchain.createSpec');
        return;
      case 'openDocs':
        await vscode.commands.executeCommand('markdown.showPreview', await this.#readme());
        return;
      case 'select': {
        const spec = this.#tree?.specs.find((s) => s.id === message.specId);
        this.#selectEmitter.fire({ specId: message.specId, title: spec?.title ?? '' });
        return;
      }
      case 'open':
        await openInWorkspace(this.#ctx.asUri(message.uri), message.range, message.toSide);
        return;
      case 'shown':
        this.#shown = { shown: message.shown, total: message.total, broken: message.broken, filter: message.filter, ...(this.#shown?.revealed !== undefined ? { revealed: this.#shown.revealed } : {}) };
        if (this.#view) this.#view.description = message.shown === message.total ? undefined : `${message.shown.toLocaleString('en-US')} of ${message.total.toLocaleString('en-US')}`;
        this.#shownEmitter.fire();
        return;
      case 'revealed':
        this.#shown = { ...(this.#shown ?? { shown: 0, total: 0, broken: 0, filter: { text: '', statuses: [], chains: [] } }), revealed: message.key };
        this.#shownEmitter.fire();
        return;
      case 'generatePlan':
      case 'openExternal':
        return;
    }
  }

  /** The extension's README: `readme.md` in an installed .vsix, `README.md` in a checkout. */
  async #readme(): Promise<vscode.Uri> {
    const root = this.#ctx.extensionContext.extensionUri;
    const packaged = vscode.Uri.joinPath(root, 'readme.md');
    try {
      await vscode.workspace.fs.stat(packaged);
      return packaged;
    } catch {
      return vscode.Uri.joinPath(root, 'README.md');
    }
  }

  #showIndexing(indexing: Indexing): void {
    this.#post(indexingMessage(indexing));
    if (!indexing) {
      this.#progressDone?.();
      this.#progressDone = undefined;
      return;
    }
    if (this.#progressDone || !this.#view) return;
    // VS Code's own progress bar at the top of the view, for as long as indexing lasts.
    void vscode.window.withProgress({ location: { viewId: SidebarProvider.viewId } }, () => new Promise<void>((resolve) => (this.#progressDone = resolve)));
  }


  #flushReveal(): void {
    const target = this.#pendingReveal;
    if (target === undefined || !this.#viewReady || !this.#tree) return;
    this.#pendingReveal = undefined;
    this.#post({ type: 'reveal', ...target });
    const spec = this.#tree.specs.find((s) => s.id === target.specId);
    if (spec) this.#selectEmitter.fire({ specId: spec.id, title: spec.title });
  }

  #scheduleRefresh(): void {
    if (!this.#view) return;
    // The first list is not held back: nothing is shown yet to be replaced by it.
    if (!this.#tree) {
      void this.refresh();
      return;
    }
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    // Coalesces bursts of index changes (a save touching many files) into one round trip.
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = undefined;
      void this.refresh();
    }, 150);
  }

  #post(message: ToSpecs): void {
    void this.#view?.webview.postMessage(message);
  }

  #disposeView(): void {
    for (const d of this.#viewSubscriptions) d.dispose();
    this.#viewSubscriptions = [];
    if (this.#view) this.badge.specsView = undefined;
    this.#view = undefined;
    this.#viewReady = false;
    this.#progressDone?.();
    this.#progressDone = undefined;
  }

  dispose(): void {
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    this.#disposeView();
    for (const d of this.#subscriptions) d.dispose();
  }
}
