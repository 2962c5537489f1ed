import type { MxLink, WorkspaceIndex } from '../index';
import { plainRequirement } from '../reqText';
import { escapeMarkdown } from '../text';
import type { Position } from '../types';
import type { HoverResult } from './hover';
import { mxSubjects, mxTargetAt, type MxSubject } from './mxLocate';
import { declarationsNamed, formatCoverage, idCoverage, specReqCoverage } from './reqCoverage';

/** The most references or ACs a hover lists before saying how many more there are. */
const LISTED = 8;

/**
 * Hover on an ID of an `@MX:SPEC`/`@MX:TEST` line or on a REQ/AC declaration: for a SPEC its
 * title, status and REQ coverage; for a REQ or AC its text, its ACs (or the REQs it maps), and
 * where it is referenced. Undefined where no `@MX` target stands.
 */
export function getMxHover(index: WorkspaceIndex, path: string, position: Position): HoverResult | undefined {
  const target = mxTargetAt(index, path, position);
  if (!target) return undefined;
  const parts = mxSubjects(target).map((s) => (s.kind === 'SPEC' ? specPart(index, s.specId) : reqPart(index, s)));
  if (target.kind === 'reference') for (const link of target.links) if (link.specIds.length === 0) parts.push(unresolved(index, link));
  return { markdown: parts.join('\n\n---\n\n'), range: target.range };
}

/** `REQs: 3 of 5 referenced from code`, or undefined for a SPEC that declares no REQ. */
export function reqCoverageLine(index: WorkspaceIndex, specId: string): string | undefined {
  const { referenced, declared } = specReqCoverage(index, specId);
  return declared === 0 ? undefined : `REQs: ${referenced} of ${declared} referenced by \`@MX\` lines`;
}

function specPart(index: WorkspaceIndex, specId: string): string {
  const out: string[] = [];
  for (const spec of index.specsWithId(specId)) {
    const lines = [`**SPEC-${spec.id}**${spec.doc.title ? `: ${escapeMarkdown(spec.doc.title)}` : ''}`, ''];
    lines.push(`Status: ${spec.doc.status ?? 'not stated'}${spec.doc.archived ? ' · archived' : ''}`, '');
    lines.push(reqCoverageLine(index, spec.id) ?? 'REQs: none declared', '');
    lines.push(`File: \`${spec.path}\``);
    out.push(lines.join('\n'));
  }
  return out.join('\n\n---\n\n');
}

function reqPart(index: WorkspaceIndex, subject: MxSubject): string {
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
  lines.push(`Declared in \`${first.path}:${first.decl.range.start.line + 1}\``);
  return lines.join('\n');
}

function unresolved(index: WorkspaceIndex, link: MxLink): string {
  if (link.ref.kind === 'SPEC') return `SPEC-${link.ref.id.replace(/^SPEC-/, '')} names no SPEC of the workspace.`;
  if (link.scope.length === 0) return `${link.ref.id}: no SPEC is named on this line, and no single SPEC of the workspace declares it.`;
  return `${link.ref.id} is declared in none of ${link.scope.map((id) => `SPEC-${id}`).join(', ')}.${index.specsDeclaring(link.ref.id).length > 0 ? ` It is declared in ${index.specsDeclaring(link.ref.id).map((id) => `SPEC-${id}`).join(', ')}.` : ''}`;
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
