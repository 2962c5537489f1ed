/**
 * The git history of the SPEC folders as the engine reads it: commits newest first (as `git log`
 * prints them), each with the SPEC files it added, deleted, changed or renamed and, when asked
 * for, its added and removed lines that name a REQ or AC ID. The node layer runs git and parses
 * its output into this shape; the engine classifies IDs from it without touching git.
 */

/** A file a commit touched: `A`dded, `D`eleted, `M`odified, `R`enamed (from `from`), `C`opied, `T` type changed. */
export interface HistoryFile {
  readonly status: 'A' | 'D' | 'M' | 'R' | 'C' | 'T';
  /** Relative to the workspace root, with `/`. */
  readonly path: string;
  /** The path before a rename or copy. */
  readonly from?: string;
}

/** An added (`+`) or removed (`-`) line of a SPEC file that names a REQ or AC ID. */
export interface HistoryLine {
  readonly path: string;
  readonly sign: '+' | '-';
  readonly text: string;
}

export interface HistoryCommit {
  /** The full object ID. */
  readonly hash: string;
  /** The commit date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The first line of its message. */
  readonly subject: string;
  readonly files: readonly HistoryFile[];
  readonly lines: readonly HistoryLine[];
}

/** The SPEC folders' history, newest commit first. */
export interface SpecHistory {
  readonly commits: readonly HistoryCommit[];
  /** True when the lines of declarations were read (REQ/AC IDs can be classified). */
  readonly withLines: boolean;
  /** True when the output was cut at its bound: the oldest commits are missing, so "never existed" cannot be said. */
  readonly cut: boolean;
}

/** What git history says about an ID that resolves to nothing. */
export interface IdHistory {
  /**
   * `renamed`: a SPEC folder (or a REQ/AC declaration) with this ID became `renamedTo` in
   * `commit`; `deleted`: it was deleted in `commit` (when `renamedTo` is set, it was renamed to
   * that ID first, which was deleted); `never-existed`: no SPEC folder or declaration of the
   * history ever had it.
   */
  readonly kind: 'renamed' | 'deleted' | 'never-existed';
  /** The full object ID of the commit that renamed or deleted it. */
  readonly commit?: string;
  /** The commit's date (`YYYY-MM-DD`) and subject line, for hovers. */
  readonly date?: string;
  readonly subject?: string;
  /** The ID it was renamed to: on a diagnostic, written the way its reference writes IDs (with or without `SPEC-`). */
  readonly renamedTo?: string;
  /** The closest ID the workspace has now, when one is close. */
  readonly closest?: string;
}
