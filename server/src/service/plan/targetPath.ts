import { bareSpecId, isSpecIdShape } from '../tags';

/** The folder plans are written to, relative to the workspace root. */
export const PLAN_FOLDER = '.moai/docs';

/**
 * Where the backend plan of a SPEC belongs: `.moai/docs/backend-architecture-<ID>.md` with the
 * bare ID. Undefined for an ID that is not an ID (`isSpecIdShape`): slashes, backslashes, NUL,
 * drive letters, `..` and empty IDs are refused, so the plan cannot leave `.moai/docs/`.
 */
export function planTargetPath(specId: string): string | undefined {
  const id = bareSpecId(specId);
  if (!isSpecIdShape(id)) return undefined;
  return `${PLAN_FOLDER}/backend-architecture-${id}.md`;
}
