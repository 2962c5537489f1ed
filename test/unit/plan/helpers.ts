import { parseManifest } from '../../../server/src/service/stack/manifests';
import { detectStack } from '../../../server/src/service/stack/detect';
import type { ManifestFacts, StackReport } from '../../../server/src/service/types';

/** The stack of a workspace holding these manifests (path -> text), detected as the service does. */
export function stackOf(files: Readonly<Record<string, string>>): StackReport {
  const manifests = Object.entries(files)
    .map(([path, text]) => parseManifest(path, text))
    .filter((m): m is ManifestFacts => m !== undefined);
  return detectStack(manifests);
}

/** Words that would turn a priority into a schedule. */
export const TIME_ESTIMATE = /\b(?:\d+\s*)?(?:days?|weeks?|hours?|months?|sprints?|man[- ]days?|person[- ]days?|story points?|ETA)\b/i;

/** The lines of one `## n. Title` section of a plan. */
export function section(plan: string, title: string): string {
  const start = plan.search(new RegExp(`^## \\d+\\. ${title}$`, 'm'));
  if (start === -1) throw new Error(`no section "${title}" in the plan`);
  const rest = plan.slice(start + 3);
  const end = rest.search(/^## /m);
  return end === -1 ? plan.slice(start) : plan.slice(start, start + 3 + end);
}
