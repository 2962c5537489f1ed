import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { targetAt } from './locate';
import { getMxDefinition } from './mxNavigation';
import type { Location } from './types';

/**
 * Go to definition: a marker or dependency item leads to the title of the SPEC document(s); an
 * ID of an `@MX` line to its SPEC's title or its REQ/AC declaration.
 */
export function getDefinition(index: WorkspaceIndex, path: string, position: Position): Location[] {
  const mx = getMxDefinition(index, path, position);
  if (mx) return mx;
  const target = targetAt(index, path, position);
  if (!target) return [];
  const ids = target.kind === 'tag' ? target.specIds : [target.specId];
  const out: Location[] = [];
  for (const id of ids) {
    for (const spec of index.specsWithId(id)) {
      if (target.kind === 'spec' && spec.path === path) continue;
      out.push({ path: spec.path, range: spec.doc.titleRange });
    }
  }
  return out;
}
