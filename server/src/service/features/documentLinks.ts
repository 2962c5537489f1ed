import type { WorkspaceIndex } from '../index';
import { resolveHeaderPath } from '../headerPaths';
import type { Range } from '../types';

/** A header path that resolves: its range and the workspace-relative file it names. */
export interface PathLink {
  readonly range: Range;
  readonly target: string;
}

/** Links for the paths of header lines (`| SPEC: path | TEST: path`) that resolve to a file. */
export function getDocumentLinks(index: WorkspaceIndex, path: string): PathLink[] {
  const facts = index.facts(path);
  if (!facts) return [];
  const out: PathLink[] = [];
  for (const header of facts.headerPaths) {
    const target = resolveHeaderPath(index, path, header.label, header.target);
    if (target !== undefined) out.push({ range: header.range, target });
  }
  return out;
}
