import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isManifestPath, parseManifest } from '../../../server/src/service/stack/manifests';
import type { ManifestFacts } from '../../../server/src/service/types';

/** The fixture services: one folder per framework, read as one monorepo workspace. */
export const SERVICES_DIR = join(__dirname, '../../fixtures/stack/services');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every file of the fixture workspace by workspace-relative path. */
export function fixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const full of walk(SERVICES_DIR)) files.set(relative(SERVICES_DIR, full).split('\\').join('/'), readFileSync(full, 'utf8'));
  return files;
}

/** The parsed manifests of the fixture workspace. */
export function fixtureManifests(): ManifestFacts[] {
  return [...fixtureFiles()].filter(([path]) => isManifestPath(path)).map(([path, text]) => parseManifest(path, text)!);
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`"${needle}" not in fixture`);
  return index + 1;
}
