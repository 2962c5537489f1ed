import picomatch from 'picomatch';
import type { SpecChainConfig } from './config';
import { fileRole, lexRegions } from './lexer';
import { MAX_RANGE_MEMBERS, type CutRange } from './mx/ids';
import { scanDeclarations } from './mx/reqs';
import { scanMx, type TextRegion } from './mx/scanner';
import { MX_SETTINGS_PATH, readMxSettings } from './mx/settings';
import { parseSpec } from './specDoc';
import { isManifestPath, parseManifest } from './stack/manifests';
import { scanTags } from './tags';
import { LineIndex, basename, dirname } from './text';
import type { FileFacts, MxProblem, TagRole } from './types';

/** Files beside a `spec.md` that belong to the same SPEC. */
export const COMPANIONS: readonly string[] = ['plan.md', 'acceptance.md', 'design.md', 'research.md', 'progress.md', 'tasks.md', 'spec-compact.md'];

/** Where the companions of the SPEC document at `specPath` would be. */
export function companionPaths(specPath: string): string[] {
  const folder = dirname(specPath);
  return COMPANIONS.map((name) => (folder === '.' ? name : `${folder}/${name}`));
}

/** Decides what a path is: a SPEC document, a file of a SPEC folder, markdown, or source. */
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

  roleOf(path: string): TagRole {
    if (this.#isSpec(path) || this.isSpecCompanion(path)) return 'declaration';
    return /\.(md|markdown|mdx)$/i.test(path) ? 'mention' : 'claim';
  }
}

/** Everything SpecChain needs from one file. Pure: the same input gives the same facts. */
export function analyzeFile(path: string, text: string, classifier: FileClassifier): FileFacts {
  const config = classifier.config;
  if (classifier.isSpecDocument(path)) {
    const { doc, titleLine } = parseSpec(path, text);
    const scan = scanTags(text, config.tagTypes, 'declaration', titleLine);
    return { path, ...scan, spec: doc, ...mxFacts(text, 'markdown', true) };
  }
  const scan = scanTags(text, config.tagTypes, classifier.roleOf(path));
  if (isManifestPath(path)) {
    const manifest = parseManifest(path, text);
    if (manifest) return { path, ...scan, manifest };
  }
  if (path === MX_SETTINGS_PATH) {
    const { settings, problems } = readMxSettings(text);
    return { path, ...scan, mxSettings: settings, ...(problems.length ? { mxProblems: problems } : {}) };
  }
  return { path, ...scan, ...mxOf(path, text, classifier) };
}

/**
 * The `@MX` facts of a file that is not a SPEC document, by its role: in source files the
 * markers of comments and docstrings (the lexer's regions); in prose and SPEC companions
 * mentions (and the ACs of `acceptance.md`); generated and data files hold none.
 */
function mxOf(path: string, text: string, classifier: FileClassifier): Pick<FileFacts, 'mx' | 'reqs' | 'mxProblems'> {
  const companion = classifier.isSpecCompanion(path);
  const acceptance = companion && basename(path) === 'acceptance.md';
  if (!acceptance && !text.includes('@MX:')) return {};
  const role = fileRole(path, text, { isSpecDocument: false, isSpecCompanion: companion });
  if (role === 'source') {
    // The lexer reads left to right, so the regions of the text up to the last marker's line
    // are those of the whole file there and the rest need not be lexed, unless that cut leaves
    // the last marker's comment (a block or docstring) open: then the whole file is lexed.
    const last = text.lastIndexOf('@MX:');
    const eol = text.indexOf('\n', last);
    let regions = lexRegions(path, eol === -1 ? text : text.slice(0, eol));
    if (eol !== -1 && !regions.some((r) => r.start <= last && last < r.end)) regions = lexRegions(path, text);
    return mxFacts(text, regions, false);
  }
  if (role === 'docs' || role === 'spec-companion') return mxFacts(text, 'markdown', acceptance ? 'acs' : false);
  return {};
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
    cut.push(...scan.cut);
  }
  if (hasIds) {
    const found = scanDeclarations(text, lines);
    const reqs = declares === 'acs' ? found.reqs.filter((r) => r.kind === 'AC') : found.reqs;
    if (reqs.length) out.reqs = reqs;
    cut.push(...found.cut);
  }
  if (cut.length) out.mxProblems = cut.map((c): MxProblem => ({ code: 'mx/range-cut', message: `This range names ${c.asked} IDs; only the first ${MAX_RANGE_MEMBERS} are read.`, range: lines.range(c.start, c.end) }));
  return out;
}

/** True for file names that are never text worth scanning, whatever their content. */
export function isSkippedByName(path: string): boolean {
  return /\.(png|jpe?g|gif|ico|webp|pdf|zip|gz|tgz|jar|class|so|dylib|dll|exe|wasm|woff2?|ttf|otf|mp[34]|mov|sqlite|db|lock\.b)$/i.test(basename(path));
}
