import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { WorkspaceEntry } from '../service/workspace';

const SPECS = '.moai/specs';

/**
 * The nearest `.moai/specs` folder of a checked folder that yielded no SPEC, as an absolute path:
 * the shallowest one below it in the listing, else the closest one above it.
 */
export function nearestSpecsFolder(root: string, listing: readonly WorkspaceEntry[]): string | undefined {
  let below: string | undefined;
  for (const { path } of listing) {
    const at = path.indexOf(`${SPECS}/`);
    if (at === -1 || (at > 0 && path[at - 1] !== '/')) continue;
    const folder = path.slice(0, at + SPECS.length);
    if (below === undefined || folder.split('/').length < below.split('/').length) below = folder;
  }
  if (below !== undefined) return nodePath.join(root, ...below.split('/'));
  for (let dir = nodePath.dirname(root), child = root; dir !== child; child = dir, dir = nodePath.dirname(dir)) {
    const candidate = nodePath.join(dir, ...SPECS.split('/'));
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The note `check` writes when it found no SPEC: where it looked, and where the SPECs may be. */
export function noSpecsNote(root: string, specGlobs: readonly string[], listing: readonly WorkspaceEntry[], cwd: string): string {
  const shown = (abs: string): string => {
    const rel = nodePath.relative(cwd, abs) || '.';
    return rel.length <= abs.length ? rel : abs;
  };
  const head = `specchain check: 0 SPECs found in ${shown(root)} (specGlobs: ${specGlobs.join(', ')})`;
  const nearest = nearestSpecsFolder(root, listing);
  if (nearest === undefined) return `${head}, and no ${SPECS} folder above or below it.`;
  if (nearest === nodePath.join(root, ...SPECS.split('/'))) return `${head}, though ${shown(nearest)} exists: no file in it matches the globs.`;
  return `${head}; the nearest ${SPECS} is ${shown(nearest)}: check ${shown(nodePath.dirname(nodePath.dirname(nearest)))} instead.`;
}
