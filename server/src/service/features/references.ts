import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { declarationsOf, refAt, referencesTo } from './dialects';
import { NEVER_CANCELLED, type Cancellation, type Location } from './types';

/**
 * Every place that names the SPEC, REQ or AC at `position` (in any dialect), in path and line
 * order; with `includeDeclaration`, its declarations first. Empty when cancelled.
 */
export function getReferences(index: WorkspaceIndex, path: string, position: Position, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] {
  const ref = refAt(index, path, position);
  if (!ref) return [];
  const out: Location[] = [];
  for (const subject of ref.subjects) {
    if (includeDeclaration) out.push(...declarationsOf(index, subject));
    out.push(...referencesTo(index, subject, token));
    if (token.isCancellationRequested) return [];
  }
  return out;
}
