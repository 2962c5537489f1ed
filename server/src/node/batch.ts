import * as nodePath from 'node:path';
import { analyzeFile, isSettingsPath, type FileClassifier } from '../service/analyze';
import { mayHoldConventions } from '../service/conventions/scan';
import { mayHoldTests } from '../service/evidence/testDecls';
import { routeSignals } from '../service/routes';
import { isManifestPath, readLimitFor } from '../service/stack/manifests';
import type { FileFacts, SkippedFile } from '../service/types';
import { toOsPath } from './osPath';
import { decodeText, readBytes, utf16Order } from './readText';

const AT = 0x40;
const DISABLE = 'specchain-disable';

/**
 * Reads and analyses a batch; a file that fails is skipped as unreadable, never fatal. A source
 * file (in UTF-8) with no `@`, no disable comment, none of the words routes are declared with and
 * no import keyword (`mayHoldConventions`) has nothing to find, and is not decoded at all; SPEC documents, their companions (an
 * `acceptance.md` declares ACs without any `@`), manifests, test files and settings (`mx.yaml`,
 * `system.yaml`, the root `.gitignore`) are.
 */
export function analyzeBatch(root: string, classifier: FileClassifier, paths: readonly string[]): { facts: FileFacts[]; skipped: SkippedFile[] } {
  const facts: FileFacts[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of paths) {
    const bytes = readBytes(toOsPath(nodePath.join(root, path)), readLimitFor(path, classifier.config.maxFileSize));
    const result = 'skip' in bytes ? { path, reason: bytes.skip } : analyzeBytes(path, bytes, classifier);
    if ('reason' in result) skipped.push(result);
    else facts.push(result);
  }
  return { facts, skipped };
}

/**
 * The facts of one file's bytes, read already (and checked for size and NUL bytes by
 * `readBytes`, or by the caller the same way); a file that fails is unreadable, never fatal.
 */
export function analyzeBytes(path: string, bytes: Buffer, classifier: FileClassifier): FileFacts | SkippedFile {
  if (!bytes.includes(AT) && !bytes.includes(DISABLE) && utf16Order(bytes) === undefined && !classifier.isSpecDocument(path) && !classifier.isSpecCompanion(path) && !isManifestPath(path) && !mayHoldTests(path) && !isSettingsPath(path) && !routeSignals(path).some((s) => bytes.includes(s)) && !mayHoldConventions(path, (needle) => bytes.includes(needle))) {
    return { path, tags: [], malformed: [], headerPaths: [], disables: [] };
  }
  try {
    return analyzeFile(path, decodeText(bytes), classifier);
  } catch {
    return { path, reason: 'unreadable' };
  }
}
