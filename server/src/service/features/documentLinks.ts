import type { WorkspaceIndex } from '../index';
import { dirname, joinPath } from '../text';
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
    const target = resolveHeaderPath(index, dirname(path), header.label, header.target);
    if (target !== undefined) out.push({ range: header.range, target });
  }
  return out;
}

/** The file a header path names: beside the file, from the root, or (for SPEC:) a SPEC by file or ID. */
export function resolveHeaderPath(index: WorkspaceIndex, dir: string, label: string, target: string): string | undefined {
  const clean = target.replace(/[),.;]+$/, '').replace(/#.*$/, '').replace(/:\d+$/, '');
  const candidates = [joinPath(dir, clean), joinPath('.', clean)];
  if (label === 'SPEC') candidates.push(joinPath('.moai/specs', clean));
  for (const c of candidates) if (c && index.facts(c) !== undefined) return c;
  for (const c of candidates) if (c && index.exists(c)) return c;
  if (label === 'SPEC') {
    const id = /^(?:SPEC-)?([A-Z][A-Za-z0-9-]*?)(?:\.md)?$/.exec(clean.split('/').pop() ?? '');
    const spec = id ? index.specsWithId(id[1]!)[0] : undefined;
    if (spec) return spec.path;
  }
  return undefined;
}
