import type { WorkspaceIndex } from '../index';
import type { Position, Range, TagOccurrence } from '../types';
import { contains } from './types';

/**
 * What stands at a position, for hover, definition, references, rename and "SPEC at cursor":
 * - `tag`: a marker, with the SPECs it belongs to;
 * - `spec`: the ID of a SPEC document where it is written (frontmatter `id` or title);
 * - `reference`: an item of `depends_on`/`blocks`/`related_specs`.
 */
export type Target =
  | { readonly kind: 'tag'; readonly tag: TagOccurrence; readonly specIds: readonly string[]; readonly range: Range }
  | { readonly kind: 'spec'; readonly specId: string; readonly range: Range }
  | { readonly kind: 'reference'; readonly specId: string; readonly range: Range };

/** The target under `position` in `path`, or undefined. */
export function targetAt(index: WorkspaceIndex, path: string, position: Position): Target | undefined {
  const link = index.links(path).find((l) => contains(l.tag.range, position));
  if (link) {
    const specIds = link.tag.role === 'title' ? [link.tag.id] : link.specIds;
    return { kind: 'tag', tag: link.tag, specIds, range: link.tag.range };
  }
  const doc = index.facts(path)?.spec;
  if (!doc) return undefined;
  const ref = doc.references.find((r) => contains(r.range, position));
  if (ref) return { kind: 'reference', specId: ref.id, range: ref.range };
  if (doc.id !== undefined && (contains(doc.idRange, position) || contains(doc.titleRange, position))) {
    return { kind: 'spec', specId: doc.id, range: contains(doc.idRange, position) ? doc.idRange : doc.titleRange };
  }
  return undefined;
}

/** The SPEC IDs a target is about (several for a marker that belongs to several SPECs). */
export function specIdsOf(target: Target): readonly string[] {
  return target.kind === 'tag' ? target.specIds : [target.specId];
}
