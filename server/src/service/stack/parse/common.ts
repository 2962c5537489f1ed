import { LineIndex } from '../../text';
import type { ManifestDependency, ManifestFacts, Range } from '../../types';

/** A dependency with, when known, where its version text stands (for "update the manifest" fixes). */
export interface ParsedDependency extends ManifestDependency {
  readonly versionRange?: Range;
}

/** How many problems one manifest reports one by one. */
const MAX_ERRORS = 10;

/** Collects dependencies and problems for one manifest, turning offsets into ranges. */
export class FactsBuilder {
  readonly lines: LineIndex;
  readonly #deps: ParsedDependency[] = [];
  readonly #errors: string[] = [];
  readonly #resolved: Record<string, string> = {};
  readonly #importers: Record<string, Record<string, string>> = {};
  #hasResolved = false;
  #moreErrors = 0;

  constructor(readonly path: string, readonly kind: string, text: string) {
    this.lines = new LineIndex(text);
  }

  /**
   * Adds a dependency declared between `start` and `end` (offsets). `versionAt` is the offset
   * span of the version text when it is written literally.
   */
  add(name: string, version: string | undefined, start: number, end: number, opts: { dev?: boolean; indirect?: boolean; features?: readonly string[]; versionAt?: readonly [number, number] } = {}): void {
    const range = this.lines.range(start, end);
    const dep: ParsedDependency = {
      name,
      ...(version !== undefined && version !== '' ? { version } : {}),
      line: range.start.line,
      range,
      ...(opts.dev ? { dev: true } : {}),
      ...(opts.indirect ? { indirect: true } : {}),
      ...(opts.features && opts.features.length > 0 ? { features: opts.features.map((f) => f.toLowerCase()) } : {}),
      ...(opts.versionAt ? { versionRange: this.lines.range(opts.versionAt[0], opts.versionAt[1]) } : {}),
    };
    this.#deps.push(dep);
  }

  /** Records a resolved version from a lockfile; keeps the first one seen per key. */
  resolve(key: string, version: string): void {
    this.#hasResolved = true;
    if (!(key in this.#resolved)) this.#resolved[key] = version;
  }

  /** Records the version a lockfile locks for one workspace member (`importers:` of pnpm, nested `node_modules` of npm). */
  resolveIn(importer: string, key: string, version: string): void {
    const map = (this.#importers[importer] ??= {});
    if (!(key in map)) map[key] = version;
  }

  /** Records a problem; past the first few, they are only counted (a broken file repeats itself). */
  error(message: string): void {
    if (this.#errors.length < MAX_ERRORS) this.#errors.push(`${this.path}: ${message}`);
    else this.#moreErrors++;
  }

  build(): ManifestFacts {
    return {
      path: this.path,
      kind: this.kind,
      dependencies: [...this.#deps].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
      ...(this.#hasResolved ? { resolved: this.#resolved } : {}),
      ...(Object.keys(this.#importers).length > 0 ? { importers: this.#importers } : {}),
      ...(this.#errors.length > 0 ? { errors: this.#moreErrors > 0 ? [...this.#errors, `${this.path}: ${this.#moreErrors} more problems like these`] : this.#errors } : {}),
    };
  }
}

/**
 * Replaces comments with spaces (same length, line breaks kept) so offsets stay valid while
 * pattern searches ignore commented-out code. Strings are kept as they are; `quotes` lists the
 * string delimiters of the language.
 */
export function maskComments(text: string, style: { line?: string; block?: readonly [string, string]; quotes?: string }): string {
  const quotes = style.quotes ?? '"\'';
  const starts = [...quotes].map(escapeRegExp);
  if (style.line) starts.push(escapeRegExp(style.line));
  if (style.block) starts.push(escapeRegExp(style.block[0]));
  // Jumps from one quote or comment start to the next instead of stepping through every character.
  const next = new RegExp(starts.join('|'), 'g');
  const out: string[] = [];
  let copied = 0;
  const blank = (from: number, to: number): void => {
    out.push(text.slice(copied, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    copied = to;
  };
  let i = 0;
  while (i < text.length) {
    next.lastIndex = i;
    const m = next.exec(text);
    if (!m) break;
    i = m.index;
    const c = m[0];
    if (quotes.includes(c)) {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        if (text[j] === '\\') j++;
        else if (!triple && text[j] === '\n') break;
        j++;
      }
      i = j + close.length;
    } else if (c === style.line) {
      const end = text.indexOf('\n', i);
      const to = end === -1 ? text.length : end;
      blank(i, to);
      i = to;
    } else {
      const end = text.indexOf(style.block![1], i + c.length);
      const to = end === -1 ? text.length : end + style.block![1].length;
      blank(i, to);
      i = to;
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** User text quoted in a message: one line, at most `max` characters, longer text cut with `…`. */
export function clip(text: string, max = 80): string {
  const line = text.slice(0, max + 1).replace(/[\r\n\t]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Message of an unknown thrown value, for manifest errors. */
export function messageOf(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return clip(raw.split('\n')[0]!.trim(), 200);
}
