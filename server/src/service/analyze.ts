import picomatch from 'picomatch';
import type { SpecChainConfig } from './config';
import { fileRole, lexRegions, type FileRole, type Region, type RegionKind } from './lexer';
import { scanTests } from './evidence/testDecls';
import { scanTraceRows } from './evidence/traceRows';
import { MAX_RANGE_MEMBERS, type CutRange } from './mx/ids';
import { scanDeclarations } from './mx/reqs';
import { moaiReadings } from './mx/moaiScan';
import { MAX_CONTINUED, MxTag, scanMx, type TextRegion } from './mx/scanner';
import { MX_SETTINGS_PATH, readMxSettings } from './mx/settings';
import { namesEndpoint } from './plan/endpoints';
import { scanCode } from './conventions/scan';
import { extractRouteFacts, specEndpoints } from './routes';
import { parseSpec } from './specDoc';
import { SYSTEM_SETTINGS_PATH, readMoaiVersion } from './specSchema';
import { ROOT_GITIGNORE, specsIgnoredBy } from './specStore';
import { isManifestPath, parseManifest } from './stack/manifests';
import { findInvisibleIds } from './invisible';
import { scanTags, type Placement } from './tags';
import { LineIndex, basename, dirname, append } from './text';
import type { FileFacts, MxMarker, MxProblem, SkipReason, TagRole } from './types';

/** Files beside a `spec.md` that belong to the same SPEC. */
export const COMPANIONS: readonly string[] = ['plan.md', 'acceptance.md', 'design.md', 'research.md', 'progress.md', 'tasks.md', 'spec-compact.md'];

/** Where the companions of the SPEC document at `specPath` would be. */
export function companionPaths(specPath: string): string[] {
  const folder = dirname(specPath);
  return COMPANIONS.map((name) => (folder === '.' ? name : `${folder}/${name}`));
}

/** Decides what a file is (its role), with the settings' SPEC globs. */
export class FileClassifier {
  readonly #isSpec: (path: string) => boolean;

  constructor(readonly config: SpecChainConfig) {
    this.#isSpec = picomatch(config.specGlobs as string[], { dot: true });
  }

  isSpecDocument(path: string): boolean {
    return this.#isSpec(path);
  }

  /** The companions (`plan.md`, `acceptance.md`, …) beside a `spec.md` belong to that SPEC. */
  isSpecCompanion(path: string): boolean {
    return COMPANIONS.includes(basename(path)) && this.#isSpec(`${dirname(path)}/spec.md`);
  }

  role(path: string, text: string): FileRole {
    return fileRole(path, text, { isSpecDocument: this.#isSpec(path), isSpecCompanion: this.isSpecCompanion(path) });
  }
}

const NO_MARKERS = { tags: [], malformed: [], headerPaths: [], disables: [] } as const;

/**
 * What a marker means where it stands, by the file's role: in a source file, a claim in a
 * comment or docstring, a mention in a string literal, nothing in code; in a SPEC document, a
 * declaration, except in fenced or inline code (a mention); in other prose, a mention.
 */
function placement(role: FileRole, regions: FileRegions): TagRole | Placement {
  if (role === 'source') return byRegion(regions, (kind, quoted) => (kind === 'string' || quoted ? 'mention' : 'claim'), undefined);
  if (role === 'spec') return byRegion(regions, (kind) => (kind === 'string' ? 'mention' : 'declaration'), 'declaration');
  return 'mention';
}

/**
 * The lexer's regions of one file, lexed at most once and only when first needed: the tag
 * placement, a SPEC's fenced code and the `@MX` scanner share them.
 */
class FileRegions {
  #all: readonly Region[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  get all(): readonly Region[] {
    return (this.#all ??= lexRegions(this.path, this.text));
  }

  /**
   * Regions that are the whole file's up to the end of the line holding `offset`. The lexer
   * reads left to right, so lexing the text up to there gives them, and the rest need not be
   * lexed, unless that cut leaves a comment open at `offset` (a block or docstring): then the
   * whole file is lexed. Regions lexed already are reused.
   */
  throughLineOf(offset: number): readonly Region[] {
    if (this.#all) return this.#all;
    const eol = this.text.indexOf('\n', offset);
    if (eol === -1) return this.all;
    const head = lexRegions(this.path, this.text.slice(0, eol));
    return head.some((r) => r.start <= offset && offset < r.end) ? head : this.all;
  }
}

/**
 * A placement from the lexer's regions, lexed on the first marker only: most files have none.
 * `quoted` tells whether the marker stands in quotes or backticks on its line, or on a doctest
 * line (`>>>`): commented-out code and examples in comments quote markers rather than claim them.
 */
function byRegion(lexed: FileRegions, inside: (kind: RegionKind, quoted: boolean) => TagRole, outside: TagRole | undefined): Placement {
  let regions: readonly Region[] | undefined;
  let k = 0;
  const quotes = new QuoteTracker(lexed.text);
  return (offset) => {
    regions ??= lexed.all;
    while (k < regions.length && regions[k]!.end <= offset) k++;
    const region = regions[k];
    if (region === undefined || region.start > offset) return outside;
    return inside(region.kind, region.kind !== 'string' && quotes.quoted(region.start, offset));
  };
}

/**
 * Walks a text forward, asked at increasing offsets, and tells whether an offset stands inside
 * double quotes or backticks opened earlier on its line within its region, or on a line that
 * starts with `>>>`. Linear: the regions asked about are walked character by character; the code
 * between them only back to its last line break, which is all that is needed of it.
 */
class QuoteTracker {
  #at = 0;
  #lineStart = 0;
  #double = false;
  #tick = false;

  constructor(readonly text: string) {}

  quoted(regionStart: number, offset: number): boolean {
    if (regionStart >= this.#at) {
      // A docstring's own opening quotes (and prefix) open nothing inside it.
      let from = regionStart;
      while (from < offset && /["'rRbBuUfF]/.test(this.text[from]!)) from++;
      this.#skip(from);
    }
    this.#walk(offset);
    return this.#double || this.#tick || DOCTEST.test(this.text.slice(this.#lineStart, Math.min(offset, this.#lineStart + 120)));
  }

  /**
   * Goes on to `to`, where a region starts and quotes open afresh: what lies before it matters
   * only for where the line of `to` starts, so the skipped text is searched back to its last
   * line break, not walked.
   */
  #skip(to: number): void {
    let k = to - 1;
    while (k >= this.#at && this.text[k] !== '\n' && this.text[k] !== '\r') k--;
    if (k >= this.#at) this.#lineStart = k + 1;
    this.#at = to;
    this.#double = this.#tick = false;
  }

  #walk(to: number): void {
    // In locals: this loop passes every character of most source files, and private fields
    // read and written at each one cost it more than the loop itself.
    const text = this.text;
    let at = this.#at;
    let lineStart = this.#lineStart;
    let double = this.#double;
    let tick = this.#tick;
    for (; at < to; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || c === 13) {
        lineStart = at + 1;
        double = tick = false;
      } else if (c === 34) double = !double;
      else if (c === 96) tick = !tick;
    }
    this.#at = at;
    this.#lineStart = lineStart;
    this.#double = double;
    this.#tick = tick;
  }
}

/** A doctest line (`>>> f("@CODE:X-001")`), or its continuation, after any comment leader. */
const DOCTEST = /^[ \t]*(?:(?:#|\/\/|\*)[ \t]*)?(?:>>>|\.\.\.)[ \t]/;

/** The fenced code blocks of a markdown text: examples and sketches, not what the SPEC states. */
function fencedCode(regions: FileRegions): Region[] {
  const text = regions.text;
  return regions.all.filter((r) => r.kind === 'string' && /^(?:```|~~~)/.test(text.slice(r.start, r.start + 3)));
}

/**
 * Everything SpecChain needs from one file. Pure: the same input gives the same facts.
 * Generated and data files give no markers; a manifest among them (a lockfile) is still read.
 */
export function analyzeFile(path: string, text: string, classifier: FileClassifier): FileFacts {
  const role = classifier.role(path, text);
  const facts = analyzeByRole(path, text, classifier, role);
  if (role === 'generated' || role === 'data') return facts;
  // IDs hiding invisible characters: anywhere in SPEC documents and their companions, around markers elsewhere.
  const invisible = findInvisibleIds(text, role === 'spec' || role === 'spec-companion' ? 'whole' : 'markers');
  return invisible.length > 0 ? { ...facts, invisible } : facts;
}

function analyzeByRole(path: string, text: string, classifier: FileClassifier, role: FileRole): FileFacts {
  const config = classifier.config;
  const regions = new FileRegions(path, text);
  if (role === 'spec') {
    let parsed;
    try {
      parsed = parseSpec(path, text);
    } catch (e) {
      return unreadableSpec(path, `it could not be parsed (${e instanceof Error ? e.message.slice(0, 200) : String(e)})`);
    }
    const { doc, titleLine } = parsed;
    const scan = scanTags(text, config.tagTypes, placement(role, regions), titleLine);
    const spec = namesEndpoint(text, fencedCode(regions)) ? { ...doc, namesEndpoints: true } : doc;
    const endpoints = specEndpoints(text);
    return { path, ...scan, spec, ...mxFacts(text, 'markdown', true), ...traceFacts(text), ...(endpoints.length ? { endpoints } : {}) };
  }
  const scan = role === 'generated' || role === 'data' ? NO_MARKERS : scanTags(text, config.tagTypes, placement(role, regions));
  const code = role === 'docs' || role === 'spec-companion' ? undefined : scanCode(path, text);
  const withCode = code ? { code } : {};
  if (isManifestPath(path)) {
    const manifest = parseManifest(path, text);
    if (manifest) return { path, ...scan, manifest, ...withCode };
  }
  if (path === ROOT_GITIGNORE) {
    const specsIgnored = specsIgnoredBy(text);
    return { path, ...scan, ...(specsIgnored ? { specsIgnored } : {}) };
  }
  if (path === SYSTEM_SETTINGS_PATH) {
    const moaiVersion = readMoaiVersion(text);
    return { path, ...scan, ...(moaiVersion !== undefined ? { moaiVersion } : {}) };
  }
  if (path === MX_SETTINGS_PATH) {
    const { settings, problems } = readMxSettings(text);
    return { path, ...scan, mxSettings: settings, ...(problems.length ? { mxProblems: problems } : {}) };
  }
  const routes = role === 'source' || role === 'docs' ? extractRouteFacts(path, text, () => regions.all) : undefined;
  return { path, ...scan, ...mxOf(path, text, role, regions), ...testFacts(path, text, role, regions), ...(routes ? { routes } : {}), ...withCode };
}

/** The tests of a source file (test functions, `it` calls, annotated methods), for binding test results. */
function testFacts(path: string, text: string, role: FileRole, regions: FileRegions): Pick<FileFacts, 'tests'> {
  if (role !== 'source') return {};
  const tests = scanTests(path, text, regions.all);
  return tests ? { tests } : {};
}

/** The traceability rows of a SPEC document or `acceptance.md` that name tests. */
function traceFacts(text: string): Pick<FileFacts, 'traces'> {
  const traces = scanTraceRows(text);
  return traces.length > 0 ? { traces } : {};
}

/**
 * The `@MX` facts of a file that is not a SPEC document, by its role: in source files the
 * markers of comments and docstrings (the lexer's regions); in prose and SPEC companions
 * mentions (and the ACs of `acceptance.md`); generated and data files hold none.
 */
function mxOf(path: string, text: string, role: FileRole, regions: FileRegions): Pick<FileFacts, 'mx' | 'reqs' | 'mxProblems' | 'traces'> {
  const acceptance = role === 'spec-companion' && basename(path) === 'acceptance.md';
  if (!acceptance && !text.includes('@MX:')) return {};
  if (role === 'source') {
    // Lexed past the last marker's line by as many lines as a marker's text may continue on.
    const facts = mxFacts(text, regions.throughLineOf(lineBelow(text, text.lastIndexOf('@MX:'), MAX_CONTINUED)), false);
    withMoaiReadings(path, text, facts.mx);
    return facts;
  }
  if (role === 'docs' || role === 'spec-companion') return { ...mxFacts(text, 'markdown', acceptance ? 'acs' : false), ...(acceptance ? traceFacts(text) : {}) };
  return {};
}

/** An offset on the line `count` lines below the one holding `offset` (the last line if there are fewer). */
function lineBelow(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count; n++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length - 1;
    at = next + 1;
  }
  return Math.min(at, text.length - 1);
}

/** Gives each `@MX:SPEC`/`@MX:TEST` link line of a source file what MoAI's own scanner reads of it. */
function withMoaiReadings(path: string, text: string, markers: readonly MxMarker[] | undefined): void {
  const links = markers?.filter((m): m is MxTag => m instanceof MxTag && (m.kind === 'SPEC' || m.kind === 'TEST') && m.refs.some((r) => r.kind === 'SPEC'));
  if (!links?.length) return;
  const readings = moaiReadings(path, text);
  for (const m of links) m.moai = readings.get(m.line) ?? { miss: 'no-prefix' };
}

/**
 * The `@MX` markers of a file and, for a SPEC document or `acceptance.md`, its REQ/AC
 * declarations (`acceptance.md` declares ACs only: its REQ IDs are the ones the ACs map).
 */
function mxFacts(text: string, regions: readonly TextRegion[] | 'markdown', declares: boolean | 'acs'): Pick<FileFacts, 'mx' | 'reqs' | 'mxProblems'> {
  const hasMx = text.includes('@MX:');
  const hasIds = declares !== false && (text.includes('REQ-') || text.includes('AC-'));
  if (!hasMx && !hasIds) return {};
  const lines = new LineIndex(text);
  const out: { -readonly [K in keyof FileFacts]?: FileFacts[K] } = {};
  const cut: CutRange[] = [];
  if (hasMx) {
    const scan = scanMx(text, regions, lines);
    if (scan.markers.length) out.mx = scan.markers;
    append(cut, scan.cut);
  }
  if (hasIds) {
    const found = scanDeclarations(text, lines);
    const reqs = declares === 'acs' ? found.reqs.filter((r) => r.kind === 'AC') : found.reqs;
    if (reqs.length) out.reqs = reqs;
    append(cut, found.cut);
  }
  if (cut.length) out.mxProblems = cut.map((c): MxProblem => ({ code: 'mx/range-cut', message: `This range names ${c.asked} IDs; only the first ${MAX_RANGE_MEMBERS} are read.`, range: lines.range(c.start, c.end) }));
  return out;
}

/** Settings files read whatever they hold: MoAI's `mx.yaml` and `system.yaml`, and the root `.gitignore` (does it keep SPECs out?). */
export function isSettingsPath(path: string): boolean {
  return path === MX_SETTINGS_PATH || path === SYSTEM_SETTINGS_PATH || path === ROOT_GITIGNORE;
}

/** True for file names that are never text worth scanning, whatever their content. */
export function isSkippedByName(path: string): boolean {
  return /\.(png|jpe?g|gif|ico|webp|pdf|zip|gz|tgz|jar|class|so|dylib|dll|exe|wasm|woff2?|ttf|otf|mp[34]|mov|sqlite|db|lock\.b)$/i.test(basename(path));
}

const SKIP_REASONS: Readonly<Record<SkipReason, string>> = {
  'too-large': 'it is larger than the maxFileSize setting',
  binary: 'it holds a NUL byte, so it reads as binary',
  unreadable: 'it cannot be read (permissions or a special file)',
  vanished: 'it was deleted while the workspace was read',
};

/**
 * The facts of a SPEC document that could not be read: the SPEC is still listed, under the ID
 * its folder gives, so its markers link to it, with an error saying why it was not read.
 */
export function unreadableSpec(path: string, reason: SkipReason | string): FileFacts {
  const { doc } = parseSpec(path, '');
  const why = reason in SKIP_REASONS ? SKIP_REASONS[reason as SkipReason] : reason;
  const problem = {
    code: 'spec/frontmatter-invalid',
    severity: 'error',
    message: `This SPEC document was not read: ${why}. It is listed${doc.id ? ` as ${doc.id}` : ''} by its folder name.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  } as const;
  return { path, tags: [], malformed: [], headerPaths: [], disables: [], spec: { ...doc, problems: [problem] } };
}
