import type { SkippedFile } from './types';
import type { Workspace, WorkspaceEntry } from './workspace';

/** A workspace held in memory: for tests, and for callers that already have the texts. */
export class InMemoryWorkspace implements Workspace {
  readonly #files: Map<string, string>;

  constructor(files: Readonly<Record<string, string>>, readonly root = '/ws') {
    this.#files = new Map(Object.entries(files));
  }

  /** Adds or replaces a file. */
  set(path: string, text: string): void {
    this.#files.set(path, text);
  }

  delete(path: string): void {
    this.#files.delete(path);
  }

  async list(): Promise<readonly WorkspaceEntry[]> {
    return [...this.#files.keys()].sort().map((path) => ({ path, size: this.#files.get(path)!.length }));
  }

  async read(path: string): Promise<string | SkippedFile> {
    const text = this.#files.get(path);
    return text ?? { path, reason: 'unreadable' };
  }

  async exists(path: string): Promise<boolean> {
    const p = path.replace(/\/+$/, '');
    if (this.#files.has(p)) return true;
    for (const key of this.#files.keys()) if (key.startsWith(p + '/')) return true;
    return false;
  }
}
