import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { lstatSync } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { CachedAnalyzer, FactsCache } from '../node/factsCache';
import { FsWorkspace } from '../node/fsWorkspace';
import { toOsPath } from '../node/osPath';
import { readSpecHistory } from '../node/gitHistory';
import { loadBase, RecordingAnalyzer } from '../node/since';
import { loadResults, modificationTimes } from '../node/testResults';
import { WorkerAnalyzer } from '../node/workerAnalyzer';
import type { SpecChainConfig } from '../service/config';
import { fingerprints } from '../service/delta/fingerprint';
import { unknownIdOf } from '../service/history/attach';
import type { ReadText } from '../service/features/types';
import { LanguageService, type LoadReport } from '../service/languageService';
import type { Diagnostic } from '../service/types';
import type { WorkspaceEntry } from '../service/workspace';
import { toLspDiagnostic } from './convert';
import { DiskWatcher, filesUnder } from './diskWatcher';
import { FolderPaths } from './uris';

/** What a folder needs from the server around it. */
export interface FolderHooks {
  publish(uri: string, diagnostics: LspDiagnostic[]): void;
  /** Workspace-relative paths and texts of the open documents of this folder. */
  openDocuments(folder: FolderState): ReadonlyMap<string, string>;
  /** The index or the diagnostics changed; called once the re-diagnosis settles. */
  changed(): void;
  /** A load listed `files` files and starts reading them (`done: false`), or has read them. */
  progress(files: number, done: boolean): void;
  log(message: string): void;
}

/** Edits closer together than this are diagnosed together (leading edge: a lone edit goes at once). */
const THROTTLE_MS = 50;
/** After a result file changes, how long to wait for the run's other files before reading them. */
const RESULTS_SETTLE_MS = 150;
/** Files diagnosed per turn of the event loop in background passes, so requests interleave. */
const CHUNK = 300;

/** A change to apply to the index: a new text, a file to read again, a file or folder gone, a folder to read again. */
type Pending = { kind: 'text'; text: string } | { kind: 'reload' } | { kind: 'delete' } | { kind: 'folder' };

/**
 * One workspace folder: its service, its diagnostics and their publication. Edits index at
 * once; diagnosis runs in throttled, chunked passes that put open documents first and publish
 * only the files whose diagnostics changed. With `watch`, the folder watches the disk itself
 * (for clients that send no watched-file events).
 */
export class FolderState {
  readonly paths: FolderPaths;
  #service: LanguageService;
  #config: SpecChainConfig;
  #workspace: FsWorkspace;
  /** What decides what SpecChain reads: the workspace of the load running, else of the last one. */
  #rules: FsWorkspace;
  /** Workspace folders inside this one (relative paths): their files are theirs, not this folder's. */
  #nested: readonly string[] = [];
  readonly #hooks: FolderHooks;
  readonly #watcher: DiskWatcher | undefined;
  #loaded = false;
  /**
   * Settles when the first load ends (or the folder closes): the server adds a folder at
   * `initialize` and loads it after `initialized`, and a request in between must wait for it
   * rather than answer from an empty index (the status bar read "0 SPECs" after a restart).
   */
  #firstLoadDone!: () => void;
  readonly #firstLoad = new Promise<void>((resolve) => (this.#firstLoadDone = resolve));
  /** The load running now, and the one asked for meanwhile (its configuration the latest asked). */
  #running: Promise<LoadReport> | undefined;
  #queued: { config: SpecChainConfig | undefined; readonly promise: Promise<LoadReport> } | undefined;
  #generation = 0;
  #disposed = false;
  #inFlight = false;
  readonly #pending = new Map<string, Pending>();
  readonly #dirty = new Set<string>();
  /** Open documents over `maxFileSize`, with their length: told so instead of checked. */
  readonly #oversized = new Map<string, number>();
  /** Current diagnostics of files that have some. */
  readonly #current = new Map<string, Diagnostic[]>();
  /** What was last published per path, to skip unchanged publications. */
  readonly #published = new Map<string, string>();
  /** Opened documents not yet published since they opened. */
  readonly #announce = new Set<string>();
  #timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  /** True for a path the `testResults` globs name; results are read again when one changes. */
  #isResult: (path: string) => boolean = () => false;
  /** The folders the `testResults` globs start from (`build/test-results`), watched even when ignored. */
  #resultFolders: readonly string[] = [];
  #resultsTimer: NodeJS.Timeout | undefined;
  #lastRun = 0;
  /** Bumped whenever the index or the current diagnostics change: what the SPEC tree's cache keys on. */
  #version = 0;
  /** The service whose git history was asked for, and whether with the declarations' lines (REQ/AC IDs). */
  #historyAsked: { readonly service: LanguageService; readonly withLines: boolean } | undefined;
  /** With `onlyNewSince`: the fingerprints of the base's findings, for the service they were read for; those findings are not shown. */
  #base: { readonly service: LanguageService; readonly fingerprints: ReadonlySet<string> } | undefined;

  /** Loads read unchanged files' facts from the facts cache (and store what they read there). */
  readonly #cached: boolean;

  /**
   * `watch`: the folder watches the disk itself. `cache`: loads go through the facts cache, as
   * the CLI's do (the MCP server starts from what the last run left).
   */
  constructor(root: string, config: SpecChainConfig, hooks: FolderHooks, options: { readonly watch?: boolean; readonly cache?: boolean } = {}) {
    this.#cached = options.cache === true;
    this.paths = new FolderPaths(root);
    this.#config = config;
    this.#hooks = hooks;
    this.#workspace = new FsWorkspace(root, config);
    this.#rules = this.#workspace;
    this.#service = new LanguageService({ workspace: this.#workspace, config });
    this.#watcher = options.watch
      ? new DiskWatcher(this.paths.root, {
          changed: (path) => (this.#isOpen(path) ? undefined : this.reloadFile(path)),
          deleted: (path) => this.deleteFile(path),
          folderChanged: (path) => this.#apply(path, { kind: 'folder' }),
          rootGone: () => this.#rootGone(),
          rootBack: () => void this.load().catch((e) => this.#hooks.log(`${this.paths.root}: reload failed: ${String(e)}`)),
          includes: (path, isFolder) => (isFolder ? this.#watchesFolder(path) : this.watches(path)),
        })
      : undefined;
  }

  get service(): LanguageService {
    return this.#service;
  }

  get config(): SpecChainConfig {
    return this.#config;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /**
   * Resolves when the folder has an index to answer from: at once after the first load, since
   * a reload keeps the previous index answering until the new one replaces it.
   */
  whenLoaded(): Promise<unknown> {
    if (this.#loaded) return Promise.resolve();
    return this.#queued?.promise ?? this.#running ?? this.#firstLoad;
  }

  /** Changes with every change of the index or of the current diagnostics. */
  get version(): number {
    return this.#version;
  }

  /** Current diagnostics of every file (settled or not). */
  currentDiagnostics(): Iterable<Diagnostic> {
    const all = this.#current;
    return (function* () {
      for (const list of all.values()) yield* list;
    })();
  }

  /** True when a change of file `path` matters: a file SpecChain reads, or a test result file (ignored or not). */
  watches(path: string): boolean {
    return this.includes(path) || this.#isResult(path);
  }

  /** True when the watcher watches folder `dir`: SpecChain reads it, or result files may stand in or under it. */
  #watchesFolder(dir: string): boolean {
    return this.includes(dir, true) || this.#resultFolders.some((base) => base === dir || base.startsWith(`${dir}/`) || dir.startsWith(`${base}/`));
  }

  /**
   * True when SpecChain reads `path` (a file, or a folder with `isFolder`) in this folder: not
   * excluded by the settings, a built-in folder or `.gitignore`, nor inside a nested workspace folder.
   */
  includes(path: string, isFolder = false): boolean {
    for (const inner of this.#nested) if (path === inner || path.startsWith(`${inner}/`)) return false;
    return !this.#rules.isIgnored(path, isFolder);
  }

  /**
   * The workspace folders inside this one, as paths relative to it: a file belongs to the
   * innermost folder only. A change reloads this folder once it has loaded.
   */
  setNested(paths: readonly string[]): void {
    const next = [...paths].sort();
    if (next.join('\n') === this.#nested.join('\n')) return;
    this.#nested = next;
    if (this.#loaded || this.#running) void this.load().catch((e) => this.#hooks.log(`${this.paths.root}: reload failed: ${String(e)}`));
  }

  /**
   * (Re)loads the folder from disk with worker threads, optionally under a new configuration;
   * the previous service answers requests until the new one is ready. Loads never overlap: one
   * asked for while another runs is queued, and every further ask joins the queued one (under
   * the latest configuration asked), so a burst of `.gitignore` events or Refresh requests costs
   * at most two loads, not one each side by side.
   */
  load(config?: SpecChainConfig): Promise<LoadReport> {
    if (!this.#running) return this.#start(config);
    if (this.#queued) {
      if (config) this.#queued.config = config;
      return this.#queued.promise;
    }
    const running = this.#running;
    const queued: { config: SpecChainConfig | undefined; promise: Promise<LoadReport> } = {
      config,
      promise: running
        .catch(() => undefined)
        .then(() => {
          this.#queued = undefined;
          if (this.#disposed) throw new Error(`${this.paths.root}: the folder was closed`);
          return this.#start(queued.config);
        }),
    };
    this.#queued = queued;
    return queued.promise;
  }

  #start(config: SpecChainConfig = this.#config): Promise<LoadReport> {
    const running: Promise<LoadReport> = this.#doLoad(config, this.#generation).finally(() => {
      if (this.#running === running) this.#running = undefined;
      this.#firstLoadDone();
    });
    this.#running = running;
    return running;
  }

  async #doLoad(config: SpecChainConfig, generation: number): Promise<LoadReport> {
    this.#inFlight = true;
    const analyzer = new WorkerAnalyzer(this.paths.root, config);
    const cache = this.#cached ? FactsCache.open(this.paths.root, config) : undefined;
    const workspace = new FsWorkspace(this.paths.root, config, cache ? { stat: true } : {});
    const base = cache ? new CachedAnalyzer(this.paths.root, cache, analyzer) : analyzer;
    // With onlyNewSince, the base commit reuses the facts of every file the change did not touch.
    const recording = config.onlyNewSince !== '' ? new RecordingAnalyzer().around(base) : undefined;
    const service = new LanguageService({ workspace, config, analyzer: recording ?? base });
    // From now on, changes are judged by the rules being loaded; the watcher covers every folder
    // they include before the listing reads it, and what changes meanwhile is replayed below.
    this.#rules = workspace;
    this.#isResult = config.testResults.length > 0 ? picomatch(config.testResults as string[], { dot: true }) : () => false;
    this.#resultFolders = resultFolders(config.testResults);
    let report: LoadReport;
    let listing: WorkspaceEntry[];
    try {
      await this.#watcher?.watchAll();
      listing = (await workspace.list()).filter((entry) => this.#nested.length === 0 || this.includes(entry.path));
      this.#hooks.progress(listing.length, false);
      report = await service.load(listing);
      this.#hooks.progress(report.files, true);
    } catch (e) {
      if (generation === this.#generation) this.#inFlight = false;
      throw e;
    } finally {
      await analyzer.dispose().catch(() => undefined);
    }
    // A newer load (or dispose) superseded this one.
    if (generation !== this.#generation) return report;
    this.#inFlight = false;
    this.#version++;
    this.#service = service;
    this.#config = config;
    this.#workspace = workspace;
    this.#loaded = true;
    this.#readResults(service);
    if (recording) void this.#readBase(service, workspace, listing, recording);
    for (const [path, text] of this.#hooks.openDocuments(this)) if (this.includes(path)) service.update(path, text);
    // In the order they happened (a folder deleted, then a file written in it again).
    for (const [path, op] of this.#pending) this.#applyNow(path, op);
    this.#pending.clear();
    for (const f of service.index.allFacts()) if (f.tags.length || f.malformed.length || f.headerPaths.length || f.spec || f.manifest || f.mx || f.reqs || f.mxProblems || f.specsIgnored || f.invisible) this.#dirty.add(f.path);
    for (const path of this.#published.keys()) this.#dirty.add(path);
    // Nothing to diagnose still ends a load with `changed`: clients wait for it to leave "indexing".
    if (this.#dirty.size === 0) this.#hooks.changed();
    else this.#schedule(true);
    this.#hooks.log(`${this.paths.root}: ${report.files} files indexed in ${report.millis} ms (${report.skipped.length} skipped)`);
    for (const problem of [...workspace.problems, ...analyzer.problems]) this.#hooks.log(`${this.paths.root}: warning: ${problem}`);
    for (const facts of service.index.allFacts()) for (const e of facts.manifest?.errors ?? []) this.#hooks.log(`${this.paths.root}: warning: ${e}`);
    return report;
  }



  /** A new text of a file (an open document). */
  setText(path: string, text: string): void {
    this.#apply(path, { kind: 'text', text });
  }

  /** A document was opened: its diagnostics are published once even when there are none. */
  opened(path: string, text: string): void {
    if (!this.includes(path)) return;
    this.#announce.add(path);
    this.#dirty.add(path);
    this.setText(path, text);
  }

  /** The file changed on disk (or was closed): read it again. */
  reloadFile(path: string): void {
    this.#apply(path, { kind: 'reload' });
  }

  /**
   * The client's watcher saw `path` made or changed. A folder is listed: what it holds now is read
   * and what it no longer holds is dropped, since watchers often report a folder just made but not
   * the files written into it at once (a SPEC folder created with its spec.md).
   */
  changedOnDisk(path: string): void {
    const stat = lstatSync(toOsPath(nodePath.join(this.paths.root, path)), { throwIfNoEntry: false });
    if (!stat?.isDirectory()) return this.reloadFile(path);
    if (!this.includes(path, true)) return;
    const open = this.#hooks.openDocuments(this);
    const listed = new Set(filesUnder(this.paths.root, path, (p, isFolder) => (isFolder ? this.#watchesFolder(p) : this.watches(p))));
    const gone = this.#knownUnder(this.#service, path).filter((p) => !listed.has(p));
    for (const p of [...listed, ...gone]) if (!open.has(p)) this.reloadFile(p);
  }

  /** The file or folder is gone. */
  deleteFile(path: string): void {
    this.#apply(path, { kind: 'delete' });
  }

  /**
   * Reads the result files the `testResults` globs find (`.gitignore` does not hide them) into the
   * service, and marks the SPEC files whose evidence may have changed. Evidence is on only while
   * a result file was read: without one, no lens, badge, count or evidence finding claims what
   * tests did (the protocol's evidence fields are "present when result files were read").
   */
  #readResults(service: LanguageService): void {
    const { files, problems } = loadResults(this.paths.root, this.paths.root, undefined, service.config.testResults);
    for (const p of problems) if (!/no file matches$/.test(p)) this.#hooks.log(`${this.paths.root}: test results: ${p}`);
    for (const p of service.setTestResults(files.length > 0 ? files : undefined, modificationTimes(this.paths.root))) this.#dirty.add(p);
  }

  /** A result file changed: read them again shortly (a test run writes several at once). */
  #resultsChanged(): void {
    if (this.#resultsTimer) clearTimeout(this.#resultsTimer);
    this.#resultsTimer = setTimeout(() => {
      this.#resultsTimer = undefined;
      if (!this.#loaded) return;
      this.#readResults(this.#service);
      this.#schedule(false);
    }, RESULTS_SETTLE_MS);
  }

  #apply(path: string, op: Pending): void {
    if (op.kind !== 'text' && this.#isResult(path)) {
      this.#resultsChanged();
      if (!this.includes(path)) return;
    }
    if (op.kind !== 'text' && /(?:^|\/)\.git(?:ignore|attributes)$/.test(path)) {
      // Other files are read, ignored or generated now: read the folder again under the new rules.
      void this.load().catch((e) => this.#hooks.log(`${this.paths.root}: reload failed: ${String(e)}`));
      return;
    }
    if (!this.includes(path, op.kind === 'folder')) return;
    // During a load, changes are kept and replayed on the new index once it is in place, last last.
    if (this.#inFlight) {
      this.#pending.delete(path);
      this.#pending.set(path, op);
    }
    if (this.#loaded) this.#applyNow(path, op);
  }

  #isOpen(path: string): boolean {
    return this.#hooks.openDocuments(this).has(path);
  }

  /** The root folder itself is gone: its files' diagnostics are cleared (open documents keep theirs). */
  #rootGone(): void {
    this.#generation++;
    this.#inFlight = false;
    this.#pending.clear();
    this.#service = new LanguageService({ workspace: this.#workspace, config: this.#config });
    for (const [path, text] of this.#hooks.openDocuments(this)) this.#service.update(path, text);
    this.#markDirty(this.#published.keys());
    this.#hooks.log(`${this.paths.root}: the folder is gone; its diagnostics are cleared`);
  }

  /** Known files under a folder (all of them for the root): indexed or skipped. */
  #knownUnder(service: LanguageService, dir: string): string[] {
    const inside = (p: string): boolean => dir === '' || p === dir || p.startsWith(`${dir}/`);
    const out: string[] = [];
    for (const f of service.index.allFacts()) if (inside(f.path)) out.push(f.path);
    for (const p of service.index.skipped.keys()) if (inside(p)) out.push(p);
    return out;
  }

  #applyNow(path: string, op: Pending): void {
    const service = this.#service;
    this.#version++;
    this.#oversized.delete(path);
    if (op.kind === 'text' && op.text.length > service.config.maxFileSize) {
      // Too large to check as typed: said in the editor, as the CLI skips it (a SPEC stays listed with an error).
      this.#oversized.set(path, op.text.length);
      this.#markDirty(service.skipText(path));
    } else if (op.kind === 'text') this.#markDirty(service.update(path, op.text));
    else if (op.kind === 'reload') {
      // A closed, never-saved document has no file to read back: it is gone, not unreadable.
      void service.workspace.exists(path).then(async (exists) => {
        if (!exists) return this.#applyNow(path, { kind: 'delete' });
        const affected = await service.reload(path);
        if (service === this.#service) this.#markDirty(affected);
      });
    } else if (op.kind === 'folder') {
      // Made again under its old name (a branch switch): each known file is read again, or found gone.
      const open = this.#hooks.openDocuments(this);
      for (const p of this.#knownUnder(service, path)) if (!open.has(p)) this.#applyNow(p, { kind: 'reload' });
    } else {
      for (const p of this.#knownUnder(service, path)) this.#markDirty(service.delete(p));
      this.#dirty.add(path);
      this.#schedule(false);
    }
  }

  #markDirty(paths: Iterable<string>): void {
    this.#version++;
    for (const p of paths) this.#dirty.add(p);
    this.#schedule(false);
  }

  /** Reads a file as the server sees it: the open document's text, else the disk's. */
  readonly readText: ReadText = async (path) => {
    const open = this.#hooks.openDocuments(this).get(path);
    if (open !== undefined) return open;
    const text = await this.#service.workspace.read(path);
    return typeof text === 'string' ? text : undefined;
  };

  /** The diagnostics of one file as last published (what Problems shows), computed by no new pass. */
  currentOf(path: string): readonly Diagnostic[] {
    return this.#current.get(path) ?? [];
  }

  #schedule(background: boolean): void {
    if (this.#timer !== undefined || !this.#loaded) return;
    const wait = background ? 0 : Math.max(0, this.#lastRun + THROTTLE_MS - Date.now());
    this.#timer = wait === 0 ? setImmediate(() => this.#run()) : setTimeout(() => this.#run(), wait);
  }

  #run(): void {
    this.#timer = undefined;
    if (this.#dirty.size === 0) return;
    this.#lastRun = Date.now();
    const open = this.#hooks.openDocuments(this);
    const batch: string[] = [];
    for (const path of this.#dirty) if (open.has(path)) batch.push(path);
    for (const path of this.#dirty) {
      if (batch.length >= CHUNK + open.size) break;
      if (!open.has(path)) batch.push(path);
    }
    for (const path of batch) {
      this.#dirty.delete(path);
      this.#diagnose(path);
    }
    if (this.#dirty.size > 0) this.#schedule(true);
    else this.#hooks.changed();
  }

  #diagnose(path: string): void {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.#service.diagnostics(path);
    } catch (e) {
      this.#hooks.log(`diagnostics of ${path} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    }
    for (const d of diagnostics) {
      const unknown = unknownIdOf(d);
      if (unknown) this.#askHistory(unknown.kind === 'REQ');
    }
    const base = this.#base?.service === this.#service ? this.#base.fingerprints : undefined;
    if (base && diagnostics.length > 0) {
      const prints = fingerprints(diagnostics);
      diagnostics = diagnostics.filter((_, i) => !base.has(prints[i]!));
    }
    if (diagnostics.length > 0) this.#current.set(path, diagnostics);
    else this.#current.delete(path);
    this.#version++;
    const lsp = diagnostics.map((d) => toLspDiagnostic(d, this.paths));
    const size = this.#oversized.get(path);
    if (size !== undefined && !diagnostics.length) {
      const limit = this.#service.config.maxFileSize;
      lsp.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'specchain', message: `SpecChain does not check this file: it is ${size.toLocaleString('en')} characters, over the specchain.maxFileSize limit of ${limit.toLocaleString('en')} bytes.` });
    }
    const key = JSON.stringify(lsp);
    const before = this.#published.get(path);
    const announce = this.#announce.delete(path);
    if (key === (before ?? '[]') && !announce) return;
    if (lsp.length > 0) this.#published.set(path, key);
    else this.#published.delete(path);
    this.#hooks.publish(this.paths.toUri(path), lsp);
  }

  /**
   * With `specchain.onlyNewSince`: loads the merge base of that ref with HEAD from git (in memory,
   * the facts of untouched files reused, as `check --since` does) and keeps its findings'
   * fingerprints; then every file is diagnosed again, showing only the findings the branch and
   * the working tree introduced. When the base cannot be had (no repository, an unknown ref, a
   * shallow clone without it), the log says why and what to fetch, and every finding is shown.
   */
  async #readBase(service: LanguageService, workspace: FsWorkspace, listing: readonly WorkspaceEntry[], recording: RecordingAnalyzer): Promise<void> {
    const config = service.config;
    try {
      const base = await loadBase({ root: this.paths.root, config, configProblems: [], workspace }, config.onlyNewSince, listing, recording.outcomes);
      if (service !== this.#service) return;
      const prints = new Set(fingerprints(base.service.allDiagnostics()));
      this.#base = { service, fingerprints: prints };
      this.#hooks.log(`${this.paths.root}: showing only the findings new since ${config.onlyNewSince} (merge base ${base.commit.slice(0, 7)}, ${base.read} files read from git in ${base.millis} ms)`);
      this.#markDirty([...this.#current.keys(), ...this.#published.keys()]);
    } catch (e) {
      if (service === this.#service) this.#hooks.log(`${this.paths.root}: specchain.onlyNewSince: ${e instanceof Error ? e.message : String(e)}; every finding is shown`);
    }
  }

  /**
   * Reads the SPEC folders' git history for the current service, once per load and only when a
   * diagnostic names an unknown ID (one `git log` in the background; again with the declarations'
   * lines when the first unknown REQ/AC ID shows up). Then the files whose diagnostics name unknown
   * IDs are diagnosed again, now saying what became of each. Without git, outside a repository or
   * in a shallow clone, one line in the log says why.
   */
  #askHistory(withLines: boolean): void {
    const service = this.#service;
    const asked = this.#historyAsked;
    if (!this.#loaded || (asked?.service === service && (asked.withLines || !withLines))) return;
    const lines = withLines || (asked?.service === service && asked.withLines);
    this.#historyAsked = { service, withLines: lines };
    void readSpecHistory(this.paths.root, { specGlobs: service.config.specGlobs, withLines: lines }).then(
      (history) => {
        if (service !== this.#service || this.#historyAsked?.service !== service || this.#historyAsked.withLines !== lines) return;
        if ('unavailable' in history) {
          this.#hooks.log(`${this.paths.root}: unknown IDs are reported without their git history: ${history.unavailable}`);
          return;
        }
        service.setHistory(history);
        const affected: string[] = [];
        for (const [path, list] of this.#current) if (list.some((d) => unknownIdOf(d) !== undefined)) affected.push(path);
        this.#markDirty(affected);
      },
      (e) => this.#hooks.log(`${this.paths.root}: reading the git history failed: ${String(e)}`),
    );
  }

  /**
   * The folder left the workspace: every diagnostic it published is withdrawn (an empty list per
   * file), then it stops.
   */
  close(): void {
    for (const path of this.#published.keys()) this.#hooks.publish(this.paths.toUri(path), []);
    this.#published.clear();
    this.#current.clear();
    this.dispose();
  }

  /** Stops pending passes and the watcher. */
  dispose(): void {
    this.#watcher?.dispose();
    this.#disposed = true;
    this.#firstLoadDone();
    if (this.#resultsTimer) clearTimeout(this.#resultsTimer);
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer as NodeJS.Timeout);
      clearImmediate(this.#timer as NodeJS.Immediate);
    }
    this.#timer = undefined;
    this.#generation++;
  }
}

/**
 * The folders result globs start from, for the watcher: `test-results/**\/*.xml` starts from
 * `test-results`; a glob that may match anywhere (`**\/junit*.xml`) names none, and finds result
 * files in the folders SpecChain reads only.
 */
function resultFolders(globs: readonly string[]): string[] {
  const out: string[] = [];
  for (const glob of globs) {
    const scan = picomatch.scan(glob);
    const base = scan.isGlob ? scan.base : glob.includes('/') ? glob.slice(0, glob.lastIndexOf('/')) : '';
    if (base !== '' && !base.startsWith('..') && !base.startsWith('/')) out.push(base.replace(/^\.\//, ''));
  }
  return out;
}
