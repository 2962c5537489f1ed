import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';

/** Offsets into the YAML text: where a node starts and where its value ends. */
export type Span = readonly [number, number];

/** A YAML node as the frontmatter rules read it. */
export type YamlValue =
  | { readonly kind: 'scalar'; readonly value: unknown; readonly span: Span }
  | { readonly kind: 'seq'; readonly items: readonly YamlValue[]; readonly span: Span }
  | { readonly kind: 'map'; readonly pairs: readonly YamlPair[]; readonly span: Span }
  /** Anything else the library reads (an alias, a complex key's value). */
  | { readonly kind: 'other'; readonly span?: Span };

export interface YamlPair {
  readonly key: string;
  readonly keySpan: Span;
  /** Undefined when the pair has no value node at all. */
  readonly value: YamlValue | undefined;
  /** The value as JavaScript, as the YAML library gives it. */
  readonly js: unknown;
}

/** The top-level mapping of a document read by the YAML library (scalar keys only). */
export function fromDocument(document: Document): YamlPair[] {
  if (!isMap(document.contents)) return [];
  const pairs: YamlPair[] = [];
  for (const pair of document.contents.items as Pair<YamlNode, YamlNode | null>[]) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const js = pair.value === null ? null : (pair.value as unknown as { toJS(doc: Document): unknown }).toJS(document);
    pairs.push({ key: String(pair.key.value), keySpan: span(pair.key.range), value: pair.value ? fromNode(pair.value) : undefined, js });
  }
  return pairs;
}

function fromNode(node: YamlNode): YamlValue {
  if (isScalar(node)) return node.range ? { kind: 'scalar', value: node.value, span: span(node.range) } : { kind: 'other' };
  if (isSeq(node) && node.range) return { kind: 'seq', items: (node.items as YamlNode[]).map(fromNode), span: span(node.range) };
  if (isMap(node) && node.range) {
    const pairs: YamlPair[] = [];
    for (const pair of node.items as Pair<YamlNode, YamlNode | null>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      pairs.push({ key: String(pair.key.value), keySpan: span(pair.key.range), value: pair.value ? fromNode(pair.value) : undefined, js: undefined });
    }
    return { kind: 'map', pairs, span: span(node.range) };
  }
  return node.range ? { kind: 'other', span: span(node.range) } : { kind: 'other' };
}

const span = (range: readonly number[]): Span => [range[0]!, range[1]!];

interface Line {
  readonly start: number;
  readonly indent: number;
  /** The line without its indentation; '' for a blank line. */
  readonly content: string;
}

const KEY_LINE = /^([A-Za-z_][\w-]*):(?:( +)(\S.*?))? *$/;
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`~ ]/;

/**
 * Reads the plain block YAML nearly every SPEC's frontmatter is written in without the YAML
 * library, which would otherwise take most of the time of parsing a SPEC: `key: value` lines,
 * mappings nested by indentation, `- item` and `[a, b]` lists, plain strings, strings in quotes
 * without escapes, booleans and null. Anything else (numbers, escapes, comments, anchors,
 * multi-line values, tabs, flow mappings, broken YAML) gives undefined, for the library to read.
 * A test checks that both agree on every text this accepts.
 */
export function readPlainYaml(text: string): YamlPair[] | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const lines: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const content = raw.trimStart();
    if (content.startsWith('#')) return undefined;
    lines.push({ start: at, indent: raw.length - content.length, content: content.trimEnd() === '' ? '' : content });
    at += raw.length + 1;
  }
  /** Index of the next line to read. */
  let i = 0;
  /** The next line with content from line `i` on; `i` moves to it. */
  const next = (): Line | undefined => {
    while (i < lines.length && lines[i]!.content === '') i++;
    return lines[i];
  };
  /** The line with content after line `i`, without moving. */
  const peek = (): Line | undefined => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.content !== '') return lines[j];
    return undefined;
  };
  /** Where a block ends: after the newline of the last line it took. */
  const endOf = (line: Line): number => Math.min(line.start + line.indent + line.content.length + 1, text.length);

  const mapping = (indent: number, top: boolean): { pairs: YamlPair[]; end: number } | undefined => {
    const pairs: YamlPair[] = [];
    let end = 0;
    for (let line = next(); line && line.indent >= indent; line = next()) {
      if (line.indent > indent) return undefined;
      const m = KEY_LINE.exec(line.content);
      if (!m || m[1] === '__proto__') return undefined;
      const after = peek();
      i++;
      const keyStart = line.start + line.indent;
      const keySpan: Span = [keyStart, keyStart + m[1]!.length];
      let value: YamlValue | undefined;
      if (m[3] !== undefined) {
        value = inline(m[3], keySpan[1] + 1 + m[2]!.length);
        if (!value || (after && after.indent > indent)) return undefined;
        end = endOf(line);
      } else {
        if (line.content.length !== m[1]!.length + 1) return undefined;
        const child = after;
        if (child && child.indent > indent) {
          const block = child.content.startsWith('- ') ? sequence(child.indent) : mapping(child.indent, false);
          if (!block) return undefined;
          value = 'items' in block ? { kind: 'seq', items: block.items, span: [child.start + child.indent, block.end] } : { kind: 'map', pairs: block.pairs, span: [child.start + child.indent, block.end] };
          end = block.end;
        } else {
          if (child && child.indent === indent && child.content.startsWith('-')) return undefined;
          value = { kind: 'scalar', value: null, span: [keySpan[1] + 1, keySpan[1] + 1] };
          end = endOf(line);
        }
      }
      pairs.push({ key: m[1]!, keySpan, value, js: top ? toJs(value) : undefined });
    }
    return { pairs, end };
  };

  const sequence = (indent: number): { items: YamlValue[]; end: number } | undefined => {
    const items: YamlValue[] = [];
    let end = 0;
    for (let line = next(); line && line.indent >= indent; line = next()) {
      if (line.indent > indent || !line.content.startsWith('- ')) return undefined;
      const after = peek();
      i++;
      const raw = line.content.slice(2).trimEnd();
      const gap = raw.length - raw.trimStart().length;
      const item = inline(raw.trimStart(), line.start + line.indent + 2 + gap);
      if (!item || item.kind !== 'scalar' || (after && after.indent > indent)) return undefined;
      items.push(item);
      end = endOf(line);
    }
    return { items, end };
  };

  const top = mapping(0, true);
  return top && next() === undefined ? top.pairs : undefined;
}

/** One value written on its key's or item's line, starting at `start`. */
function inline(raw: string, start: number): YamlValue | undefined {
  const end = start + raw.length;
  if (raw.startsWith('"')) return /^"[^"\\]*"$/.test(raw) ? { kind: 'scalar', value: raw.slice(1, -1), span: [start, end] } : undefined;
  if (raw.startsWith("'")) return /^'[^']*'$/.test(raw) ? { kind: 'scalar', value: raw.slice(1, -1), span: [start, end] } : undefined;
  if (raw.startsWith('[')) {
    if (/^\[ *\]$/.test(raw)) return { kind: 'seq', items: [], span: [start, end] };
    if (!/^\[[^[\]{}"'#:]*\]$/.test(raw)) return undefined;
    const items: YamlValue[] = [];
    let at = 1;
    for (const part of raw.slice(1, -1).split(',')) {
      const item = part.trim();
      const value = item === '' ? undefined : plain(item);
      if (value === undefined) return undefined;
      const itemStart = start + at + part.indexOf(item);
      items.push({ kind: 'scalar', value: value.is, span: [itemStart, itemStart + item.length] });
      at += part.length + 1;
    }
    return { kind: 'seq', items, span: [start, end] };
  }
  const value = plain(raw);
  return value && !raw.includes(': ') && !raw.endsWith(':') && !raw.includes(' #') ? { kind: 'scalar', value: value.is, span: [start, end] } : undefined;
}

/** A plain scalar's value under the YAML 1.2 core schema; undefined for numbers and anything doubtful. */
function plain(raw: string): { is: unknown } | undefined {
  if (INDICATOR_START.test(raw) || CORE_NUMBER.test(raw)) return undefined;
  if (raw === 'null' || raw === 'Null' || raw === 'NULL') return { is: null };
  if (raw === 'true' || raw === 'True' || raw === 'TRUE') return { is: true };
  if (raw === 'false' || raw === 'False' || raw === 'FALSE') return { is: false };
  return { is: raw };
}

function toJs(value: YamlValue | undefined): unknown {
  if (!value) return null;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'seq':
      return value.items.map(toJs);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of value.pairs) out[pair.key] = toJs(pair.value);
      return out;
    }
    default:
      return undefined;
  }
}
