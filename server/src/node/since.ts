import { FileClassifier, isSkippedByName } from '../service/analyze';
import { GeneratedAttributes } from '../service/gitattributes';
import { InMemoryWorkspace } from '../service/inMemoryWorkspace';
import { LanguageService } from '../service/languageService';
import { readLimitFor } from '../service/stack/manifests';
import type { FileFacts, SkipReason, SkippedFile } from '../service/types';
import type { BulkAnalyzer, WorkspaceEntry } from '../service/workspace';
import type { ResultFile } from '../service/evidence/resultTypes';
import { analyzeBytes } from './batch';
import type { Folder } from './folder';
import { mergeBase, readBaseTree, readBlobs } from './gitTree';
import { looksBinary } from './readText';

/** What a file's analysis gave: its facts, or why it was skipped. */
export type FileOutcome = FileFacts | SkipReason;

/**
 * Wraps the working tree's analyser and keeps what it gave for each file, before anything else
 * touches the facts, so that the base commit's analysis can reuse the facts of every file the
 * change did not touch (the same content gives the same facts).
 */
export class RecordingAnalyzer implements BulkAnalyzer {
  readonly outcomes = new Map<string, FileOutcome>();
  #inner: BulkAnalyzer | undefined;

  /** Records what `inner` gives (for the `wrap` option of `loadFolder`). */
  around(inner: BulkAnalyzer): this {
    this.#inner = inner;
    return this;
  }

  async analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }> {
    if (!this.#inner) throw new Error('RecordingAnalyzer used before around()');
    const result = await this.#inner.analyze(entries);
    for (const f of result.facts) this.outcomes.set(f.path, f);
    for (const s of result.skipped) this.outcomes.set(s.path, s.reason);
    return result;
  }
}

/** The base commit's files that the change touched, read from git, and the rest reused from the working tree's analysis. */
class BaseAnalyzer implements BulkAnalyzer {
  constructor(
    readonly reused: ReadonlyMap<string, FileOutcome>,
    readonly blobs: ReadonlyMap<string, Buffer>,
    readonly classifier: FileClassifier,
  ) {}

  async analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }> {
    const facts: FileFacts[] = [];
    const skipped: SkippedFile[] = [];
    for (const { path } of entries) {
      const known = this.reused.get(path);
      const bytes = known === undefined ? this.blobs.get(path) : undefined;
      const outcome: FileOutcome | SkippedFile =
        known !== undefined ? known : bytes === undefined ? 'unreadable' : looksBinary(bytes) ? 'binary' : analyzeBytes(path, bytes, this.classifier);
      if (typeof outcome === 'string') skipped.push({ path, reason: outcome });
      else if ('reason' in outcome) skipped.push(outcome);
      else facts.push(outcome);
    }
    return { facts, skipped };
  }
}

/** The base of a `--since` comparison: the commit, and the engine loaded with its files. */
export interface BaseCheck {
  readonly ref: string;
  readonly commit: string;
  readonly service: LanguageService;
  /** Files read from git (the change touched them); the others were reused. */
  readonly read: number;
  readonly millis: number;
}

/**
 * Loads the merge base of `ref` with HEAD into an engine of its own, with the folder's settings:
 * the files the change did not touch keep the facts the working tree's analysis gave them
 * (`outcomes`), the others are read from git into memory (one `ls-tree`, one `diff`, one
 * `cat-file --batch`); nothing is checked out or written. Which files count is decided as for the
 * working tree: a path the working tree lists, or one the change deleted that its excludes and
 * `.gitignore` files would not hide. Throws `BaseProblem` when the base cannot be had.
 */
export async function loadBase(folder: Folder, ref: string, listing: readonly WorkspaceEntry[], outcomes: ReadonlyMap<string, FileOutcome>, results?: readonly ResultFile[]): Promise<BaseCheck> {
  const started = Date.now();
  const commit = await mergeBase(folder.root, ref);
  const tree = await readBaseTree(folder.root, commit);
  const listed = new Set(listing.map((e) => e.path));
  const entries: WorkspaceEntry[] = [];
  const reused = new Map<string, FileOutcome>();
  const toRead = new Map<string, string>();
  for (const [path, file] of [...tree.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const changed = tree.changed.has(path);
    if (!listed.has(path) && !(changed && !folder.workspace.isIgnored(path))) continue;
    entries.push({ path, size: file.size });
    const known = changed ? undefined : outcomes.get(path);
    if (known !== undefined) reused.set(path, known);
    else if (!isSkippedByName(path) && file.size <= readLimitFor(path, folder.config.maxFileSize)) toRead.set(path, file.oid);
  }
  // `.gitattributes` files are read through the workspace (what they mark generated), changed or not.
  for (const e of entries) if (GeneratedAttributes.isAttributesFile(e.path)) toRead.set(e.path, tree.files.get(e.path)!.oid);
  const byOid = await readBlobs(folder.root, [...toRead.values()]);
  const blobs = new Map<string, Buffer>();
  const texts: Record<string, string> = {};
  for (const [path, oid] of toRead) {
    const bytes = byOid.get(oid);
    if (bytes === undefined) continue;
    blobs.set(path, bytes);
    if (GeneratedAttributes.isAttributesFile(path)) texts[path] = bytes.toString('utf8');
  }
  const service = new LanguageService({ workspace: new InMemoryWorkspace(texts, folder.root), config: folder.config, analyzer: new BaseAnalyzer(reused, blobs, new FileClassifier(folder.config)) });
  await service.load(entries);
  if (results) service.setTestResults(results);
  return { ref, commit, service, read: blobs.size, millis: Date.now() - started };
}
