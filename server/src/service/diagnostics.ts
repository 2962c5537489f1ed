import { severityOf, type SpecChainConfig } from './config';
import type { SpecEntry, WorkspaceIndex } from './index';
import { checkDeclaredMissing, checkMissingTest, checkNoImplementation } from './rules/chainRules';
import type { Finding, RuleContext } from './rules/context';
import { checkDependencyCycles, checkDocumentProblems, checkDuplicateId, checkUnknownDependencies } from './rules/specRules';
import { checkBrokenPaths, checkMalformed, checkUnknownSpec } from './rules/tagRules';
import { detectStack } from './stack/detect';
import { checkStack } from './stack/rules';
import { Candidates, append } from './text';
import type { Diagnostic, ManifestFacts, StackReport } from './types';

type FileRule = (ctx: RuleContext, path: string) => Finding[];
type SpecRule = (ctx: RuleContext, spec: SpecEntry) => Finding[];

const FILE_RULES: readonly FileRule[] = [checkUnknownSpec, checkMalformed, checkBrokenPaths, checkDeclaredMissing];
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
    if (facts.spec || facts.malformed.length || facts.headerPaths.length || this.#stackState().byPath.has(path)) return false;
    for (const tag of facts.tags) if (tag.role === 'declaration') return false;
    return !this.index.hasUnlinked(path);
  }

  #finalize(path: string, findings: readonly Finding[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const f of findings) {
      const severity = severityOf(f.code, this.config, f.severity);
      if (severity) out.push({ ...f, severity });
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
    for (const facts of this.index.allFacts()) if (facts.manifest) manifests.push(facts.manifest);
    const report = detectStack(manifests);
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
