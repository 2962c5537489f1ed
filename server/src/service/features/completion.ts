import type { WorkspaceIndex } from '../index';
import type { Position, Range } from '../types';
import { getMxCompletions } from './mxCompletion';

/** One completion: what to show, what to insert over `range`. */
export interface CompletionEntry {
  readonly kind: 'spec-id' | 'tag-type' | 'req-id' | 'ac-id' | 'mx-kind';
  readonly label: string;
  readonly detail?: string;
  readonly newText: string;
  readonly range: Range;
}

/**
 * Completions at `position` of a line whose text up to the cursor is `linePrefix`:
 * SPEC IDs after `@TYPE:` (title as detail), tag types after `@`, and on `@MX` lines what
 * `getMxCompletions` offers (`path` is the file, for REQs of the SPEC owning it).
 */
export function getCompletions(index: WorkspaceIndex, linePrefix: string, position: Position, path?: string): CompletionEntry[] {
  const mx = getMxCompletions(index, linePrefix, position, path);
  if (mx) return mx;
  const idMatch = /(?<![\w@.])@([A-Z][A-Z0-9_]*):([A-Za-z0-9-]*)$/.exec(linePrefix);
  if (idMatch && index.tagTypes.includes(idMatch[1]!)) {
    const typed = idMatch[2]!;
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    const seen = new Set<string>();
    const out: CompletionEntry[] = [];
    for (const spec of index.specs()) {
      if (seen.has(spec.id)) continue;
      seen.add(spec.id);
      out.push({ kind: 'spec-id', label: spec.id, ...(spec.doc.title ? { detail: spec.doc.title } : {}), newText: spec.id, range });
    }
    return out;
  }
  const typeMatch = /(?<![\w@.])@([A-Za-z]*)$/.exec(linePrefix);
  if (typeMatch) {
    const typed = typeMatch[1]!;
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return index.tagTypes
      .filter((t) => t.startsWith(typed.toUpperCase()))
      .map((type) => ({ kind: 'tag-type' as const, label: type, detail: `@${type}:<ID> marker`, newText: `${type}:`, range }));
  }
  return [];
}
