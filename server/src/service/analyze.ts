import picomatch from 'picomatch';
import type { SpecChainConfig } from './config';
import { parseSpec } from './specDoc';
import { isManifestPath, parseManifest } from './stack/manifests';
import { scanTags } from './tags';
import { basename, dirname } from './text';
import type { FileFacts, SkipReason, TagRole } from './types';

/** Files beside a `spec.md` that belong to the same SPEC. */
export const COMPANIONS: readonly string[] = ['plan.md', 'acceptance.md'];

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

  /** `plan.md` and `acceptance.md` beside a `spec.md` belong to that SPEC. */
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
    let parsed;
    try {
      parsed = parseSpec(path, text);
    } catch (e) {
      return unreadableSpec(path, `it could not be parsed (${e instanceof Error ? e.message.slice(0, 200) : String(e)})`);
    }
    const { doc, titleLine } = parsed;
    const scan = scanTags(text, config.tagTypes, 'declaration', titleLine);
    return { path, ...scan, spec: doc };
  }
  const scan = scanTags(text, config.tagTypes, classifier.roleOf(path));
  if (isManifestPath(path)) {
    const manifest = parseManifest(path, text);
    if (manifest) return { path, ...scan, manifest };
  }
  return { path, ...scan };
}

/** True for file names that are never text worth scanning, whatever their content. */
export function isSkippedByName(path: string): boolean {
  return /\.(png|jpe?g|gif|ico|webp|pdf|zip|gz|tgz|jar|class|so|dylib|dll|exe|wasm|woff2?|ttf|otf|mp[34]|mov|sqlite|db|lock\.b)$/i.test(basename(path));
}

const SKIP_REASONS: Readonly<Record<SkipReason, string>> = {
  'too-large': 'it is larger than the maxFileSize setting',
  binary: 'it holds a NUL byte, so it reads as binary',
  unreadable: 'it cannot be read (permissions, a special file, or it vanished)',
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
