import type { ManifestFacts, SkippedFile, StackReport } from '../types';
import type { Workspace } from '../workspace';
import { detectStack } from './detect';
import { isManifestPath, parseManifest } from './manifests';

/** The detected stack of a workspace, with the parsed manifests and what could not be read. */
export interface StackReading {
  readonly report: StackReport;
  readonly manifests: readonly ManifestFacts[];
  readonly skipped: readonly SkippedFile[];
}

/** Reads every manifest the workspace lists and detects the stack from them. */
export async function readStack(workspace: Workspace): Promise<StackReading> {
  const manifests: ManifestFacts[] = [];
  const skipped: SkippedFile[] = [];
  const entries = await workspace.list();
  for (const entry of entries) {
    if (!isManifestPath(entry.path)) continue;
    const text = await workspace.read(entry.path);
    const facts = typeof text === 'string' ? parseManifest(entry.path, text) : undefined;
    if (typeof text !== 'string') skipped.push(text);
    else if (facts) manifests.push(facts);
  }
  return { report: detectStack(manifests, entries.map((e) => e.path)), manifests, skipped };
}
