import { resolveHeaderPath } from '../../headerPaths';
import type { WorkspaceIndex } from '../../index';
import type { Range, TagOccurrence } from '../../types';
import { chainCounts, formatCounts } from '../chain';
import type { CompletionEntry, Dialect, PathLink, RefAt } from '../refs';
import { specSubject } from '../refs';
import { contains, type Location } from '../types';

/**
 * The `@TAG` dialect (tag-model.md): `@TYPE:ID[:SUB]` markers, which name SPECs (a SPEC's REQs
 * are not written this way), and the paths of their header lines (`| SPEC: path | TEST: path`).
 */
export const tagDialect: Dialect = {
  name: 'tag',

  at(index, path, position): RefAt | undefined {
    const link = index.links(path).find((l) => contains(l.tag.range, position));
    if (!link) return undefined;
    const specIds = link.tag.role === 'title' ? [link.tag.id] : link.specIds;
    const owned = ownedId(index, link.tag);
    return {
      role: 'reference',
      range: link.tag.range,
      subjects: specIds.map(specSubject),
      rename: owned ? { subject: specSubject(owned.id), range: owned.range } : { refused: `@${link.tag.type}:${link.tag.id} is not the ID of a SPEC of the workspace.` },
    };
  },

  /** The markers of one SPEC outside SPEC folders: claims in code and mentions in prose. */
  references(index, subject, token) {
    if (subject.kind !== 'SPEC') return [];
    const out: Location[] = [];
    for (const links of index.linksOf(subject.specId).values()) {
      if (token.isCancellationRequested) return [];
      for (const link of links) out.push({ path: link.path, range: link.tag.range });
    }
    for (const link of index.mentionsOf(subject.specId)) out.push({ path: link.path, range: link.tag.range });
    return out;
  },

  /** SPEC IDs after `@TYPE:` (title as detail), tag types after `@`. */
  complete(index, linePrefix, position) {
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
    if (!typeMatch) return undefined;
    const typed = typeMatch[1]!;
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return index.tagTypes
      .filter((t) => t.startsWith(typed.toUpperCase()))
      .map((type) => ({ kind: 'tag-type' as const, label: type, detail: `@${type}:<ID> marker`, newText: `${type}:`, range }));
  },

  /** Every marker's ID part that names the SPEC: `@TYPE:<ID>`, `@TEST:<TYPE>-<ID>`. */
  renameSites(index, subject) {
    if (subject.kind !== 'SPEC') return {};
    const exact: Location[] = [];
    for (const facts of index.allFacts()) {
      for (const tag of facts.tags) {
        const range = idPartOf(index, tag, subject.specId);
        if (range) exact.push({ path: facts.path, range });
      }
    }
    return { exact };
  },

  /**
   * Markers in code per tag type, and the mentions in prose beside them: together what the lens
   * shows when clicked (the SPEC's references), so that its count and the peek agree.
   */
  summary(index, specId) {
    const counts = formatCounts(chainCounts(index, specId));
    const m = index.mentionsOf(specId).length;
    const mentions = m > 0 ? `${m} mention${m === 1 ? '' : 's'}` : undefined;
    if (counts === undefined) return mentions === undefined ? undefined : { lens: `no code markers yet · ${mentions}`, hover: `Chain: no code markers yet; ${mentions} in prose` };
    return { lens: mentions ? `${counts} · ${mentions}` : counts, hover: `Chain: ${counts}${mentions ? `; ${mentions} in prose` : ''}` };
  },

  /** Header paths that resolve to a file. */
  links(index, path) {
    const out: PathLink[] = [];
    for (const header of index.facts(path)?.headerPaths ?? []) {
      const target = resolveHeaderPath(index, path, header.label, header.target);
      if (target !== undefined) out.push({ range: header.range, target });
    }
    return out;
  },
};

/** The range of the SPEC ID a marker carries: its own ID, or the `<ID>` of `@TEST:<TYPE>-<ID>`. */
function ownedId(index: WorkspaceIndex, tag: TagOccurrence): { id: string; range: Range } | undefined {
  const start = tag.range.start.character + 1 + tag.type.length + 1;
  const line = tag.range.start.line;
  if (index.specsWithId(tag.id).length > 0) return { id: tag.id, range: { start: { line, character: start }, end: { line, character: start + tag.id.length } } };
  if (tag.type === 'TEST') {
    const dash = tag.id.indexOf('-');
    const rest = tag.id.slice(dash + 1);
    if (dash > 0 && index.tagTypes.includes(tag.id.slice(0, dash)) && index.specsWithId(rest).length > 0) {
      return { id: rest, range: { start: { line, character: start + dash + 1 }, end: { line, character: start + tag.id.length } } };
    }
  }
  return undefined;
}

/** The part of `tag` that names `specId`, if it does. */
function idPartOf(index: WorkspaceIndex, tag: TagOccurrence, specId: string): Range | undefined {
  if (tag.id !== specId && !(tag.type === 'TEST' && tag.id.endsWith(`-${specId}`))) return undefined;
  const owned = ownedId(index, tag);
  return owned?.id === specId ? owned.range : undefined;
}
