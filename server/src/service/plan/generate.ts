import type { StackReport } from '../types';
import { chooseFramework, type FrameworkChoice, type StatedStack } from './chooseFramework';
import { specConventions, type SpecConventions } from './conventions';
import { extractEndpoints, type Endpoint } from './endpoints';
import type { FrameworkGuidance } from './guidance';
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
}

/** What the plan is written from, derived once from the input. */
export interface PlanFacts {
  readonly input: PlanInput;
  readonly id: string;
  readonly choice: FrameworkChoice;
  readonly guidance: FrameworkGuidance | undefined;
  readonly endpoints: readonly Endpoint[];
  readonly requirements: readonly Requirement[];
  /** The error body, paging and ID form the SPEC states. */
  readonly conventions: SpecConventions;
}

/** The facts a plan is built from; exposed so adapters can show the chosen framework. */
export function planFacts(input: PlanInput): PlanFacts {
  const blocks = specBlocks(input.specText);
  const choice = chooseFramework(input.statedStack, input.stack, input.specText);
  return {
    input,
    id: bareSpecId(input.specId),
    choice,
    guidance: choice.kind === 'determined' ? choice.guidance : undefined,
    endpoints: extractEndpoints(blocks),
    requirements: input.mx ? declaredRequirements(input.mx.declared) : extractRequirements(blocks),
    conventions: specConventions(input.specText),
  };
}

/** The REQs of an `@MX`-dialect SPEC as requirements, each cited by its own ID. */
function declaredRequirements(declared: readonly MxPlanItem[]): Requirement[] {
  return declared.filter((d) => d.kind === 'REQ').map((d) => ({ id: d.id, kind: earsKind(d.text), text: d.text, line: d.line }));
}

/** The guidance of the framework the SPEC's plan is written for, or undefined when undetermined. */
export function planGuidance(input: PlanInput): FrameworkGuidance | undefined {
  const choice = chooseFramework(input.statedStack, input.stack, input.specText);
  return choice.kind === 'determined' ? choice.guidance : undefined;
}

/**
 * The backend architecture plan of one SPEC, as markdown. Deterministic: the same input
 * always gives the same text (no dates, no machine details), so rewriting it is a no-op.
 */
export function generatePlan(input: PlanInput): string {
  const facts = planFacts(input);
  const mx = input.mx !== undefined;
  const parts: (readonly string[])[] = [
    sections.header(facts),
    sections.frameworkSection(facts),
    sections.apiDesign(facts),
    mx ? mxSections.endpointsSection(facts) : sections.endpointsSection(facts),
    mx ? mxSections.requirementsSection(facts) : sections.requirementsSection(facts),
    sections.dataLayer(facts),
    sections.middlewareSection(facts),
    sections.testingStrategy(facts),
    mx ? mxSections.acceptanceTestPlan(facts) : [],
    sections.performanceBudget(facts),
    sections.securityChecklist(facts),
    mx ? mxSections.mxAnnotations(facts) : sections.tagChain(facts),
    sections.phases(facts),
    sections.libraryVersions(facts),
    sections.guidanceSection(facts),
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
