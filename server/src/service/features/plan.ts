import type { ByPath, ConventionsView, GuidanceView } from '../../protocol';
import type { LanguageService } from '../languageService';
import { generatePlan, planFacts } from '../plan/generate';
import { conventionsView } from '../plan/conventionsView';
import { toGuidanceView } from '../plan/guidance';
import { planInputFor } from '../plan/planInput';
import { planTargetPath } from '../plan/targetPath';
import { bareSpecId } from '../tags';
import type { ReadText } from './types';

/** A rendered plan, not written anywhere. */
export interface PlanPreview {
  readonly specId: string;
  readonly markdown: string;
  /** Workspace-relative `.moai/docs/backend-architecture-<ID>.md`. */
  readonly targetPath: string;
  readonly guidance: GuidanceView | null;
  /** The conventions of the SPEC's service, by path (the adapter adds URIs), or null when none were read. */
  readonly conventions: ByPath<ConventionsView> | null;
}

/** Why no plan can be made. */
export class PlanUnavailable extends Error {}

/** The backend plan of one SPEC, from its document, its chain, the workspace's stack and its service's conventions. */
export async function getPlan(service: LanguageService, specId: string, readText: ReadText): Promise<PlanPreview> {
  const id = bareSpecId(specId.trim());
  const targetPath = planTargetPath(id);
  if (!targetPath) throw new PlanUnavailable(`${id} cannot name a plan file.`);
  const found = await planInputFor(service, id, readText);
  if (found.kind === 'unknown') throw new PlanUnavailable(`No SPEC has the ID ${id}.`);
  if (found.kind === 'unreadable') throw new PlanUnavailable(`${found.path} cannot be read.`);
  const facts = planFacts(found.input);
  return {
    specId: id,
    markdown: generatePlan(found.input),
    targetPath,
    guidance: facts.guidance ? toGuidanceView(facts.guidance) : null,
    conventions: conventionsView(facts) ?? null,
  };
}
