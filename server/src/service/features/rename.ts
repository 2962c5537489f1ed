import type { WorkspaceIndex } from '../index';
import { TAG_ID } from '../tags';
import { LineIndex, basename, dirname, append } from '../text';
import type { Position, Range, TagOccurrence } from '../types';
import { targetAt } from './locate';
import { mxTargetAt } from './mxLocate';
import { prepareReqRename } from './mxRename';
import { mxSpecReferences } from './mxNavigation';
import { NEVER_CANCELLED, RenameRefused, type Cancellation, type EditPlan, type FileOperation, type ReadText, type TextEdit } from './types';

/** Where a rename starts: the SPEC ID and the range of the ID under the cursor; `reqId` when a REQ/AC of that SPEC is renamed. */
export interface RenameTarget {
  readonly specId: string;
  readonly range: Range;
  readonly reqId?: string;
}

export { RenameRefused };

/**
 * The SPEC ID under the cursor and its exact range (the ID part of a marker, the `<ID>` of a
 * `@TEST:API-<ID>` marker, a frontmatter or title ID, a dependency item), or the REQ/AC ID
 * under it (on an `@MX` line or a declaration). Throws `RenameRefused` with a reason elsewhere.
 */
export function prepareRename(index: WorkspaceIndex, path: string, position: Position, text?: string): RenameTarget {
  const req = prepareReqRename(index, path, position);
  if (req) return { specId: req.specId, range: req.range, reqId: req.reqId };
  const mxSpec = mxSpecIdAt(index, path, position);
  if (mxSpec) return mxSpec;
  const target = targetAt(index, path, position);
  if (!target) throw new RenameRefused('Place the cursor on a SPEC ID or an @TAG marker to rename a SPEC.');
  if (target.kind === 'tag') {
    const owned = ownedId(index, target.tag);
    if (!owned) throw new RenameRefused(`@${target.tag.type}:${target.tag.id} is not the ID of a SPEC of the workspace.`);
    return { specId: owned.id, range: owned.range };
  }
  if (index.specsWithId(target.specId).length === 0) throw new RenameRefused(`${target.specId} is not the ID of a SPEC of the workspace.`);
  const range = text !== undefined ? idRangeIn(text, target.range, target.specId) : undefined;
  return { specId: target.specId, range: range ?? target.range };
}

/**
 * The edits that rename SPEC `oldId` to `newName` (with or without `SPEC-`): the frontmatter
 * `id`, the title, the `SPEC-<ID>` folder, every marker (`@TYPE:<ID>`, `@TEST:<TYPE>-<ID>`),
 * every dependency list item and every SPEC ID of an `@MX` line naming it. Throws `RenameRefused` for an invalid or taken ID.
 */
export async function getRenameEdits(index: WorkspaceIndex, oldId: string, newName: string, readText: ReadText, token: Cancellation = NEVER_CANCELLED): Promise<EditPlan | undefined> {
  const newId = newName.trim().replace(/^SPEC-/, '');
  const shown = newName.length > 80 ? `${newName.slice(0, 80)}… (${newName.length} characters)` : newName;
  if (newId.length > 200) throw new RenameRefused(`"${shown}" is not a valid SPEC ID: an ID is at most 200 characters long.`);
  if (!TAG_ID.test(newId)) throw new RenameRefused(`"${shown}" is not a valid SPEC ID: IDs look like USER-001 (capitals, dashes, at least three final digits).`);
  if (newId !== oldId && index.specsWithId(newId).length > 0) throw new RenameRefused(`A SPEC with the ID ${newId} already exists.`);
  const specs = index.specsWithId(oldId);
  if (specs.length === 0) throw new RenameRefused(`No SPEC has the ID ${oldId}.`);

  const edits = new Map<string, Map<string, TextEdit>>();
  const add = (path: string, range: Range, newText: string): void => {
    let list = edits.get(path);
    if (!list) edits.set(path, (list = new Map()));
    list.set(`${range.start.line}:${range.start.character}`, { range, newText });
  };

  let n = 0;
  for (const facts of index.allFacts()) {
    if (++n % 2000 === 0 && token.isCancellationRequested) return undefined;
    for (const tag of facts.tags) {
      const range = idPartOf(index, tag, oldId);
      if (range) add(facts.path, range, newId);
    }
  }

  const textual: { path: string; range: Range }[] = [];
  for (const spec of specs) {
    textual.push({ path: spec.path, range: spec.doc.idRange }, { path: spec.path, range: spec.doc.titleRange });
  }
  for (const spec of index.specs()) for (const ref of spec.doc.references) if (ref.id === oldId) textual.push({ path: spec.path, range: ref.range });
  append(textual, mxSpecReferences(index, oldId));
  const texts = new Map<string, LineIndex | undefined>();
  for (const { path, range } of textual) {
    if (token.isCancellationRequested) return undefined;
    if (!texts.has(path)) {
      const text = await readText(path);
      texts.set(path, text === undefined ? undefined : new LineIndex(text));
    }
    const lines = texts.get(path);
    if (!lines) continue;
    for (const r of idRangesIn(lines, range, oldId)) add(path, r, newId);
  }

  const operations: FileOperation[] = [];
  for (const spec of specs) {
    const folder = dirname(spec.path);
    if (basename(folder) !== `SPEC-${oldId}`) continue;
    const parent = dirname(folder);
    operations.push({ kind: 'rename', from: folder, to: parent === '.' ? `SPEC-${newId}` : `${parent}/SPEC-${newId}` });
  }
  const out = new Map<string, TextEdit[]>();
  for (const [path, list] of edits) out.set(path, [...list.values()]);
  return { edits: out, operations };
}

/** The SPEC ID of an `@MX` line under the cursor (the part after `SPEC-`), when it names a SPEC. */
function mxSpecIdAt(index: WorkspaceIndex, path: string, position: Position): RenameTarget | undefined {
  const target = mxTargetAt(index, path, position);
  const link = target?.kind === 'reference' ? target.links.find((l) => l.ref.kind === 'SPEC') : undefined;
  const specId = link?.specIds[0];
  if (!link || specId === undefined) return undefined;
  const { start, end } = link.ref.range;
  const written = end.character - start.character;
  const from = written === specId.length + 'SPEC-'.length ? start.character + 'SPEC-'.length : start.character;
  return { specId, range: { start: { line: start.line, character: from }, end } };
}

/** The range of the SPEC ID a marker carries: its own ID, or the `<ID>` of `@TEST:<TYPE>-<ID>`. */
function ownedId(index: WorkspaceIndex, tag: TagOccurrence): { id: string; range: Range } | undefined {
  const start = tag.range.start.character + 1 + tag.type.length + 1;
  const line = tag.range.start.line;
  if (index.specsWithId(tag.id).length > 0) return { id: tag.id, range: { start: { line, character: start }, end: { line, character: start + tag.id.length } } };
  if (tag.type === 'TEST') {
    const dash = tag.id.indexOf('-');
    const rest = tag.id.slice(dash + 1);
    if (dash > 0 && index.tagTypes.includes(tag.id.slice(0, dash)) && index.specsWithId(rest).length > 0) {
      return { id: rest, range: { start: { line, character: start + dash + 1 }, end: { line, character: start + tag.id.length } } };
    }
  }
  return undefined;
}

/** The part of `tag` that names `specId`, if it does. */
function idPartOf(index: WorkspaceIndex, tag: TagOccurrence, specId: string): Range | undefined {
  if (tag.id !== specId && !(tag.type === 'TEST' && tag.id.endsWith(`-${specId}`))) return undefined;
  const owned = ownedId(index, tag);
  return owned?.id === specId ? owned.range : undefined;
}

/** Occurrences of `id` as a whole ID inside `range` (a `SPEC-` prefix stays). */
function idRangesIn(lines: LineIndex, range: Range, id: string): Range[] {
  const start = lines.offsetAt(range.start);
  const text = lines.text.slice(start, lines.offsetAt(range.end));
  const out: Range[] = [];
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + id.length)) {
    const before = text.slice(0, at);
    const after = text.slice(at + id.length);
    const boundaryBefore = before === '' || !/[A-Za-z0-9_-]$/.test(before) || /(?:^|[^A-Za-z0-9_-])SPEC-$/.test(before) || /(?:^|[^\w])@[A-Z]+:$/.test(before);
    const boundaryAfter = !/^[A-Za-z0-9_]/.test(after) && !/^-[A-Za-z0-9]/.test(after);
    if (boundaryBefore && boundaryAfter) out.push(lines.range(start + at, start + at + id.length));
  }
  return out;
}

function idRangeIn(text: string, range: Range, id: string): Range | undefined {
  return idRangesIn(new LineIndex(text), range, id)[0];
}
