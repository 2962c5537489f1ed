import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { declarationsOf, refAt } from './dialects';
import type { Location } from './types';

/**
 * Go to definition: from whatever names a SPEC, REQ or AC to where it is declared (a SPEC's
 * title, a REQ/AC declaration line). On a declaration, the other declarations of the same
 * subject outside this file (a SPEC ID two documents claim).
 */
export function getDefinition(index: WorkspaceIndex, path: string, position: Position): Location[] {
  const ref = refAt(index, path, position);
  if (!ref) return [];
  const out: Location[] = [];
  for (const subject of ref.subjects) {
    for (const l of declarationsOf(index, subject)) if (ref.role === 'reference' || l.path !== path) out.push(l);
  }
  return out;
}
