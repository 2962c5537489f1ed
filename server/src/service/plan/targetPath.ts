import { bareSpecId } from '../tags';

/** The folder plans are written to, relative to the workspace root. */
export const PLAN_FOLDER = '.moai/docs';

const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;


/**
 * Where the backend plan of a SPEC belongs: `.moai/docs/backend-architecture-<ID>.md` with the
 * bare ID. Undefined for an ID that could leave `.moai/docs/`: only `[A-Za-z0-9._-]` without
 * `..` is accepted, so slashes, backslashes, NUL, drive letters and empty IDs are refused.
 */
export function planTargetPath(specId: string): string | undefined {
  const id = bareSpecId(specId);
  if (!SAFE_ID.test(id) || id.includes('..')) return undefined;
  return `${PLAN_FOLDER}/backend-architecture-${id}.md`;
}
