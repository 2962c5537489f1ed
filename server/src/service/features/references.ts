import { append } from '../text';
import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { specIdsOf, targetAt } from './locate';
import { NEVER_CANCELLED, type Cancellation, type Location } from './types';

/**
 * Every marker that belongs to the SPEC(s) at `position`, in path order; with
 * `includeDeclaration`, the SPEC documents' IDs too. Empty when cancelled.
 */
export function getReferences(index: WorkspaceIndex, path: string, position: Position, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] {
  const target = targetAt(index, path, position);
  if (!target) return [];
  const out: Location[] = [];
  for (const id of specIdsOf(target)) {
    append(out, referencesOf(index, id, includeDeclaration, token));
    if (token.isCancellationRequested) return [];
  }
  return out;
}

/** The markers of one SPEC (claims and mentions), plus its declaration when asked. */
export function referencesOf(index: WorkspaceIndex, specId: string, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] {
  const out: Location[] = [];
  if (includeDeclaration) for (const spec of index.specsWithId(specId)) out.push({ path: spec.path, range: spec.doc.idRange });
  const files = index.linksOf(specId);
  for (const file of [...files.keys()].sort()) {
    if (token.isCancellationRequested) return [];
    for (const link of files.get(file)!) out.push({ path: file, range: link.tag.range });
  }
  return out;
}
