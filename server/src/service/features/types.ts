import type { Range } from '../types';

/** A place in the workspace: a workspace-relative path and a range in it. */
export interface Location {
  readonly path: string;
  readonly range: Range;
}

/** A replacement of `range` by `newText` (an insert when the range is empty). */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A file created with its text, or a file or folder renamed. */
export type FileOperation =
  | { readonly kind: 'create'; readonly path: string; readonly text: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

/**
 * A change to the workspace, independent of LSP: text edits per path (against the paths as
 * they are before any operation), then file operations in order.
 */
export interface EditPlan {
  readonly edits: ReadonlyMap<string, readonly TextEdit[]>;
  readonly operations: readonly FileOperation[];
}

/** Long features check this between steps and stop early when it turns true. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: Cancellation = { isCancellationRequested: false };

/** Reads the current text of a file (an open document's, else the disk's); undefined when unreadable. */
export type ReadText = (path: string) => Promise<string | undefined>;

/** True when `position` lies in `range` (ends inclusive, so a cursor just after a marker still counts). */
export function contains(range: Range, position: { readonly line: number; readonly character: number }): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}

/** Why a rename cannot start or go ahead; the message says why, for the user. */
export class RenameRefused extends Error {}
