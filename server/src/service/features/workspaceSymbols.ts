import type { WorkspaceIndex } from '../index';
import type { Range } from '../types';
import { uniqueReqs } from './reqCoverage';
import { NEVER_CANCELLED, type Cancellation } from './types';

/** A SPEC or a REQ as a workspace symbol. */
export interface SpecSymbol {
  readonly kind: 'spec' | 'req';
  readonly name: string;
  readonly detail?: string;
  readonly path: string;
  readonly range: Range;
}

/**
 * SPECs whose ID or title matches `query`, and REQs whose ID does: case-insensitive, the
 * query's characters in order (so `usr1` finds `USER-001`); every SPEC and REQ for an empty query.
 */
export function getWorkspaceSymbols(index: WorkspaceIndex, query: string, token: Cancellation = NEVER_CANCELLED): SpecSymbol[] {
  const q = query.trim().toLowerCase().replace(/^spec-/, '');
  const out: SpecSymbol[] = [];
  for (const spec of index.specs()) {
    if (token.isCancellationRequested) return [];
    const title = spec.doc.title ?? '';
    if (q && !matches(spec.id.toLowerCase(), q) && !matches(title.toLowerCase(), q)) continue;
    out.push({ kind: 'spec', name: `SPEC-${spec.id}`, ...(title ? { detail: title } : {}), path: spec.path, range: spec.doc.titleRange });
  }
  const rq = query.trim().toLowerCase();
  for (const spec of index.specs()) {
    if (token.isCancellationRequested) return [];
    for (const r of uniqueReqs(index, spec.id)) {
      if (r.decl.kind !== 'REQ' || (rq && !matches(r.decl.id.toLowerCase(), rq))) continue;
      out.push({ kind: 'req', name: r.decl.id, detail: `SPEC-${spec.id}`, path: r.path, range: r.decl.range });
    }
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
