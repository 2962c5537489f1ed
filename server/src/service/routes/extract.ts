import { lexRegions, type Region } from '../lexer';
import { RouteCollector } from './collect';
import { CONSTANT_FILES, CONSTANT_PRECHECK, readConstants } from './constants';
import { EXTRACTORS } from './frameworks';
import { Source } from './source';
import type { RouteFacts } from './types';

/** Files no route is read from: dependencies, builds, tests, generated clients. */
const NEVER = /(?:^|\/)(?:node_modules|vendor|dist|build|target|out|\.next|\.nuxt|coverage|__pycache__|site-packages|\.venv|venv|migrations)\//;
const TESTS = /(?:^|\/)(?:tests?|__tests__|spec|e2e|test_\w+\.py|\w+_test\.(?:py|go)|\w+\.(?:test|spec)\.[jt]sx?|\w+Tests?\.(?:java|kt|scala|php))(?:\/|$)/;

/**
 * The route facts of one file: each framework whose files include it and whose quick test
 * passes reads it; the file is lexed once, and only then. Undefined for the many files that
 * declare nothing route-related.
 */
export function extractRouteFacts(path: string, text: string, lexed?: () => readonly Region[]): RouteFacts | undefined {
  if (NEVER.test(path) || TESTS.test(path)) return undefined;
  let src: Source | undefined;
  let out: RouteCollector | undefined;
  for (const extractor of EXTRACTORS) {
    if (!extractor.files(path) || !extractor.precheck.test(text)) continue;
    src ??= new Source(path, text, lexed ? lexed() : lexRegions(path, text));
    out ??= new RouteCollector(src);
    try {
      extractor.extract(src, out);
    } catch {
      // A shape no extractor foresaw must cost the file its routes, never the analysis.
    }
  }
  if (CONSTANT_FILES.test(path) && CONSTANT_PRECHECK.test(text)) {
    src ??= new Source(path, text, lexed ? lexed() : lexRegions(path, text));
    out ??= new RouteCollector(src);
    readConstants(src, out);
  }
  return out?.facts();
}
