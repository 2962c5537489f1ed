import { append } from '../text';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Plain text of a markdown element, with where its lines start in the document. */
export interface FlatText {
  readonly text: string;
  /** `[offset in text, 1-based document line]`, ascending by offset. */
  readonly anchors: readonly (readonly [number, number])[];
}

/**
 * A unit of SPEC prose the plan reads: a paragraph or heading (one part), a table row (one
 * part per cell) or a code block (one part, its raw text).
 */
export interface SpecBlock {
  readonly kind: 'prose' | 'heading' | 'row' | 'code';
  readonly parts: readonly FlatText[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** The blocks of a markdown document in document order; frontmatter and HTML are skipped. */
export function specBlocks(markdown: string): readonly SpecBlock[] {
  const bounded = boundNesting(markdown);
  const tree: Root = processor.parse(bounded);
  const blocks: SpecBlock[] = [];
  collect(tree, bounded, blocks);
  return blocks;
}

/** Containers (quotes, lists) nested deeper than this on one line are cut back to it. */
const MAX_NESTING = 32;
const CONTAINER = /[ \t]*(?:>|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))/y;

/**
 * The text with what would nest past `MAX_NESTING` cut back: the container markers of a line past
 * that depth (`> > > … x`, `- - - … x`), and indentation past four columns a level. The parser's
 * time grows with the square of the depth (a 3,000-deep list took 40 s); real SPECs nest a few
 * levels and are left as they are. Lines keep their number, so the plan's line references hold.
 */
export function boundNesting(text: string): string {
  let out: string[] | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const eol = text.indexOf('\n', start);
    const end = eol === -1 ? text.length : eol;
    let depth = 0;
    let cut = -1;
    let last = start;
    CONTAINER.lastIndex = start;
    while (CONTAINER.exec(text) && CONTAINER.lastIndex <= end) {
      last = CONTAINER.lastIndex;
      if (++depth === MAX_NESTING) cut = last;
    }
    let indent = start;
    while (indent < end && (text[indent] === ' ' || text[indent] === '\t')) indent++;
    if (depth > MAX_NESTING || indent - start > 4 * MAX_NESTING) {
      out ??= text.split('\n');
      const kept = depth > MAX_NESTING ? text.slice(start, cut) + text.slice(last, end) : text.slice(start, end);
      out[line] = kept.replace(/^[ \t]+/, (ws) => ws.slice(0, 4 * MAX_NESTING));
    }
    if (eol === -1) break;
    start = eol + 1;
  }
  return out ? out.join('\n') : text;
}

/** The 1-based document line of an offset in a flattened text. */
export function lineAt(flat: FlatText, offset: number): number {
  let anchor: readonly [number, number] = flat.anchors[0] ?? [0, 1];
  for (const candidate of flat.anchors) {
    if (candidate[0] > offset) break;
    anchor = candidate;
  }
  let line = anchor[1];
  for (let i = anchor[0]; i < offset && i < flat.text.length; i++) if (flat.text[i] === '\n') line++;
  return line;
}

/**
 * The blocks under `root`, in document order. Iterative, with a stack of its own: a SPEC nesting
 * blockquotes or lists 10,000 deep must not exhaust the call stack.
 */
function collect(root: Nodes, source: string, out: SpecBlock[]): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.type) {
      case 'paragraph':
        append(out, proseOrRows(flatten(node)));
        break;
      case 'heading':
        out.push({ kind: 'heading', parts: [flatten(node)] });
        break;
      case 'tableRow':
        out.push({ kind: 'row', parts: node.children.map((cell) => flatten(cell)) });
        break;
      case 'code': {
        const start = node.position?.start;
        const fenced = start !== undefined && /^[ \t]*(```|~~~)/.test(source.slice(start.offset ?? 0));
        out.push({ kind: 'code', parts: [{ text: node.value, anchors: [[0, (start?.line ?? 1) + (fenced ? 1 : 0)]] }] });
        break;
      }
      case 'yaml':
      case 'html':
      case 'definition':
        break;
      default:
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
}

/**
 * remark-parse without GFM leaves pipe tables as paragraphs; their `|` lines become rows of
 * cells here so a table reads the same with or without the GFM extension.
 */
function proseOrRows(flat: FlatText): SpecBlock[] {
  const lines = flat.text.split('\n');
  if (!lines.some((line) => line.trimStart().startsWith('|'))) return [{ kind: 'prose', parts: [flat] }];
  const blocks: SpecBlock[] = [];
  let offset = 0;
  let proseStart = -1;
  const flushProse = (end: number): void => {
    const text = flat.text.slice(proseStart, end);
    if (proseStart >= 0 && text.trim()) blocks.push({ kind: 'prose', parts: [{ text, anchors: [[0, lineAt(flat, proseStart)]] }] });
    proseStart = -1;
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) {
      if (proseStart < 0) proseStart = offset;
    } else {
      flushProse(offset);
      if (!/^[|:\s-]+$/.test(trimmed)) {
        const cells = trimmed.replace(/^\||\|$/g, '').split('|');
        const lineNumber = lineAt(flat, offset);
        blocks.push({ kind: 'row', parts: cells.map((cell) => ({ text: cell.trim(), anchors: [[0, lineNumber]] })) });
      }
    }
    offset += line.length + 1;
  }
  flushProse(flat.text.length);
  return blocks;
}

/** Concatenates the visible text of phrasing content, recording the line each piece starts on (iterative, as `collect`). */
function flatten(node: Nodes): FlatText {
  let text = '';
  const anchors: [number, number][] = [];
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    const line = n.position?.start.line;
    switch (n.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        if (line !== undefined) anchors.push([text.length, line]);
        text += n.value;
        break;
      case 'break':
        text += '\n';
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
  }
  if (anchors.length === 0 && node.position) anchors.push([0, node.position.start.line]);
  return { text, anchors };
}
