import type { WorkspaceIndex } from '../index';
import { TAG_ID } from '../tags';
import { LineIndex } from '../text';
import type { Position, Range } from '../types';
import { DIALECTS, refAt } from './dialects';
import type { RenameSites, Subject } from './refs';
import { NEVER_CANCELLED, RenameRefused, type Cancellation, type EditPlan, type FileOperation, type ReadText, type TextEdit } from './types';

/** Where a rename starts: the SPEC, REQ or AC, and the range of its ID under the cursor. */
export interface RenameTarget {
  readonly subject: Subject;
  readonly range: Range;
}

export { RenameRefused };

/** The REQ/AC ID form a new name must have: `REQ-AUTH-003`, `AC-HAL-01-01.a`. */
const REQ_NAME = /^(REQ|AC)-[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*$/;
/** A range operator right after or before an ID: `REQ-X-011..015`, `REQ-X-001 ~ 005`, `REQ-X-024/025`. */
const RANGE_AFTER = /^[ \t]*(?:\.\.|~|\/)[ \t]*[A-Za-z0-9]/;
const RANGE_BEFORE = /(?:\.\.|~|\/)[ \t]*$/;
/** Longer REQ/AC names are refused: IDs in real SPECs stay under 40 characters. */
const MAX_REQ_NAME = 80;

/**
 * The SPEC, REQ or AC ID under the cursor and its exact range (the ID part of a marker, the
 * `<ID>` of a `@TEST:API-<ID>` marker, the part after `SPEC-` on an `@MX` line, a frontmatter or
 * title ID, a dependency item, a REQ/AC on an `@MX` line or where it is declared or mapped).
 * `text` is the document's, to find the ID inside a title. Throws `RenameRefused` with a
 * reason elsewhere.
 */
export function prepareRename(index: WorkspaceIndex, path: string, position: Position, text?: string): RenameTarget {
  const start = refAt(index, path, position)?.rename;
  if (!start) throw new RenameRefused('Place the cursor on a SPEC ID or an @TAG marker to rename a SPEC.');
  if ('refused' in start) throw new RenameRefused(start.refused);
  if (index.specsWithId(start.subject.specId).length === 0) throw new RenameRefused(`${start.subject.specId} is not the ID of a SPEC of the workspace.`);
  const range = start.within && text !== undefined ? idRangesIn(new LineIndex(text), start.range, start.subject.id, 'SPEC')[0] : undefined;
  return { subject: start.subject, range: range ?? start.range };
}

/**
 * The edits that rename a SPEC, REQ or AC to `newName`, gathered from every dialect: for a
 * SPEC (`newName` with or without `SPEC-`) the frontmatter `id`, the title, the `SPEC-<ID>`
 * folder, every marker (`@TYPE:<ID>`, `@TEST:<TYPE>-<ID>`), every dependency item and every
 * SPEC ID of an `@MX` line; for a REQ/AC its declarations, the ACs mapping it, every `@MX`
 * reference and every other whole-ID mention in the SPEC's files. Throws `RenameRefused` for
 * an invalid or taken name, or a REQ/AC named inside a range (which a textual rename would break).
 */
export async function getRenameEdits(index: WorkspaceIndex, subject: Subject, newName: string, readText: ReadText, token: Cancellation = NEVER_CANCELLED): Promise<EditPlan | undefined> {
  const newId = subject.kind === 'SPEC' ? checkedSpecName(index, subject, newName) : checkedReqName(index, subject, newName);
  const oldId = subject.id;
  const sites = DIALECTS.map((d) => d.renameSites?.(index, subject, newId) ?? {});
  const all = <K extends keyof RenameSites>(key: K): RenameSites[K][number][] => sites.flatMap((s) => [...((s[key] ?? []) as RenameSites[K])]);

  const texts = new Map<string, LineIndex | undefined>();
  const read = async (path: string): Promise<LineIndex | undefined> => {
    if (!texts.has(path)) {
      const text = await readText(path);
      texts.set(path, text === undefined ? undefined : new LineIndex(text));
    }
    return texts.get(path);
  };
  const edits = new Map<string, Map<string, TextEdit>>();
  const add = (path: string, range: Range): void => {
    let list = edits.get(path);
    if (!list) edits.set(path, (list = new Map()));
    list.set(`${range.start.line}:${range.start.character}`, { range, newText: newId });
  };

  let n = 0;
  for (const site of all('exact')) {
    if (++n % 2000 === 0 && token.isCancellationRequested) return undefined;
    if (subject.kind === 'SPEC') {
      // Marker IDs come from the index itself: no need to read thousands of files to check them.
      add(site.path, site.range);
      continue;
    }
    if (token.isCancellationRequested) return undefined;
    const inRange = `${site.path}:${site.range.start.line + 1} names ${oldId} inside a range; edit that range by hand first.`;
    if (site.expanded) throw new RenameRefused(inRange);
    const lines = await read(site.path);
    if (!lines) throw new RenameRefused(`${site.path} cannot be read, so ${oldId} cannot be renamed there.`);
    const start = lines.offsetAt(site.range.start);
    const end = lines.offsetAt(site.range.end);
    if (lines.text.slice(start, end) !== oldId || RANGE_AFTER.test(lines.text.slice(end, end + 8)) || RANGE_BEFORE.test(lines.text.slice(Math.max(0, start - 8), start))) throw new RenameRefused(inRange);
    add(site.path, site.range);
  }
  const wholeText = (lines: LineIndex): Range => ({ start: { line: 0, character: 0 }, end: lines.positionAt(lines.text.length) });
  const searches: { path: string; range?: Range }[] = [...all('within'), ...all('files').map((path) => ({ path }))];
  for (const { path, range } of searches) {
    if (token.isCancellationRequested) return undefined;
    const lines = await read(path);
    if (!lines) continue;
    for (const r of idRangesIn(lines, range ?? wholeText(lines), oldId, subject.kind)) add(path, r);
  }
  const out = new Map<string, TextEdit[]>();
  for (const [path, list] of edits) out.set(path, [...list.values()]);
  const operations: FileOperation[] = all('operations');
  return { edits: out, operations };
}

/** The new SPEC ID (without `SPEC-`), or a refusal: not an ID, or taken. */
function checkedSpecName(index: WorkspaceIndex, subject: Subject, newName: string): string {
  const newId = newName.trim().replace(/^SPEC-/, '');
  const shown = newName.length > 80 ? `${newName.slice(0, 80)}… (${newName.length} characters)` : newName;
  if (newId.length > 200) throw new RenameRefused(`"${shown}" is not a valid SPEC ID: an ID is at most 200 characters long.`);
  if (!TAG_ID.test(newId)) throw new RenameRefused(`"${shown}" is not a valid SPEC ID: IDs look like USER-001 (capitals, dashes, at least three final digits).`);
  if (newId !== subject.specId && index.specsWithId(newId).length > 0) throw new RenameRefused(`A SPEC with the ID ${newId} already exists.`);
  if (index.specsWithId(subject.specId).length === 0) throw new RenameRefused(`No SPEC has the ID ${subject.specId}.`);
  return newId;
}

/** The new REQ/AC ID, or a refusal: malformed, of the other kind, taken, or the old one not declared. */
function checkedReqName(index: WorkspaceIndex, subject: Subject, newName: string): string {
  const newId = newName.trim();
  const kind = subject.id.startsWith('AC-') ? 'AC' : 'REQ';
  if (/[\r\n]/.test(newName) || newId.length > MAX_REQ_NAME || !REQ_NAME.test(newId)) {
    throw new RenameRefused(`"${newName.slice(0, MAX_REQ_NAME)}${newName.length > MAX_REQ_NAME ? '…' : ''}" is not a valid ${kind} ID: IDs look like ${kind}-AUTH-003 (letters and digits joined by dashes or dots, at most ${MAX_REQ_NAME} characters).`);
  }
  if (!newId.startsWith(`${kind}-`)) throw new RenameRefused(`${subject.id} is ${kind === 'AC' ? 'an' : 'a'} ${kind}; its new ID must start with ${kind}-.`);
  if (index.reqDeclarations(subject.specId, subject.id).length === 0) throw new RenameRefused(`SPEC-${subject.specId} declares no ${subject.id}.`);
  if (newId !== subject.id && index.reqDeclarations(subject.specId, newId).length > 0) throw new RenameRefused(`SPEC-${subject.specId} already declares ${newId}.`);
  return newId;
}

/**
 * Whole-ID occurrences of `id` inside `range`. A SPEC ID may follow `SPEC-` or `@TYPE:` (which
 * stay); a REQ/AC ID stands inside no longer ID on either side (`REQ-1` is not in `REQ-1.2`).
 */
export function idRangesIn(lines: LineIndex, range: Range, id: string, kind: Subject['kind']): Range[] {
  const start = lines.offsetAt(range.start);
  const text = lines.text.slice(start, lines.offsetAt(range.end));
  const out: Range[] = [];
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + id.length)) {
    // What stands just around it decides; a bounded window keeps a search over a whole file linear.
    const before = text.slice(Math.max(0, at - 64), at);
    const after = text.slice(at + id.length, at + id.length + 2);
    const whole =
      kind === 'SPEC'
        ? (at === 0 || !/[A-Za-z0-9_-]$/.test(before) || /(?:^|[^A-Za-z0-9_-])SPEC-$/.test(before) || /(?:^|[^\w])@[A-Z]+:$/.test(before)) && !/^[A-Za-z0-9_]/.test(after) && !/^-[A-Za-z0-9]/.test(after)
        : !/[\w-]$/.test(before) && !/^(?:\w|[-.][A-Za-z0-9])/.test(after);
    if (whole) out.push(lines.range(start + at, start + at + id.length));
  }
  return out;
}
