import { chooseFramework } from './chooseFramework';
import { specConventions } from './conventions';
import { extractEndpoints } from './endpoints';
import type { FrameworkGuidance } from './guidance';
import type { MxPlanItem, PlanFacts, PlanInput } from './facts';
import { specBlocks } from './markdown';
import * as mxSections from './mxSections';
import * as sections from './planSections';
import { earsKind, extractRequirements, type Requirement } from './requirements';
import { bareSpecId } from '../tags';

export type { ChainTag, MxPlanItem, MxPlanRef, PlanFacts, PlanInput } from './facts';

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
