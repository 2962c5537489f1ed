import type { WorkspaceIndex } from '../../index';
import type { Position } from '../../types';
import { uniqueLocations, type Dialect, type RefAt, type Subject } from '../refs';
import { NEVER_CANCELLED, type Cancellation, type Location } from '../types';
import { mxDialect } from './mx';
import { specDocDialect } from './specDoc';
import { tagDialect } from './tag';

/**
 * Every dialect, in the order they are asked what stands at a position (the first that has
 * something answers). A new dialect is one more room here.
 */
export const DIALECTS: readonly Dialect[] = [mxDialect, tagDialect, specDocDialect];

/** What stands at a position, in whichever dialect; undefined where nothing does. */
export function refAt(index: WorkspaceIndex, path: string, position: Position): RefAt | undefined {
  for (const dialect of DIALECTS) {
    const found = dialect.at(index, path, position);
    if (found) return found;
  }
  return undefined;
}

/** Where the subject is declared (a SPEC's title, a REQ's declaration lines). */
export function declarationsOf(index: WorkspaceIndex, subject: Subject): Location[] {
  return DIALECTS.flatMap((d) => d.declarations?.(index, subject) ?? []);
}

/** Every place any dialect names the subject, declarations aside, in path and line order; empty when cancelled. */
export function referencesTo(index: WorkspaceIndex, subject: Subject, token: Cancellation = NEVER_CANCELLED): Location[] {
  const all: Location[] = [];
  for (const dialect of DIALECTS) {
    for (const l of dialect.references(index, subject, token)) all.push(l);
    if (token.isCancellationRequested) return [];
  }
  return uniqueLocations(all);
}
