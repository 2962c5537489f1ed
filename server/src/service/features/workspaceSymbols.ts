import type { WorkspaceIndex } from '../index';
import type { Range } from '../types';
import { NEVER_CANCELLED, type Cancellation } from './types';

/** A SPEC as a workspace symbol. */
export interface SpecSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly path: string;
  readonly range: Range;
}

/**
 * SPECs whose ID or title matches `query`: case-insensitive, the query's characters in order
 * (so `usr1` finds `USER-001`); every SPEC for an empty query.
 */
export function getWorkspaceSymbols(index: WorkspaceIndex, query: string, token: Cancellation = NEVER_CANCELLED): SpecSymbol[] {
  const q = query.trim().toLowerCase().replace(/^spec-/, '');
  const out: SpecSymbol[] = [];
  for (const spec of index.specs()) {
    if (token.isCancellationRequested) return [];
    const title = spec.doc.title ?? '';
    if (q && !matches(spec.id.toLowerCase(), q) && !matches(title.toLowerCase(), q)) continue;
    out.push({ name: `SPEC-${spec.id}`, ...(title ? { detail: title } : {}), path: spec.path, range: spec.doc.titleRange });
  }
  return out;
}

function matches(text: string, query: string): boolean {
  if (text.includes(query)) return true;
  let at = 0;
  for (const c of query) {
    at = text.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
