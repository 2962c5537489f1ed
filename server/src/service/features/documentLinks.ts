import type { WorkspaceIndex } from '../index';
import { DIALECTS } from './dialects';
import type { PathLink } from './refs';

/**
 * Document links of every dialect: the paths of header lines (`| SPEC: path | TEST: path`)
 * that resolve to a file, the IDs of `@MX:SPEC`/`@MX:TEST` lines to the SPEC's title or the
 * REQ/AC declaration.
 */
export function getDocumentLinks(index: WorkspaceIndex, path: string): PathLink[] {
  if (!index.facts(path)) return [];
  return DIALECTS.flatMap((d) => d.links?.(index, path) ?? []);
}
