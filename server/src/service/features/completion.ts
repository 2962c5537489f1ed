import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { DIALECTS } from './dialects';
import type { CompletionEntry } from './refs';

/**
 * Completions at `position` of a line whose text up to the cursor is `linePrefix`, from the
 * first dialect whose place the cursor is in (SPEC IDs after `@TYPE:`, `@MX` kinds, REQ IDs
 * after a SPEC on an `@MX` line, …); `path` is the file, for REQs of the SPEC owning it.
 */
export function getCompletions(index: WorkspaceIndex, linePrefix: string, position: Position, path?: string): CompletionEntry[] {
  for (const dialect of DIALECTS) {
    const found = dialect.complete?.(index, linePrefix, position, path);
    if (found) return found;
  }
  return [];
}
