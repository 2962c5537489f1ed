import type { WorkspaceIndex } from '../index';
import type { Range } from '../types';
import { chainCounts, formatCounts } from './chain';
import { referencesOf } from './references';
import type { Location } from './types';

/** A lens on a SPEC title: the chain counts, and the markers to show when clicked. */
export interface ChainLens {
  readonly specId: string;
  readonly range: Range;
  readonly title: string;
  readonly locations: readonly Location[];
}

/** Code lenses of a SPEC document: one on its title. */
export function getCodeLenses(index: WorkspaceIndex, path: string): ChainLens[] {
  const doc = index.facts(path)?.spec;
  if (doc?.id === undefined) return [];
  const counts = formatCounts(chainCounts(index, doc.id));
  const locations = referencesOf(index, doc.id, false);
  return [{ specId: doc.id, range: doc.titleRange, title: counts ?? 'no code markers yet', locations }];
}
