import { append } from '../text';
import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { specIdsOf, targetAt } from './locate';
import { getMxReferences, mxSpecReferences } from './mxNavigation';
import { NEVER_CANCELLED, type Cancellation, type Location } from './types';

/**
 * Every marker that belongs to the SPEC(s) at `position`, in path order; with
 * `includeDeclaration`, the SPEC documents' IDs too. On an `@MX` ID or a REQ/AC declaration,
 * every `@MX` reference to it. Empty when cancelled.
 */
export function getReferences(index: WorkspaceIndex, path: string, position: Position, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] {
  const mx = getMxReferences(index, path, position, includeDeclaration, token);
  if (mx) return token.isCancellationRequested ? [] : mx;
  const target = targetAt(index, path, position);
  if (!target) return [];
  const out: Location[] = [];
  for (const id of specIdsOf(target)) {
    append(out, referencesOf(index, id, includeDeclaration, token));
    if (token.isCancellationRequested) return [];
  }
  return out;
}

/** The markers of one SPEC (claims and mentions) and the `@MX` lines linking to it, plus its declaration when asked. */
export function referencesOf(index: WorkspaceIndex, specId: string, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] {
  const out: Location[] = [];
  if (includeDeclaration) for (const spec of index.specsWithId(specId)) out.push({ path: spec.path, range: spec.doc.idRange });
  const files = new Map(index.linksOf(specId));
  for (const link of index.mentionsOf(specId)) files.set(link.path, [...(files.get(link.path) ?? []), link]);
  for (const file of [...files.keys()].sort()) {
    if (token.isCancellationRequested) return [];
    const links = [...files.get(file)!].sort((a, b) => a.tag.range.start.line - b.tag.range.start.line || a.tag.range.start.character - b.tag.range.start.character);
    for (const link of links) out.push({ path: file, range: link.tag.range });
  }
  append(out, mxSpecReferences(index, specId));
  return out;
}
