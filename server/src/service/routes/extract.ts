import { lexRegions, type Region } from '../lexer';
import { RouteCollector } from './collect';
import { CONSTANT_FILES, mayDefineConstant, readConstants } from './constants';
import { EXTRACTORS } from './frameworks';
import { Source } from './source';
import type { RouteFacts } from './types';

/** Files no route is read from: dependencies, builds, tests, generated clients. */
const NEVER = /(?:^|\/)(?:node_modules|vendor|dist|build|target|out|\.next|\.nuxt|coverage|__pycache__|site-packages|\.venv|venv|migrations)\//;
const TESTS = /(?:^|\/)(?:tests?|__tests__|spec|e2e|test_\w+\.py|\w+_test\.(?:py|go)|\w+\.(?:test|spec)\.[jt]sx?|\w+Tests?\.(?:java|kt|scala|php))(?:\/|$)/;

/** Byte strings of the path constants prefixes name (`API_V1_STR = "/api/v1"`). */
const CONSTANT_SIGNALS: readonly string[] = ['PREFIX', 'Prefix', 'prefix', '_STR', 'API', 'BASE', 'PATH', 'ROOT', '= "/', "= '/", '="/', "='/"];
const signalCache = new Map<string, readonly string[]>();

/**
 * What a file's bytes must hold for it to be read for routes (see `RouteExtractor.signals`):
 * empty for files no framework declares routes in, so the reader can skip them undecoded.
 */
export function routeSignals(path: string): readonly string[] {
  if (NEVER.test(path) || TESTS.test(path)) return NO_SIGNALS;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  // Most extractors choose by extension; a few by folder or name: key on both when they do.
  const key = /(?:^|\/)(?:config|conf|app|pages)\/|(?:^|\/)(?:routes|application)[^/]*$/.test(path) ? path : name.slice(name.lastIndexOf('.'));
  let signals = signalCache.get(key);
  if (!signals) {
    const set = new Set<string>();
    for (const e of EXTRACTORS) if (e.files(path)) for (const s of e.signals) set.add(s);
    if (CONSTANT_FILES.test(path)) for (const s of CONSTANT_SIGNALS) set.add(s);
    signals = [...set];
    if (key !== path) signalCache.set(key, signals);
  }
  return signals;
}

const NO_SIGNALS: readonly string[] = Object.freeze([]);

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
  if (CONSTANT_FILES.test(path) && mayDefineConstant(text)) {
    src ??= new Source(path, text, lexed ? lexed() : lexRegions(path, text));
    out ??= new RouteCollector(src);
    readConstants(src, out);
  }
  return out?.facts();
}
