import type { GuidanceView } from '../../protocol';
import type { LanguageService } from '../languageService';
import { generatePlan, planGuidance, type ChainTag, type PlanInput } from '../plan/generate';
import { toGuidanceView } from '../plan/guidance';
import { mxPlanInput } from '../plan/mxInput';
import { planTargetPath } from '../plan/targetPath';
import { bareSpecId } from '../tags';
import { chainClaims, declaredTags } from './chain';
import type { ReadText } from './types';

/** A rendered plan, not written anywhere. */
export interface PlanPreview {
  readonly specId: string;
  readonly markdown: string;
  /** Workspace-relative `.moai/docs/backend-architecture-<ID>.md`. */
  readonly targetPath: string;
  readonly guidance: GuidanceView | null;
}

/** Why no plan can be made. */
export class PlanUnavailable extends Error {}

/** The backend plan of one SPEC, from its document, its chain and the workspace's stack. */
export async function getPlan(service: LanguageService, specId: string, readText: ReadText): Promise<PlanPreview> {
  const id = bareSpecId(specId.trim());
  const spec = service.index.specsWithId(id)[0];
  if (!spec) throw new PlanUnavailable(`No SPEC has the ID ${id}.`);
  const targetPath = planTargetPath(id);
  if (!targetPath) throw new PlanUnavailable(`${id} cannot name a plan file.`);
  const specText = await readText(spec.path);
  if (specText === undefined) throw new PlanUnavailable(`${spec.path} cannot be read.`);
  const stated = spec.doc.stack;
  const value = (f: { value: unknown } | undefined): string | undefined => (f && (typeof f.value === 'string' || typeof f.value === 'number') ? String(f.value) : undefined);
  const statedStack = stated
    ? {
        ...(value(stated.language) !== undefined ? { language: value(stated.language)! } : {}),
        ...(value(stated.framework) !== undefined ? { framework: value(stated.framework)! } : {}),
        ...(value(stated.version) !== undefined ? { version: value(stated.version)! } : {}),
        ...(value(stated.database) !== undefined ? { database: value(stated.database)! } : {}),
      }
    : undefined;
  const existing: ChainTag[] = chainClaims(service.index, id).map(({ path, tag }) => ({ type: tag.type, id: tag.id, path, line: tag.range.start.line + 1 }));
  let input: PlanInput = {
    specId: id,
    specPath: spec.path,
    specText,
    ...(spec.doc.title !== undefined ? { title: spec.doc.title } : {}),
    ...(spec.doc.status !== undefined ? { status: spec.doc.status } : {}),
    ...(statedStack ? { statedStack } : {}),
    stack: service.stack(),
    chain: { existing, declared: declaredTags(service.index, spec.path) },
  };
  const mx = mxPlanInput(service.index, id, input.chain);
  if (mx) input = { ...input, mx };
  const guidance = planGuidance(input);
  return { specId: id, markdown: generatePlan(input), targetPath, guidance: guidance ? toGuidanceView(guidance) : null };
}
