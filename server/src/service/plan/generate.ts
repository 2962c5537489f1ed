import type { Layer, ServiceConventions } from '../conventions/types';
import type { ServiceStack, StackReport } from '../types';
import { chooseFramework, type FrameworkChoice, type StatedStack } from './chooseFramework';
import * as repo from './conventionSections';
import { specConventions, type SpecConventions } from './conventions';
import { extractEndpoints, type Endpoint } from './endpoints';
import { guidanceAt, type FrameworkGuidance } from './guidance';
import { featureWords, plannedFiles, type PlannedFile } from './layoutPlan';
import { specBlocks } from './markdown';
import * as mxSections from './mxSections';
import * as sections from './planSections';
import { earsKind, extractRequirements, type Requirement } from './requirements';
import { bareSpecId } from '../tags';

/** A tag of the SPEC's chain that code already carries. `line` is 1-based. */
export interface ChainTag {
  readonly type: string;
  readonly id: string;
  readonly path: string;
  readonly line: number;
}

/** A REQ or AC a SPEC of the `@MX` dialect declares. `line` is 1-based. */
export interface MxPlanItem {
  readonly kind: 'REQ' | 'AC';
  readonly id: string;
  readonly text: string;
  /** Workspace-relative path of the SPEC file declaring it (`spec.md`, `acceptance.md`). */
  readonly path: string;
  readonly line: number;
  /** For an AC, the REQs it maps. */
  readonly maps: readonly string[];
}

/** An `@MX:SPEC`/`@MX:TEST` reference into the SPEC from code. `id` is a REQ/AC ID, or the SPEC's own. */
export interface MxPlanRef {
  readonly id: string;
  readonly path: string;
  readonly line: number;
  /** True for a reference from a test file. */
  readonly test: boolean;
}

/** Everything a backend plan is made from: one SPEC, its chain and the workspace's stack. */
export interface PlanInput {
  /** The SPEC ID, with or without a leading `SPEC-`. */
  readonly specId: string;
  /** Workspace-relative path of the SPEC document. */
  readonly specPath: string;
  /** The SPEC document's markdown. */
  readonly specText: string;
  readonly title?: string;
  readonly status?: string;
  /** The SPEC's `stack.backend` block, values as strings. */
  readonly statedStack?: StatedStack;
  readonly stack: StackReport;
  readonly chain: {
    /** Markers in code that belong to the SPEC. */
    readonly existing: readonly ChainTag[];
    /** Tags the SPEC declares in its text, like `@API:USER-001`. */
    readonly declared: readonly string[];
  };
  /**
   * Present for a SPEC of the `@MX` dialect (it declares REQ/AC IDs, or `@MX` lines link to it,
   * and no `@TYPE:ID` marker does): its declarations and the references code already holds.
   */
  readonly mx?: {
    readonly declared: readonly MxPlanItem[];
    readonly references: readonly MxPlanRef[];
  };
  /**
   * The conventions of the service the plan is for (`conventions/`), read from the index by
   * whoever builds the input (`planInputFor`); without them the plan falls back to the
   * framework's guidance, said as suggestions.
   */
  readonly conventions?: ServiceConventions;
}

/** The paths of the code the SPEC is linked from: its markers and `@MX` lines. */
export function linkedPaths(input: Pick<PlanInput, 'chain' | 'mx'>): string[] {
  return [...input.chain.existing.map((t) => t.path), ...(input.mx?.references ?? []).filter((r) => !r.test).map((r) => r.path)];
}

/** What the plan is written from, derived once from the input. */
export interface PlanFacts {
  readonly input: PlanInput;
  readonly id: string;
  readonly choice: FrameworkChoice;
  /** The framework's guidance at the major version the service uses. */
  readonly guidance: FrameworkGuidance | undefined;
  /** The service the plan is for, when a manifest declares its framework. */
  readonly service: ServiceStack | undefined;
  /** That service's conventions, when the input carries them for it. */
  readonly conventions: ServiceConventions | undefined;
  readonly endpoints: readonly Endpoint[];
  readonly requirements: readonly Requirement[];
  /** The error body, paging and ID form the SPEC states. */
  readonly specConventions: SpecConventions;
  /** The files the SPEC needs, per layer, placed by the service's layout. */
  readonly files: ReadonlyMap<Layer, readonly PlannedFile[]>;
  /** What the repository leaves open, with the framework's usual answer. */
  readonly suggestions: readonly repo.Suggestion[];
}

/** The service and framework of a plan input: its linked code, the service it names, its stated framework. */
export function planChoice(input: PlanInput): FrameworkChoice {
  return chooseFramework(input.statedStack, input.stack, input.specText, linkedPaths(input));
}

/** The facts a plan is built from; exposed so adapters can show the chosen service and framework. */
export function planFacts(input: PlanInput): PlanFacts {
  const blocks = specBlocks(input.specText);
  const choice = planChoice(input);
  const service = choice.kind === 'determined' ? choice.candidate?.service : undefined;
  const conventions = service && input.conventions?.root === service.root ? input.conventions : undefined;
  const endpoints = extractEndpoints(blocks);
  const id = bareSpecId(input.specId);
  const base = {
    input,
    id,
    choice,
    guidance: choice.kind === 'determined' ? guidanceAt(choice.guidance, conventions?.framework?.major) : undefined,
    service,
    conventions,
    endpoints,
    requirements: input.mx ? declaredRequirements(input.mx.declared) : extractRequirements(blocks),
    specConventions: specConventions(input.specText),
    files: conventions ? plannedFiles(conventions, featureWords(id, endpoints), endpoints) : new Map<Layer, readonly PlannedFile[]>(),
  };
  return { ...base, suggestions: repo.suggestionsFor(base) };
}

/** The REQs of an `@MX`-dialect SPEC as requirements, each cited by its own ID. */
function declaredRequirements(declared: readonly MxPlanItem[]): Requirement[] {
  return declared.filter((d) => d.kind === 'REQ').map((d) => ({ id: d.id, kind: earsKind(d.text), text: d.text, line: d.line }));
}

/** The guidance of the framework the SPEC's plan is written for, at the service's major version; undefined when undetermined. */
export function planGuidance(input: PlanInput): FrameworkGuidance | undefined {
  return planFacts(input).guidance;
}

/**
 * The backend architecture plan of one SPEC, as markdown. Deterministic: the same input
 * always gives the same text (no dates, no machine details), so rewriting it is a no-op.
 */
export function generatePlan(input: PlanInput): string {
  const facts = planFacts(input);
  const mx = input.mx !== undefined;
  const refs = (rs: readonly Requirement[]): string => sections.refs(rs, facts);
  const parts: (readonly string[])[] = [
    sections.header(facts),
    sections.frameworkSection(facts),
    repo.layoutSection(facts),
    mx ? mxSections.endpointsSection(facts) : sections.endpointsSection(facts),
    mx ? mxSections.requirementsSection(facts) : sections.requirementsSection(facts),
    repo.dataSection(facts),
    repo.apiSection(facts),
    repo.testsSection(facts, refs),
    mx ? mxSections.acceptanceTestPlan(facts) : [],
    repo.performanceSection(facts, (r) => sections.requirementRef(r, facts)),
    mx ? mxSections.mxAnnotations(facts) : sections.tagChain(facts),
    repo.orderSection(facts, refs, (type) => sections.traceMark(facts, type), (type) => sections.layoutPlace(facts, type), sections.settleStep(facts)),
    repo.versionsSection(facts),
    repo.suggestionsSection(facts),
  ];
  let number = 0;
  const lines = parts
    .filter((part) => part.length > 0)
    .flatMap((part, index) => {
      if (index === 0) return [...part, ''];
      number++;
      return [`## ${number}. ${part[0]}`, '', ...part.slice(1), ''];
    });
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
