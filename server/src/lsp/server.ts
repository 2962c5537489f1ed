import { append } from '../service/text';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  IndexChangedNotification,
  IndexProgressNotification,
  PlanRequest,
  RefreshRequest,
  SpecAtRequest,
  SpecTreeRequest,
  StackRequest,
  type BrokenLinkNode,
  type SpecNode,
} from '../protocol';
import { resolveConfig, type SpecChainConfig } from '../service/config';
import { getCodeActions } from '../service/features/codeActions';
import { withEvidenceBadges } from '../service/evidence/badges';
import type { EvidenceState } from '../service/evidence/states';
import { getCodeLenses } from '../service/features/codeLens';
import { getCompletions } from '../service/features/completion';
import { getDefinition } from '../service/features/definition';
import { getDocumentLinks } from '../service/features/documentLinks';
import { getHover } from '../service/features/hover';
import { getPlan, PlanUnavailable } from '../service/features/plan';
import { getReferences } from '../service/features/references';
import { getRenameEdits, prepareRename, RenameRefused } from '../service/features/rename';
import { getSpecAt } from '../service/features/specAt';
import { countProblems } from '../service/broken';
import { getSpecTree } from '../service/features/specTree';
import { getWorkspaceSymbols } from '../service/features/workspaceSymbols';
import type { Location } from '../service/features/types';
import type { StackReport } from '../service/types';
import { fromLspDiagnostic, toWorkspaceEdit, withUris } from './convert';
import { FolderState } from './folder';
import { DiskWatcher } from './diskWatcher';
import { uriToFsPath } from './uris';

/** After the last change, how long before the client hears that the index changed. */
const INDEX_CHANGED_MS = 200;

/**
 * The SpecChain language server on a connection: one `FolderState` per workspace folder,
 * open documents indexed from their text, the rest from disk through watched-file events.
 * Handlers are thin: they find the folder, convert URIs and hand the call to a feature.
 */
export class SpecChainServer {
  readonly #connection: Connection;
  readonly #documents = new TextDocuments(TextDocument);
  readonly #folders: FolderState[] = [];
  #capabilities: ClientCapabilities = {};
  #initOptions: unknown;
  /** The client runs `command:` links in hovers (VS Code says so in its initialization options). */
  #commandLinks = false;
  #indexTimer: NodeJS.Timeout | undefined;
  /** The last SPEC tree and the folders' versions it was built from. */
  #specTree: { readonly key: string; readonly result: SpecTreeRequest.Result } | undefined;
  #watchers: DiskWatcher[] = [];

  constructor(connection: Connection) {
    this.#connection = connection;
    connection.onInitialize((params) => this.#initialize(params));
    connection.onInitialized(() => void this.#initialized());
    connection.onDidChangeConfiguration(() => void this.#reconfigure());
    connection.onDidChangeWatchedFiles((params) => {
      for (const change of params.changes) this.#diskChange(change.uri, change.type === FileChangeType.Deleted);
    });
    connection.onShutdown(() => this.#dispose());
    this.#documents.onDidOpen((e) => this.#withPath(e.document.uri, (f, p) => f.opened(p, e.document.getText())));
    this.#documents.onDidChangeContent((e) => this.#withPath(e.document.uri, (f, p) => f.setText(p, e.document.getText())));
    this.#documents.onDidClose((e) => this.#withPath(e.document.uri, (f, p) => f.reloadFile(p)));
    this.#documents.listen(connection);
    this.#registerFeatures();
    this.#registerProtocol();
  }

  #initialize(params: InitializeParams): InitializeResult {
    this.#capabilities = params.capabilities;
    this.#initOptions = params.initializationOptions;
    this.#commandLinks = isObject(params.initializationOptions) && params.initializationOptions.commandLinks === true;
    const folders: WorkspaceFolder[] = params.workspaceFolders?.length
      ? params.workspaceFolders
      : params.rootUri
        ? [{ uri: params.rootUri, name: 'root' }]
        : params.rootPath
          ? [{ uri: `file://${params.rootPath}`, name: 'root' }]
          : [];
    const { config, problems } = resolveConfig(settingsOf(params.initializationOptions));
    for (const p of problems) this.#connection.console.warn(`specchain settings: ${p}`);
    for (const folder of folders) {
      const root = uriToFsPath(folder.uri);
      if (root !== undefined) this.#folders.push(this.#newFolder(root, config));
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['@', ':'] },
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
      },
      serverInfo: { name: 'specchain' },
    };
  }

  async #initialized(): Promise<void> {
    if (this.#capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.#connection.client.register(DidChangeConfigurationNotification.type, { section: 'specchain' });
    }
    if (this.#capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.#connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    } else {
      // Clients without watched-file events (Neovim before 0.9) still see disk changes.
      this.#watchers = this.#folders.map((f) => new DiskWatcher(f.paths.root, (path, deleted) => (deleted ? f.deleteFile(path) : this.#isOpen(f, path) ? undefined : f.reloadFile(path)), f.watches.bind(f)));
    }
    const pulled = await this.#pullConfigs();
    // No folder, nothing to index: say so, so that clients do not wait for an index.
    if (this.#folders.length === 0) this.#indexChanged();
    await Promise.all(
      this.#folders.map(async (folder, i) => {
        try {
          await folder.load(pulled[i] ?? folder.config);
          this.#watchers[i]?.start(folder.service.index.allFacts());
        } catch (e) {
          this.#connection.console.error(`specchain: loading ${folder.paths.root} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }),
    );
  }

  /** Settings per folder from `workspace/configuration`, when the client offers it. */
  async #pullConfigs(): Promise<(SpecChainConfig | undefined)[]> {
    if (!this.#capabilities.workspace?.configuration || this.#folders.length === 0) return [];
    try {
      const items = await this.#connection.workspace.getConfiguration(this.#folders.map((f) => ({ scopeUri: f.paths.uri, section: 'specchain' })));
      return (items as unknown[]).map((raw) => {
        if (raw === null || raw === undefined) return undefined;
        const { config, problems } = resolveConfig({ ...(settingsOf(this.#initOptions) as object | undefined), ...(raw as object) });
        for (const p of problems) this.#connection.console.warn(`specchain settings: ${p}`);
        return config;
      });
    } catch {
      return [];
    }
  }

  async #reconfigure(): Promise<void> {
    const pulled = await this.#pullConfigs();
    for (const [i, folder] of this.#folders.entries()) {
      const next = pulled[i];
      if (next && JSON.stringify(next) !== JSON.stringify(folder.config)) void folder.load(next).catch((e) => this.#connection.console.error(String(e)));
    }
  }

  #newFolder(root: string, config: SpecChainConfig): FolderState {
    return new FolderState(root, config, {
      publish: (uri, diagnostics) => {
        const version = this.#documents.get(uri)?.version;
        void this.#connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
      },
      openDocuments: (folder) => {
        const out = new Map<string, string>();
        for (const doc of this.#documents.all()) {
          const path = folder.paths.toPath(doc.uri);
          if (path !== undefined) out.set(path, doc.getText());
        }
        return out;
      },
      changed: () => this.#indexChanged(),
      progress: (files, done) => void this.#connection.sendNotification(IndexProgressNotification.method, { files, done } satisfies IndexProgressNotification.Params),
      log: (message) => this.#connection.console.log(message),
    });
  }

  #isOpen(folder: FolderState, path: string): boolean {
    return this.#documents.get(folder.paths.toUri(path)) !== undefined;
  }

  /** The folder holding `uri` (the innermost, for nested folders) and the path in it. */
  #locate(uri: string): { folder: FolderState; path: string } | undefined {
    let best: { folder: FolderState; path: string } | undefined;
    for (const folder of this.#folders) {
      const path = folder.paths.toPath(uri);
      if (path !== undefined && (!best || folder.paths.root.length > best.folder.paths.root.length)) best = { folder, path };
    }
    return best;
  }

  #withPath(uri: string, action: (folder: FolderState, path: string) => void): void {
    const at = this.#locate(uri);
    if (at) action(at.folder, at.path);
  }

  #diskChange(uri: string, deleted: boolean): void {
    const at = this.#locate(uri);
    if (!at) return;
    if (deleted) at.folder.deleteFile(at.path);
    else if (!this.#documents.get(uri)) at.folder.reloadFile(at.path);
  }

  #indexChanged(): void {
    if (this.#indexTimer) clearTimeout(this.#indexTimer);
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = undefined;
      let specs = 0;
      let brokenLinks = 0;
      let errors = 0;
      let evidence: Record<EvidenceState, number> | undefined;
      for (const f of this.#folders) {
        specs += f.service.index.specs().length;
        const problems = countProblems(f.currentDiagnostics());
        brokenLinks += problems.brokenLinks;
        errors += problems.errors;
        const totals = f.service.evidence()?.totals;
        if (totals) {
          evidence ??= { verified: 0, failing: 0, skipped: 0, 'not-run': 0, untested: 0 };
          for (const k of Object.keys(totals) as EvidenceState[]) evidence[k] += totals[k];
        }
      }
      void this.#connection.sendNotification(IndexChangedNotification.method, { specs, brokenLinks, errors, ...(evidence ? { evidence } : {}) } satisfies IndexChangedNotification.Params);
      // Lenses carry evidence and counts: ask the client to fetch them again.
      if (this.#capabilities.workspace?.codeLens?.refreshSupport) void this.#connection.sendRequest(CodeLensRefreshRequest.type).then(undefined, () => undefined);
    }, INDEX_CHANGED_MS);
  }

  #toLocation(folder: FolderState, l: Location): { uri: string; range: Location['range'] } {
    return { uri: folder.paths.toUri(l.path), range: l.range };
  }

  #supportsDocumentChanges(): boolean {
    const edit = this.#capabilities.workspace?.workspaceEdit;
    return edit?.documentChanges === true;
  }

  #registerFeatures(): void {
    const c = this.#connection;
    c.onHover(({ textDocument, position }) => {
      const at = this.#locate(textDocument.uri);
      const evidence = at?.folder.service.evidence();
      const hover =
        at &&
        getHover(at.folder.service.index, at.path, position, {
          commandLinks: this.#commandLinks,
          ...(evidence ? { evidence, fileLink: (path: string, line: number) => `${at.folder.paths.toUri(path)}#L${line + 1}` } : {}),
        });
      return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
    });
    c.onDefinition(({ textDocument, position }) => {
      const at = this.#locate(textDocument.uri);
      return at ? getDefinition(at.folder.service.index, at.path, position).map((l) => this.#toLocation(at.folder, l)) : null;
    });
    c.onReferences(({ textDocument, position, context }, token) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      const found = getReferences(at.folder.service.index, at.path, position, context.includeDeclaration, token);
      return token.isCancellationRequested ? null : found.map((l) => this.#toLocation(at.folder, l));
    });
    c.onCompletion(({ textDocument, position }) => {
      const at = this.#locate(textDocument.uri);
      const doc = this.#documents.get(textDocument.uri);
      if (!at || !doc) return null;
      const prefix = doc.getText({ start: { line: position.line, character: 0 }, end: position });
      return getCompletions(at.folder.service.index, prefix, position, at.path).map((e) => ({
        label: e.label,
        kind: e.kind === 'tag-type' || e.kind === 'mx-kind' ? CompletionItemKind.Keyword : CompletionItemKind.Reference,
        ...(e.detail !== undefined ? { detail: e.detail } : {}),
        textEdit: { range: e.range, newText: e.newText },
      }));
    });
    c.onPrepareRename(({ textDocument, position }) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      try {
        const target = prepareRename(at.folder.service.index, at.path, position, this.#documents.get(textDocument.uri)?.getText());
        return { range: target.range, placeholder: target.subject.id };
      } catch (e) {
        if (e instanceof RenameRefused) return new ResponseError(ErrorCodes.InvalidRequest, e.message);
        throw e;
      }
    });
    c.onRenameRequest(async ({ textDocument, position, newName }, token) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      try {
        const index = at.folder.service.index;
        const { subject } = prepareRename(index, at.path, position);
        const plan = await getRenameEdits(index, subject, newName, at.folder.readText, token);
        if (!plan || token.isCancellationRequested) return null;
        const edit = toWorkspaceEdit(plan, at.folder.paths, this.#supportsDocumentChanges());
        if (!edit) return new ResponseError(ErrorCodes.InvalidRequest, 'Renaming the SPEC folder needs a client that applies file renames.');
        return edit;
      } catch (e) {
        if (e instanceof RenameRefused) return new ResponseError(ErrorCodes.InvalidRequest, e.message);
        throw e;
      }
    });
    c.onCodeAction(async ({ textDocument, range, context }) => {
      const at = this.#locate(textDocument.uri);
      const doc = this.#documents.get(textDocument.uri);
      if (!at) return null;
      const text = doc?.getText() ?? (await at.folder.readText(at.path));
      if (text === undefined) return null;
      const lspDiagnostics = context.diagnostics.filter((d) => d.source === 'specchain');
      const converted = lspDiagnostics.map((d) => fromLspDiagnostic(d, at.folder.paths));
      const kept = lspDiagnostics.filter((_, i) => converted[i] !== undefined);
      void range;
      const fixes = await getCodeActions({
        index: at.folder.service.index,
        path: at.path,
        text,
        diagnostics: converted.filter((d) => d !== undefined),
        ...(context.only ? { only: context.only } : {}),
        today: new Date(),
        readText: at.folder.readText,
      });
      const out: CodeAction[] = [];
      for (const fix of fixes) {
        const edit = toWorkspaceEdit(fix.edit, at.folder.paths, this.#supportsDocumentChanges());
        if (!edit) continue;
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [kept[fix.diagnostic]!], ...(fix.isPreferred ? { isPreferred: true } : {}), edit });
      }
      return out;
    });
    c.onCodeLens(({ textDocument }) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      return getCodeLenses(at.folder.service.index, at.path, at.folder.service.evidence()).map((lens) => ({
        range: lens.range,
        command: {
          title: lens.title,
          command: 'editor.action.showReferences',
          arguments: [textDocument.uri, lens.range.start, lens.locations.map((l) => this.#toLocation(at.folder, l))],
        },
      }));
    });
    c.onDocumentLinks(({ textDocument }) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      return getDocumentLinks(at.folder.service.index, at.path).map((link) => ({
        range: link.range,
        target: link.line === undefined ? at.folder.paths.toUri(link.target) : `${at.folder.paths.toUri(link.target)}#L${link.line + 1}`,
        tooltip: link.line === undefined ? link.target : `${link.target}:${link.line + 1}`,
      }));
    });
    c.onWorkspaceSymbol(({ query }, token) => {
      const out = [];
      for (const folder of this.#folders) {
        for (const s of getWorkspaceSymbols(folder.service.index, query, token)) {
          out.push({ name: s.name, kind: s.kind === 'req' ? SymbolKind.Key : SymbolKind.Module, location: this.#toLocation(folder, s), ...(s.detail !== undefined ? { containerName: s.detail } : {}) });
        }
        if (token.isCancellationRequested) return null;
      }
      return out;
    });
  }

  #registerProtocol(): void {
    const c = this.#connection;
    c.onRequest(SpecTreeRequest.method, async (_params: SpecTreeRequest.Params, token: CancellationToken): Promise<SpecTreeRequest.Result | null> => {
      await Promise.all(this.#folders.map((f) => f.whenLoaded().catch(() => undefined)));
      // The status bar, the sidebar and the graph ask at once after a change: one tree serves them all.
      const key = this.#folders.map((f) => `${f.paths.root}@${f.version}`).join('\n');
      if (this.#specTree?.key === key) return this.#specTree.result;
      const specs: SpecNode[] = [];
      const broken: BrokenLinkNode[] = [];
      const totals = { specs: 0, tags: 0, brokenLinks: 0, errors: 0, warnings: 0 };
      for (const folder of this.#folders) {
        // The diagnostics Problems shows, so that the tree and Problems agree and nothing is diagnosed again.
        const tree = getSpecTree(folder.service.index, (p) => folder.currentOf(p), folder.currentDiagnostics(), token);
        if (!tree) return null;
        const toUri = (path: string): string => folder.paths.toUri(path);
        const evidence = folder.service.evidence();
        for (const s of evidence ? withEvidenceBadges(tree.specs, evidence) : tree.specs) specs.push(withUris<SpecNode>(s, toUri));
        append(broken, withUris<BrokenLinkNode[]>(tree.broken, toUri));
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += tree.totals[key];
      }
      const result = { specs, broken, totals };
      this.#specTree = { key, result };
      return result;
    });
    c.onRequest(StackRequest.method, async (): Promise<StackRequest.Result> => {
      await Promise.all(this.#folders.map((f) => f.whenLoaded().catch(() => undefined)));
      const services: StackReport['services'][number][] = [];
      for (const folder of this.#folders) append(services, folder.service.stack().services);
      return { services };
    });
    c.onRequest(PlanRequest.method, async (params: PlanRequest.Params): Promise<PlanRequest.Result | ResponseError> => {
      await Promise.all(this.#folders.map((f) => f.whenLoaded().catch(() => undefined)));
      const id = typeof params?.specId === 'string' ? params.specId : '';
      const folder = this.#folders.find((f) => f.service.index.specsWithId(id.replace(/^SPEC-/, '')).length > 0) ?? this.#folders[0];
      if (!folder) return new ResponseError(ErrorCodes.InvalidRequest, 'No workspace folder is open.');
      try {
        const plan = await getPlan(folder.service, id, folder.readText);
        return { specId: plan.specId, markdown: plan.markdown, targetUri: folder.paths.toUri(plan.targetPath), guidance: plan.guidance };
      } catch (e) {
        if (e instanceof PlanUnavailable) return new ResponseError(ErrorCodes.InvalidParams, e.message);
        throw e;
      }
    });
    c.onRequest(SpecAtRequest.method, async (params: SpecAtRequest.Params): Promise<SpecAtRequest.Result> => {
      const at = params?.uri ? this.#locate(params.uri) : undefined;
      if (!at) return null;
      await at.folder.whenLoaded().catch(() => undefined);
      const id = getSpecAt(at.folder.service.index, at.path, params.position);
      return id === undefined ? null : { specId: id };
    });
    c.onRequest(RefreshRequest.method, async (): Promise<RefreshRequest.Result> => {
      const started = Date.now();
      let files = 0;
      for (const report of await Promise.all(this.#folders.map((f) => f.load()))) files += report.files;
      return { files, millis: Date.now() - started };
    });
  }

  #dispose(): void {
    for (const w of this.#watchers) w.dispose();
    for (const f of this.#folders) f.dispose();
    if (this.#indexTimer) clearTimeout(this.#indexTimer);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Settings may come wrapped as `{ specchain: {...} }` or bare. */
function settingsOf(options: unknown): unknown {
  if (options && typeof options === 'object' && 'specchain' in options) return (options as { specchain: unknown }).specchain;
  return options ?? undefined;
}
