import type { LineIndex } from '../../text';

/** Where a key of a TOML table is written, as offsets. */
export interface KeySpot {
  /** Offset where the declaration starts (the key, or the `[table]` header). */
  readonly start: number;
  /** Offset where the declaration ends (end of its line). */
  readonly end: number;
  /** Offsets of the version text inside quotes, when a version is written literally. */
  readonly versionAt?: readonly [number, number];
}

interface Table {
  readonly path: string;
  readonly headerLine: number;
  readonly firstLine: number;
  lastLine: number;
}

const SEP = '\u001f';

/** Splits a dotted TOML key (`target.'cfg(unix)'.dependencies`) into its parts, quotes removed. */
export function splitDottedKey(raw: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote = '';
  for (const c of raw) {
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '.') {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts;
}

/**
 * The layout of a TOML text: which lines belong to which table. smol-toml gives values without
 * positions, so declarations are found again here by a line search that skips multi-line strings.
 */
export class TomlLayout {
  readonly #tables: Table[] = [];
  readonly #byPath = new Map<string, Table[]>();
  /** Per table, the first line of each `key =` written in it; built when first asked. */
  readonly #keys = new Map<Table, Map<string, number>>();

  constructor(readonly lines: LineIndex) {
    let current: Table = { path: '', headerLine: -1, firstLine: 0, lastLine: lines.lineCount - 1 };
    this.#tables.push(current);
    let inMultiline: string | undefined;
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      if (inMultiline) {
        if (text.includes(inMultiline)) inMultiline = undefined;
        continue;
      }
      const header = /^\s*\[\[?([^\]]+)\]\]?\s*(#.*)?$/.exec(text);
      if (header) {
        current.lastLine = line - 1;
        current = { path: splitDottedKey(header[1]!.trim()).join(SEP), headerLine: line, firstLine: line + 1, lastLine: lines.lineCount - 1 };
        this.#tables.push(current);
        continue;
      }
      for (const delim of ['"""', "'''"]) {
        const at = text.indexOf(delim);
        if (at !== -1 && text.indexOf(delim, at + 3) === -1) inMultiline = delim;
      }
    }
  }

  /** Tables whose dotted path equals `path` (several for arrays of tables). */
  #tablesAt(path: readonly string[]): readonly Table[] {
    if (this.#byPath.size === 0) {
      for (const t of this.#tables) this.#byPath.set(t.path, [...(this.#byPath.get(t.path) ?? []), t]);
    }
    return this.#byPath.get(path.join(SEP)) ?? [];
  }

  /** The keys written in `table`, each with its first line: one pass over the table's lines. */
  #keysOf(table: Table): Map<string, number> {
    let keys = this.#keys.get(table);
    if (!keys) {
      keys = new Map();
      for (let line = table.firstLine; line <= table.lastLine; line++) {
        const m = KEY_AT_LINE_START.exec(this.lines.lineText(line));
        const name = m ? (m[1] ?? m[2] ?? m[3])! : undefined;
        if (name !== undefined && !keys.has(name)) keys.set(name, line);
      }
      this.#keys.set(table, keys);
    }
    return keys;
  }

  /** Finds `key = …` in table `path`, or a `[path.key]` sub-table header. */
  findKey(path: readonly string[], key: string): KeySpot | undefined {
    for (const table of this.#tablesAt(path)) {
      const line = this.#keysOf(table).get(key);
      if (line !== undefined) {
        const text = this.lines.lineText(line);
        const m = KEY_AT_LINE_START.exec(text)!;
        const lineStart = this.lines.offsetAt({ line, character: 0 });
        const start = lineStart + text.length - text.trimStart().length;
        const rest = text.slice(m[0].length);
        const direct = /^\s*(["'])([^"']*)\1/.exec(rest);
        const inline = /\bversion\s*=\s*(["'])([^"']*)\1/.exec(rest);
        const hit = direct ?? inline;
        let versionAt: readonly [number, number] | undefined;
        if (hit) {
          const at = lineStart + m[0].length + hit.index + hit[0].length - hit[2]!.length - 1;
          versionAt = [at, at + hit[2]!.length];
        }
        return { start, end: lineStart + text.trimEnd().length, ...(versionAt ? { versionAt } : {}) };
      }
    }
    const sub = this.#tablesAt([...path, key])[0];
    if (sub) {
      const lineStart = this.lines.offsetAt({ line: sub.headerLine, character: 0 });
      const text = this.lines.lineText(sub.headerLine);
      const version = this.findKey([...path, key], 'version');
      return {
        start: lineStart + text.length - text.trimStart().length,
        end: lineStart + text.trimEnd().length,
        ...(version?.versionAt ? { versionAt: version.versionAt } : {}),
      };
    }
    return undefined;
  }

  /**
   * Finds a string item of the array `key` in table `path` (PEP 621 `dependencies = [...]`).
   * `after` skips earlier hits so repeated items map to successive lines.
   */
  findArrayString(path: readonly string[], key: string, value: string, after = -1): { start: number; end: number } | undefined {
    const owner = this.findKey(path, key);
    if (!owner) return undefined;
    const table = this.#tablesAt(path).find((t) => {
      const first = this.lines.offsetAt({ line: t.firstLine, character: 0 });
      const last = this.lines.offsetAt({ line: t.lastLine + 1, character: 0 });
      return owner.start >= first && owner.start <= last;
    });
    const limit = table ? this.lines.offsetAt({ line: table.lastLine + 1, character: 0 }) : this.lines.text.length;
    const text = this.lines.text;
    let best: number | undefined;
    for (const q of ['"', "'"]) {
      const at = text.indexOf(q + value + q, Math.max(owner.start, after + 1));
      if (at !== -1 && at < limit && (best === undefined || at < best)) best = at;
    }
    return best === undefined ? undefined : { start: best + 1, end: best + 1 + value.length };
  }
}

/** `key =`, `"key" =` or `'key' =` at the start of a line (a bare key, or one quoted). */
const KEY_AT_LINE_START = /^[ \t]*(?:([A-Za-z0-9_-]+)|"([^"\\\n]*)"|'([^'\n]*)')[ \t]*=/;
