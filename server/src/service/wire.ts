import { MxRef, MxTag } from './mx/scanner';
import { Tag } from './tags';
import type { FileFacts, MoaiMiss, MxPlace, RefKind, TagRole } from './types';

const ROLES: readonly TagRole[] = ['claim', 'mention', 'declaration', 'title'];
const FIELDS = 7;
const EMPTY: readonly never[] = Object.freeze([]);

/**
 * `FileFacts` as it crosses a thread or goes into the cache: the markers flattened into one
 * array of seven values each (type, id, sub, role, line, start, end), empty lists and the path
 * left out. It copies and deserialises several times faster than the objects.
 */
export interface WireFacts {
  readonly tags: readonly (string | number | null)[];
  readonly malformed?: FileFacts['malformed'];
  readonly headerPaths?: FileFacts['headerPaths'];
  readonly disables?: FileFacts['disables'];
  readonly spec?: FileFacts['spec'];
  readonly manifest?: FileFacts['manifest'];
  /** `@MX` markers flattened like the tags: see `encodeMx`. */
  readonly mx?: readonly (string | number)[];
  readonly reqs?: FileFacts['reqs'];
  readonly mxSettings?: FileFacts['mxSettings'];
  readonly mxProblems?: FileFacts['mxProblems'];
  readonly tests?: FileFacts['tests'];
  readonly traces?: FileFacts['traces'];
  readonly moaiVersion?: string;
  readonly routes?: FileFacts['routes'];
  readonly endpoints?: FileFacts['endpoints'];
  readonly specsIgnored?: FileFacts['specsIgnored'];
}

export function encodeFacts(facts: FileFacts): WireFacts {
  const flat: (string | number | null)[] = new Array(facts.tags.length * FIELDS);
  let i = 0;
  for (const t of facts.tags) {
    flat[i++] = t.type;
    flat[i++] = t.id;
    flat[i++] = t.sub ?? null;
    flat[i++] = ROLES.indexOf(t.role);
    if (t instanceof Tag) {
      // The scanner's own markers: their numbers, without building a range first.
      flat[i++] = t.line;
      flat[i++] = t.start;
      flat[i++] = t.end;
    } else {
      flat[i++] = t.range.start.line;
      flat[i++] = t.range.start.character;
      flat[i++] = t.range.end.character;
    }
  }
  const wire: { -readonly [K in keyof WireFacts]: WireFacts[K] } = { tags: flat };
  if (facts.malformed.length) wire.malformed = facts.malformed;
  if (facts.headerPaths.length) wire.headerPaths = facts.headerPaths;
  if (facts.disables.length) wire.disables = facts.disables;
  if (facts.spec) wire.spec = facts.spec;
  if (facts.manifest) wire.manifest = facts.manifest;
  if (facts.mx?.length) wire.mx = encodeMx(facts.mx);
  if (facts.reqs?.length) wire.reqs = facts.reqs;
  if (facts.mxSettings) wire.mxSettings = facts.mxSettings;
  if (facts.mxProblems?.length) wire.mxProblems = facts.mxProblems;
  if (facts.tests) wire.tests = facts.tests;
  if (facts.traces?.length) wire.traces = facts.traces;
  if (facts.moaiVersion !== undefined) wire.moaiVersion = facts.moaiVersion;
  if (facts.routes) wire.routes = facts.routes;
  if (facts.endpoints?.length) wire.endpoints = facts.endpoints;
  if (facts.specsIgnored) wire.specsIgnored = facts.specsIgnored;
  return wire;
}

export function decodeFacts(path: string, wire: WireFacts): FileFacts {
  const flat = wire.tags;
  const tags: Tag[] = new Array(flat.length / FIELDS);
  for (let i = 0, j = 0; i < flat.length; i += FIELDS, j++) {
    tags[j] = new Tag(flat[i] as string, flat[i + 1] as string, (flat[i + 2] as string | null) ?? undefined, ROLES[flat[i + 3] as number]!, flat[i + 4] as number, flat[i + 5] as number, flat[i + 6] as number);
  }
  const facts: { -readonly [K in keyof FileFacts]: FileFacts[K] } = {
    path,
    tags,
    malformed: wire.malformed ?? EMPTY,
    headerPaths: wire.headerPaths ?? EMPTY,
    disables: wire.disables ?? EMPTY,
  };
  if (wire.spec) facts.spec = wire.spec;
  if (wire.manifest) facts.manifest = wire.manifest;
  if (wire.mx) facts.mx = decodeMx(wire.mx);
  if (wire.reqs) facts.reqs = wire.reqs;
  if (wire.mxSettings) facts.mxSettings = wire.mxSettings;
  if (wire.mxProblems) facts.mxProblems = wire.mxProblems;
  if (wire.tests) facts.tests = wire.tests;
  if (wire.traces) facts.traces = wire.traces;
  if (wire.moaiVersion !== undefined) facts.moaiVersion = wire.moaiVersion;
  if (wire.routes) facts.routes = wire.routes;
  if (wire.endpoints) facts.endpoints = wire.endpoints;
  if (wire.specsIgnored) facts.specsIgnored = wire.specsIgnored;
  return facts;
}

const PLACES: readonly MxPlace[] = ['line', 'block', 'docstring', 'html', 'markdown'];
const REF_KINDS: readonly RefKind[] = ['SPEC', 'REQ', 'AC'];

/**
 * Markers as one flat array: per marker kind, value, flags (colon, auto, place), parent, line,
 * start, continued lines, MoAI's reading (miss, read; '' for none), the number of refs, then per ref its kind, id, start, end, expanded (refs stand on the
 * marker's line).
 */
function encodeMx(markers: NonNullable<FileFacts['mx']>): (string | number)[] {
  const flat: (string | number)[] = [];
  for (const m of markers) {
    const { line, character } = m instanceof MxTag ? { line: m.line, character: m.start } : m.range.start;
    flat.push(m.kind, m.value, (m.colon ? 1 : 0) | (m.auto ? 2 : 0) | (PLACES.indexOf(m.place) << 2), m.parent, line, character, m.continued, m.moai?.miss ?? '', m.moai?.read ?? '', m.refs.length);
    for (const r of m.refs) {
      const [start, end] = r instanceof MxRef ? [r.start, r.end] : [r.range.start.character, r.range.end.character];
      flat.push(REF_KINDS.indexOf(r.kind), r.id, start, end, r.expanded ? 1 : 0);
    }
  }
  return flat;
}

function decodeMx(flat: readonly (string | number)[]): MxTag[] {
  const out: MxTag[] = [];
  let i = 0;
  while (i < flat.length) {
    const kind = flat[i] as string;
    const value = flat[i + 1] as string;
    const flags = flat[i + 2] as number;
    const parent = flat[i + 3] as number;
    const line = flat[i + 4] as number;
    const start = flat[i + 5] as number;
    const continued = flat[i + 6] as number;
    const miss = flat[i + 7] as MoaiMiss | '';
    const read = flat[i + 8] as string;
    const count = flat[i + 9] as number;
    i += 10;
    const refs: MxRef[] = new Array(count);
    for (let j = 0; j < count; j++, i += 5) refs[j] = new MxRef(REF_KINDS[flat[i] as number]!, flat[i + 1] as string, line, flat[i + 2] as number, flat[i + 3] as number, flat[i + 4] === 1);
    const moai = miss || read ? { ...(miss ? { miss } : {}), ...(read ? { read } : {}) } : undefined;
    out.push(new MxTag(kind, value, (flags & 1) === 1, (flags & 2) === 2, PLACES[flags >> 2]!, parent, line, start, refs, continued, moai));
  }
  return out;
}
