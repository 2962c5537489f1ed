import { declarationAt } from '../mx/reqs';
import { TAG_ID } from '../tags';
import type { HistoryCommit, IdHistory, SpecHistory } from './types';

/** Whether an unknown ID names a SPEC, or a REQ/AC of one. */
export type IdKind = 'SPEC' | 'REQ';

/** The key of an ID in the classification: its kind and, for a SPEC, the ID without `SPEC-`. */
export function historyKey(kind: IdKind, id: string): string {
  return kind === 'SPEC' ? `SPEC:${id.startsWith('SPEC-') ? id.slice(5) : id}` : `REQ:${id}`;
}

/** What happened last to an ID, oldest commit to newest. */
type Event = { readonly kind: 'added' } | { readonly kind: 'renamed'; readonly to: string; readonly commit: HistoryCommit } | { readonly kind: 'deleted'; readonly commit: HistoryCommit };

/**
 * The SPEC a path under the SPEC folders belongs to, by its folder (`SPEC-<ID>/…`, a bare
 * `<ID>/spec.md` in the tag ID form) or its flat file (`SPEC-<ID>.md`), or undefined.
 */
export function specIdOfPath(path: string): string | undefined {
  const segments = path.split('/');
  for (let i = segments.length - 1; i >= 0; i--) {
    const m = /^SPEC-(.+?)(?:\.md)?$/.exec(segments[i]!);
    if (m && (i < segments.length - 1 || segments[i]!.endsWith('.md'))) return m[1];
  }
  const folder = segments[segments.length - 2];
  return segments[segments.length - 1] === 'spec.md' && folder !== undefined && TAG_ID.test(folder) ? folder : undefined;
}

/** True for a SPEC's own document (`spec.md`, a flat `SPEC-<ID>.md`): its deletion deletes the SPEC. */
function isSpecDocument(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === 'spec.md' || /^SPEC-.+\.md$/.test(name);
}

/** A declaration line's text after its ID, reduced to letters and digits, for matching a renamed REQ's line. */
function declarationText(text: string, start: number, id: string): string {
  return text
    .slice(start + id.length, start + id.length + 400)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The last event of every SPEC and REQ/AC ID in the history, replayed from the oldest commit:
 * a SPEC document added, deleted, or moved to another SPEC's folder (git's rename detection); a
 * REQ/AC declaration line added, removed, or replaced in the same commit by one of another ID with
 * the same text.
 */
function replay(history: SpecHistory): Map<string, Event> {
  const last = new Map<string, Event>();
  for (let c = history.commits.length - 1; c >= 0; c--) {
    const commit = history.commits[c]!;
    for (const file of commit.files) {
      if (!isSpecDocument(file.path)) {
        // A SPEC's document renamed to something else (`spec.md` → `notes.md`): the SPEC is gone.
        const from = file.status === 'R' && file.from !== undefined && isSpecDocument(file.from) ? specIdOfPath(file.from) : undefined;
        if (from !== undefined) last.set(historyKey('SPEC', from), { kind: 'deleted', commit });
        continue;
      }
      const id = specIdOfPath(file.path);
      if (id === undefined) continue;
      const key = historyKey('SPEC', id);
      if (file.status === 'D') last.set(key, { kind: 'deleted', commit });
      else if (file.status === 'R' && file.from !== undefined) {
        const from = specIdOfPath(file.from);
        if (from !== undefined && from !== id) last.set(historyKey('SPEC', from), { kind: 'renamed', to: id, commit });
        last.set(key, { kind: 'added' });
      } else if (file.status === 'A' || file.status === 'C' || !last.has(key)) last.set(key, { kind: 'added' });
    }
    if (!history.withLines || commit.lines.length === 0) continue;
    const added = new Map<string, string>();
    const removed = new Map<string, string>();
    for (const line of commit.lines) {
      const decl = declarationAt(line.text);
      if (!decl) continue;
      const side = line.sign === '+' ? added : removed;
      if (!side.has(decl.id)) side.set(decl.id, declarationText(line.text, decl.start, decl.id));
    }
    for (const id of added.keys()) last.set(historyKey('REQ', id), { kind: 'added' });
    for (const [id, text] of removed) {
      if (added.has(id)) continue;
      let to: string | undefined;
      if (text !== '') for (const [other, otherText] of added) if (otherText === text && !removed.has(other) && other.startsWith(id.slice(0, id.indexOf('-')))) to ??= other;
      last.set(historyKey('REQ', id), to !== undefined ? { kind: 'renamed', to, commit } : { kind: 'deleted', commit });
    }
  }
  return last;
}

/**
 * The SPEC folders' history, replayed once, answering for any ID that resolves to nothing:
 * `renamed` (followed to the last name it had, when that one still exists), `deleted`, or
 * `never-existed` (said only when the history was read whole, and for REQ/AC IDs only when the
 * declarations were read). An ID that the history still has (added and never removed: an
 * uncommitted deletion, a REQ of another SPEC) gets no answer: git has nothing to say about it.
 * A SPEC's new ID is given bare (`NOTIFY-001`); `attachHistory` writes it the way each reference
 * writes IDs. The language server keeps one per load and asks it for every new unknown ID.
 */
export class HistoryIndex {
  readonly #last: Map<string, Event>;
  readonly #history: SpecHistory;

  constructor(history: SpecHistory) {
    this.#history = history;
    this.#last = replay(history);
  }

  classify(kind: IdKind, id: string): IdHistory | undefined {
    const key = historyKey(kind, id);
    const event = this.#last.get(key);
    if (event === undefined) return !this.#history.cut && (kind === 'SPEC' || this.#history.withLines) ? { kind: 'never-existed' } : undefined;
    if (event.kind === 'added') return undefined;
    if (event.kind === 'deleted') return { kind: 'deleted', ...about(event.commit) };
    // Follow the renames to the last name; when that one was deleted, the ID was deleted.
    let to = event.to;
    const seen = new Set([key]);
    for (let next = this.#last.get(historyKey(kind, to)); next?.kind === 'renamed' && !seen.has(historyKey(kind, next.to)); next = this.#last.get(historyKey(kind, to))) {
      seen.add(historyKey(kind, to));
      to = next.to;
    }
    const end = this.#last.get(historyKey(kind, to));
    return end?.kind === 'deleted' ? { kind: 'deleted', ...about(end.commit), renamedTo: to } : { kind: 'renamed', ...about(event.commit), renamedTo: to };
  }
}

/** Classifies IDs that resolve to nothing (see {@link HistoryIndex}), by `historyKey`. */
export function classifyIds(ids: Iterable<{ readonly kind: IdKind; readonly id: string }>, history: SpecHistory): Map<string, IdHistory> {
  const index = new HistoryIndex(history);
  const out = new Map<string, IdHistory>();
  for (const { kind, id } of ids) {
    const found = index.classify(kind, id);
    if (found) out.set(historyKey(kind, id), found);
  }
  return out;
}

function about(commit: HistoryCommit): { commit: string; date: string; subject: string } {
  return { commit: commit.hash, date: commit.date, subject: commit.subject };
}
