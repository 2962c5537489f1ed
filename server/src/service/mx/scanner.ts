import { LineIndex } from '../text';
import { MX_STANDALONE_KINDS, MX_SUB_KINDS, type IdRef, type MxMarker, type MxPlace } from '../types';
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

/** `@MX:KIND`, then an optional colon. The kind is letters only; case is folded later. */
const MARKER = /(?<![\w@])@MX:([A-Za-z]+)(?![\w-])([ \t]*:)?/g;
const AUTO = /^\[AUTO\][ \t]*/i;
const LINKING = new Set(['SPEC', 'TEST']);

/**
 * The `@MX` markers of one file. `regions` are the file's comment and docstring stretches from
 * the lexer, or `'markdown'` for a markdown file, where every marker is a mention in prose.
 * Values run to the end of the line or of the comment; sub-lines attach to the nearest
 * standalone tag above; SPEC/REQ/AC IDs of `SPEC`/`TEST` values are read with ranges expanded.
 */
export function scanMx(text: string, regions: readonly TextRegion[] | 'markdown', lines = new LineIndex(text)): { markers: MxMarker[]; cut: CutRange[] } {
  const markers: MxMarker[] = [];
  const cut: CutRange[] = [];
  if (!text.includes('@MX:')) return { markers, cut };
  let lastStandalone = -1;
  let r = 0;
  const re = new RegExp(MARKER.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    let place: MxPlace = 'markdown';
    let limit = text.length;
    if (regions !== 'markdown') {
      while (r < regions.length && regions[r]!.end <= at) r++;
      const region = regions[r];
      if (!region || region.start > at || region.kind === 'string') continue;
      place = region.kind === 'docstring' ? 'docstring' : commentPlace(text, region.start);
      limit = region.end;
    }
    const kind = m[1]!.toUpperCase();
    const colon = m[2] !== undefined;
    const valueStart0 = at + m[0].length;
    let eol = text.indexOf('\n', valueStart0);
    if (eol === -1 || eol > limit) eol = limit;
    let raw = text.slice(valueStart0, eol);
    const auto = AUTO.exec(raw.trimStart());
    const lead = raw.length - raw.trimStart().length + (auto ? auto[0].length : 0);
    raw = withoutCloser(raw.slice(lead));
    const valueStart = valueStart0 + lead;
    const value = raw.trim();
    const sub = MX_SUB_KINDS.includes(kind) || (kind === 'LEGACY' && /^true\b/i.test(value));
    let refs: IdRef[] = [];
    if (LINKING.has(kind)) {
      const found = findIds(text, valueStart, valueStart + raw.length);
      cut.push(...found.cut);
      refs = found.ids.map((f) => ({ kind: f.kind, id: f.id, range: lines.range(f.start, f.end), ...(f.expanded ? { expanded: true } : {}) }));
    }
    markers.push({
      kind,
      range: lines.range(at, at + 4 + m[1]!.length),
      kindRange: lines.range(at + 4, at + 4 + m[1]!.length),
      value,
      colon,
      auto: auto !== null,
      place,
      parent: sub ? lastStandalone : -1,
      refs,
    });
    if (!sub && MX_STANDALONE_KINDS.includes(kind)) lastStandalone = markers.length - 1;
  }
  return { markers, cut };
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
