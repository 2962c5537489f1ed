import type { WorkspaceIndex } from '../index';
import { escapeMarkdown } from '../text';
import type { Position, Range } from '../types';
import { chainCounts, formatCounts } from './chain';
import { targetAt } from './locate';
import { getMxHover, reqCoverageLine } from './mxHover';

/** A hover: markdown and the range it is about. */
export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/**
 * Hover on a marker or a SPEC ID: each SPEC's title, status, chain summary and file; on an ID
 * of an `@MX` line or a REQ/AC declaration, what `getMxHover` says.
 */
export function getHover(index: WorkspaceIndex, path: string, position: Position): HoverResult | undefined {
  const mx = getMxHover(index, path, position);
  if (mx) return mx;
  const target = targetAt(index, path, position);
  if (!target) return undefined;
  const ids = target.kind === 'tag' ? target.specIds : [target.specId];
  const parts: string[] = [];
  for (const id of ids) {
    for (const spec of index.specsWithId(id)) {
      const lines = [`**SPEC-${spec.id}**${spec.doc.title ? `: ${escapeMarkdown(spec.doc.title)}` : ''}`, ''];
      lines.push(`Status: ${spec.doc.status ?? 'not stated'}${spec.doc.version ? ` · version ${spec.doc.version}` : ''}`, '');
      lines.push(`Chain: ${formatCounts(chainCounts(index, spec.id)) ?? 'no code markers yet'}`, '');
      const reqs = reqCoverageLine(index, spec.id);
      if (reqs) lines.push(reqs, '');
      lines.push(`File: \`${spec.path}\``);
      parts.push(lines.join('\n'));
    }
  }
  if (parts.length === 0) {
    const what = target.kind === 'tag' ? `@${target.tag.type}:${target.tag.id}` : target.specId;
    parts.push(`${what} belongs to no SPEC of the workspace.`);
  }
  return { markdown: parts.join('\n\n---\n\n'), range: target.range };
}
