import { evidenceHoverLines } from '../evidence/present';
import type { EvidenceReport } from '../evidence/states';
import type { WorkspaceIndex } from '../index';
import { plainRequirement } from '../reqText';
import { escapeMarkdown } from '../text';
import type { Position, Range } from '../types';
import { chainCounts, formatCounts } from './chain';
import { refAt } from './dialects';
import { missingTestDraft } from './missingTest';
import type { Subject } from './refs';
import { declarationsNamed, formatCoverage, idCoverage, reqCoverageLine } from './reqCoverage';

/** A hover: markdown and the range it is about. */
export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/** What the client can show in a hover beyond text. */
export interface HoverOptions {
  /** The client runs `command:` links (VS Code): add Open SPEC, Reveal in sidebar and Create missing test. */
  readonly commandLinks?: boolean;
  /** Test evidence, when result files were given: state and failing tests in SPEC and REQ/AC hovers. */
  readonly evidence?: EvidenceReport;
  /** A link target for a place in a workspace file (the LSP layer makes it a URI), for links to tests. */
  readonly fileLink?: (path: string, line: number) => string | undefined;
}

/** The most references or ACs a hover lists before saying how many more there are. */
const LISTED = 8;

/**
 * A `command:` link with its arguments, as VS Code's Markdown expects; parentheses are encoded
 * too, since a `)` in an argument would end the link.
 */
const commandLink = (title: string, command: string, ...args: string[]): string =>
  `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;

/**
 * Hover on whatever names a SPEC, REQ or AC (a marker, an ID of an `@MX` line, a SPEC's ID or
 * title, a dependency item, a REQ/AC declaration): for a SPEC its title, status, chain and REQ
 * coverage; for a REQ or AC its text, its ACs (or the REQs it maps) and where it is referenced;
 * for an ID that resolves to nothing, why. A marker that belongs to no SPEC gets none: its
 * diagnostic already says so, with the closest ID.
 */
export function getHover(index: WorkspaceIndex, path: string, position: Position, options: HoverOptions = {}): HoverResult | undefined {
  const ref = refAt(index, path, position);
  if (!ref) return undefined;
  const parts = ref.subjects.map((s) => (s.kind === 'SPEC' ? specPart(index, s.specId, options) : reqPart(index, s, options))).filter((p) => p !== '');
  for (const sentence of ref.unresolved ?? []) parts.push(sentence);
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range: ref.range };
}

function specPart(index: WorkspaceIndex, specId: string, options: HoverOptions): string {
  const out: string[] = [];
  for (const spec of index.specsWithId(specId)) {
    const lines = [`**SPEC-${spec.id}**${spec.doc.title ? `: ${escapeMarkdown(spec.doc.title)}` : ''}`, ''];
    lines.push(`Status: ${spec.doc.status ?? 'not stated'}${spec.doc.version ? ` · version ${spec.doc.version}` : ''}${spec.doc.archived ? ' · archived' : ''}`, '');
    const chain = formatCounts(chainCounts(index, spec.id));
    const reqs = reqCoverageLine(index, spec.id);
    if (chain !== undefined || reqs === undefined) lines.push(`Chain: ${chain ?? 'no code markers yet'}`, '');
    if (reqs) lines.push(reqs, '');
    if (options.evidence) lines.push(...evidenceHoverLines(options.evidence.spec(spec.id), options.fileLink ?? (() => undefined)));
    lines.push(`File: \`${spec.path}\``);
    if (options.commandLinks) {
      const links = [commandLink('Open SPEC', 'specchain.openSpec', spec.id), commandLink('Reveal in sidebar', 'specchain.revealSpec', spec.id)];
      const draft = missingTestDraft(index, spec.id);
      if (draft) links.push(commandLink('Create missing test', 'specchain.createMissingTest', draft.language, draft.content));
      lines.push('', links.join(' · '));
    }
    out.push(lines.join('\n'));
  }
  return out.join('\n\n---\n\n');
}

function reqPart(index: WorkspaceIndex, subject: Subject, options: HoverOptions): string {
  const decls = declarationsNamed(index, subject.specId, subject.id);
  const first = decls[0];
  const title = index.specsWithId(subject.specId)[0]?.doc.title;
  const lines = [`**${subject.id}** of SPEC-${subject.specId}${title ? `: ${escapeMarkdown(title)}` : ''}`, ''];
  if (!first) return [...lines, `${subject.id} is not declared in SPEC-${subject.specId}.`].join('\n');
  if (first.decl.id !== subject.id) lines.push(`Group of ${[...new Set(decls.map((d) => d.decl.id))].join(', ')}`, '');
  const text = plainRequirement(first.decl.text);
  if (text) lines.push(`> ${escapeMarkdown(text)}`, '');
  const coverage = idCoverage(index, subject.specId, subject.id);
  if (first.decl.kind === 'REQ') {
    if (coverage.acs.length > 0) {
      lines.push('Acceptance criteria:', '');
      for (const ac of coverage.acs.slice(0, LISTED)) lines.push(`- **${ac.decl.id}**${ac.decl.text ? `: ${escapeMarkdown(clip(plainRequirement(ac.decl.text)))}` : ''}`);
      if (coverage.acs.length > LISTED) lines.push(`- … and ${coverage.acs.length - LISTED} more`);
      lines.push('');
    }
  } else if (first.decl.maps.length > 0) {
    lines.push(`Maps: ${[...new Set(first.decl.maps.map((m) => m.id))].join(', ')}`, '');
  }
  lines.push(`References: ${formatCoverage(first.decl.kind, coverage)}`, '');
  const refs = [...coverage.code, ...coverage.tests];
  for (const link of refs.slice(0, LISTED)) lines.push(`- \`${link.path}:${link.ref.range.start.line + 1}\`${link.test ? ' (test)' : ''}`);
  if (refs.length > LISTED) lines.push(`- … and ${refs.length - LISTED} more`);
  if (refs.length > 0) lines.push('');
  if (options.evidence) lines.push(...evidenceHoverLines(options.evidence.item(subject.specId, first.decl.id), options.fileLink ?? (() => undefined)));
  lines.push(`Declared in \`${first.path}:${first.decl.range.start.line + 1}\``);
  return lines.join('\n');
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
