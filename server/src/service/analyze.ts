import picomatch from 'picomatch';
import type { SpecChainConfig } from './config';
import { parseSpec } from './specDoc';
import { isManifestPath, parseManifest } from './stack/manifests';
import { scanTags } from './tags';
import { basename, dirname } from './text';
import type { FileFacts, TagRole } from './types';

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
    const { doc, titleLine } = parseSpec(path, text);
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
