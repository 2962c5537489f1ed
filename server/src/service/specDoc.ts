import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isMap, parseDocument, type Document } from 'yaml';
import { fromDocument, readPlainYaml, type Span, type YamlPair } from './frontmatterYaml';
import { TEMPLATE_STATUSES, normalStatus, shapeOf } from './specSchema';
import { scanCapabilities } from './stack/capabilities';
import { TAG_ID, bareSpecId, isSpecIdShape } from './tags';
import { LineIndex, basename, dirname } from './text';
import type { FieldValue, FrontmatterSchema, Range, SpecDoc, SpecProblem, SpecReference, SpecStack } from './types';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const REFERENCE_FIELDS = ['depends_on', 'dependencies', 'blocks', 'related_specs'];

/**
 * A dependency item without the note in parentheses some SPECs add after the ID
 * (`SPEC-EVAL-003 (Korean-locale benchmark)` names SPEC-EVAL-003).
 */
function withoutNote(item: string): string {
  const space = item.search(/\s/);
  if (space < 0) return item;
  const note = item.slice(space).trim();
  return note.startsWith('(') && note.endsWith(')') ? item.slice(0, space) : item;
}

/** A SPEC document after parsing, with the line of its title (for the title marker's role). */
export interface ParsedSpec {
  readonly doc: SpecDoc;
  readonly titleLine: number;
}

interface Heading {
  readonly text: string;
  readonly line: number;
  readonly offset: number;
  readonly endOffset: number;
}

interface FrontmatterBlock {
  /** Offset of the YAML text (the line after the opening `---`). */
  readonly contentOffset: number;
  readonly content: string;
  readonly range: Range;
  /** True when the block stands after the title instead of opening the file. */
  readonly late: boolean;
}

/**
 * Parses a SPEC document: frontmatter (both schemas, with recovery of real-world quirks), the
 * title, the SPEC ID (frontmatter, then title, then folder) and the problems found.
 *
 * Only the part of the document up to the title is given to the markdown parser: the rest is
 * prose whose markers the tag scanner reads, and parsing it here would cost most of the time.
 */
export function parseSpec(path: string, text: string): ParsedSpec {
  const lines = new LineIndex(text);
  const problems: SpecProblem[] = [];
  const { heading, frontmatter } = structure(text, lines, idFromPath(path).folderId);

  let fields = noPrototype<FieldValue>();
  let references: SpecReference[] = [];
  let stack: SpecStack | undefined;
  if (!frontmatter && /^---[ \t]*\r?\n/.test(text)) {
    problems.push({
      code: 'spec/frontmatter-invalid',
      severity: 'error',
      message: 'The frontmatter opened on line 1 is never closed by a `---` line, so none of its fields are read.',
      range: lines.lineRange(0),
    });
  }
  if (frontmatter) {
    if (frontmatter.late) {
      problems.push({
        code: 'spec/frontmatter-invalid',
        severity: 'warning',
        message: 'Frontmatter should open the file: move this `---` block above the title.',
        range: { start: frontmatter.range.start, end: frontmatter.range.start },
      });
    }
    const parsed = readFrontmatter(frontmatter, lines, problems);
    fields = parsed.fields;
    references = parsed.references;
    stack = parsed.stack;
  }

  const { folderId, flat } = idFromPath(path);
  const titleId = heading ? idInTitle(heading, lines) : undefined;
  const titleRange = heading ? lines.range(heading.offset, heading.endOffset) : lines.lineRange(0);
  const fmId = fields.id ?? fields.spec_id;
  const fmValue = fmId && isIdValue(fmId.value) ? bareSpecId(String(fmId.value).trim()) : undefined;

  // The tag model's order (frontmatter, title, folder) gives the ID; a folder or flat-file name
  // that differs stays a second name of the SPEC, so `@MX` links by either resolve.
  let id: string | undefined;
  let idSource: SpecDoc['idSource'] = 'none';
  let idRange: Range = titleRange;
  if (fmId && !isIdValue(fmId.value)) {
    const given = describeValue(fmId.value);
    problems.push({
      code: 'spec/frontmatter-invalid',
      severity: 'warning',
      message: `Field "${fields.id ? 'id' : 'spec_id'}" must be a SPEC ID such as AUTH-001, but it is ${given}; the ID is taken from the ${titleId ? 'title' : 'folder'} instead.`,
      range: fmId.valueRange,
    });
  }
  if (fmId && fmValue !== undefined) {
    id = fmValue;
    idSource = 'frontmatter';
    idRange = fmId.valueRange;
  } else if (titleId) {
    id = titleId.id;
    idSource = 'title';
    idRange = titleId.range;
  } else {
    const folder = basename(dirname(path));
    const fromFolder = folderId ?? (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(folder) && TAG_ID.test(folder) ? folder : undefined);
    if (fromFolder) {
      id = fromFolder;
      idSource = 'folder';
    }
  }
  const aliases: string[] = [];
  if (id !== undefined && folderId !== undefined && folderId !== id && idSource !== 'folder') {
    aliases.push(folderId);
    problems.push({
      code: 'spec/id-mismatch',
      severity: 'warning',
      message: `${flat ? 'File' : 'Folder'} SPEC-${folderId} names ${folderId}, but this SPEC's ID is ${id}.`,
      range: idRange,
      data: { kind: 'replace-id', suggestion: folderId },
    });
  }
  if (id !== undefined && titleId && titleId.id !== id && idSource === 'frontmatter' && !aliases.includes(titleId.id)) {
    problems.push({
      code: 'spec/title-mismatch',
      severity: 'warning',
      message: `The title says @SPEC:${titleId.id}, but this SPEC's ID is ${id}.`,
      range: titleId.range,
      data: { kind: 'replace-id', suggestion: id },
    });
  }
  if (!frontmatter) {
    problems.push({
      code: 'spec/no-frontmatter',
      severity: 'info',
      message: `This SPEC has no frontmatter; its ID ${id ?? '(none)'} comes from the ${idSource === 'folder' ? (flat ? 'file name' : 'folder name') : idSource}. MoAI's templates open with a \`---\` block (id, version, status, …).`,
      range: titleRange,
    });
  }

  // Which template the fields are judged by depends on the project's MoAI release too (`specSchema.ts`, a rule).
  const schema: FrontmatterSchema = !frontmatter ? 'unknown' : shapeOf(fields);
  const modules = moduleField(fields.module);

  const str = (f: FieldValue | undefined): string | undefined =>
    f && (typeof f.value === 'string' || typeof f.value === 'number') ? String(f.value) : undefined;
  const title = str(fields.title) ?? str(fields.spec_title) ?? (heading ? stripIdFromTitle(heading.text) : undefined);
  // About a fifth of real SPECs have no frontmatter; most of them state their status under the title.
  const status = frontmatter ? str(fields.status) : bodyStatus(lines, (named) => bareSpecId(named) === id || bareSpecId(named) === folderId);
  const doc: SpecDoc = {
    id,
    idSource,
    idRange,
    ...(folderId !== undefined ? { folderId } : {}),
    ...(title !== undefined ? { title } : {}),
    titleRange,
    ...(status !== undefined ? { status } : {}),
    ...(str(fields.version) !== undefined ? { version: str(fields.version)! } : {}),
    schema,
    ...(frontmatter ? { frontmatterRange: frontmatter.range } : {}),
    fields,
    references,
    ...(stack ? { stack } : {}),
    capabilities: scanCapabilities(text),
    problems,
    ...(/(^|\/)_archive\//.test(path) ? { archived: true } : {}),
    ...(flat ? { flat: true } : {}),
    ...(aliases.length ? { aliases } : {}),
    ...(modules.length ? { modules } : {}),
  };
  return { doc, titleLine: heading ? heading.line : -1 };
}

/**
 * The ID a SPEC's path gives: folder `SPEC-<ID>/spec.md` (or any file of it), or flat file
 * `SPEC-<ID>.md`. IDs are as loose as real projects write them (`ADP-001a`, `AGENT-V2-REACT`).
 */
/** The lines at the top of a SPEC without frontmatter where a stated status is looked for. */
const STATUS_LINES = 40;
/** The longest line read for a status. */
const STATUS_LINE_CHARS = 300;
/**
 * A status stated in the body: `> Status: Completed (2026-03-26)`, `**Status:** Planned`,
 * `- **Status**: Draft`, or `status: completed` in a YAML block under the title.
 */
const STATUS_LINE = /^[ \t]*(?:>[ \t]*)?(?:[-*][ \t]+)?(?:\*\*)?status(?:\*\*)?[ \t]*:[ \t]*(?:\*\*[ \t]*)?(.*)$/i;
/** Up to three words after a mark or an emoji: `✅ DONE — all phases` gives DONE. */
const STATUS_WORDS = /^[^A-Za-z\n]{0,8}([A-Za-z]+)(?:[ _-]([A-Za-z]+))?(?:[ _-]([A-Za-z]+))?/;
/** A line that opens or closes a fenced code block. */
const FENCE = /^[ \t]{0,3}(?:```|~~~)/;
/** The `id:` (or `spec_id:`) line of a YAML block. */
const BLOCK_ID = /^[ \t]*(?:spec_)?id[ \t]*:[ \t]*["']?([A-Za-z0-9_.-]{1,100})/;
/** The statuses read from a body line: MoAI's, and the words teams write where they keep no frontmatter. */
const BODY_STATUSES: ReadonlySet<string> = new Set([...TEMPLATE_STATUSES, 'done', 'deployed', 'backlog', 'approved', 'proposed', 'accepted', 'in-review', 'on-hold', 'cancelled', 'canceled']);

/** The first known status in the words after `Status:`, as written; undefined for prose. */
function statusWords(rest: string): string | undefined {
  const words = STATUS_WORDS.exec(rest)?.slice(1).filter((w): w is string => w !== undefined) ?? [];
  for (let k = words.length; k > 0; k--) {
    const status = words.slice(0, k).join(' ');
    if (BODY_STATUSES.has(normalStatus(status))) return status;
  }
  return undefined;
}

/**
 * The status a SPEC without frontmatter states near its top, as written (`COMPLETED`), when its
 * first words are a known status; undefined otherwise (prose that merely starts with "Status:").
 * Inside a fenced code block the status counts only when the block's `id` is this SPEC's
 * (`ownId`): a block quoting another SPEC's frontmatter is an example, not this SPEC's fields.
 */
export function bodyStatus(lines: LineIndex, ownId: (id: string) => boolean): string | undefined {
  /** Inside a fence: the status the block states and whether its id is this SPEC's. */
  let block: { status?: string | undefined; own: boolean } | undefined;
  for (let n = 0; n < Math.min(STATUS_LINES, lines.lineCount); n++) {
    const line = lines.lineText(n).slice(0, STATUS_LINE_CHARS).trimEnd();
    if (FENCE.test(line)) {
      if (block?.own && block.status !== undefined) return block.status;
      block = block ? undefined : { own: false };
      continue;
    }
    const m = STATUS_LINE.exec(line);
    if (block) {
      const id = BLOCK_ID.exec(line);
      if (id) block.own = ownId(id[1]!);
      if (m && block.status === undefined) block.status = statusWords(m[1]!);
    } else if (m) return statusWords(m[1]!);
  }
  return block?.own ? block.status : undefined;
}

export function idFromPath(path: string): { folderId?: string; flat: boolean } {
  const name = basename(path);
  const flat = /^SPEC-.+\.md$/i.test(name) && name.toLowerCase() !== 'spec.md';
  const source = flat ? name.replace(/\.md$/i, '') : basename(dirname(path));
  const m = /^SPEC-([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(source);
  return m ? { folderId: m[1]!, flat } : { flat };
}

/** `module:` as comma-separated paths or a list, normalised to workspace-relative prefixes. */
function moduleField(field: FieldValue | undefined): string[] {
  if (!field) return [];
  const raw = Array.isArray(field.value) ? field.value : typeof field.value === 'string' ? field.value.split(',') : [];
  const out: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const p = item.trim().replace(/^\.\//, '').replace(/\/\*\*?$/, '').replace(/\/+$/, '');
    if (p && !p.includes(' ') && !out.includes(p)) out.push(p);
  }
  return out;
}

function isIdValue(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && isSpecIdShape(bareSpecId(String(value).trim()));
}

/** How a frontmatter `id` that is no ID is described in the finding (long text cut short). */
function describeValue(value: unknown): string {
  if (value === null || value === '') return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  return `${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}, which is not letters, digits, ".", "_" and "-" (at most 200)`;
}

/**
 * Finds the frontmatter block and the first level-1 heading with the markdown parser.
 *
 * The parser sees a skeleton of the document: the frontmatter's YAML lines blanked (the YAML
 * parser reads them) and nothing past the title line, unless the title is not found there.
 * Line numbers stay those of the document; offsets past the blanked block shift by `delta`.
 */
function structure(text: string, lines: LineIndex, folderId: string | undefined): { heading?: Heading; frontmatter?: FrontmatterBlock } {
  const found = plainShape(text, lines) ?? parsedShape(text, lines);
  // `# HISTORY` (a change table) before `# SPEC-KB-025: OAuth Connectors` in folder SPEC-KB-025:
  // the title is the heading that names the SPEC of its folder (never another SPEC quoted below).
  if (found.heading && folderId !== undefined && !idInTitle(found.heading, lines)) {
    const named = headingWithId(found.heading, lines);
    if (named && idInTitle(named, lines)?.id === folderId) return { ...found, heading: named };
  }
  return found;
}

/** How far below a first title without an ID a title naming the SPEC is looked for. */
const TITLE_SEARCH_LINES = 200;

/** The first level-1 heading below `after` that names a SPEC ID (`# SPEC-X-001: …`, `# @SPEC:X-001 …`), outside code fences. */
function headingWithId(after: Heading, lines: LineIndex): Heading | undefined {
  let fenced = false;
  for (let n = after.line + 1; n <= Math.min(after.line + TITLE_SEARCH_LINES, lines.lineCount - 1); n++) {
    const line = lines.lineText(n);
    if (FENCE.test(line)) fenced = !fenced;
    else if (!fenced && /^ {0,3}#[ \t]+(?:@SPEC:|SPEC-)[A-Za-z0-9]/.test(line)) {
      const offset = lines.offsetAt({ line: n, character: 0 });
      const heading: Heading = { text: headingText(line), line: n, offset, endOffset: offset + line.length };
      if (idInTitle(heading, lines)) return heading;
    }
  }
  return undefined;
}

/**
 * The shape nearly every SPEC has: a `---` block at the very top, blank lines, then a `# `
 * title. CommonMark reads that shape one way only (a top-level ATX heading after the
 * frontmatter), so it is recognised directly; anything else goes to the markdown parser.
 */
export function plainShape(text: string, lines: LineIndex): { heading: Heading; frontmatter: FrontmatterBlock } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const fence = /^---[ \t]*(\r?\n|$)/gm;
  fence.lastIndex = open[0].length;
  const close = fence.exec(text);
  if (!close) return undefined;
  const after = /^(?:[ \t]*\r?\n)*(#[ \t][^\r\n]*)/.exec(text.slice(close.index + close[0].length));
  if (!after) return undefined;
  const offset = close.index + close[0].length + after[0].length - after[1]!.length;
  const endOffset = offset + after[1]!.length;
  const yamlStart = open[0].length;
  return {
    frontmatter: {
      contentOffset: yamlStart,
      content: text.slice(yamlStart, close.index).replace(/\r?\n$/, ''),
      range: lines.range(0, close.index + close[0].replace(/\r?\n$/, '').length),
      late: false,
    },
    heading: { text: headingText(after[1]!), line: lines.positionAt(offset).line, offset, endOffset },
  };
}

function headingText(raw: string): string {
  return raw.replace(/^ {0,3}#+[ \t]*/, '').replace(/[ \t]+#*[ \t]*$/, '');
}

/** The frontmatter block and title as the markdown parser finds them (exported for tests). */
export function parsedShape(text: string, lines: LineIndex): { heading?: Heading; frontmatter?: FrontmatterBlock } {
  let skeleton = text;
  let blankEnd = -1;
  let delta = 0;
  let yamlStart = -1;
  let yamlEnd = -1;
  if (text.startsWith('---')) {
    const openEnd = text.indexOf('\n');
    const fence = /\n---[ \t]*(?=\r?\n|$)/g;
    fence.lastIndex = Math.max(0, openEnd - 1);
    const close = openEnd === -1 ? null : fence.exec(text);
    if (close) {
      yamlStart = openEnd + 1;
      yamlEnd = Math.max(yamlStart, close.index + 1);
      const blank = text.slice(yamlStart, yamlEnd).replace(/[^\n]/g, '');
      skeleton = text.slice(0, yamlStart) + blank + text.slice(yamlEnd);
      blankEnd = yamlStart + blank.length;
      delta = yamlEnd - blankEnd;
    }
  }
  const toText = (offset: number): number => (blankEnd !== -1 && offset >= blankEnd ? offset + delta : offset);

  let end = skeleton.length;
  const searchFrom = blankEnd === -1 ? 0 : blankEnd;
  const titleAt = skeleton.slice(searchFrom).search(/^ {0,3}#[ \t]/m);
  if (titleAt !== -1) {
    const eol = skeleton.indexOf('\n', searchFrom + titleAt);
    end = eol === -1 ? skeleton.length : eol;
  }
  const limit = Math.min(skeleton.length, MAX_MARKDOWN);
  let found = fromTree(Math.min(end, limit));
  if (!found.heading && end < limit) found = fromTree(limit);
  // A title past what the markdown parser reads is taken as the first `# ` line.
  if (!found.heading && end > limit) found = { ...found, ...fromLines(end) };
  if (!found.frontmatter && found.heading) {
    const late = lateFrontmatter(text, found.heading.endOffset, lines);
    if (late) return { heading: found.heading, frontmatter: late };
  }
  return found;

  function fromTree(upTo: number): { heading?: Heading; frontmatter?: FrontmatterBlock } {
    const part = skeleton.slice(0, upTo);
    if (deeplyNested(part)) return fromLines(upTo);
    const tree = markdown.parse(part);
    const result: { heading?: Heading; frontmatter?: FrontmatterBlock } = {};
    const first = tree.children[0];
    if (first?.type === 'yaml' && yamlStart !== -1 && first.position?.end.offset !== undefined) {
      result.frontmatter = {
        contentOffset: yamlStart,
        content: text.slice(yamlStart, yamlEnd).replace(/\r?\n$/, ''),
        range: lines.range(0, toText(first.position.end.offset)),
        late: false,
      };
    }
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth === 1 && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
        const offset = toText(node.position.start.offset);
        const endOffset = toText(node.position.end.offset);
        result.heading = { text: headingText(text.slice(offset, endOffset)), line: node.position.start.line - 1, offset, endOffset };
        break;
      }
    }
    return result;
  }

  /** The shape read line by line, for text the markdown parser would take minutes on. */
  function fromLines(upTo: number): { heading?: Heading; frontmatter?: FrontmatterBlock } {
    const result: { heading?: Heading; frontmatter?: FrontmatterBlock } = {};
    if (yamlStart !== -1) {
      const close = text.indexOf('\n', yamlEnd);
      const fenceEnd = (close === -1 ? text.length : close) - (text[close - 1] === '\r' ? 1 : 0);
      result.frontmatter = { contentOffset: yamlStart, content: text.slice(yamlStart, yamlEnd).replace(/\r?\n$/, ''), range: lines.range(0, fenceEnd), late: false };
    }
    if (titleAt !== -1 && searchFrom + titleAt < upTo) {
      const offset = toText(searchFrom + titleAt);
      const eol = text.indexOf('\n', offset);
      const endOffset = (eol === -1 ? text.length : eol) - (text[eol - 1] === '\r' ? 1 : 0);
      result.heading = { text: headingText(text.slice(offset, endOffset)), line: lines.positionAt(offset).line, offset, endOffset };
    }
    return result;
  }
}

/** How much of a SPEC, up to its title, the markdown parser reads. */
const MAX_MARKDOWN = 4 * 1024;
/** Containers (lists, quotes) nested deeper than this are not given to the markdown parser. */
const MAX_NESTING = 32;
const CONTAINER = /[ \t]*(?:>|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))/y;

/**
 * True when a line opens more than `MAX_NESTING` containers (`- - - - x`, `> > > x`) or is indented
 * past what that many would need: the markdown parser's time grows with the square of the depth.
 */
function deeplyNested(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const eol = text.indexOf('\n', start);
    const end = eol === -1 ? text.length : eol;
    CONTAINER.lastIndex = start;
    let depth = 0;
    while (CONTAINER.exec(text) && CONTAINER.lastIndex <= end) if (++depth > MAX_NESTING) return true;
    let indent = start;
    while (indent < end && (text[indent] === ' ' || text[indent] === '\t')) indent++;
    if (indent - start > 4 * MAX_NESTING) return true;
    start = end + 1;
  }
  return false;
}

/** A `---` block right after the title (seen in real SPECs) read as frontmatter. */
function lateFrontmatter(text: string, after: number, lines: LineIndex): FrontmatterBlock | undefined {
  const rest = text.slice(after);
  const open = /^\s*\n---[ \t]*\r?\n/.exec(rest);
  if (!open) return undefined;
  const contentOffset = after + open[0].length;
  const close = text.slice(contentOffset).search(/^---[ \t]*(\r?\n|$)/m);
  if (close === -1) return undefined;
  const content = text.slice(contentOffset, contentOffset + close).replace(/\r?\n$/, '');
  if (!/^(id|spec_id)\s*:/m.test(content)) return undefined;
  const startOffset = contentOffset - open[0].length + open[0].indexOf('---');
  return { contentOffset, content, range: lines.range(startOffset, contentOffset + close + 3), late: true };
}

/** Where the ID stands in a title: `@SPEC:<ID>` anywhere, or a leading `SPEC-<ID>`. */
function idInTitle(heading: Heading, lines: LineIndex): { id: string; range: Range } | undefined {
  const raw = lines.text.slice(heading.offset, heading.endOffset);
  const tag = /@SPEC:([A-Za-z0-9_-]+)/.exec(raw);
  const lead = /^ {0,3}#+[ \t]*(?:SPEC[ \t]+)?(SPEC-([A-Za-z0-9_-]+?))(?=[:\s—–]|$)/.exec(raw);
  const match = tag && TAG_ID.test(tag[1]!) ? { id: tag[1]!, at: tag.index + 6 } : lead && TAG_ID.test(lead[2]!) ? { id: lead[2]!, at: lead.index + lead[0].length - lead[1]!.length + 5 } : undefined;
  if (!match) return undefined;
  const start = heading.offset + match.at;
  return { id: match.id, range: lines.range(start, start + match.id.length) };
}

function stripIdFromTitle(title: string): string {
  const stripped = title
    .replace(/^(?:SPEC[ \t]+)?@SPEC:[A-Za-z0-9_-]+[:\s—–-]*/, '')
    .replace(/^SPEC-[A-Za-z0-9_-]+?(?=[:\s—–]|$)[:\s—–-]*/, '')
    .trim();
  return stripped || title;
}

/** A plain scalar that starts with `@` or a backtick is not YAML; real SPECs write `author: @Goos`. */
const RESERVED_START = /^([ \t]*(?:-[ \t]+)?(?:[^\s#:'"][^:#\n]*:[ \t]+)?)([@`][^\n]*)$/;

/**
 * The largest frontmatter read as YAML. Real ones are a few hundred bytes; the YAML library takes
 * seconds on tens of thousands of broken lines, so a larger block is read for its ID line only.
 */
const MAX_FRONTMATTER = 8 * 1024;

/** A record without `Object.prototype`, so keys such as `constructor` or `__proto__` are plain keys. */
function noPrototype<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

interface Fix {
  /** Offset in the fixed text where the inserted quote stands. */
  readonly at: number;
}

function readFrontmatter(
  block: FrontmatterBlock,
  lines: LineIndex,
  problems: SpecProblem[],
): { fields: Record<string, FieldValue>; references: SpecReference[]; stack?: SpecStack } {
  let toDoc = (o: number): number => block.contentOffset + o;
  if (block.content.length > MAX_FRONTMATTER) {
    problems.push({
      code: 'spec/frontmatter-invalid',
      severity: 'warning',
      message: `Frontmatter is ${Math.round(block.content.length / 1024)} KB, over the ${MAX_FRONTMATTER / 1024} KB SpecChain reads as YAML: only its id, status, version and title lines are read.`,
      range: { start: block.range.start, end: { line: block.range.start.line, character: 3 } },
    });
    return { fields: lenientFields(block, lines), references: [] };
  }
  let pairs = readPlainYaml(block.content);
  if (!pairs) {
    const read = readWithLibrary(block, lines, problems);
    if (!read) return { fields: lenientFields(block, lines), references: [] };
    ({ pairs, toDoc } = read);
  }
  const rangeOf = (s: Span): Range => lines.range(toDoc(s[0]), toDoc(s[1]));

  const fields = noPrototype<FieldValue>();
  for (const pair of pairs) {
    const keyRange = rangeOf(pair.keySpan);
    if (pair.key in fields) {
      problems.push({ code: 'spec/frontmatter-invalid', severity: 'warning', message: `Field "${pair.key}" is given twice; the last one counts.`, range: keyRange });
    }
    fields[pair.key] = { value: pair.js, keyRange, valueRange: pair.value?.span ? rangeOf(pair.value.span) : keyRange };
  }

  const references: SpecReference[] = [];
  for (const field of REFERENCE_FIELDS) {
    const value = pairs.find((p) => p.key === field)?.value;
    if (!value) continue;
    for (const item of value.kind === 'seq' ? value.items : [value]) {
      if (item.kind !== 'scalar' || item.value === null || item.value === '') continue;
      const range = rangeOf(item.span);
      for (const part of String(item.value).split(',')) {
        const ref = withoutNote(part.trim());
        if (ref) references.push({ field, id: bareSpecId(ref), range });
      }
    }
  }

  let stack: SpecStack | undefined;
  const stackPair = pairs.find((p) => p.key === 'stack');
  if (stackPair?.value?.kind === 'map') {
    const backend = stackPair.value.pairs.find((p) => p.key === 'backend')?.value;
    const map = backend?.kind === 'map' ? backend : stackPair.value;
    const entry = (name: string): FieldValue | undefined => {
      const p = map.pairs.find((i) => i.key === name);
      if (!p || p.value?.kind !== 'scalar' || p.value.value === null) return undefined;
      return { value: String(p.value.value), keyRange: rangeOf(p.keySpan), valueRange: rangeOf(p.value.span) };
    };
    const language = entry('language');
    const framework = entry('framework');
    const version = entry('version');
    const database = entry('database');
    stack = {
      range: rangeOf(stackPair.keySpan),
      ...(language ? { language } : {}),
      ...(framework ? { framework } : {}),
      ...(version ? { version } : {}),
      ...(database ? { database } : {}),
    };
  }
  return stack ? { fields, references, stack } : { fields, references };
}

/**
 * Frontmatter beyond plain block YAML, read by the YAML library: plain values that start with
 * `@` or a backtick are quoted first (with a warning and a fix), as real SPECs write
 * `author: @Goos`. Undefined, with the problem reported, when it is still not YAML.
 */
function readWithLibrary(block: FrontmatterBlock, lines: LineIndex, problems: SpecProblem[]): { pairs: YamlPair[]; toDoc: (o: number) => number } | undefined {
  let yamlText = block.content;
  if (flowDepth(yamlText) > MAX_FLOW_DEPTH) {
    problems.push({
      code: 'spec/frontmatter-invalid',
      severity: 'error',
      message: `Frontmatter nests [ or { more than ${MAX_FLOW_DEPTH} deep, so it is not read as YAML.`,
      range: block.range,
    });
    return undefined;
  }
  let document = parseYaml(yamlText);
  const fixes: Fix[] = [];
  if (typeof document !== 'string' && document.errors.length > 0) {
    const fixed: string[] = [];
    let offset = 0;
    let fixedOffset = 0;
    for (const line of yamlText.split('\n')) {
      const m = RESERVED_START.exec(line);
      if (m) {
        const value = m[2]!.trimEnd();
        const quoted = JSON.stringify(value);
        fixed.push(m[1]! + quoted + line.slice(m[1]!.length + value.length));
        fixes.push({ at: fixedOffset + m[1]!.length });
        fixes.push({ at: fixedOffset + m[1]!.length + quoted.length - 1 });
        const start = block.contentOffset + offset + m[1]!.length;
        problems.push({
          code: 'spec/frontmatter-invalid',
          severity: 'warning',
          message: `YAML cannot start a plain value with "${value[0]}": quote it as ${quoted}.`,
          range: lines.range(start, start + value.length),
          data: { kind: 'quote-yaml', replacement: quoted },
        });
      } else fixed.push(line);
      offset += line.length + 1;
      fixedOffset += fixed[fixed.length - 1]!.length + 1;
    }
    if (fixes.length > 0) {
      yamlText = fixed.join('\n');
      document = parseYaml(yamlText);
    }
  }
  /** Maps an offset in the (possibly fixed) YAML text back to the document. */
  const toDoc = (o: number): number => block.contentOffset + o - countBefore(fixes, o);

  if (typeof document === 'string') {
    problems.push({ code: 'spec/frontmatter-invalid', severity: 'error', message: `Frontmatter cannot be read: ${document}.`, range: block.range });
    return undefined;
  }
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const at = toDoc(error.pos[0]);
    problems.push({
      code: 'spec/frontmatter-invalid',
      severity: 'error',
      message: `Frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
      range: lines.lineRange(lines.positionAt(at).line),
    });
    return undefined;
  }
  if (document.contents !== null && !isMap(document.contents)) {
    problems.push({ code: 'spec/frontmatter-invalid', severity: 'error', message: 'Frontmatter must be a mapping of `field: value` lines.', range: block.range });
    return { pairs: [], toDoc };
  }
  try {
    return { pairs: fromDocument(document), toDoc };
  } catch (e) {
    // The library refuses alias bombs ("Excessive alias count") while building values.
    problems.push({ code: 'spec/frontmatter-invalid', severity: 'error', message: `Frontmatter cannot be read: ${e instanceof Error ? e.message : String(e)}.`, range: block.range });
    return undefined;
  }
}

/** The YAML library's document, or why it could not make one (it recurses, so deep nesting overflows the stack). */
function parseYaml(text: string): Document | string {
  try {
    return parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    if (e instanceof RangeError) return 'it nests too deeply';
    throw e;
  }
}

/** Flow collections nested deeper than this are refused: the YAML library's time grows with the depth squared. */
const MAX_FLOW_DEPTH = 64;

/** The deepest nesting of `[` and `{` in a text, brackets in quotes counted too (an upper bound is enough). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return max;
}

/** How many of `fixes` (in increasing order) stand before offset `o`: a binary search, as a SPEC may need thousands. */
function countBefore(fixes: readonly Fix[], o: number): number {
  let lo = 0;
  let hi = fixes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid]!.at < o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Top-level `key: value` lines of broken YAML, so a SPEC whose frontmatter is broken still has its ID. */
function lenientFields(block: FrontmatterBlock, lines: LineIndex): Record<string, FieldValue> {
  const fields = noPrototype<FieldValue>();
  let offset = block.contentOffset;
  for (const line of block.content.split('\n')) {
    const m = /^(id|spec_id|status|version|title):[ \t]+(["']?)([^"'\n#[\]{}]*)\2$/.exec(line.trimEnd());
    if (m && m[3]) {
      const start = offset + line.indexOf(m[3]!, m[1]!.length + 1);
      fields[m[1]!] = { value: m[3], keyRange: lines.range(offset, offset + m[1]!.length), valueRange: lines.range(start, start + m[3]!.length) };
    }
    offset += line.length + 1;
  }
  return fields;
}

