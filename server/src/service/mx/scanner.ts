import { isPlaceholderId } from '../tags';
import { LineIndex, append } from '../text';
import { MX_STANDALONE_KINDS, MX_SUB_KINDS, type IdRef, type MoaiReading, type MxMarker, type MxPlace, type Range, type RefKind } from '../types';
import { findIds, type CutRange } from './ids';

/**
 * A stretch of a source file that is not code, as the lexer reports it (UTF-16 offsets,
 * half-open, sorted, non-overlapping). Markers count only inside comments and docstrings.
 */
export interface TextRegion {
  readonly kind: 'comment' | 'docstring' | 'string';
  readonly start: number;
  readonly end: number;
}

/** One line's span as a range: markers and the IDs on them never cross a line. */
function lineSpan(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/**
 * An ID on an `@MX` line as the scanner finds it: its position kept as three numbers, the range
 * built when asked, since a workspace holds tens of thousands.
 */
export class MxRef implements IdRef {
  constructor(
    readonly kind: RefKind,
    readonly id: string,
    readonly line: number,
    readonly start: number,
    readonly end: number,
    readonly expanded: boolean,
  ) {}

  get range(): Range {
    return lineSpan(this.line, this.start, this.end);
  }

  toJSON(): IdRef {
    return this.expanded ? { kind: this.kind, id: this.id, range: this.range, expanded: true } : { kind: this.kind, id: this.id, range: this.range };
  }
}

/** An `@MX` marker as the scanner finds it, with numbers for its position (see `MxRef`). */
export class MxTag implements MxMarker {
  constructor(
    readonly kind: string,
    readonly value: string,
    readonly colon: boolean,
    readonly auto: boolean,
    readonly place: MxPlace,
    readonly parent: number,
    readonly line: number,
    readonly start: number,
    readonly refs: readonly MxRef[],
    readonly continued: number,
    /** For a link line of a source file: what MoAI's own scanner reads of it (`moaiReadings`). */
    public moai?: MoaiReading,
  ) {}

  get range(): Range {
    return lineSpan(this.line, this.start, this.start + 4 + this.kind.length);
  }

  get kindRange(): Range {
    return lineSpan(this.line, this.start + 4, this.start + 4 + this.kind.length);
  }

  toJSON(): MxMarker {
    const { kind, range, kindRange, value, colon, auto, place, parent, continued, moai } = this;
    return { kind, range, kindRange, value, colon, auto, place, parent, refs: this.refs.map((r) => r.toJSON()), continued, ...(moai ? { moai } : {}) };
  }
}

/** `@MX:KIND`, then an optional colon. The kind is letters only; case is folded later. */
const MARKER = /(?<![\w@])@MX:([A-Za-z]+)(?![\w-])([ \t]*:)?/g;
const AUTO = /^\[AUTO\][ \t]*/i;
/**
 * A sub-line kind written with its colon after a tag on the same line
 * (`// @MX:WARN: [AUTO] Secret. @MX:REASON: never logged @MX:SPEC: SPEC-ADP-010`): it ends the
 * value before it and counts as a sub-line of that tag, as if on the next line.
 */
const CHAINED = new RegExp(`(?<![\\w@])@MX:(?:${MX_SUB_KINDS.join('|')})(?![\\w-])[ \\t]*:`, 'i');
const LINKING = new Set(['SPEC', 'TEST']);

/**
 * The `@MX` markers of one file. `regions` are the file's comment and docstring stretches from
 * the lexer, or `'markdown'` for a markdown file, where every marker is a mention in prose.
 * Values run to the end of the line or of the comment; sub-lines attach to the nearest
 * standalone tag above; SPEC/REQ/AC IDs of `SPEC`/`TEST` values are read with ranges expanded.
 */
export function scanMx(text: string, regions: readonly TextRegion[] | 'markdown', lines = new LineIndex(text)): { markers: MxTag[]; cut: CutRange[] } {
  const markers: MxTag[] = [];
  const cut: CutRange[] = [];
  if (!text.includes('@MX:')) return { markers, cut };
  let lastStandalone = -1;
  let r = 0;
  const re = MARKER;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    let place: MxPlace = 'markdown';
    let limit = text.length;
    if (regions !== 'markdown') {
      while (r < regions.length && regions[r]!.end <= at) r++;
      const region = regions[r];
      if (!region || region.start > at || region.kind === 'string') continue;
      // Quoted mid-sentence (`// files tagged @MX:SPEC with …`), a marker is a mention: no tag, no
      // link; unless it is a sub-line chained to the tag this line starts with.
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      if (!onlyLeaders(text, Math.max(region.start, lineStart), at) && !chainedTo(markers.at(-1), lines.positionAt(at).line, m)) continue;
      place = region.kind === 'docstring' ? 'docstring' : commentPlace(text, region.start);
      limit = region.end;
    }
    const kind = m[1]!.toUpperCase();
    const colon = m[2] !== undefined;
    const valueStart0 = at + m[0].length;
    let eol = text.indexOf('\n', valueStart0);
    if (eol === -1 || eol > limit) eol = limit;
    const chained = CHAINED.exec(text.slice(valueStart0, eol));
    if (chained) eol = valueStart0 + chained.index;
    let raw = text.slice(valueStart0, eol);
    const auto = AUTO.exec(raw.trimStart());
    const lead = raw.length - raw.trimStart().length + (auto ? auto[0].length : 0);
    raw = withoutCloser(raw.slice(lead));
    const valueStart = valueStart0 + lead;
    const value = raw.trim();
    const sub = MX_SUB_KINDS.includes(kind) || (kind === 'LEGACY' && /^true\b/i.test(value));
    let refs: MxRef[] = [];
    const position = lines.positionAt(at);
    const line = position.line;
    const lineStart = at - position.character;
    if (LINKING.has(kind)) {
      const found = findIds(text, valueStart, valueStart + raw.length);
      append(cut, found.cut);
      // A placeholder ID (`SPEC-XXX`, `SPEC-ID`, `REQ-XXX-001`) makes the line a documented example: no links.
      if (!found.ids.some((f) => isPlaceholderId(f.kind === 'SPEC' ? f.id : f.id.slice(f.kind.length + 1)))) {
        refs = found.ids.map((f) => new MxRef(f.kind, f.id, line, f.start - lineStart, f.end - lineStart, f.expanded));
      }
    }
    // A sub-line's text may go on below it too, when nothing follows its colon (`@MX:REASON:` then the reason).
    const continued = regions === 'markdown' || (sub && value !== '') ? 0 : continuation(text, eol, regions);
    markers.push(new MxTag(kind, value, colon, auto !== null, place, sub ? lastStandalone : -1, line, at - lineStart, refs, continued));
    if (!sub && MX_STANDALONE_KINDS.includes(kind)) lastStandalone = markers.length - 1;
  }
  return { markers, cut };
}

/** True when `m` is a sub-line kind with its colon standing on the line of the marker before it. */
function chainedTo(previous: MxTag | undefined, line: number, m: RegExpExecArray): boolean {
  return previous !== undefined && previous.line === line && m[2] !== undefined && MX_SUB_KINDS.includes(m[1]!.toUpperCase());
}

/** One comment leader or blank run: `//`, `#`, `--`, `*`, `/*`, `{/*`, `<!--`, docstring quotes. */
const LEADER_TOKEN = /[ \t]+|\/\/+|#+|-{2,}|\{?\/\*+|<!--|\*+|"""|'''/y;

/**
 * True when `text[from, to)` holds only comment leaders and blanks (`// // ` included): a marker
 * after it starts the comment's text. Each token is taken whole, so the walk is linear.
 */
function onlyLeaders(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; ) {
    LEADER_TOKEN.lastIndex = at;
    const m = LEADER_TOKEN.exec(text);
    if (!m) return false;
    at += m[0].length;
  }
  return true;
}

/** The most continuation lines counted under one tag. */
export const MAX_CONTINUED = 20;
/** A comment line's leader (`//`, `///`, `#`, `--`, ` * `) and blanks. */
const LEADER = /^[ \t]*(?:\/\/+|#+|--|\*(?!\/))?[ \t]*/;

/**
 * How many lines after the marker's line (which ends at `eol`) continue its text: lines inside a
 * comment or docstring that are not blank and hold no `@MX` marker. MoAI counts its three lines
 * to a tag's REASON from the end of such a block.
 */
function continuation(text: string, eol: number, regions: readonly TextRegion[]): number {
  let count = 0;
  let r = 0;
  for (let start = eol + 1; start > 0 && start < text.length && count < MAX_CONTINUED; count++) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(start, lineEnd);
    const body = start + LEADER.exec(line)![0].length;
    while (r < regions.length && regions[r]!.end <= body) r++;
    const region = regions[r];
    if (!region || region.kind === 'string' || region.start > body || body >= lineEnd || line.includes('@MX:') || /^\s*(?:\*\/|"""|''')/.test(line)) break;
    start = lineEnd + 1;
  }
  return count;
}

/** The value without the comment's closing delimiter (star-slash, `-->`, triple quotes) and trailing blanks. */
function withoutCloser(raw: string): string {
  let v = raw.trimEnd();
  for (const closer of CLOSERS) if (v.endsWith(closer)) v = v.slice(0, -closer.length).trimEnd();
  return v;
}

const CLOSERS = ['*/}', '*/', '-->', '"""', "'''"];

/** Which comment a region is, by how it opens: `/*`, `{/*`, `<!--`, or a line comment. */
function commentPlace(text: string, start: number): MxPlace {
  const open = text.slice(start, start + 4);
  if (open.startsWith('/*') || open.startsWith('{/*')) return 'block';
  if (open.startsWith('<!--')) return 'html';
  return 'line';
}
