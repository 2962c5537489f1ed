import type { MxLink, WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { mxSubjects, mxTargetAt, type MxSubject } from './mxLocate';
import { byPlace, declarationsNamed } from './reqCoverage';
import { NEVER_CANCELLED, type Cancellation, type Location } from './types';
import { append } from '../text';

/**
 * Go to definition from an ID of an `@MX` line (or a REQ an AC maps) to its declaration: a SPEC
 * ID to the SPEC's title, a REQ/AC ID to its declaration line(s). Undefined where no `@MX`
 * target stands, so the tag dialect's definition can answer.
 */
export function getMxDefinition(index: WorkspaceIndex, path: string, position: Position): Location[] | undefined {
  const target = mxTargetAt(index, path, position);
  if (!target) return undefined;
  if (target.kind === 'declaration') return [];
  const out: Location[] = [];
  for (const subject of mxSubjects(target)) append(out, declarationsOf(index, subject));
  return out;
}

/**
 * Every `@MX` reference to the SPEC, REQ or AC at `position` (on an `@MX` line, a declaration
 * or an AC's mapping), with the declarations when asked. Undefined where no `@MX` target stands.
 */
export function getMxReferences(index: WorkspaceIndex, path: string, position: Position, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] | undefined {
  const target = mxTargetAt(index, path, position);
  if (!target) return undefined;
  const out: Location[] = [];
  for (const subject of mxSubjects(target)) {
    if (token.isCancellationRequested) return [];
    if (includeDeclaration) append(out, declarationsOf(index, subject));
    if (subject.kind === 'SPEC') {
      append(out, mxSpecReferences(index, subject.specId));
      continue;
    }
    for (const ac of index.reqsOf(subject.specId)) for (const ref of ac.decl.maps) if (ref.id === subject.id) out.push({ path: ac.path, range: ref.range });
    append(out, locations([...index.mxRefsTo(subject.specId, subject.id)]));
  }
  return out;
}

/**
 * The `@MX` lines that link to a SPEC: the SPEC ID where the line names it, else each of the
 * line's REQ/AC IDs that resolve to it (a line relying on `module:` ownership).
 */
export function mxSpecReferences(index: WorkspaceIndex, specId: string): Location[] {
  const links = index.mxRefsTo(specId);
  const named = new Set<MxLink['marker']>();
  for (const l of links) if (l.ref.kind === 'SPEC') named.add(l.marker);
  return locations(links.filter((l) => l.ref.kind === 'SPEC' || !named.has(l.marker)));
}

function declarationsOf(index: WorkspaceIndex, subject: MxSubject): Location[] {
  if (subject.kind === 'SPEC') return index.specsWithId(subject.specId).map((s) => ({ path: s.path, range: s.doc.titleRange }));
  return declarationsNamed(index, subject.specId, subject.id).map((r) => ({ path: r.path, range: r.decl.range }));
}

/** Locations of links in path and line order, one per range (members of one expanded range share it). */
function locations(links: MxLink[]): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const l of links.sort(byPlace)) {
    const key = `${l.path}:${l.ref.range.start.line}:${l.ref.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: l.path, range: l.ref.range });
  }
  return out;
}
