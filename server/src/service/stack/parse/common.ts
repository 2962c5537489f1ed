import { LineIndex } from '../../text';
import type { ManifestDependency, ManifestFacts, Range } from '../../types';

/** A dependency with, when known, where its version text stands (for "update the manifest" fixes). */
export interface ParsedDependency extends ManifestDependency {
  readonly versionRange?: Range;
}

/** Collects dependencies and problems for one manifest, turning offsets into ranges. */
export class FactsBuilder {
  readonly lines: LineIndex;
  readonly #deps: ParsedDependency[] = [];
  readonly #errors: string[] = [];
  readonly #resolved: Record<string, string> = {};
  #hasResolved = false;

  constructor(readonly path: string, readonly kind: string, text: string) {
    this.lines = new LineIndex(text);
  }

  /**
   * Adds a dependency declared between `start` and `end` (offsets). `versionAt` is the offset
   * span of the version text when it is written literally.
   */
  add(name: string, version: string | undefined, start: number, end: number, opts: { dev?: boolean; versionAt?: readonly [number, number] } = {}): void {
    const range = this.lines.range(start, end);
    const dep: ParsedDependency = {
      name,
      ...(version !== undefined && version !== '' ? { version } : {}),
      line: range.start.line,
      range,
      ...(opts.dev ? { dev: true } : {}),
      ...(opts.versionAt ? { versionRange: this.lines.range(opts.versionAt[0], opts.versionAt[1]) } : {}),
    };
    this.#deps.push(dep);
  }

  /** Records a resolved version from a lockfile; keeps the first one seen per key. */
  resolve(key: string, version: string): void {
    this.#hasResolved = true;
    if (!(key in this.#resolved)) this.#resolved[key] = version;
  }

  error(message: string): void {
    this.#errors.push(`${this.path}: ${message}`);
  }

  build(): ManifestFacts {
    return {
      path: this.path,
      kind: this.kind,
      dependencies: [...this.#deps].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
      ...(this.#hasResolved ? { resolved: this.#resolved } : {}),
      ...(this.#errors.length > 0 ? { errors: this.#errors } : {}),
    };
  }
}

/**
 * Replaces comments with spaces (same length, line breaks kept) so offsets stay valid while
 * pattern searches ignore commented-out code. Strings are kept as they are; `quotes` lists the
 * string delimiters of the language.
 */
export function maskComments(text: string, style: { line?: string; block?: readonly [string, string]; quotes?: string }): string {
  const out = text.split('');
  const quotes = style.quotes ?? '"\'';
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i]!;
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
    } else if (style.line && text.startsWith(style.line, i)) {
      const end = text.indexOf('\n', i);
      const to = end === -1 ? text.length : end;
      blank(i, to);
      i = to;
    } else if (style.block && text.startsWith(style.block[0], i)) {
      const end = text.indexOf(style.block[1], i + style.block[0].length);
      const to = end === -1 ? text.length : end + style.block[1].length;
      blank(i, to);
      i = to;
    } else i++;
  }
  return out.join('');
}

/** Message of an unknown thrown value, for manifest errors. */
export function messageOf(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return raw.split('\n')[0]!.trim();
}
