import type { Layer } from '../conventions/types';
import { chooseFramework, chosenService, type FrameworkChoice } from './chooseFramework';
import * as repo from './conventionSections';
import { specConventions } from './conventions';
import { extractEndpoints } from './endpoints';
import { guidanceAt, type FrameworkGuidance } from './guidance';
import type { MxPlanItem, PlanFacts, PlanInput } from './facts';
import { featureWords, plannedFiles, type PlannedFile } from './layoutPlan';
import { specBlocks } from './markdown';
import * as mxSections from './mxSections';
import * as sections from './planSections';
import { earsKind, extractRequirements, requirementCell, type Requirement } from './requirements';
import { bareSpecId } from '../tags';

export type { ChainTag, MxPlanItem, MxPlanRef, PlanFacts, PlanInput } from './facts';

/** The paths of the code the SPEC is linked from: its markers, its `@MX` lines and the routes its endpoints bind to. */
export function linkedPaths(input: Pick<PlanInput, 'chain' | 'mx' | 'bound'>): string[] {
  const paths = [...input.chain.existing.map((t) => t.path), ...(input.mx?.references ?? []).filter((r) => !r.test).map((r) => r.path), ...(input.bound ?? []).map((r) => r.file)];
  // The SPEC's own folder (its plan, its acceptance file) is no service's code.
  return paths.filter((p) => !p.startsWith('.moai/'));
}

/** The service and framework of a plan input: its linked code, the service it names, its stated framework. */
export function planChoice(input: PlanInput): FrameworkChoice {
  return chooseFramework(input.statedStack, input.stack, input.specText, linkedPaths(input));
}

/** The facts a plan is built from; exposed so adapters can show the chosen service and framework. */
export function planFacts(input: PlanInput): PlanFacts {
  const blocks = specBlocks(input.specText);
  const choice = planChoice(input);
  const service = chosenService(choice);
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
    files: conventions ? plannedFiles(conventions, featureWords(id, endpoints), endpoints, input.bound) : new Map<Layer, readonly PlannedFile[]>(),
  };
  return { ...base, suggestions: repo.suggestionsFor(base) };
}

/** The REQs of an `@MX`-dialect SPEC as requirements, each cited by its own ID. */
function declaredRequirements(declared: readonly MxPlanItem[]): Requirement[] {
  return declared.filter((d) => d.kind === 'REQ').map((d) => {
    const text = requirementCell(d.text);
    return { id: d.id, kind: earsKind(text), text, line: d.line };
  });
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
