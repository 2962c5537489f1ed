import type { WorkspaceIndex } from '../index';
import { hasInvisible, withoutInvisible } from '../invisible';
import { TAG_ID, bareSpecId, isSpecIdShape } from '../tags';
import { checkedData, type DataKind, type DiagnosticData } from '../diagnosticData';
import { LineIndex, dirname } from '../text';
import type { Range } from '../types';
import { commentSyntaxOf } from './commentSyntax';
import { getRenameEdits } from './rename';
import { retargetEdits } from './retarget';
import { renderSpecTemplate, specDocumentPath } from '../specTemplate';
import { workspaceSpecShape } from './specShape';
import { RenameRefused, contains, type EditPlan, type ReadText, type TextEdit } from './types';

/** A diagnostic as the client sends it back with a code action request. */
export interface ActionDiagnostic {
  readonly code: string;
  readonly range: Range;
  readonly data?: DiagnosticData;
  /** Other end of the diagnostic, for `set-version` reported on a manifest. */
  readonly related?: readonly { readonly path: string; readonly range: Range }[];
}

/** A quick fix for one of the request's diagnostics. */
export interface QuickFix {
  readonly title: string;
  readonly kind: 'quickfix';
  /** Index into the request's diagnostics. */
  readonly diagnostic: number;
  readonly isPreferred?: boolean;
  readonly edit: EditPlan;
}

export interface CodeActionRequest {
  readonly index: WorkspaceIndex;
  readonly path: string;
  /** Current text of the document. */
  readonly text: string;
  readonly diagnostics: readonly ActionDiagnostic[];
  /** `context.only` of the request; undefined for every kind. */
  readonly only?: readonly string[];
  /** The date written into a new SPEC's frontmatter. */
  readonly today: Date;
  /** Text of other files (the manifest of a version fix). */
  readonly readText: ReadText;
}

const MARKER = /^@([A-Z][A-Z0-9_]*):([A-Za-z0-9_-]*)/;

/** What the fix of one diagnostic works with. */
interface FixContext {
  readonly request: CodeActionRequest;
  readonly lines: LineIndex;
  readonly diagnostic: ActionDiagnostic;
  /** The text the diagnostic's range covers. */
  readonly rangeText: string;
  /** Offers a fix. */
  readonly fix: (title: string, edit: EditPlan, isPreferred?: boolean) => void;
}

const single = (path: string, edits: TextEdit[]): EditPlan => ({ edits: new Map([[path, edits]]), operations: [] });

/**
 * The fixes of each kind of diagnostic data (`diagnosticData.ts`): one entry per kind, so a new
 * kind does not type-check until it has its fix here.
 */
const FIXES: { readonly [K in DataKind]: (c: FixContext, data: Extract<DiagnosticData, { kind: K }>) => void | Promise<void> } = {
  'replace-id': async ({ request, lines, diagnostic: d, rangeText, fix }, data) => {
    if (REPLACE_WHOLE_ID.has(d.code)) {
      fix(`Replace ${rangeText} with ${data.suggestion}`, single(request.path, [{ range: d.range, newText: data.suggestion }]), true);
      return;
    }
    const marker = MARKER.exec(rangeText);
    if (marker && (d.code === 'tag/unknown-spec' || d.code === 'tag/malformed')) {
      const start = lines.offsetAt(d.range.start) + 1 + marker[1]!.length + 1;
      fix(`Replace @${marker[1]}:${marker[2]} with @${marker[1]}:${data.suggestion}`, single(request.path, [{ range: lines.range(start, start + marker[2]!.length), newText: data.suggestion }]), true);
    } else if (d.code === 'spec/unknown-dependency') {
      // The item may be quoted (`"DOC-TABLE-001"`) and written `SPEC-<ID>`: quotes and prefix stay, the ID changes.
      const quoted = rangeText.length >= 2 && (rangeText[0] === '"' || rangeText[0] === "'") && rangeText.endsWith(rangeText[0]!) ? 1 : 0;
      const item = rangeText.slice(quoted, rangeText.length - quoted);
      const prefix = /^SPEC-/.test(item) && !/^SPEC-/.test(data.suggestion) ? 'SPEC-' : '';
      const start = lines.offsetAt(d.range.start) + quoted + prefix.length;
      fix(`Replace ${item} with ${prefix}${data.suggestion}`, single(request.path, [{ range: lines.range(start, lines.offsetAt(d.range.end) - quoted), newText: data.suggestion }]), true);
    } else if (d.code === 'spec/id-mismatch') {
      const current = request.index.facts(request.path)?.spec?.id;
      // Other files name the SPEC by the ID it declares: they follow it, as a rename would take them.
      const renamed = current !== undefined ? await renameToFolderId(request, current, data.suggestion) : undefined;
      if (renamed) {
        const where = `${renamed.places} place${renamed.places === 1 ? '' : 's'} in ${renamed.files === 1 ? 'another file' : `${renamed.files} other files`}`;
        fix(`Change the ID to ${data.suggestion} (the folder's), with the ${where} that name${renamed.places === 1 ? 's' : ''} ${current}`, renamed.edit, true);
        return;
      }
      const at = current !== undefined ? rangeText.indexOf(current) : -1;
      const base = lines.offsetAt(d.range.start);
      const range = at >= 0 ? lines.range(base + at, base + at + current!.length) : d.range;
      fix(`Change the ID to ${data.suggestion} (the folder's)`, single(request.path, [{ range, newText: data.suggestion }]), true);
    }
  },
  'replace-marker': ({ request, diagnostic: d, rangeText, fix }, data) => {
    if (d.code === 'tag/malformed') fix(`Replace ${rangeText} with ${data.marker}`, single(request.path, [{ range: d.range, newText: data.marker }]), true);
  },
  'create-spec': ({ request, diagnostic: d, fix }, data) => {
    if (d.code === 'tag/unknown-spec' && TAG_ID.test(data.id)) createSpecFix(request, data.id, fix, true);
  },
  'retarget-id': async ({ request, lines, diagnostic: d, fix }, data) => {
    // Every reference the workspace has to the old ID, in one edit; the open document's own text wins over the disk's.
    const retarget = await retargetEdits(request.index, data.from, data.to, (path) => (path === request.path ? Promise.resolve(request.text) : request.readText(path)));
    if (retarget) {
      const what = retarget.references === 1 ? 'the reference' : `all ${retarget.references} references`;
      fix(`Retarget ${what} to ${data.from} to ${data.to}${retarget.files > 1 ? ` (${retarget.files} files)` : ''}`, retarget.edit, true);
    }
    // MoAI's rule for a broken SPEC link stays offered beside it: the rename may not be what the code meant.
    if (d.code === 'mx/unknown-spec') fix(`Mark the broken link to ${data.from} as MoAI does (@MX:LEGACY + @MX:TODO)`, single(request.path, [legacyTodo(lines, d.range.start.line, request.path)]));
  },
  'quote-yaml': ({ request, diagnostic: d, fix }, data) => {
    fix(`Quote the value as ${data.replacement}`, single(request.path, [{ range: d.range, newText: data.replacement }]), true);
  },
  'set-version': async (c, data) => {
    for (const f of await versionFixes(c.request, c.diagnostic, data)) c.fix(f.title, f.edit);
  },
  'pick-framework': ({ request, lines, fix }, data) => {
    for (const choice of data.choices) {
      const edit = frameworkEdit(request, lines, choice);
      if (edit) fix(`Use ${choice} as stack.backend.framework`, single(request.path, [edit]));
    }
  },
  'mx-broken-link': ({ request, lines, diagnostic: d, fix }, data) => {
    fix(`Mark the broken link to SPEC-${data.id} as MoAI does (@MX:LEGACY + @MX:TODO)`, single(request.path, [legacyTodo(lines, d.range.start.line, request.path)]));
    createSpecFix(request, data.id, fix, false);
  },
  'mx-add-reason': ({ request, lines, diagnostic: d, fix }) => {
    fix('Add an @MX:REASON line under the tag', single(request.path, [mxLinesBelow(lines, d.range.start.line, ['@MX:REASON: '], request.path)]), true);
  },
};

/**
 * The SPEC at the request's path renamed from the ID it declares to its folder's, with every
 * reference to it, when other files name it and it alone declares that ID (where two SPECs
 * declare it, the references may mean the other); undefined otherwise.
 */
async function renameToFolderId(request: CodeActionRequest, current: string, folderId: string): Promise<{ edit: EditPlan; places: number; files: number } | undefined> {
  if (request.index.specsWithId(current).length !== 1) return undefined;
  let plan: EditPlan | undefined;
  try {
    plan = await getRenameEdits(request.index, { kind: 'SPEC', specId: current, id: current }, folderId, (path) => (path === request.path ? Promise.resolve(request.text) : request.readText(path)));
  } catch (e) {
    if (e instanceof RenameRefused) return undefined;
    throw e;
  }
  // The SPEC's own files: its folder's, or the flat SPEC file alone.
  const folder = request.index.facts(request.path)?.spec?.flat ? undefined : dirname(request.path);
  let places = 0;
  let files = 0;
  for (const [path, edits] of plan?.edits ?? []) {
    if (path === request.path || dirname(path) === folder) continue;
    places += edits.length;
    files++;
  }
  return plan && places > 0 ? { edit: plan, places, files } : undefined;
}

/** MoAI's rule for a broken SPEC link: the tag is marked legacy, with a TODO to verify it. */
function legacyTodo(lines: LineIndex, line: number, path: string): TextEdit {
  return mxLinesBelow(lines, line, ['@MX:LEGACY: true', '@MX:TODO: Broken SPEC link, verify context'], path);
}

/** "Create SPEC-<ID>", shaped as the workspace's SPECs are. */
function createSpecFix(request: CodeActionRequest, id: string, fix: FixContext['fix'], isPreferred: boolean): void {
  const shape = workspaceSpecShape(request.index);
  const path = specDocumentPath(id, shape.flat);
  const text = renderSpecTemplate({ id, title: id, author: 'TODO', date: request.today, shape });
  fix(`Create SPEC-${id} (${path})`, { edits: new Map(), operations: [{ kind: 'create', path, text }] }, isPreferred);
}

/** Quick fixes for SpecChain diagnostics, matched by their data's kind and by code, respecting `only`. */
export async function getCodeActions(request: CodeActionRequest): Promise<QuickFix[]> {
  if (request.only && !request.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k + '.') || k === '')) return [];
  const lines = new LineIndex(request.text);
  const out: QuickFix[] = [];
  for (const [i, d] of request.diagnostics.entries()) {
    const fix = (title: string, edit: EditPlan, isPreferred = false): void => {
      out.push({ title, kind: 'quickfix', diagnostic: i, ...(isPreferred ? { isPreferred } : {}), edit });
    };
    const data = checkedData(d.data);
    const rangeText = lines.text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
    const context: FixContext = { request, lines, diagnostic: d, rangeText, fix };
    if (data) await (FIXES[data.kind] as (c: FixContext, data: DiagnosticData) => void | Promise<void>)(context, data);
    // An unknown SPEC in a marker can always be created, close ID or not (the data may be gone too).
    if (d.code === 'tag/unknown-spec' && data?.kind !== 'create-spec') {
      const id = MARKER.exec(rangeText)?.[2];
      if (id && TAG_ID.test(id)) createSpecFix(request, id, fix, false);
    }
    // Nor is a close ID on an @MX line the only way out: MoAI's marking and Create stay offered.
    if (d.code === 'mx/unknown-spec' && data?.kind === 'replace-id') {
      const id = bareSpecId(rangeText.trim());
      if (isSpecIdShape(id)) FIXES['mx-broken-link'](context, { kind: 'mx-broken-link', id });
    }
    if (d.code === 'tag/invisible-char' && hasInvisible(rangeText)) fix('Delete the invisible characters', single(request.path, [{ range: d.range, newText: withoutInvisible(rangeText) }]), true);
    fix(`Disable ${d.code} for this line`, single(request.path, [disableEdit(request, lines, d)]));
  }
  return out;
}

async function versionFixes(request: CodeActionRequest, d: ActionDiagnostic, data: Extract<DiagnosticData, { kind: 'set-version' }>): Promise<{ title: string; edit: EditPlan }[]> {
  const out: { title: string; edit: EditPlan }[] = [];
  const onManifest = request.path === data.manifestPath;
  const specSide = onManifest ? d.related?.[0] : { path: request.path, range: d.range };
  if (specSide) {
    out.push({
      title: `Set the SPEC's version to ${data.manifestVersion} (the manifest's)`,
      edit: { edits: new Map([[specSide.path, [{ range: specSide.range, newText: JSON.stringify(data.manifestVersion) }]]]), operations: [] },
    });
  }
  const manifestText = onManifest ? request.text : await request.readText(data.manifestPath);
  if (manifestText !== undefined) {
    const lines = new LineIndex(manifestText);
    const old = manifestText.slice(lines.offsetAt(data.manifestRange.start), lines.offsetAt(data.manifestRange.end));
    // Keep the manifest's range operator (`^`, `~=`, `==`): only the version number changes.
    const operator = /^[\s"']*[~^<>=!]*\s*/.exec(old)?.[0] ?? '';
    const number = /^[0-9][0-9A-Za-z.+-]*/.exec(old.slice(operator.length))?.[0];
    if (number !== undefined) {
      const start = lines.offsetAt(data.manifestRange.start) + operator.length;
      out.push({
        title: `Set ${data.manifestPath} to version ${data.specVersion} (the SPEC's)`,
        edit: { edits: new Map([[data.manifestPath, [{ range: lines.range(start, start + number.length), newText: data.specVersion.replace(/^[~^<>=!\s]+/, '') }]]]), operations: [] },
      });
    }
  }
  return out;
}

/** Writes `stack.backend.framework: <choice>` into the SPEC's frontmatter. */
function frameworkEdit(request: CodeActionRequest, lines: LineIndex, choice: string): TextEdit | undefined {
  const doc = request.index.facts(request.path)?.spec;
  if (!doc) return undefined;
  if (doc.stack?.framework) return { range: doc.stack.framework.valueRange, newText: choice };
  if (doc.stack) {
    const stackLine = doc.stack.range.start.line;
    const indent = /^\s*/.exec(lines.lineText(stackLine))![0];
    const next = lines.lineText(stackLine + 1);
    const backend = /^(\s+)backend:\s*$/.exec(next);
    const at = { line: stackLine + (backend ? 2 : 1), character: 0 };
    const text = backend ? `${backend[1]}  framework: ${choice}\n` : `${indent}  backend:\n${indent}    framework: ${choice}\n`;
    return { range: { start: at, end: at }, newText: text };
  }
  const block = `stack:\n  backend:\n    framework: ${choice}\n`;
  if (doc.frontmatterRange) {
    const at = { line: doc.frontmatterRange.end.line, character: 0 };
    return { range: { start: at, end: at }, newText: block };
  }
  const top = { line: 0, character: 0 };
  return { range: { start: top, end: top }, newText: `---\n${block}---\n\n` };
}

/** Comment closers a one-line comment may end with, longest first. */
const CLOSERS = [' */}', '*/}', ' -->', '-->', ' */', '*/'];

/** Codes whose range is exactly the ID to replace. */
const REPLACE_WHOLE_ID: ReadonlySet<string> = new Set(['mx/unknown-spec', 'mx/unknown-req', 'spec/ac-unknown-req', 'spec/title-mismatch']);

/**
 * New `@MX` lines under the marker on `line`, written like it: the same text before `@MX`
 * (`// `, `# `, ` * `, a docstring's indentation) and the same closer when the comment closes
 * on that line (`-->`, star-slash); the file's comment syntax when the line holds no `@MX`.
 */
function mxLinesBelow(lines: LineIndex, line: number, contents: readonly string[], path: string): TextEdit {
  const text = lines.lineText(line);
  const at = text.indexOf('@MX');
  const syntax = commentSyntaxOf(path);
  const indent = /^[ \t]*/.exec(text)![0];
  const open = at >= 0 ? text.slice(0, at) : indent + syntax.open;
  const end = text.trimEnd();
  const closer = at < 0 ? syntax.close : (CLOSERS.find((c) => end.endsWith(c)) ?? '');
  const position = { line: line + 1, character: 0 };
  return { range: { start: position, end: position }, newText: contents.map((c) => `${open}${c}${closer}\n`).join('') };
}

/** A `specchain-disable-next-line <code>` comment above the diagnostic's line, indented like it. */
function disableEdit(request: CodeActionRequest, lines: LineIndex, d: ActionDiagnostic): TextEdit {
  const line = d.range.start.line;
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const frontmatter = request.index.facts(request.path)?.spec?.frontmatterRange;
  // Inside YAML frontmatter only a YAML comment keeps the block valid.
  const syntax = frontmatter && contains(frontmatter, d.range.start) ? { open: '# ', close: '' } : commentSyntaxOf(request.path);
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${syntax.open}specchain-disable-next-line ${d.code}${syntax.close}\n` };
}
