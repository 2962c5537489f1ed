import type { WorkspaceIndex } from '../index';
import { LineIndex, dirname } from '../text';
import type { Position, Range } from '../types';
import { mxTargetAt } from './mxLocate';
import { NEVER_CANCELLED, RenameRefused, type Cancellation, type EditPlan, type ReadText, type TextEdit } from './types';

/** The REQ/AC ID form a new name must have: `REQ-AUTH-003`, `AC-HAL-01-01.a`. */
const REQ_NAME = /^(REQ|AC)-[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*$/;
/** A range operator right after or before an ID: `REQ-X-011..015`, `REQ-X-001 ~ 005`, `REQ-X-024/025`. */
const RANGE_AFTER = /^[ \t]*(?:\.\.|~|\/)[ \t]*[A-Za-z0-9]/;
const RANGE_BEFORE = /(?:\.\.|~|\/)[ \t]*$/;
/** Longer names are refused: IDs in real SPECs stay under 40 characters. */
const MAX_NAME = 80;

/** Where a REQ/AC rename starts: the SPEC, the ID and its range under the cursor. */
export interface ReqRenameTarget {
  readonly specId: string;
  readonly reqId: string;
  readonly range: Range;
}

/**
 * The REQ or AC under the cursor (on an `@MX` line, a declaration, or an AC's mapping), when it
 * resolves to one SPEC; undefined where no REQ/AC stands. Throws for an ID that does not resolve.
 */
export function prepareReqRename(index: WorkspaceIndex, path: string, position: Position): ReqRenameTarget | undefined {
  const target = mxTargetAt(index, path, position);
  if (!target) return undefined;
  if (target.kind !== 'reference') return { specId: target.subject.specId, reqId: target.subject.id, range: target.range };
  const link = target.links.find((l) => l.ref.kind !== 'SPEC');
  if (!link) return undefined;
  if (link.ref.expanded) throw new RenameRefused(`${link.ref.id} is a member of a range; rename it at its declaration, and edit the range by hand.`);
  if (link.specIds.length !== 1) throw new RenameRefused(`${link.ref.id} is not declared in ${link.specIds.length === 0 ? 'a SPEC this line can name' : 'exactly one SPEC'}.`);
  return { specId: link.specIds[0]!, reqId: link.ref.id, range: link.ref.range };
}

/**
 * The edits that rename REQ/AC `oldId` of SPEC `specId` to `newName`: its declarations, the ACs
 * mapping it, every `@MX` reference, and every other whole-ID mention in the SPEC's files.
 * Throws `RenameRefused` for a malformed or taken name, or a reference inside a range
 * (which a textual rename would break).
 */
export async function getReqRenameEdits(index: WorkspaceIndex, specId: string, oldId: string, newName: string, readText: ReadText, token: Cancellation = NEVER_CANCELLED): Promise<EditPlan | undefined> {
  const newId = newName.trim();
  const kind = oldId.startsWith('AC-') ? 'AC' : 'REQ';
  if (/[\r\n]/.test(newName) || newId.length > MAX_NAME || !REQ_NAME.test(newId)) {
    throw new RenameRefused(`"${newName.slice(0, MAX_NAME)}${newName.length > MAX_NAME ? '…' : ''}" is not a valid ${kind} ID: IDs look like ${kind}-AUTH-003 (letters and digits joined by dashes or dots, at most ${MAX_NAME} characters).`);
  }
  if (!newId.startsWith(`${kind}-`)) throw new RenameRefused(`${oldId} is ${kind === 'AC' ? 'an' : 'a'} ${kind}; its new ID must start with ${kind}-.`);
  const declarations = index.reqDeclarations(specId, oldId);
  if (declarations.length === 0) throw new RenameRefused(`SPEC-${specId} declares no ${oldId}.`);
  if (newId !== oldId && index.reqDeclarations(specId, newId).length > 0) throw new RenameRefused(`SPEC-${specId} already declares ${newId}.`);

  const exact: { path: string; range: Range }[] = declarations.map((d) => ({ path: d.path, range: d.decl.range }));
  const refs = [
    ...index.reqsOf(specId).flatMap((ac) => ac.decl.maps.filter((ref) => ref.id === oldId).map((ref) => ({ path: ac.path, ref }))),
    ...index.mxRefsTo(specId, oldId).map((link) => ({ path: link.path, ref: link.ref })),
  ];
  for (const { path, ref } of refs) {
    if (ref.expanded) throw new RenameRefused(`${path}:${ref.range.start.line + 1} names ${oldId} inside a range; edit that range by hand first.`);
    exact.push({ path, range: ref.range });
  }

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
  for (const { path, range } of exact) {
    if (token.isCancellationRequested) return undefined;
    const lines = await read(path);
    if (!lines) throw new RenameRefused(`${path} cannot be read, so ${oldId} cannot be renamed there.`);
    const start = lines.offsetAt(range.start);
    const end = lines.offsetAt(range.end);
    const written = lines.text.slice(start, end);
    if (written !== oldId || RANGE_AFTER.test(lines.text.slice(end, end + 8)) || RANGE_BEFORE.test(lines.text.slice(Math.max(0, start - 8), start))) {
      throw new RenameRefused(`${path}:${range.start.line + 1} names ${oldId} inside a range; edit that range by hand first.`);
    }
    add(path, range);
  }
  for (const path of specFiles(index, declarations.map((d) => d.path))) {
    if (token.isCancellationRequested) return undefined;
    const lines = await read(path);
    if (lines) for (const range of mentions(lines, oldId)) add(path, range);
  }
  const out = new Map<string, TextEdit[]>();
  for (const [path, list] of edits) out.set(path, [...list.values()]);
  return { edits: out, operations: [] };
}

/** The files of the SPEC declaring the ID: every indexed file of its folder, or the flat SPEC file itself. */
function specFiles(index: WorkspaceIndex, declaring: readonly string[]): string[] {
  const out = new Set<string>(declaring);
  const folders = new Set(declaring.filter((p) => !index.facts(p)?.spec?.flat).map(dirname));
  for (const facts of index.allFacts()) if (folders.has(dirname(facts.path))) out.add(facts.path);
  return [...out].sort();
}

/** Whole-ID occurrences of `id` in a text: not inside a longer ID on either side. */
function mentions(lines: LineIndex, id: string): Range[] {
  const text = lines.text;
  const out: Range[] = [];
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + id.length)) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text.slice(at + id.length, at + id.length + 2);
    if (/[\w-]/.test(before) || /^(?:\w|[-.][A-Za-z0-9])/.test(after)) continue;
    out.push(lines.range(at, at + id.length));
  }
  return out;
}
