import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { IndexChangedNotification, IndexProgressNotification, SpecTreeRequest } from '../../server/src/protocol';
import { createLanguageClient } from './languageClient';
import { SpecStatusBar } from './statusBar';
import { GuidanceProvider } from './sidebar/guidanceProvider';
import { BrokenBadge } from './sidebar/badge';
import { SidebarProvider } from './sidebar/sidebarProvider';
import { StackTreeProvider } from './sidebar/stackTree';
import type { Indexing, ServerState, Session } from './session';

/** The status bar's counts from a SPEC tree's totals, which carry the same fields `indexChanged` sends. */
function countsOf(totals: SpecTreeRequest.Result['totals']): IndexChangedNotification.Params {
  const { specs, brokenLinks, errors, evidence } = totals;
  return { specs, brokenLinks, errors, ...(evidence ? { evidence } : {}) };
}

/**
 * Owns everything of the extension that lives as long as it is active: the language client
 * (started lazily, restartable), the status bar item and the sidebar. Commands reach the
 * server only through {@link Ctx.sendRequest}, which starts it when needed, so commands stay
 * registered and answer sensibly while the server is down.
 */
export class Ctx implements Session, vscode.Disposable {
  readonly extensionContext: vscode.ExtensionContext;
  readonly outputChannel: vscode.LogOutputChannel;
  readonly statusBar: SpecStatusBar;
  readonly sidebar: SidebarProvider;
  readonly guidance: GuidanceProvider;
  readonly stack: StackTreeProvider;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly #indexEmitter = new vscode.EventEmitter<IndexChangedNotification.Params>();
  readonly #indexingEmitter = new vscode.EventEmitter<Indexing>();
  readonly #loadedEmitter = new vscode.EventEmitter<void>();
  #indexing: Indexing = {};
  #counts: IndexChangedNotification.Params | undefined;
  /** Folder loads the server has started and not finished. */
  #loadsInFlight = 0;
  #client: LanguageClient | undefined;
  #starting: Promise<LanguageClient> | undefined;
  #state: ServerState = { kind: 'stopped' };
  /** The last failures of commands (`<id>: <message>`), newest last; the test API reads them. */
  readonly #commandErrors: string[] = [];
  /** Counts index notifications, so an older answer never overwrites a newer notification. */
  #indexVersion = 0;

  /** Fires when the server starts, stops or fails. */
  readonly onDidChangeState = this.#stateEmitter.event;
  /** Fires when the server reports a changed index (and once after start). */
  readonly onDidChangeIndex = this.#indexEmitter.event;
  /** Fires when indexing starts, learns its file count, or ends. */
  readonly onDidChangeIndexing = this.#indexingEmitter.event;
  /**
   * Fires when the server has read a folder: its SPECs are known, its diagnostics follow (then
   * `onDidChangeIndex`). The SPECs view lists them at once rather than after every diagnostic.
   */
  readonly onDidLoadFolder = this.#loadedEmitter.event;

  constructor(extensionContext: vscode.ExtensionContext) {
    this.extensionContext = extensionContext;
    this.outputChannel = vscode.window.createOutputChannel('SpecChain', { log: true });
    this.statusBar = new SpecStatusBar(this);
    this.stack = new StackTreeProvider(this);
    const stackView = vscode.window.createTreeView(StackTreeProvider.viewId, { treeDataProvider: this.stack, showCollapseAll: true });
    this.stack.view = stackView;
    this.sidebar = new SidebarProvider(this, new BrokenBadge(stackView));
    this.guidance = new GuidanceProvider(this, this.sidebar.onDidSelect);
    this.#disposables.push(
      this.outputChannel,
      this.statusBar,
      this.sidebar,
      this.guidance,
      this.stack,
      this.#stateEmitter,
      this.#indexEmitter,
      this.#indexingEmitter,
      this.#loadedEmitter,
      vscode.window.registerWebviewViewProvider(SidebarProvider.viewId, this.sidebar, {
        webviewOptions: { retainContextWhenHidden: false },
      }),
      vscode.window.registerWebviewViewProvider(GuidanceProvider.viewId, this.guidance, {
        webviewOptions: { retainContextWhenHidden: false },
      }),
      stackView,
    );
  }

  get counts(): IndexChangedNotification.Params | undefined {
    return this.#counts;
  }

  get state(): ServerState {
    return this.#state;
  }

  /** Whether the first (or a refreshing) index is still being read. */
  get indexing(): Indexing {
    return this.#indexing;
  }

  #setIndexing(indexing: Indexing): void {
    this.#indexing = indexing;
    this.#indexingEmitter.fire(indexing);
  }

  /** The running client, or undefined while the server is down. */
  get client(): LanguageClient | undefined {
    return this.#state.kind === 'running' ? this.#client : undefined;
  }

  /** Starts the server unless it runs or is starting; resolves when it answers requests. */
  start(): Promise<LanguageClient> {
    if (this.#starting) return this.#starting;
    this.#starting = this.#startClient();
    this.#starting.catch(() => {
      // A failed start may be retried by the next command.
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #startClient(): Promise<LanguageClient> {
    this.#loadsInFlight = 0;
    this.#setIndexing({});
    this.#setState({ kind: 'starting' });
    const client = createLanguageClient(this.extensionContext.extensionUri, this.outputChannel);
    try {
      client.onNotification(IndexProgressNotification.method, ({ files, done }: IndexProgressNotification.Params) => {
        if (done) {
          this.#loadsInFlight = Math.max(0, this.#loadsInFlight - 1);
          this.#loadedEmitter.fire();
          return;
        }
        this.#loadsInFlight++;
        this.#setIndexing({ files: (this.#loadsInFlight > 1 ? (this.#indexing?.files ?? 0) : 0) + files });
      });
      client.onNotification(IndexChangedNotification.method, (params: IndexChangedNotification.Params) => {
        this.#indexVersion++;
        // The first change after every load finished carries the index's diagnostics: ready.
        if (this.#loadsInFlight === 0 && this.#indexing) this.#setIndexing(undefined);
        this.#reportIndex(params);
      });
      await client.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.outputChannel.error(`SpecChain language server failed to start: ${message}`);
      this.#setState({ kind: 'failed', message });
      await client.dispose().catch(() => undefined);
      throw new Error(`The SpecChain language server failed to start: ${message}`);
    }
    this.#client = client;
    this.#setState({ kind: 'running' });
    client.onDidChangeState(({ newState }) => {
      // The library restarts a crashed server a few times; when it gives up, the next command starts afresh.
      if (this.#client !== client) return;
      if (newState === State.Running) this.#setState({ kind: 'running' });
      else if (newState === State.Stopped) {
        this.#client = undefined;
        this.#starting = undefined;
        this.#setState({ kind: 'failed', message: 'the server stopped; run any SpecChain command to start it again' });
      }
    });
    // Ask once for counts rather than wait for the first notification; a notification that
    // arrives meanwhile is newer than this answer and wins.
    const version = this.#indexVersion;
    void client.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {}).then(
      (tree) => {
        if (tree && version === this.#indexVersion) this.#reportIndex(countsOf(tree.totals));
      },
      (error: unknown) => this.outputChannel.warn(`first SPEC tree request failed: ${String(error)}`),
    );
    return client;
  }

  /** Stops the server and starts it again. */
  async restart(): Promise<LanguageClient> {
    await this.stop();
    return this.start();
  }

  /** Stops the server; commands start it again on demand. */
  async stop(): Promise<void> {
    const starting = this.#starting;
    this.#starting = undefined;
    const client = this.#client ?? (await starting?.catch(() => undefined));
    this.#client = undefined;
    if (client) await client.dispose().catch(() => undefined);
    this.#setState({ kind: 'stopped' });
  }

  /** Sends a custom request (see `server/src/protocol.ts`), starting the server if needed. */
  async sendRequest<R>(method: string, params: object, token?: vscode.CancellationToken): Promise<R> {
    const client = await this.start();
    return token ? client.sendRequest<R>(method, params, token) : client.sendRequest<R>(method, params);
  }

  /** Converts a protocol URI to a VS Code URI the way the client does. */
  asUri(uri: string): vscode.Uri {
    return this.#client ? this.#client.protocol2CodeConverter.asUri(uri) : vscode.Uri.parse(uri);
  }

  /** Logs a command that failed, and keeps it among the last failures. */
  commandFailed(id: string, message: string): void {
    this.outputChannel.error(`${id} failed: ${message}`);
    this.#commandErrors.push(`${id}: ${message}`);
    if (this.#commandErrors.length > 50) this.#commandErrors.shift();
  }

  /** The last failures of commands (`<id>: <message>`), newest last. */
  get commandErrors(): readonly string[] {
    return this.#commandErrors;
  }

  /** Registers something to be disposed with the context. */
  push(...disposables: vscode.Disposable[]): void {
    this.#disposables.push(...disposables);
  }

  #reportIndex(counts: IndexChangedNotification.Params): void {
    this.#counts = counts;
    this.#indexEmitter.fire(counts);
  }

  #setState(state: ServerState): void {
    this.#state = state;
    this.#stateEmitter.fire(state);
  }

  dispose(): void {
    void this.stop();
    for (const d of this.#disposables.splice(0).reverse()) d.dispose();
  }
}
