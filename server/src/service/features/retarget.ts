import type { WorkspaceIndex } from '../index';
import { LineIndex } from '../text';
import { uniqueLocations } from './refs';
import { idRangesIn } from './rename';
import type { EditPlan, Location, ReadText, TextEdit } from './types';

/**
 * Retargeting an unknown ID that git history says was renamed: every reference in the workspace
 * that names the old ID and resolves to nothing (a tag's ID, an `@MX` line's SPEC or REQ/AC ID, a
 * SPEC's dependency, an AC's mapping) is rewritten to the new one, in one edit. The references
 * are those the link rules report, found in the index, not by searching text.
 */

const bare = (id: string): string => (id.startsWith('SPEC-') ? id.slice(5) : id);
const isReqId = (id: string): boolean => /^(?:REQ|AC)-/.test(id);

/** Where the workspace names `id` (a SPEC ID with or without `SPEC-`, or a REQ/AC ID) without it resolving, in path and position order. */
export function unresolvedReferences(index: WorkspaceIndex, id: string): Location[] {
  const out: Location[] = [];
  if (isReqId(id)) {
    for (const facts of index.allFacts()) {
      if (!facts.mx) continue;
      for (const link of index.mxLinks(facts.path)) if (link.ref.kind !== 'SPEC' && link.ref.id === id && link.specIds.length === 0 && !link.ref.expanded) out.push({ path: link.path, range: link.ref.range });
    }
    for (const spec of index.specs()) {
      for (const entry of index.reqsOf(spec.id)) {
        if (entry.decl.kind !== 'AC') continue;
        for (const ref of entry.decl.maps) if (ref.id === id && !ref.expanded && !index.declares(spec.id, id)) out.push({ path: entry.path, range: ref.range });
      }
    }
  } else {
    const specId = bare(id);
    for (const facts of index.allFacts()) {
      if (facts.tags.length > 0) for (const link of index.links(facts.path)) if (link.tag.id === specId && link.specIds.length === 0 && link.tag.role !== 'title') out.push({ path: link.path, range: link.tag.range });
      if (facts.mx) for (const link of index.mxLinks(facts.path)) if (link.ref.kind === 'SPEC' && link.ref.id === specId && link.specIds.length === 0) out.push({ path: link.path, range: link.ref.range });
      for (const ref of facts.spec?.references ?? []) if (bare(ref.id) === specId && index.resolveSpecId(ref.id) === undefined) out.push({ path: facts.path, range: ref.range });
    }
  }
  return uniqueLocations(out);
}

/**
 * The edit that rewrites every unresolved reference to `from` into `to` (each keeps its form: a
 * `SPEC-` prefix stays where it was written, a bare tag ID stays bare), with the number of
 * references it rewrote; undefined when none can be.
 */
export async function retargetEdits(index: WorkspaceIndex, from: string, to: string, readText: ReadText): Promise<{ edit: EditPlan; references: number; files: number } | undefined> {
  const kind = isReqId(from) ? 'REQ' : 'SPEC';
  const [oldId, newId] = kind === 'SPEC' ? [bare(from), bare(to)] : [from, to];
  const edits = new Map<string, TextEdit[]>();
  const texts = new Map<string, LineIndex | undefined>();
  let references = 0;
  for (const { path, range } of unresolvedReferences(index, from)) {
    if (!texts.has(path)) {
      const text = await readText(path);
      texts.set(path, text === undefined ? undefined : new LineIndex(text));
    }
    const lines = texts.get(path);
    if (!lines) continue;
    const found = idRangesIn(lines, range, oldId, kind);
    if (found.length === 0) continue;
    references++;
    const list = edits.get(path) ?? [];
    for (const r of found) list.push({ range: r, newText: newId });
    edits.set(path, list);
  }
  return references === 0 ? undefined : { edit: { edits, operations: [] }, references, files: edits.size };
}
