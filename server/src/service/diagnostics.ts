import picomatch from 'picomatch';
import { severityOf, type SpecChainConfig } from './config';
import type { SpecEntry, WorkspaceIndex } from './index';
import { hasInvisible, showInvisible } from './invisible';
import { checkDeclaredMissing, checkMissingTest, checkNoImplementation } from './rules/chainRules';
import type { Finding, RuleContext } from './rules/context';
import { IdCache } from './idCache';
import { checkDependencyCycles, checkDocumentProblems, checkDuplicateId, checkNoSpecs, checkUnknownDependencies } from './rules/specRules';
import {
  checkMxDanglingSpec,
  checkMxMissingReason,
  checkMxMissingUpgrade,
  checkMxMoaiInvisible,
  checkMxOverLimit,
  checkMxProblems,
  checkMxUnknownKind,
  checkMxUnknownReq,
  checkMxUnknownSpec,
} from './rules/mxRules';
import { checkEvidenceFailing, checkStatusUnproven } from './evidence/rules';
import type { EvidenceReport } from './evidence/states';
import { checkAcUnknownReq, checkDuplicateReq, checkReqUncovered } from './rules/reqRules';
import { checkRouteMissing } from './rules/routeRules';
import { WorkspaceRoutes, bindSpec, composeRoutes, specServices, type SpecBinding } from './routes';
import { checkBrokenPaths, checkInvisible, checkMalformed, checkUnknownSpec } from './rules/tagRules';
import { detectStack } from './stack/detect';
import { checkStack } from './stack/rules';
import { Candidates } from './suggest';
import { append } from './text';
import { ROOT_GITIGNORE, missingStore, type MissingStore } from './specStore';
import type { Diagnostic, FileFacts, ManifestFacts, MxSettings, Range, Severity, StackReport } from './types';

const NO_BINDING: SpecBinding = { endpoints: [], services: [], declared: false, scoped: false };

const RANK: Readonly<Record<Severity, number>> = { hint: 0, info: 1, warning: 2, error: 3 };

type FileRule = (ctx: RuleContext, path: string) => Finding[];
type SpecRule = (ctx: RuleContext, spec: SpecEntry) => Finding[];

const FILE_RULES: readonly FileRule[] = [
  checkUnknownSpec,
  checkNoSpecs,
  checkMalformed,
  checkBrokenPaths,
  checkInvisible,
  checkDeclaredMissing,
  checkMxUnknownSpec,
  checkMxUnknownReq,
  checkMxDanglingSpec,
  checkMxMissingReason,
  checkMxMissingUpgrade,
  checkMxOverLimit,
  checkMxUnknownKind,
  checkMxMoaiInvisible,
  checkMxProblems,
  checkDuplicateReq,
  checkReqUncovered,
  checkAcUnknownReq,
  checkEvidenceFailing,
];
const SPEC_RULES: readonly SpecRule[] = [
  checkDocumentProblems,
  checkDuplicateId,
  checkUnknownDependencies,
  checkDependencyCycles,
  checkNoImplementation,
  checkMissingTest,
  checkStatusUnproven,
  checkRouteMissing,
];

/**
 * Runs the rules over the index and maps findings to diagnostics: severity from the
 * settings in one place, `specchain-disable-next-line` honoured, stack checks cached until a
 * SPEC or a manifest changes.
 */
export class DiagnosticsEngine implements RuleContext {
  readonly #closest: IdCache<string | undefined>;
  #closestGeneration = -1;
  #candidates = new Candidates([]);
  #stack: { specs: number; manifests: number; report: StackReport; byPath: Map<string, Diagnostic[]> } | undefined;
  #reqCandidates = new Map<string, Candidates>();
  #reqGeneration = -1;
  #exclude: { settings: MxSettings; match: (path: string) => boolean } | undefined;
  #routes: { routes: number; manifests: number; value: WorkspaceRoutes } | undefined;
  #bindings = new Map<string, SpecBinding>();
  #bindingsKey = '';
  #store: { generation: number; found: MissingStore | undefined } | undefined;

  constructor(
    readonly index: WorkspaceIndex,
    readonly config: SpecChainConfig,
    readonly evidence: () => EvidenceReport | undefined = () => undefined,
  ) {
    this.#closest = new IdCache(index.idCacheLimit);
  }

  closestId(id: string): string | undefined {
    if (this.#closestGeneration !== this.index.specGeneration) {
      this.#closestGeneration = this.index.specGeneration;
      this.#closest.clear();
      this.#candidates = new Candidates([...new Set(this.index.specs().map((s) => s.id))]);
    }
    return this.#closest.get(id, (broken) => this.#candidates.closest(broken));
  }

  closestReq(id: string, scope: readonly string[]): string | undefined {
    if (this.#reqGeneration !== this.index.specGeneration) {
      this.#reqGeneration = this.index.specGeneration;
      this.#reqCandidates.clear();
    }
    const key = scope.join(' ');
    let candidates = this.#reqCandidates.get(key);
    if (!candidates) {
      const specs = scope.length > 0 ? scope : this.index.specs().map((s) => s.id);
      const ids = new Set<string>();
      for (const spec of specs) for (const r of this.index.reqsOf(spec)) ids.add(r.decl.id);
      this.#reqCandidates.set(key, (candidates = new Candidates([...ids])));
    }
    return candidates.closest(id);
  }

  missingStore(): MissingStore | undefined {
    if (this.#store?.generation !== this.index.generation) {
      this.#store = { generation: this.index.generation, found: this.#findMissingStore() };
    }
    return this.#store.found;
  }

  /** Counts the links that name SPECs (claims, `@MX` link lines in code), only when no SPEC exists. */
  #findMissingStore(): MissingStore | undefined {
    if (this.index.specs().length > 0) return undefined;
    let links = 0;
    let firstLink: { path: string; range: Range } | undefined;
    for (const facts of this.index.allFacts()) {
      const ranges = [...facts.tags.filter((t) => t.role === 'claim'), ...(facts.mx ?? []).filter((m) => m.place !== 'markdown' && m.refs.some((r) => r.kind === 'SPEC'))].map((x) => x.range);
      links += ranges.length;
      if (ranges.length > 0 && (!firstLink || facts.path < firstLink.path)) firstLink = { path: facts.path, range: ranges[0]! };
    }
    return missingStore({
      specCount: 0,
      links,
      firstLink,
      ignored: this.index.facts(ROOT_GITIGNORE)?.specsIgnored,
      moaiPresent: this.index.exists('.moai'),
      specGlobs: this.config.specGlobs,
    });
  }

  mxExcluded(path: string): boolean {
    const settings = this.index.mxSettings();
    if (this.#exclude?.settings !== settings) {
      const globs = settings.exclude;
      this.#exclude = { settings, match: globs.length > 0 ? picomatch(globs as string[], { dot: true }) : () => false };
    }
    return this.#exclude.match(path);
  }

  /**
   * The routes of the workspace, composed across files per service of the detected stack;
   * recomputed only when a file with route facts or a manifest changed.
   */
  routes(): WorkspaceRoutes {
    const routes = this.index.routesGeneration;
    const manifests = this.index.manifestGeneration;
    if (this.#routes?.routes === routes && this.#routes.manifests === manifests) return this.#routes.value;
    const files: { path: string; routes: NonNullable<FileFacts['routes']> }[] = [];
    for (const f of this.index.allFacts()) if (f.routes) files.push({ path: f.path, routes: f.routes });
    const services = this.stack().services.map((s) => ({ root: s.root, frameworks: s.frameworks.map((f) => f.name) }));
    const value = new WorkspaceRoutes(composeRoutes(files, services));
    this.#routes = { routes, manifests, value };
    return value;
  }

  endpointsOf(spec: SpecEntry): SpecBinding {
    const key = `${this.index.routesGeneration}:${this.index.manifestGeneration}:${this.index.specGeneration}`;
    if (key !== this.#bindingsKey) {
      this.#bindingsKey = key;
      this.#bindings.clear();
    }
    let binding = this.#bindings.get(spec.path);
    if (!binding) {
      const endpoints = this.index.facts(spec.path)?.endpoints ?? [];
      const reqs = this.index.facts(spec.path)?.reqs ?? [];
      const services = this.stack().services;
      const routes = this.routes();
      // A service's silence counts only where its framework's routes are read: a detected framework, or Next.js route handlers.
      const readable = (root: string): boolean => services.some((s) => s.root === root && s.frameworks.length > 0) || routes.ofService(root).every((r) => r.framework === 'nextjs');
      binding = endpoints.length ? bindSpec(endpoints, reqs, routes, specServices(spec.doc, services), readable) : NO_BINDING;
      this.#bindings.set(spec.path, binding);
    }
    return binding;
  }

  /** The detected stack, recomputed only when a manifest changed. */
  stack(): StackReport {
    return this.#stackState().report;
  }

  /** All diagnostics of one file. */
  forFile(path: string): Diagnostic[] {
    if (this.#quiet(path)) return [];
    const findings: Finding[] = [];
    for (const rule of FILE_RULES) append(findings, rule(this, path));
    const doc = this.index.facts(path)?.spec;
    if (doc?.id !== undefined) {
      const spec: SpecEntry = { id: doc.id, path, doc };
      for (const rule of SPEC_RULES) append(findings, rule(this, spec));
    } else if (doc) {
      append(findings, checkDocumentProblems(this, { id: '', path, doc }));
    }
    const stackFindings = this.#stackFindings(path);
    return [...this.#finalize(path, findings), ...this.#filterDisabled(path, stackFindings)].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }

  /** Diagnostics of the whole workspace, by file order. */
  all(): Diagnostic[] {
    const byPath = new Map<string, Diagnostic[]>();
    const visit = (path: string): void => {
      if (byPath.has(path)) return;
      const found = this.forFile(path);
      if (found.length) byPath.set(path, found);
    };
    for (const facts of this.index.allFacts()) visit(facts.path);
    for (const path of this.#stackState().byPath.keys()) visit(path);
    const out: Diagnostic[] = [];
    for (const path of [...byPath.keys()].sort()) append(out, byPath.get(path)!);
    return out;
  }

  /**
   * True for the common file that cannot have findings: no SPEC, no malformed marker or header
   * path, every marker linked, nothing from the stack checks.
   */
  #quiet(path: string): boolean {
    const facts = this.index.facts(path);
    if (!facts) return !this.#stackState().byPath.has(path);
    if (facts.spec || facts.manifest || facts.malformed.length || facts.headerPaths.length || facts.mx || facts.reqs || facts.mxProblems || facts.specsIgnored || facts.invisible) return false;
    for (const tag of facts.tags) if (tag.role === 'declaration') return false;
    return !this.index.hasUnlinked(path);
  }

  /**
   * The stack findings of a file. They stand only on SPEC documents and manifests (the SPEC's
   * claim, the manifest's declaration), so other files never wait for the workspace's stack to
   * be detected (a hook checking one source file, an edit in the editor).
   */
  #stackFindings(path: string): Diagnostic[] {
    const facts = this.index.facts(path);
    if (facts && !facts.spec && !facts.manifest) return [];
    return this.#stackState().byPath.get(path) ?? [];
  }

  #finalize(path: string, findings: readonly Finding[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { atMost, ...f } of findings) {
      const severity = severityOf(f.code, this.config, f.severity);
      // An ID quoted with an invisible character in it is shown escaped, in every front end.
      const message = hasInvisible(f.message) ? showInvisible(f.message) : f.message;
      if (severity) out.push({ ...f, message, severity: atMost !== undefined && RANK[severity] > RANK[atMost] ? atMost : severity });
    }
    return this.#filterDisabled(path, out);
  }

  #filterDisabled(path: string, diagnostics: Diagnostic[]): Diagnostic[] {
    const disables = this.index.facts(path)?.disables;
    if (!disables?.length) return diagnostics;
    return diagnostics.filter((d) => !disables.some((x) => x.line === d.range.start.line && (x.codes.length === 0 || x.codes.includes(d.code))));
  }

  #stackState(): { report: StackReport; byPath: Map<string, Diagnostic[]> } {
    const specGeneration = this.index.specGeneration;
    const manifestGeneration = this.index.manifestGeneration;
    if (this.#stack && this.#stack.specs === specGeneration && this.#stack.manifests === manifestGeneration) return this.#stack;
    const manifests: ManifestFacts[] = [];
    const paths: string[] = [];
    for (const facts of this.index.allFacts()) {
      paths.push(facts.path);
      if (facts.manifest) manifests.push(facts.manifest);
    }
    const report = detectStack(manifests, paths);
    const inputs = this.index.specs().map((s) => ({ path: s.path, doc: s.doc, capabilities: s.doc.capabilities }));
    const byPath = new Map<string, Diagnostic[]>();
    for (const d of checkStack(inputs, report, this.config)) {
      const list = byPath.get(d.path);
      if (list) list.push(d);
      else byPath.set(d.path, [d]);
    }
    this.#stack = { specs: specGeneration, manifests: manifestGeneration, report, byPath };
    return this.#stack;
  }
}
