import type { MxLink, WorkspaceIndex } from '../../index';
import { plainRequirement } from '../../reqText';
import { MX_STANDALONE_KINDS, MX_SUB_KINDS, type Position } from '../../types';
import { declarationsNamed, reqCoverageLine, specReqCoverage, uniqueReqs } from '../reqCoverage';
import { uniqueLocations, type CompletionEntry, type Dialect, type PathLink, type RefAt, type RenameStart, type Subject } from '../refs';
import type { Location } from '../types';
import { contains } from '../types';

/**
 * The `@MX` dialect (mx-model.md): the SPEC, REQ and AC IDs of `@MX:SPEC`/`@MX:TEST` lines.
 * Their declarations stand in SPEC documents (the `spec` room).
 */
export const mxDialect: Dialect = {
  name: 'mx',

  at(index, path, position): RefAt | undefined {
    const links = index.mxLinks(path).filter((l) => contains(l.ref.range, position));
    if (links.length === 0) return undefined;
    const subjects: Subject[] = [];
    for (const link of links) for (const specId of link.specIds) subjects.push({ kind: link.ref.kind, specId, id: link.ref.kind === 'SPEC' ? specId : link.ref.id });
    const unresolved = links.filter((l) => l.specIds.length === 0).map((l) => unresolvedText(index, l));
    const rename = renameStart(links);
    return { role: 'reference', range: links[0]!.ref.range, subjects, ...(unresolved.length ? { unresolved } : {}), ...(rename ? { rename } : {}) };
  },

  references(index, subject) {
    return subject.kind === 'SPEC' ? specReferences(index, subject.specId) : index.mxRefsTo(subject.specId, subject.id).map(toLocation);
  },

  complete: completeMx,

  /**
   * The `@MX` links to the SPEC (what a click on its lens shows) and how many of its REQs they
   * reference: `5 @MX links · 0 of 8 REQs referenced` says how five places can cover no REQ.
   */
  summary(index, specId) {
    const coverage = reqCoverageLine(index, specId, true);
    const places = index.hasMxLinks() ? specReferences(index, specId).length : 0;
    if (coverage === undefined && places === 0) return undefined;
    const count = (mx: string): string => (places === 0 ? `no ${mx} links yet` : `${places} ${mx} link${places === 1 ? '' : 's'}`);
    if (coverage === undefined) return { lens: count('@MX'), hover: count('`@MX`') };
    const { referenced, declared } = specReqCoverage(index, specId);
    return { lens: `${count('@MX')} · ${referenced} of ${declared} REQs referenced`, hover: `${count('`@MX`')}; ${coverage}` };
  },

  renameSites(index, subject) {
    if (subject.kind === 'SPEC') return { within: specReferences(index, subject.specId) };
    return { exact: index.mxRefsTo(subject.specId, subject.id).map((l) => ({ ...toLocation(l), ...(l.ref.expanded ? { expanded: true } : {}) })) };
  },

  links(index, path) {
    const out: PathLink[] = [];
    for (const link of index.mxLinks(path)) {
      const specId = link.specIds[0];
      if (specId === undefined || link.ref.expanded) continue;
      if (link.ref.kind === 'SPEC') {
        const spec = index.specsWithId(specId)[0];
        if (spec) out.push({ range: link.ref.range, target: spec.path, line: spec.doc.titleRange.start.line });
      } else {
        const decl = declarationsNamed(index, specId, link.ref.id)[0];
        if (decl) out.push({ range: link.ref.range, target: decl.path, line: decl.decl.range.start.line });
      }
    }
    return out;
  },
};

const toLocation = (l: MxLink): Location => ({ path: l.path, range: l.ref.range });

/**
 * The `@MX` lines that link to a SPEC: the SPEC ID where the line names it, else each of the
 * line's REQ/AC IDs that resolve to it (a line relying on `module:` ownership).
 */
function specReferences(index: WorkspaceIndex, specId: string): Location[] {
  const links = index.mxRefsTo(specId);
  const named = new Set<MxLink['marker']>();
  for (const l of links) if (l.ref.kind === 'SPEC') named.add(l.marker);
  return uniqueLocations(links.filter((l) => l.ref.kind === 'SPEC' || !named.has(l.marker)).map(toLocation));
}

/**
 * A REQ/AC ID of the line when it resolves to one SPEC (a member of a range or an ID of no or
 * several SPECs refuses), else the SPEC ID of the line on the part after `SPEC-`.
 */
function renameStart(links: readonly MxLink[]): RenameStart | undefined {
  const req = links.find((l) => l.ref.kind !== 'SPEC');
  if (req) {
    if (req.ref.expanded) return { refused: `${req.ref.id} is a member of a range; rename it at its declaration, and edit the range by hand.` };
    if (req.specIds.length !== 1) return { refused: `${req.ref.id} is not declared in ${req.specIds.length === 0 ? 'a SPEC this line can name' : 'exactly one SPEC'}.` };
    return { subject: { kind: req.ref.kind, specId: req.specIds[0]!, id: req.ref.id }, range: req.ref.range };
  }
  const spec = links.find((l) => l.ref.kind === 'SPEC');
  const specId = spec?.specIds[0];
  if (!spec || specId === undefined) return undefined;
  const { start, end } = spec.ref.range;
  const written = end.character - start.character;
  const from = written === specId.length + 'SPEC-'.length ? start.character + 'SPEC-'.length : start.character;
  return { subject: { kind: 'SPEC', specId, id: specId }, range: { start: { line: start.line, character: from }, end } };
}

function unresolvedText(index: WorkspaceIndex, link: MxLink): string {
  if (link.ref.kind === 'SPEC') return `SPEC-${link.ref.id.replace(/^SPEC-/, '')} names no SPEC of the workspace.`;
  if (link.scope.length === 0) return `${link.ref.id}: no SPEC is named on this line, and no single SPEC of the workspace declares it.`;
  const declaring = index.specsDeclaring(link.ref.id);
  return `${link.ref.id} is declared in none of ${link.scope.map((id) => `SPEC-${id}`).join(', ')}.${declaring.length > 0 ? ` It is declared in ${declaring.map((id) => `SPEC-${id}`).join(', ')}.` : ''}`;
}

/** `@MX:SPEC` or `@MX:TEST` (any case, colon optional), then the value typed so far. */
const LINK_VALUE = /(?<![\w@])@MX:(?:SPEC|TEST)(?![\w-])[ \t]*:?(.*)$/i;
const KIND = /(?<![\w@])@MX:([A-Za-z]*)$/i;
const TYPED = /[A-Za-z0-9.-]*$/;
const NAMED_SPEC = /(?<![\w-])SPEC-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;

/**
 * Kinds after `@MX:`; SPEC IDs on an `@MX:SPEC`/`@MX:TEST` line; after a SPEC ID on that line,
 * that SPEC's REQ and AC IDs (with no SPEC named, those of the SPEC owning `path`).
 */
function completeMx(index: WorkspaceIndex, linePrefix: string, position: Position, path: string | undefined): CompletionEntry[] | undefined {
  const kind = KIND.exec(linePrefix);
  if (kind) {
    const typed = kind[1]!;
    const range = rangeBack(position, typed.length);
    return [...MX_STANDALONE_KINDS, ...MX_SUB_KINDS]
      .filter((k) => k.startsWith(typed.toUpperCase()))
      .map((k) => ({ kind: 'mx-kind' as const, label: k, detail: MX_STANDALONE_KINDS.includes(k) ? 'standalone @MX tag' : 'sub-line of the tag above', newText: `${k}: `, range }));
  }
  const link = LINK_VALUE.exec(linePrefix);
  if (!link) return undefined;
  const value = link[1]!;
  const typed = TYPED.exec(value)![0];
  const before = value.slice(0, value.length - typed.length);
  const range = rangeBack(position, typed.length);
  const named: string[] = [];
  for (const m of before.matchAll(NAMED_SPEC)) {
    const id = index.resolveSpecId(m[0]);
    if (id !== undefined && !named.includes(id)) named.push(id);
  }
  const upper = typed.toUpperCase();
  const out: CompletionEntry[] = [];
  const owner = named.length === 0 && path !== undefined ? (index.moduleOwner(path) ?? index.specOfFile(path)) : undefined;
  const reqSpecs = named.length > 0 ? named : owner !== undefined ? [owner] : [];
  if (!upper.startsWith('S')) {
    for (const specId of reqSpecs) {
      for (const r of uniqueReqs(index, specId)) {
        if (!r.decl.id.toUpperCase().startsWith(upper)) continue;
        out.push({ kind: r.decl.kind === 'REQ' ? 'req-id' : 'ac-id', label: r.decl.id, detail: `SPEC-${specId}${r.decl.text ? `: ${clip(plainRequirement(r.decl.text))}` : ''}`, newText: r.decl.id, range });
      }
    }
  }
  if (out.length === 0 || upper.startsWith('S')) {
    const seen = new Set<string>();
    for (const spec of index.specs()) {
      const label = `SPEC-${spec.id}`;
      if (seen.has(spec.id) || named.includes(spec.id) || !label.startsWith(upper)) continue;
      seen.add(spec.id);
      out.push({ kind: 'spec-id', label, ...(spec.doc.title ? { detail: spec.doc.title } : {}), newText: label, range });
    }
  }
  return out;
}

function rangeBack(position: Position, length: number): CompletionEntry['range'] {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
