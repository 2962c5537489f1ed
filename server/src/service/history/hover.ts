import { contains } from '../features/types';
import { escapeMarkdown } from '../text';
import type { Diagnostic, Position, Range } from '../types';
import { shortCommit, unknownIdOf } from './attach';
import type { IdHistory } from './types';

/** A hover part: markdown and the range it is about. */
export interface HistoryHover {
  readonly markdown: string;
  readonly range: Range;
}

/**
 * What git history says about the unknown IDs whose diagnostics cover `position` (the
 * diagnostics as published, with `history` attached): renamed to what, deleted or never
 * existed, with the commit's short hash, date and subject, and the closest current ID. Undefined
 * when no such diagnostic is there.
 */
export function historyHover(diagnostics: readonly Diagnostic[], position: Position): HistoryHover | undefined {
  const parts = new Map<string, string>();
  let range: Range | undefined;
  for (const d of diagnostics) {
    const found = unknownIdOf(d);
    if (!found || !d.history || !contains(d.range, position)) continue;
    range ??= d.range;
    if (!parts.has(found.id)) parts.set(found.id, historyMarkdown(found.id, d.history));
  }
  return range === undefined ? undefined : { markdown: [...parts.values()].join('\n\n'), range };
}

/** One ID's history as a hover says it. */
function historyMarkdown(id: string, h: IdHistory): string {
  const name = `**${escapeMarkdown(id)}**`;
  const commit = h.commit === undefined ? '' : ` in \`${shortCommit(h.commit)}\`${h.date ? ` (${h.date}${h.subject ? `, “${escapeMarkdown(h.subject)}”` : ''})` : ''}`;
  const lines = ['Git history of the SPEC folders:', ''];
  if (h.kind === 'renamed') lines.push(`${name} was renamed to **${escapeMarkdown(h.renamedTo ?? '?')}**${commit}.`);
  else if (h.kind === 'deleted') lines.push(h.renamedTo !== undefined ? `${name} was renamed to ${escapeMarkdown(h.renamedTo)}, which was deleted${commit}.` : `${name} was deleted${commit}.`);
  else lines.push(`${name} never existed: no SPEC folder or declaration of the history ever had it.`);
  if (h.closest !== undefined) lines.push('', `Closest current ID: ${escapeMarkdown(h.closest)}`);
  return lines.join('\n');
}
