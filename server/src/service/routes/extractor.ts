import type { RouteCollector } from './collect';
import type { Source } from './source';
import type { RouteFramework } from './types';

/**
 * How one framework's routes are read from a file. Data first: which files, a cheap test on
 * the raw text before anything is lexed, then the reading itself over the file's tokens.
 */
export interface RouteExtractor {
  readonly framework: RouteFramework;
  /** True for the files this framework declares routes or prefixes in (by path). */
  readonly files: (path: string) => boolean;
  /**
   * Byte strings (ASCII) one of which a file must hold to be worth decoding at all: the reader
   * skips files without them (and without markers) before turning bytes into text.
   */
  readonly signals: readonly string[];
  /** A quick test on the raw text: files that fail it are not lexed for this framework. */
  readonly precheck: RegExp;
  readonly extract: (src: Source, out: RouteCollector) => void;
}
