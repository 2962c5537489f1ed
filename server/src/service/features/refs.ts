import type { WorkspaceIndex } from '../index';
import type { Position, Range, RefKind } from '../types';
import type { Cancellation, FileOperation, Location } from './types';

/**
 * The one model every editor feature works on, whatever dialect wrote the link: "a reference at
 * a range names a SPEC, a REQ or an AC". A dialect (one room under `dialects/`) says what it
 * has at a position and where it names a subject; hover, definition, references, rename,
 * completion, document links, code lenses and "SPEC at cursor" are written once over it.
 *
 * Adding a dialect (OpenFastTrace's `[impl->dsn~x~1]`, tracey's `r[impl auth.login]`) is one
 * more room implementing {@link Dialect}, listed in `dialects/index.ts`; no feature changes.
 */

/** A SPEC, or one REQ/AC of a SPEC. For a SPEC, `id` is its bare ID, equal to `specId`. */
export interface Subject {
  readonly kind: RefKind;
  readonly specId: string;
  readonly id: string;
}

/** The subject of a whole SPEC. */
export const specSubject = (specId: string): Subject => ({ kind: 'SPEC', specId, id: specId });

/**
 * Where a rename starts: the subject and the range of its ID as written (`within`: the ID lies
 * somewhere inside `range`, to find in the text), or why no rename can start there.
 */
export type RenameStart = { readonly subject: Subject; readonly range: Range; readonly within?: boolean } | { readonly refused: string };

/** What a dialect has at a position. */
export interface RefAt {
  /** `declaration`: the subject is declared here (a SPEC's ID or title, a REQ's declaration); `reference`: named here. */
  readonly role: 'reference' | 'declaration';
  /** The marker or ID under the cursor. */
  readonly range: Range;
  /** What it resolves to: several for a marker of several SPECs or an expanded range; empty when it names nothing known. */
  readonly subjects: readonly Subject[];
  /** Sentences about IDs here that resolve to nothing, for the hover. */
  readonly unresolved?: readonly string[];
  /** Where a rename starts here; undefined when there is nothing to rename. */
  readonly rename?: RenameStart;
}

/**
 * Where a dialect writes a subject's ID, for a rename: `exact` ranges hold exactly the ID
 * (`expanded`: only as a member of a range such as `REQ-X-011..015`, which a textual rename
 * would break); `within` ranges hold it somewhere among other text; `files` are searched whole
 * for it; `operations` move files named after it.
 */
export interface RenameSites {
  readonly exact: readonly (Location & { readonly expanded?: boolean })[];
  readonly within: readonly Location[];
  readonly files: readonly string[];
  readonly operations: readonly FileOperation[];
}

/** One completion: what to show, what to insert over `range`. */
export interface CompletionEntry {
  readonly kind: 'spec-id' | 'tag-type' | 'req-id' | 'ac-id' | 'mx-kind';
  readonly label: string;
  readonly detail?: string;
  readonly newText: string;
  readonly range: Range;
}

/** A header path or an ID that resolves: its range, the workspace-relative file it names, and for an ID the 0-based line. */
export interface PathLink {
  readonly range: Range;
  readonly target: string;
  readonly line?: number;
}

/** A way of writing links between files and SPECs: a room of its own, seen by every feature through this interface. */
export interface Dialect {
  readonly name: string;
  /** What the dialect has at `position` of `path`, or undefined. */
  at(index: WorkspaceIndex, path: string, position: Position): RefAt | undefined;
  /** Where the dialect declares the subject (a SPEC's title, a REQ's declaration). */
  declarations?(index: WorkspaceIndex, subject: Subject): Location[];
  /** Where the dialect names the subject, declarations aside. */
  references(index: WorkspaceIndex, subject: Subject, token: Cancellation): Location[];
  /**
   * Completions for a line whose text up to the cursor is `linePrefix`; undefined when the cursor
   * is not in a place of this dialect (the next dialect is asked).
   */
  complete?(index: WorkspaceIndex, linePrefix: string, position: Position, path: string | undefined): CompletionEntry[] | undefined;
  /** Where the dialect writes the subject's ID, for a rename to `newId`. */
  renameSites?(index: WorkspaceIndex, subject: Subject, newId: string): Partial<RenameSites>;
  /** Document links of a file: paths and IDs that lead to another file. */
  links?(index: WorkspaceIndex, path: string): PathLink[];
}

/** Orders locations by path, then line and column. */
export function byLocation(a: Location, b: Location): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Locations sorted by place, each place once (members of one expanded range share a range). */
export function uniqueLocations(locations: Iterable<Location>): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const l of [...locations].sort(byLocation)) {
    const key = `${l.path}:${l.range.start.line}:${l.range.start.character}:${l.range.end.line}:${l.range.end.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  return out;
}
