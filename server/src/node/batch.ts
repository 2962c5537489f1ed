import * as nodePath from 'node:path';
import { analyzeFile, type FileClassifier } from '../service/analyze';
import type { FileFacts, SkippedFile } from '../service/types';
import { readText } from './readText';

/** Reads and analyses a batch; a file that fails is skipped as unreadable, never fatal. */
export function analyzeBatch(root: string, classifier: FileClassifier, paths: readonly string[]): { facts: FileFacts[]; skipped: SkippedFile[] } {
  const facts: FileFacts[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of paths) {
    const text = readText(nodePath.join(root, path), classifier.config.maxFileSize);
    if (typeof text !== 'string') {
      skipped.push({ path, reason: text.skip });
      continue;
    }
    try {
      facts.push(analyzeFile(path, text, classifier));
    } catch {
      skipped.push({ path, reason: 'unreadable' });
    }
  }
  return { facts, skipped };
}
