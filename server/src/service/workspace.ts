import type { FileFacts, SkippedFile } from './types';

/** A file the workspace lists. `path` is relative to the root, with `/` separators. */
export interface WorkspaceEntry {
  readonly path: string;
  /** Size in bytes, when the lister read it. */
  readonly size?: number;
  /** Modification time in milliseconds, when the lister read it (for caches). */
  readonly mtimeMs?: number;
  /**
   * Status-change time and inode (`ctimeMs/ino`), when the lister read them: a rewrite that keeps
   * the size and puts the modification time back still changes these, so caches tell it apart.
   */
  readonly change?: string;
}

/**
 * How the service sees the world. The server and CLI plug in the real file system
 * (`server/src/node/fsWorkspace.ts`); tests use `InMemoryWorkspace`.
 */
export interface Workspace {
  /** Absolute root, for messages and relative paths only. */
  readonly root: string;
  /** Every file that may be read: excludes and `.gitignore` already applied. */
  list(): Promise<readonly WorkspaceEntry[]>;
  /**
   * The text of a file, or a skip reason (too large, binary, unreadable). Never throws for a
   * file that vanished or cannot be read.
   */
  read(path: string): Promise<string | SkippedFile>;
  /** True when `path` (relative) names an existing file or folder. */
  exists(path: string): Promise<boolean>;
}

/**
 * Analyses many files at once; the file-system adapter implements it with worker threads.
 * The service falls back to reading through the workspace one file at a time.
 */
export interface BulkAnalyzer {
  analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }>;
}
