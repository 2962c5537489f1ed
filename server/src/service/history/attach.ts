import type { Diagnostic, DiagnosticCode } from '../types';
import { historyKey, type IdKind } from './classify';
import type { IdHistory } from './types';

/** The link codes whose target is a SPEC ID, or a REQ/AC ID: the ones git history can explain. */
const ID_CODES: ReadonlyMap<DiagnosticCode, IdKind> = new Map<DiagnosticCode, IdKind>([
  ['tag/unknown-spec', 'SPEC'],
  ['mx/unknown-spec', 'SPEC'],
  ['spec/unknown-dependency', 'SPEC'],
  ['mx/unknown-req', 'REQ'],
  ['spec/ac-unknown-req', 'REQ'],
]);

/** The unknown ID a diagnostic names, with its kind, when it is one history can explain. */
export function unknownIdOf(d: Pick<Diagnostic, 'code' | 'target'>): { kind: IdKind; id: string } | undefined {
  const kind = ID_CODES.get(d.code);
  return kind !== undefined && d.target !== undefined ? { kind, id: d.target } : undefined;
}

/** Every unknown ID the diagnostics name, once each. */
export function unknownIds(diagnostics: Iterable<Pick<Diagnostic, 'code' | 'target'>>): { kind: IdKind; id: string }[] {
  const out = new Map<string, { kind: IdKind; id: string }>();
  for (const d of diagnostics) {
    const found = unknownIdOf(d);
    if (found) out.set(historyKey(found.kind, found.id), found);
  }
  return [...out.values()];
}

/** The commit as people quote it. */
export const shortCommit = (hash: string): string => hash.slice(0, 7);

/** What the history says, in a few words: "SPEC-ALERT-001 was renamed to SPEC-NOTIFY-001 in 3f2a1c9." */
export function historySentence(id: string, h: IdHistory): string {
  const at = h.commit !== undefined ? ` in ${shortCommit(h.commit)}` : '';
  if (h.kind === 'renamed') return `${id} was renamed to ${h.renamedTo}${at}.`;
  if (h.kind === 'deleted') return h.renamedTo !== undefined ? `${id} was renamed to ${h.renamedTo}, which was deleted${at}.` : `${id} was deleted${at}.`;
  return `${id} never existed in the git history.`;
}

/**
 * The diagnostics with what git history says about the unknown IDs they name: the sentence in
 * the message (a rename replaces the "Did you mean" guess), `history` (with the closest current
 * ID the rule suggested), and for a rename the data of the quick fix that retargets every
 * reference at once. Diagnostics about other things are returned as they are.
 */
export function attachHistory(diagnostics: readonly Diagnostic[], histories: ReadonlyMap<string, IdHistory> | ((kind: IdKind, id: string) => IdHistory | undefined)): Diagnostic[] {
  const lookup = typeof histories === 'function' ? histories : (kind: IdKind, id: string): IdHistory | undefined => histories.get(historyKey(kind, id));
  return diagnostics.map((d) => {
    const found = unknownIdOf(d);
    const h = found && lookup(found.kind, found.id);
    if (!found || !h) return d;
    const closest = d.data?.kind === 'replace-id' ? d.data.suggestion : undefined;
    const renamedTo = h.renamedTo === undefined ? undefined : found.kind === 'SPEC' && found.id.startsWith('SPEC-') ? `SPEC-${h.renamedTo}` : h.renamedTo;
    const history: IdHistory = { ...h, ...(renamedTo !== undefined ? { renamedTo } : {}), ...(closest !== undefined && closest !== renamedTo ? { closest } : {}) };
    const renamed = h.kind === 'renamed' && renamedTo !== undefined;
    // The guess is dropped when history knows the new name: one suggestion, the right one.
    const message = `${renamed ? d.message.replace(/ Did you mean [^?\n]{1,200}\?/, '') : d.message} ${historySentence(found.id, history)}`;
    return { ...d, message, history, ...(renamed ? { data: { kind: 'retarget-id' as const, from: found.id, to: renamedTo } } : {}) };
  });
}
