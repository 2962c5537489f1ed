import { FileClassifier, analyzeFile, companionPaths, isSkippedByName, unreadableSpec } from './analyze';
import type { SpecChainConfig } from './config';
import { DiagnosticsEngine } from './diagnostics';
import { GeneratedAttributes } from './gitattributes';
import { WorkspaceIndex, type SpecEntry } from './index';
import { computeEvidence, type EvidenceReport } from './evidence/states';
import { attachHistory } from './history/attach';
import { HistoryIndex } from './history/classify';
import type { SpecHistory } from './history/types';
import type { ResultFile } from './evidence/resultTypes';
import { routeLayout, type RouteFolder, type SpecBinding, type WorkspaceRoutes } from './routes';
import type { Diagnostic, FileFacts, SkipReason, SkippedFile, StackReport } from './types';
import { withLineFeeds } from './text';
import type { BulkAnalyzer, Workspace, WorkspaceEntry } from './workspace';
import { readLimitFor } from './stack/manifests';

export interface LanguageServiceOptions {
  readonly workspace: Workspace;
  readonly config: SpecChainConfig;
  /** Parallel reader/analyser; without one, files are read through the workspace. */
  readonly analyzer?: BulkAnalyzer;
}

/** What a full load saw. */
export interface LoadReport {
  readonly files: number;
  readonly skipped: readonly SkippedFile[];
  readonly millis: number;
  /** Where the time went: listing, reading and analysing, indexing. */
  readonly phases: { readonly list: number; readonly analyze: number; readonly index: number };
}

/**
 * The SpecChain service: one object that owns the index and answers every question the
 * adapters (LSP server, CLI) ask. It never touches the disk itself: all reading goes through
 * the `Workspace` it is given.
 */
export class LanguageService {
  readonly workspace: Workspace;
  readonly config: SpecChainConfig;
  readonly classifier: FileClassifier;
  readonly index: WorkspaceIndex;
  readonly #engine: DiagnosticsEngine;
  readonly #analyzer: BulkAnalyzer | undefined;
  /** What the workspace's `.gitattributes` files mark `linguist-generated`, read on each load. */
  #generated = new GeneratedAttributes();
  /** Test result files given (undefined: none, and no evidence is computed). */
  #results: { files: readonly ResultFile[]; modifiedAt?: (path: string) => number | undefined } | undefined;
  #evidence: { generation: number; report: EvidenceReport } | undefined;
  /** The SPEC folders' git history, when the adapter read it: unknown IDs' diagnostics say what became of them. */
  #history: HistoryIndex | undefined;

  constructor(options: LanguageServiceOptions) {
    this.workspace = options.workspace;
    this.config = options.config;
    this.classifier = new FileClassifier(options.config);
    this.index = new WorkspaceIndex(options.config.tagTypes);
    this.#engine = new DiagnosticsEngine(this.index, options.config, () => this.evidence());
    this.#analyzer = options.analyzer;
  }

  /** Reads the whole workspace: the files of `listing` when the caller listed them already. */
  async load(listing?: readonly WorkspaceEntry[]): Promise<LoadReport> {
    const started = Date.now();
    const entries = listing ?? (await this.workspace.list());
    const listed = Date.now();
    this.#generated = new GeneratedAttributes();
    for (const entry of entries) {
      if (!GeneratedAttributes.isAttributesFile(entry.path)) continue;
      const text = await this.workspace.read(entry.path);
      if (typeof text === 'string') this.#generated.add(entry.path, text);
    }
    let skipped: SkippedFile[] = [];
    const toRead: WorkspaceEntry[] = [];
    for (const entry of entries) {
      if (isSkippedByName(entry.path)) skipped.push({ path: entry.path, reason: 'binary' });
      else if (entry.size !== undefined && entry.size > readLimitFor(entry.path, this.config.maxFileSize)) skipped.push({ path: entry.path, reason: 'too-large' });
      else toRead.push(entry);
    }
    let facts: FileFacts[];
    if (this.#analyzer) {
      const result = await this.#analyzer.analyze(toRead);
      facts = result.facts;
      for (const s of result.skipped) skipped.push(s);
    } else {
      facts = [];
      for (const { path } of toRead) {
        const text = await this.workspace.read(path);
        if (typeof text === 'string') facts.push(analyzeFile(path, text, this.classifier));
        else skipped.push(text);
      }
    }
    const analyzed = Date.now();
    for (const f of facts) this.index.set(this.#markGenerated(f));
    for (const s of skipped) this.#skip(s.path, s.reason);
    const done = Date.now();
    // A file deleted between the listing and its read is not there: neither indexed nor counted as skipped.
    if (skipped.some((s) => s.reason === 'vanished')) skipped = skipped.filter((s) => s.reason !== 'vanished');
    return { files: facts.length, skipped, millis: done - started, phases: { list: listed - started, analyze: analyzed - listed, index: done - analyzed } };
  }

  /**
   * Indexes a new text of one file and returns the files whose diagnostics may have changed:
   * the file itself, and the SPECs its old and new markers belong to (or everything, when a
   * SPEC's ID or chain changed).
   */
  update(path: string, text: string): Set<string> {
    return this.#apply(path, () => this.index.set(this.#markGenerated(analyzeFile(path, withLineFeeds(text), this.classifier))));
  }

  /**
   * The facts of a file `.gitattributes` marks generated: no markers, as for any generated file
   * (applied after analysis, so that cached facts stay right when `.gitattributes` changes).
   */
  #markGenerated(facts: FileFacts): FileFacts {
    if (this.#generated.empty || !this.#generated.isGenerated(facts.path)) return facts;
    const { mx: _mx, reqs: _reqs, mxProblems: _problems, tests: _tests, ...rest } = facts;
    return { ...rest, tags: [], malformed: [], headerPaths: [], disables: [] };
  }

  /** Forgets a deleted file; returns the files whose diagnostics may have changed. */
  delete(path: string): Set<string> {
    return this.#apply(path, () => this.index.delete(path));
  }

  /** Re-reads one file through the workspace (a watched change on disk). */
  async reload(path: string): Promise<Set<string>> {
    const text = isSkippedByName(path) ? ({ path, reason: 'binary' } as const) : await this.workspace.read(path);
    if (typeof text === 'string') return this.update(path, text);
    return this.#apply(path, () => this.#skip(path, text.reason));
  }

  /** An open document too large to check (its text is not analysed); returns the files whose diagnostics may have changed. */
  skipText(path: string): Set<string> {
    return this.#apply(path, () => this.#skip(path, 'too-large'));
  }

  /** Records a file that was not read; a SPEC document stays listed, with the reason. A file that vanished is forgotten. */
  #skip(path: string, reason: SkipReason): boolean {
    if (reason === 'vanished') return this.index.delete(path);
    if (this.classifier.isSpecDocument(path)) return this.index.set(unreadableSpec(path, reason));
    this.index.skip(path, reason);
    return false;
  }

  /**
   * Sets the test result files the evidence comes from (an empty list still turns evidence on:
   * every test is then not run; `undefined` turns it off). `modifiedAt` gives a workspace file's
   * modification time, for staleness. Returns the SPEC files whose evidence diagnostics may change.
   */
  setTestResults(files: readonly ResultFile[] | undefined, modifiedAt?: (path: string) => number | undefined): Set<string> {
    this.#results = files ? { files, ...(modifiedAt ? { modifiedAt } : {}) } : undefined;
    this.#evidence = undefined;
    return this.#specFiles();
  }

  /** The evidence of every SPEC, REQ and AC from the result files set, or undefined when none were. */
  evidence(): EvidenceReport | undefined {
    if (!this.#results) return undefined;
    if (this.#evidence?.generation !== this.index.generation) this.#evidence = { generation: this.index.generation, report: computeEvidence(this.index, this.#results.files, this.#results.modifiedAt) };
    return this.#evidence.report;
  }

  /** SPEC documents and the companions that declare REQs/ACs: where evidence is reported. */
  #specFiles(): Set<string> {
    const out = new Set<string>();
    for (const f of this.index.allFacts()) if (f.spec || f.reqs?.length) out.add(f.path);
    return out;
  }

  /**
   * Sets the SPEC folders' git history (read by the adapter, one `git log`): from then on the
   * diagnostics of unknown SPEC/REQ/AC IDs say whether the ID was renamed (with the retarget fix),
   * deleted or never existed. Undefined forgets it.
   */
  setHistory(history: SpecHistory | undefined): void {
    this.#history = history && new HistoryIndex(history);
  }

  diagnostics(path: string): Diagnostic[] {
    return this.#withHistory(this.#engine.forFile(path));
  }

  allDiagnostics(): Diagnostic[] {
    return this.#withHistory(this.#engine.all());
  }

  #withHistory(diagnostics: Diagnostic[]): Diagnostic[] {
    const history = this.#history;
    return history ? attachHistory(diagnostics, (kind, id) => history.classify(kind, id)) : diagnostics;
  }

  /** The detected stack, each service with the number of routes read from its code. */
  stack(): StackReport {
    const report = this.#engine.stack();
    const counts = this.#engine.routes().counts();
    return { ...report, services: report.services.map((s) => ({ ...s, routes: counts.get(s.root) ?? 0 })) };
  }

  /** Every route of the workspace with its full path, composed across files per service. */
  routes(): WorkspaceRoutes {
    return this.#engine.routes();
  }

  /**
   * Where this repository keeps its handlers: per service, the folders whose files declare
   * routes, with their frameworks, files and an example route to cite (for the backend plan).
   */
  routeLayout(): RouteFolder[] {
    return routeLayout(this.#engine.routes().all);
  }

  /** The endpoints a SPEC document names, bound to the routes of its services. */
  endpointsOf(spec: SpecEntry): SpecBinding {
    return this.#engine.endpointsOf(spec);
  }

  /** Closest SPEC ID to a broken one. */
  closestId(id: string): string | undefined {
    return this.#engine.closestId(id);
  }

  /** The SPECs a file's markers and `@MX` lines link to (or look their REQ/AC IDs up in). */
  #linkedSpecs(path: string): Set<string> {
    const ids = this.index.specIdsLinkedFrom(path);
    for (const link of this.index.mxLinks(path)) for (const id of [...link.specIds, ...link.scope]) ids.add(id);
    return ids;
  }

  #apply(path: string, change: () => boolean): Set<string> {
    const before = this.#linkedSpecs(path);
    const shapesStack = (): boolean => {
      const f = this.index.facts(path);
      return f?.manifest !== undefined || f?.spec !== undefined;
    };
    const hadStackInput = shapesStack();
    const hadTests = this.index.facts(path)?.tests !== undefined;
    const hadRoutes = this.index.facts(path)?.routes !== undefined;
    const tablesChanged = change();
    const affected = new Set<string>([path]);
    // A test file's tests (and the result files' view of them) decide the SPECs' evidence.
    if (this.#results && (hadTests || this.index.facts(path)?.tests !== undefined)) for (const p of this.#specFiles()) affected.add(p);
    if (tablesChanged) {
      for (const f of this.index.allFacts()) if (f.tags.length || f.malformed.length || f.spec || f.mx || f.reqs) affected.add(f.path);
      return affected;
    }
    const after = this.#linkedSpecs(path);
    for (const id of new Set([...before, ...after])) {
      for (const spec of this.index.specsWithId(id)) {
        affected.add(spec.path);
        for (const companion of companionPaths(spec.path)) if (this.index.facts(companion)) affected.add(companion);
      }
    }
    if (hadStackInput || shapesStack()) {
      for (const f of this.index.allFacts()) if (f.spec || f.manifest) affected.add(f.path);
    }
    // Routes bind to the endpoints SPECs name: a route file's change re-checks those SPECs.
    if (hadRoutes || this.index.facts(path)?.routes !== undefined) {
      for (const f of this.index.allFacts()) if (f.endpoints) affected.add(f.path);
    }
    return affected;
  }
}
