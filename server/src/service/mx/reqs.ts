import { LineIndex, append } from '../text';
import type { DeclarationForm, IdRef, ReqDeclaration } from '../types';
import { findIds, type CutRange } from './ids';

/** The longest requirement text kept per declaration; SPECs quote whole sections. */
const MAX_TEXT = 600;

/**
 * A declaration's ID at the start of a line, after the markup of its form. A heading may number
 * its section first (`### 3.5 REQ-AX-004 — Report Draft Generation`).
 */
const HEADING = /^ {0,3}#{1,6}[ \t]+(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?[ \t]+)?(?:\*\*|__)?/y;
const LIST = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?/y;
const BOLD = /^[ \t]{0,3}(?:\*\*|__)/y;
const TABLE = /^[ \t]*\|[ \t]*(?:\*\*|__)?/y;
/** The ID itself, as the reference scanner reads it (`REQ-…`, `AC-…`, with a digit). */
const DECLARED = /(REQ|AC)-([A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)(?![\w-])/y;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A bold EARS condition opening a list item before its bold ID: `- **While** x, **REQ-TA-004** (State-driven): …` (bounded). */
const EARS_LEAD = /(?:While|When|Where|If)\*\*[^*\n]{1,300},[ \t]*\*\*/y;

interface Open {
  readonly decl: { kind: 'REQ' | 'AC'; id: string; start: number; end: number; form: DeclarationForm; section: number };
  readonly lines: string[];
  /** Offset of the text kept for the declaration (after the ID), for the AC's REQ IDs. */
  readonly textStart: number;
  textEnd: number;
  /** End of the declaration's own line (heading, item, row). */
  readonly firstLineEnd: number;
  /** Later lines of the item or section that say what the AC maps (`maps REQ-…`, `Requirement: …`). */
  readonly mapLines: [number, number][];
  readonly headingDepth: number;
}

/**
 * The REQ and AC declarations of one SPEC file, by a linear scan of its lines: headings
 * (`### REQ-API-111: …`), list items (`- REQ-X-001: …`, `- **REQ-X-021** (Event-Driven): …`),
 * bold paragraphs (`**REQ-…**`) and table rows whose first cell is the ID. Fenced code is
 * skipped. The text runs to the end of the item, paragraph, row or section. An AC maps every
 * REQ ID its text names (`maps REQ-…`, or in its heading or row).
 */
export function scanDeclarations(text: string, lines = new LineIndex(text)): { reqs: ReqDeclaration[]; cut: CutRange[] } {
  const out: ReqDeclaration[] = [];
  const cut: CutRange[] = [];
  let open: Open | undefined;
  let fence: string | undefined;
  let offset = 0;
  /** Line of each open heading level (index: depth - 1), for the section a declaration stands in. */
  const headings: number[] = [];
  let lineNo = 0;

  const close = (): void => {
    if (!open) return;
    const { decl } = open;
    const body = open.lines.join(' ').replace(/\s+/g, ' ').replace(/^[\s:*_—–|-]+/, '').replace(/[\s*_|]+$/, '');
    const maps: IdRef[] = [];
    if (decl.kind === 'AC') {
      for (const [from, to] of mappingSpans(text, open)) {
        const found = findIds(text, from, to);
        append(cut, found.cut);
        for (const f of found.ids) if (f.kind === 'REQ' && !inCodeSpan(text, f.start) && !RENAMED.test(text.slice(f.end, f.end + 6))) maps.push({ kind: 'REQ', id: f.id, range: lines.range(f.start, f.end), ...(f.expanded ? { expanded: true } : {}) });
      }
    }
    out.push({ kind: decl.kind, id: decl.id, range: lines.range(decl.start, decl.end), form: decl.form, section: decl.section, text: body.length > MAX_TEXT ? `${body.slice(0, MAX_TEXT)}…` : body, maps });
    open = undefined;
  };

  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
    } else if (fenceMatch) {
      close();
      fence = fenceMatch[1]![0]!.repeat(3);
    } else {
      const found = declarationAt(line);
      const heading = /^ {0,3}(#{1,6})[ \t]/.exec(line);
      const depth = heading ? heading[1]!.length : 0;
      if (heading) headings.length = depth - 1;
      if (found) {
        close();
        const start = offset + found.start;
        const section = headings.length > 0 ? headings.reduce((a, b) => Math.max(a, b ?? -1), -1) : -1;
        open = {
          decl: { kind: found.kind, id: found.id, start, end: start + found.id.length, form: found.form, section },
          lines: [line.slice(found.start + found.id.length)],
          textStart: start + found.id.length,
          textEnd: lineEnd,
          firstLineEnd: lineEnd,
          mapLines: [],
          headingDepth: found.form === 'heading' ? heading![1]!.length : 0,
        };
        if (found.form === 'table') close();
      } else if (open) {
        const ends =
          (heading !== null && (open.headingDepth === 0 || heading[1]!.length <= open.headingDepth)) ||
          (open.headingDepth === 0 && (line.trim() === '' || LIST_START.test(line) || /^[ \t]*\|/.test(line)));
        if (ends) close();
        else if (open.lines.length < 40) {
          open.lines.push(line);
          open.textEnd = lineEnd;
          if (MAPPING_WORD.test(line)) open.mapLines.push([offset, lineEnd]);
        }
      }
      if (heading) headings[depth - 1] = lineNo;
    }
    if (nl === -1) break;
    offset = nl + 1;
    lineNo++;
  }
  close();
  return { reqs: out, cut };
}

const LIST_START = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]/;
/** A line under an AC heading that names what it maps, rather than quoting data. */
const MAPPING_WORD = /\b(?:maps?|mapped|traces?|covers?|verif(?:y|ies)|requirements?)\b|\bREQs?[ \t]*:/i;

/**
 * Where an AC's mapped REQ IDs are read: its own line (heading, row, list item or bold
 * paragraph and its continuation), plus, under a heading, the body lines that say what it maps.
 */
function mappingSpans(text: string, open: Open): [number, number][] {
  const spans: [number, number][] = open.decl.form !== 'heading' ? [[open.textStart, open.textEnd]] : [[open.textStart, open.firstLineEnd], ...open.mapLines];
  // A line that says `(maps REQ-…)` maps exactly those: its other REQ IDs are examples.
  const out: [number, number][] = [];
  for (const [from, to] of spans) {
    const clauses = [...text.slice(from, to).matchAll(/\bmaps\b[^()\n]*/gi)];
    if (clauses.length === 0) out.push([from, to]);
    for (const m of clauses) out.push([from + m.index, from + m.index + m[0].length]);
  }
  return out;
}

/** An arrow after an ID makes it a former name (`REQ-P-057 → REQ-P-056` in a rename note), not a mapping. */
const RENAMED = /^[ \t]*(?:→|->|=>)/;

/** True when `offset` stands inside a backtick code span on its line: a quoted ID, not a mapping. */
function inCodeSpan(text: string, offset: number): boolean {
  let ticks = 0;
  for (let i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}

/** The declaration a line opens, with the ID's column and the form, or undefined (also read by the ID history, on lines of old commits). */
export function declarationAt(line: string): { kind: 'REQ' | 'AC'; id: string; start: number; form: DeclarationForm } | undefined {
  for (const [re, form] of FORMS) {
    re.lastIndex = 0;
    const lead = re.exec(line);
    if (!lead) continue;
    let start = lead[0].length;
    if (form === 'list') {
      EARS_LEAD.lastIndex = start;
      if (EARS_LEAD.exec(line)) start = EARS_LEAD.lastIndex;
    }
    DECLARED.lastIndex = start;
    const m = DECLARED.exec(line);
    if (!m || !/\d/.test(m[2]!)) continue;
    if (SENTENCE_AFTER[form]?.test(line.slice(start + m[0].length, start + m[0].length + 80))) return undefined;
    return { kind: m[1] as 'REQ' | 'AC', id: m[0], start, form };
  }
  return undefined;
}

/**
 * What follows an ID that makes its line a sentence about it, not its declaration:
 * `- REQ-DCP-004 and REQ-DCP-005 are exclusive`, `**AC-016 script** (run …)`.
 */
const SENTENCE_AFTER: Partial<Record<DeclarationForm, RegExp>> = {
  list: /^(?:\*\*|__)?[ \t]*(?:,|and|or|&)[ \t]+(?:\*\*|__)?(?:REQ|AC)-/,
  bold: /^[ \t]+[a-z]/,
};

const FORMS: readonly (readonly [RegExp, DeclarationForm])[] = [
  [HEADING, 'heading'],
  [TABLE, 'table'],
  [LIST, 'list'],
  [BOLD, 'bold'],
];
