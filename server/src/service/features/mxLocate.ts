import type { MxLink, WorkspaceIndex } from '../index';
import type { Position, Range, RefKind } from '../types';
import { contains } from './types';

/**
 * What of the `@MX` dialect stands at a position:
 * - `reference`: IDs on an `@MX:SPEC`/`@MX:TEST` line (several for an expanded range, which
 *   shares one range);
 * - `declaration`: a REQ or AC declared in one of a SPEC's files;
 * - `mapping`: a REQ ID an AC's text maps, in the SPEC's files.
 */
export type MxTarget =
  | { readonly kind: 'reference'; readonly links: readonly MxLink[]; readonly range: Range }
  | { readonly kind: 'declaration'; readonly subject: MxSubject; readonly range: Range }
  | { readonly kind: 'mapping'; readonly subject: MxSubject; readonly range: Range };

/** A SPEC, or one REQ/AC of a SPEC. `id` is the SPEC's bare ID for a SPEC. */
export interface MxSubject {
  readonly kind: RefKind;
  readonly specId: string;
  readonly id: string;
}

/** The `@MX` target under `position` in `path`, or undefined. */
export function mxTargetAt(index: WorkspaceIndex, path: string, position: Position): MxTarget | undefined {
  const links = index.mxLinks(path).filter((l) => contains(l.ref.range, position));
  if (links.length > 0) return { kind: 'reference', links, range: links[0]!.ref.range };
  const facts = index.facts(path);
  if (!facts?.reqs?.length) return undefined;
  const specId = facts.spec?.id ?? index.specOfFile(path);
  if (specId === undefined) return undefined;
  for (const decl of facts.reqs) {
    if (contains(decl.range, position)) return { kind: 'declaration', subject: { kind: decl.kind, specId, id: decl.id }, range: decl.range };
    for (const ref of decl.maps) if (contains(ref.range, position)) return { kind: 'mapping', subject: { kind: 'REQ', specId, id: index.resolveReq(specId, ref.id) ?? ref.id }, range: ref.range };
  }
  return undefined;
}

/** The SPECs, REQs and ACs a target is about; links that resolve to nothing are left out. */
export function mxSubjects(target: MxTarget): MxSubject[] {
  if (target.kind !== 'reference') return [target.subject];
  const out: MxSubject[] = [];
  for (const link of target.links) for (const specId of link.specIds) out.push({ kind: link.ref.kind, specId, id: link.ref.kind === 'SPEC' ? specId : link.ref.id });
  return out;
}
