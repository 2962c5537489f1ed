import { append } from '../service/text';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
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
  lensCommand,
  PlanRequest,
  RefreshRequest,
  type PlanChoices,
  SpecAtRequest,
  SpecTreeRequest,
  StackRequest,
  type ConventionsView,
  type BrokenLinkNode,
  type SpecNode,
} from '../protocol';
import { DEFAULT_CONFIG, resolveConfig, type SpecChainConfig } from '../service/config';
import { getCodeActions } from '../service/features/codeActions';
import { withEvidenceBadges } from '../service/evidence/badges';
import type { EvidenceState } from '../service/evidence/states';
import { getCodeLenses } from '../service/features/codeLens';
import { getCompletions } from '../service/features/completion';
import { getDefinition } from '../service/features/definition';
import { getDocumentLinks } from '../service/features/documentLinks';
import { getHover } from '../service/features/hover';
import { historyHover } from '../service/history/hover';
import { getPlan, PlanUnavailable } from '../service/features/plan';
import { getReferences } from '../service/features/references';
import { getRenameEdits, prepareRename, RenameRefused } from '../service/features/rename';
import { getSpecAt } from '../service/features/specAt';
import { countProblems } from '../service/broken';
import { getRouteDefinition, getRouteHover, getRouteReferences } from '../service/features/routes';
import { getSpecTree } from '../service/features/specTree';
import { workspaceSpecShape } from '../service/features/specShape';
import { getWorkspaceSymbols } from '../service/features/workspaceSymbols';
import type { EditPlan, Location } from '../service/features/types';
import type { StackReport } from '../service/types';
import { fromLspDiagnostic, toWorkspaceEdit, withUris } from './convert';
import { FolderState } from './folder';
import { FolderSet } from './folderSet';
import { uriToFsPath } from './uris';
import { editRefusal } from '../node/workspaceFiles';

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
  readonly #folderSet = new FolderSet();
  #capabilities: ClientCapabilities = {};
  #initOptions: unknown;
  /** The settings from the initialization options: a folder's until `workspace/configuration` says otherwise. */
  #baseConfig: SpecChainConfig = DEFAULT_CONFIG;
  /** The client sends no watched-file events: each folder watches the disk itself. */
  #watchDisk = false;
  /** The client runs `command:` links in hovers (VS Code says so in its initialization options). */
  #commandLinks = false;
  #indexTimer: NodeJS.Timeout | undefined;
  /** The last SPEC tree and the folders' versions it was built from. */
  #specTree: { readonly key: string; readonly result: SpecTreeRequest.Result } | undefined;

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

  get #folders(): readonly FolderState[] {
    return this.#folderSet.all;
  }

  #initialize(params: InitializeParams): InitializeResult {
    this.#capabilities = params.capabilities;
    // Clients without watched-file events (Neovim on Linux, Helix) still see disk changes.
    this.#watchDisk = !params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    // Installed here, after the connection's own handler for it (installed only for clients that declare folders).
    this.#connection.onNotification(DidChangeWorkspaceFoldersNotification.type, ({ event }) => void this.#changeFolders(event.added, event.removed));
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
    this.#baseConfig = config;
    for (const folder of folders) this.#addFolder(folder);
    return {
      capabilities: {
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
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
    if (!this.#watchDisk) {
      void this.#connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    // No folder, nothing to index: say so, so that clients do not wait for an index.
    if (this.#folders.length === 0) this.#indexChanged();
    await this.#loadFolders(this.#folders);
  }

  /** A new folder of the workspace (not loaded yet); undefined when it is no `file:` folder or open already. */
  #addFolder(folder: WorkspaceFolder): FolderState | undefined {
    const root = uriToFsPath(folder.uri);
    if (root === undefined || this.#folderSet.find(root)) return undefined;
    const state = this.#newFolder(root, this.#baseConfig);
    this.#folderSet.add(state);
    return state;
  }

  /** Loads folders under their settings from `workspace/configuration`. */
  async #loadFolders(folders: readonly FolderState[]): Promise<void> {
    const pulled = await this.#pullConfigs(folders);
    await Promise.all(
      folders.map(async (folder, i) => {
        try {
          await folder.load(pulled[i] ?? folder.config);
        } catch (e) {
          this.#connection.console.error(`specchain: loading ${folder.paths.root} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }),
    );
  }

  /** Folders added to the workspace are indexed; removed ones withdraw their diagnostics. */
  async #changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): Promise<void> {
    for (const gone of removed) {
      const root = uriToFsPath(gone.uri);
      const folder = root === undefined ? undefined : this.#folderSet.find(root);
      if (!folder) continue;
      this.#folderSet.remove(folder);
      folder.close();
    }
    const created = added.map((f) => this.#addFolder(f)).filter((f) => f !== undefined);
    if (removed.length > 0) this.#indexChanged();
    await this.#loadFolders(created);
  }

  /** Settings per folder from `workspace/configuration`, when the client offers it. */
  async #pullConfigs(folders: readonly FolderState[] = this.#folders): Promise<(SpecChainConfig | undefined)[]> {
    if (!this.#capabilities.workspace?.configuration || folders.length === 0) return [];
    try {
      const items = await this.#connection.workspace.getConfiguration(folders.map((f) => ({ scopeUri: f.paths.uri, section: 'specchain' })));
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
    }, { watch: this.#watchDisk });
  }

  /** The folder holding `uri` (the innermost, for nested folders) and the path in it. */
  #locate(uri: string): { folder: FolderState; path: string } | undefined {
    return this.#folderSet.locate(uri);
  }

  #withPath(uri: string, action: (folder: FolderState, path: string) => void): void {
    const at = this.#locate(uri);
    if (at) action(at.folder, at.path);
  }

  #diskChange(uri: string, deleted: boolean): void {
    const at = this.#locate(uri);
    if (!at) return;
    if (deleted) at.folder.deleteFile(at.path);
    else if (!this.#documents.get(uri)) at.folder.changedOnDisk(at.path);
  }

  #indexChanged(): void {
    if (this.#indexTimer) clearTimeout(this.#indexTimer);
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = undefined;
      let specs = 0;
      let brokenLinks = 0;
      let errors = 0;
      for (const f of this.#folders) {
        specs += f.service.index.specs().length;
        const problems = countProblems(f.currentDiagnostics());
        brokenLinks += problems.brokenLinks;
        errors += problems.errors;
      }
      const evidence = this.#evidenceTotals();
      void this.#connection.sendNotification(IndexChangedNotification.method, { specs, brokenLinks, errors, ...(evidence ? { evidence } : {}) } satisfies IndexChangedNotification.Params);
      // Lenses carry evidence and counts: ask the client to fetch them again.
      if (this.#capabilities.workspace?.codeLens?.refreshSupport) void this.#connection.sendRequest(CodeLensRefreshRequest.type).then(undefined, () => undefined);
    }, INDEX_CHANGED_MS);
  }

  /** REQs and ACs per evidence state over every folder that read result files; undefined when none did. */
  #evidenceTotals(): Record<EvidenceState, number> | undefined {
    let evidence: Record<EvidenceState, number> | undefined;
    for (const f of this.#folders) {
      const totals = f.service.evidence()?.totals;
      if (!totals) continue;
      evidence ??= { verified: 0, failing: 0, skipped: 0, 'not-run': 0, untested: 0 };
      for (const k of Object.keys(totals) as EvidenceState[]) evidence[k] += totals[k];
    }
    return evidence;
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
        (getHover(at.folder.service.index, at.path, position, {
          commandLinks: this.#commandLinks,
          ...(evidence ? { evidence, fileLink: (path: string, line: number) => `${at.folder.paths.toUri(path)}#L${line + 1}` } : {}),
        }) ?? getRouteHover(at.folder.service, at.path, position));
      // What git history says of a broken ID under the cursor, from the diagnostics Problems shows.
      const history = at && historyHover(at.folder.currentOf(at.path), position);
      if (hover && history) return { contents: { kind: 'markdown', value: `${hover.markdown}\n\n---\n\n${history.markdown}` }, range: hover.range };
      const shown = hover ?? history;
      return shown ? { contents: { kind: 'markdown', value: shown.markdown }, range: shown.range } : null;
    });
    c.onDefinition(({ textDocument, position }) => {
      const at = this.#locate(textDocument.uri);
      return at ? [...getDefinition(at.folder.service.index, at.path, position), ...getRouteDefinition(at.folder.service, at.path, position)].map((l) => this.#toLocation(at.folder, l)) : null;
    });
    c.onReferences(({ textDocument, position, context }, token) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      const found = [...getReferences(at.folder.service.index, at.path, position, context.includeDeclaration, token), ...getRouteReferences(at.folder.service, at.path, position, context.includeDeclaration)];
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
        const refused = await leavesWorkspace(plan, at.folder.paths.root);
        if (refused) return new ResponseError(ErrorCodes.InvalidRequest, `Not renamed: ${refused}.`);
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
        // The client writes what it is given, links and all: a fix that would write outside the workspace is not offered.
        const refused = await leavesWorkspace(fix.edit, at.folder.paths.root);
        if (refused) {
          this.#connection.console.warn(`specchain: "${fix.title}" is not offered: ${refused}`);
          continue;
        }
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [kept[fix.diagnostic]!], ...(fix.isPreferred ? { isPreferred: true } : {}), edit });
      }
      return out;
    });
    c.onCodeLens(({ textDocument }) => {
      const at = this.#locate(textDocument.uri);
      if (!at) return null;
      return getCodeLenses(at.folder.service.index, at.path, at.folder.service.evidence()).map((lens) => ({
        range: lens.range,
        command: lensCommand(lens.title, 'specchain.showReferences', textDocument.uri, lens.range.start, lens.locations.map((l) => this.#toLocation(at.folder, l))),
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
        const tree = getSpecTree(folder.service.index, (p) => folder.currentOf(p), folder.currentDiagnostics(), token, folder.service);
        if (!tree) return null;
        const toUri = (path: string): string => folder.paths.toUri(path);
        const evidence = folder.service.evidence();
        for (const s of evidence ? withEvidenceBadges(tree.specs, evidence) : tree.specs) specs.push(withUris<SpecNode>(s, toUri));
        append(broken, withUris<BrokenLinkNode[]>(tree.broken, toUri));
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += tree.totals[key];
      }
      // The evidence totals too: the status bar's first counts come from this answer.
      const evidence = this.#evidenceTotals();
      const first = this.#folders[0];
      const result = { specs, broken, totals: { ...totals, ...(evidence ? { evidence } : {}) }, ...(first ? { shape: workspaceSpecShape(first.service.index) } : {}) };
      this.#specTree = { key, result };
      return result;
    });
    c.onRequest(StackRequest.method, async (): Promise<StackRequest.Result> => {
      await Promise.all(this.#folders.map((f) => f.whenLoaded().catch(() => undefined)));
      const services: StackReport['services'][number][] = [];
      for (const folder of this.#folders) append(services, folder.service.stack().services);
      return { services };
    });
    c.onRequest(PlanRequest.method, async (params: PlanRequest.Params): Promise<PlanRequest.Result | ResponseError<PlanChoices | void>> => {
      await Promise.all(this.#folders.map((f) => f.whenLoaded().catch(() => undefined)));
      const id = typeof params?.specId === 'string' ? params.specId : '';
      const chosen = this.#planFolder(id, typeof params?.uri === 'string' ? params.uri : undefined);
      if (chosen instanceof ResponseError) return chosen;
      const folder = chosen;
      try {
        const plan = await getPlan(folder.service, id, folder.readText);
        const conventions = plan.conventions ? withUris<ConventionsView>(plan.conventions, (path) => folder.paths.toUri(path)) : null;
        return { specId: plan.specId, markdown: plan.markdown, targetUri: folder.paths.toUri(plan.targetPath), guidance: plan.guidance, conventions };
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

  /**
   * The folder to plan a SPEC in: the one holding `uri` (the SPEC the user picked, or a folder)
   * when given, else the one folder holding the ID. An ID that several folders hold is answered
   * with the choices (each folder's SPEC document, in the error's data), not a guess.
   */
  #planFolder(id: string, uri: string | undefined): FolderState | ResponseError<PlanChoices | void> {
    if (uri !== undefined) {
      const root = uriToFsPath(uri);
      const folder = this.#locate(uri)?.folder ?? (root === undefined ? undefined : this.#folderSet.find(root));
      if (folder) return folder;
      return new ResponseError(ErrorCodes.InvalidParams, `${uri} is in no workspace folder.`);
    }
    const bare = id.replace(/^SPEC-/, '');
    const holding = this.#folders.filter((f) => f.service.index.specsWithId(bare).length > 0);
    if (holding.length > 1) {
      const choices = holding.map((f) => ({ uri: f.paths.toUri(f.service.index.specsWithId(bare)[0]!.path), folder: f.paths.uri }));
      return new ResponseError(ErrorCodes.InvalidParams, `SPEC-${bare} is in ${holding.length} workspace folders (${holding.map((f) => f.paths.root).join(', ')}): say which one to plan.`, { choices });
    }
    return holding[0] ?? this.#folders[0] ?? new ResponseError(ErrorCodes.InvalidRequest, 'No workspace folder is open.');
  }

  #dispose(): void {
    for (const f of this.#folders) f.dispose();
    if (this.#indexTimer) clearTimeout(this.#indexTimer);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Why applying `plan` would write outside the workspace root, for the first file where it would; undefined when it stays inside. */
async function leavesWorkspace(plan: EditPlan, root: string): Promise<string | undefined> {
  const paths = [...plan.edits.keys(), ...plan.operations.flatMap((op) => (op.kind === 'create' ? [op.path] : [op.from, op.to]))];
  for (const path of new Set(paths)) {
    const refused = await editRefusal(root, path);
    if (refused) return refused;
  }
  return undefined;
}

/** Settings may come wrapped as `{ specchain: {...} }` or bare. */
function settingsOf(options: unknown): unknown {
  if (options && typeof options === 'object' && 'specchain' in options) return (options as { specchain: unknown }).specchain;
  return options ?? undefined;
}
