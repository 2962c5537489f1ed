import picomatch from 'picomatch';
import { severityOf, type SpecChainConfig } from './config';
import type { SpecEntry, WorkspaceIndex } from './index';
import { hasInvisible, showInvisible } from './invisible';
import { checkDeclaredMissing, checkMissingTest, checkNoImplementation } from './rules/chainRules';
import type { Finding, RuleContext } from './rules/context';
import { checkDependencyCycles, checkDocumentProblems, checkDuplicateId, checkUnknownDependencies } from './rules/specRules';
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
import { checkAcUnknownReq, checkDuplicateReq, checkReqUncovered } from './rules/reqRules';
import { checkBrokenPaths, checkInvisible, checkMalformed, checkUnknownSpec } from './rules/tagRules';
import { detectStack } from './stack/detect';
import { checkStack } from './stack/rules';
import { Candidates } from './suggest';
import { append } from './text';
import type { Diagnostic, ManifestFacts, MxSettings, Severity, StackReport } from './types';

const RANK: Readonly<Record<Severity, number>> = { hint: 0, info: 1, warning: 2, error: 3 };

type FileRule = (ctx: RuleContext, path: string) => Finding[];
type SpecRule = (ctx: RuleContext, spec: SpecEntry) => Finding[];

const FILE_RULES: readonly FileRule[] = [
  checkUnknownSpec,
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
];
const SPEC_RULES: readonly SpecRule[] = [
  checkDocumentProblems,
  checkDuplicateId,
  checkUnknownDependencies,
  checkDependencyCycles,
  checkNoImplementation,
  checkMissingTest,
];

/**
 * Runs the rules over the index and maps findings to diagnostics: severity from the
 * settings in one place, `specchain-disable-next-line` honoured, stack checks cached until a
 * SPEC or a manifest changes.
 */
export class DiagnosticsEngine implements RuleContext {
  #closest = new Map<string, string | undefined>();
  #closestGeneration = -1;
  #candidates = new Candidates([]);
  #stack: { specs: number; manifests: number; report: StackReport; byPath: Map<string, Diagnostic[]> } | undefined;
  #reqCandidates = new Map<string, Candidates>();
  #reqGeneration = -1;
  #exclude: { settings: MxSettings; match: (path: string) => boolean } | undefined;

  constructor(
    readonly index: WorkspaceIndex,
    readonly config: SpecChainConfig,
  ) {}

  closestId(id: string): string | undefined {
    if (this.#closestGeneration !== this.index.specGeneration) {
      this.#closestGeneration = this.index.specGeneration;
      this.#closest.clear();
      this.#candidates = new Candidates([...new Set(this.index.specs().map((s) => s.id))]);
    }
    if (!this.#closest.has(id)) this.#closest.set(id, this.#candidates.closest(id));
    return this.#closest.get(id);
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

  mxExcluded(path: string): boolean {
    const settings = this.index.mxSettings();
    if (this.#exclude?.settings !== settings) {
      const globs = settings.exclude;
      this.#exclude = { settings, match: globs.length > 0 ? picomatch(globs as string[], { dot: true }) : () => false };
    }
    return this.#exclude.match(path);
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
    const stackFindings = this.#stackState().byPath.get(path) ?? [];
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
    if (facts.spec || facts.malformed.length || facts.headerPaths.length || facts.mx || facts.reqs || facts.mxProblems || facts.invisible || this.#stackState().byPath.has(path)) return false;
    for (const tag of facts.tags) if (tag.role === 'declaration') return false;
    return !this.index.hasUnlinked(path);
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
