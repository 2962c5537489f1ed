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
  const tree: Root = processor.parse(markdown);
  const blocks: SpecBlock[] = [];
  collect(tree, markdown, blocks);
  return blocks;
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

function collect(node: Nodes, source: string, out: SpecBlock[]): void {
  switch (node.type) {
    case 'paragraph':
      append(out, proseOrRows(flatten(node)));
      return;
    case 'heading':
      out.push({ kind: 'heading', parts: [flatten(node)] });
      return;
    case 'tableRow':
      out.push({ kind: 'row', parts: node.children.map((cell) => flatten(cell)) });
      return;
    case 'code': {
      const start = node.position?.start;
      const fenced = start !== undefined && /^[ \t]*(```|~~~)/.test(source.slice(start.offset ?? 0));
      out.push({ kind: 'code', parts: [{ text: node.value, anchors: [[0, (start?.line ?? 1) + (fenced ? 1 : 0)]] }] });
      return;
    }
    case 'yaml':
    case 'html':
    case 'definition':
      return;
    default:
      if ('children' in node) for (const child of node.children) collect(child as Nodes, source, out);
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

/** Concatenates the visible text of phrasing content, recording the line each piece starts on. */
function flatten(node: Nodes): FlatText {
  let text = '';
  const anchors: [number, number][] = [];
  const visit = (n: Nodes): void => {
    const line = n.position?.start.line;
    const mark = (): void => {
      if (line !== undefined) anchors.push([text.length, line]);
    };
    switch (n.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        mark();
        text += n.value;
        return;
      case 'break':
        text += '\n';
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        if ('children' in n) for (const child of n.children) visit(child as Nodes);
    }
  };
  visit(node);
  if (anchors.length === 0 && node.position) anchors.push([0, node.position.start.line]);
  return { text, anchors };
}
