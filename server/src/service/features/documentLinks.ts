import type { WorkspaceIndex } from '../index';
import { resolveHeaderPath } from '../headerPaths';
import type { Range } from '../types';
import { declarationsNamed } from './reqCoverage';

/** A header path or an `@MX` ID that resolves: its range, the workspace-relative file it names, and for an ID the 0-based line. */
export interface PathLink {
  readonly range: Range;
  readonly target: string;
  readonly line?: number;
}

/**
 * Links for the paths of header lines (`| SPEC: path | TEST: path`) that resolve to a file, and
 * for the IDs of `@MX:SPEC`/`@MX:TEST` lines to the SPEC's title or the REQ/AC declaration.
 */
export function getDocumentLinks(index: WorkspaceIndex, path: string): PathLink[] {
  const facts = index.facts(path);
  if (!facts) return [];
  const out: PathLink[] = [];
  for (const header of facts.headerPaths) {
    const target = resolveHeaderPath(index, path, header.label, header.target);
    if (target !== undefined) out.push({ range: header.range, target });
  }
  for (const link of index.mxLinks(path)) {
    const specId = link.specIds[0];
    if (specId === undefined || link.ref.expanded) continue;
    if (link.ref.kind === 'SPEC') {
      const spec = index.specsWithId(specId)[0];
      if (spec) out.push({ range: link.ref.range, target: spec.path, line: spec.doc.titleRange.start.line });
    } else {
      const decl = declarationsNamed(index, specId, link.ref.id)[0];
      if (decl) out.push({ range: link.ref.range, target: decl.path, line: decl.decl.range.start.line });
    }
  }
  return out;
}
