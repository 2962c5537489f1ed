import type { WorkspaceIndex } from '../index';
import { escapeMarkdown } from '../text';
import type { Position, Range } from '../types';
import { chainCounts, formatCounts } from './chain';
import { targetAt } from './locate';
import { missingTestDraft } from './missingTest';
import { getMxHover, reqCoverageLine } from './mxHover';

/** A hover: markdown and the range it is about. */
export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/** What the client can show in a hover beyond text. */
export interface HoverOptions {
  /** The client runs `command:` links (VS Code): add Open SPEC, Reveal in sidebar and Create missing test. */
  readonly commandLinks?: boolean;
}

/**
 * A `command:` link with its arguments, as VS Code's Markdown expects; parentheses are encoded
 * too, since a `)` in an argument would end the link.
 */
const commandLink = (title: string, command: string, ...args: string[]): string =>
  `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;

/**
 * Hover on a marker or a SPEC ID: each SPEC's title, status, chain summary and file; on an ID
 * of an `@MX` line or a REQ/AC declaration, what `getMxHover` says. A marker that belongs to no
 * SPEC gets none: its diagnostic already says so, with the closest ID.
 */
export function getHover(index: WorkspaceIndex, path: string, position: Position, options: HoverOptions = {}): HoverResult | undefined {
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
      if (options.commandLinks) {
        const links = [commandLink('Open SPEC', 'specchain.openSpec', spec.id), commandLink('Reveal in sidebar', 'specchain.revealSpec', spec.id)];
        const draft = missingTestDraft(index, spec.id);
        if (draft) links.push(commandLink('Create missing test', 'specchain.createMissingTest', draft.language, draft.content));
        lines.push('', links.join(' · '));
      }
      parts.push(lines.join('\n'));
    }
  }
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range: target.range };
}
