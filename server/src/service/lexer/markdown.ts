import type { RegionList } from './regionList';

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Lexes markdown: fenced code blocks and inline code spans are `string` regions (quoted text),
 * HTML comments are `comment` regions; the rest is prose. A fence that never closes runs to the
 * end, as CommonMark says; an HTML comment or code span that never closes is prose.
 */
export function lexMarkdown(text: string, out: RegionList): void {
  let fence: { char: string; length: number; start: number } | undefined;
  let prose = 0;
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const start = LINE.lastIndex;
    const m = LINE.exec(text)!;
    const line = m[0];
    if (line === '') break;
    const open = FENCE.exec(line);
    if (fence) {
      if (open && open[1]![0] === fence.char && open[1]!.length >= fence.length && line.slice(open[0].length).trim() === '') {
        out.add('string', fence.start, start + line.replace(/[\r\n]+$/, '').length);
        fence = undefined;
        prose = start + line.length;
      }
    } else if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      lexProse(text, prose, start, out);
      fence = { char: open[1]![0]!, length: open[1]!.length, start: start + open[0].length - open[1]!.length };
    }
  }
  if (fence) out.add('string', fence.start, text.length);
  else lexProse(text, prose, text.length, out);
}

const PROSE = /<!--|`+/g;
const PARAGRAPH_END = /\n[ \t]*\r?\n|\r[ \t]*\r/g;
const TICKS = /`+/g;

/** The backtick runs of one paragraph, each with the next run of the same length (a code span closes there). */
interface Paragraph {
  readonly end: number;
  readonly runs: ReadonlyMap<number, { readonly length: number; readonly closeEnd: number }>;
}

function paragraphAt(text: string, at: number): Paragraph {
  PARAGRAPH_END.lastIndex = at;
  const end = PARAGRAPH_END.exec(text)?.index ?? text.length;
  const starts: number[] = [];
  const lengths: number[] = [];
  TICKS.lastIndex = at;
  for (let m = TICKS.exec(text); m && m.index < end; m = TICKS.exec(text)) {
    starts.push(m.index);
    lengths.push(m[0].length);
  }
  const runs = new Map<number, { length: number; closeEnd: number }>();
  const nextOfLength = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    const close = nextOfLength.get(lengths[k]!);
    runs.set(starts[k]!, { length: lengths[k]!, closeEnd: close === undefined ? -1 : close + lengths[k]! });
    nextOfLength.set(lengths[k]!, starts[k]!);
  }
  return { end, runs };
}

/**
 * Inline code spans and HTML comments of the prose between `from` and `to`. Backtick runs are
 * listed once per paragraph and `-->` is searched forward only, so the work stays linear.
 */
function lexProse(text: string, from: number, to: number, out: RegionList): void {
  let paragraph: Paragraph | undefined;
  let closeFrom = -1;
  let close = -1;
  let i = from;
  while (i < to) {
    PROSE.lastIndex = i;
    const m = PROSE.exec(text);
    if (!m || m.index >= to) return;
    if (m[0] === '<!--') {
      if (closeFrom < 0 || (close >= 0 && close < m.index + 4)) {
        closeFrom = m.index + 4;
        close = text.indexOf('-->', closeFrom);
      }
      if (close >= 0 && close + 3 <= to) {
        out.add('comment', m.index, close + 3);
        i = close + 3;
      } else i = m.index + 4;
      continue;
    }
    if (!paragraph || m.index >= paragraph.end) paragraph = paragraphAt(text, m.index);
    const run = paragraph.runs.get(m.index);
    if (run && run.closeEnd >= 0 && run.closeEnd <= to) {
      out.add('string', m.index, run.closeEnd);
      i = run.closeEnd;
    } else i = m.index + m[0].length;
  }
}
