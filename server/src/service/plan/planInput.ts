import { chainClaims, declaredTags } from '../features/chain';
import type { LanguageService } from '../languageService';
import type { SpecDoc } from '../types';
import { chosenService, type StatedStack } from './chooseFramework';
import { readConventions } from '../conventions/read';
import { mxPlanInput } from './mxInput';
import type { ChainTag, PlanInput } from './facts';
import { planChoice } from './generate';
import { bareSpecId } from '../tags';

/** What looking up a SPEC for its plan gives. */
export type PlanLookup =
  | { readonly kind: 'found'; readonly input: PlanInput }
  | { readonly kind: 'unknown'; readonly suggestion?: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The SPEC's `stack.backend` block as plain strings. */
export function statedStackOf(doc: SpecDoc): StatedStack | undefined {
  const stack = doc.stack;
  if (!stack) return undefined;
  const entries = (['language', 'framework', 'version', 'database'] as const)
    .map((key) => [key, text(stack[key]?.value)] as const)
    .filter((entry): entry is readonly [typeof entry[0], string] => entry[1] !== undefined);
  return Object.fromEntries(entries);
}

/**
 * The plan input of one SPEC from a loaded service: its text, its stated stack, the code
 * markers that belong to it, the tags it declares (in `spec.md` and its companions), the
 * workspace's stack and the conventions of the service the plan is for. With two documents of
 * one ID, the first by path is used. `readText` reads the SPEC (an editor's open text first);
 * by default the workspace. The one function every front end builds a plan from.
 */
export async function planInputFor(service: LanguageService, specId: string, readText?: (path: string) => Promise<string | undefined>): Promise<PlanLookup> {
  const id = bareSpecId(specId);
  const entry = service.index.specsWithId(id)[0];
  if (!entry) {
    const suggestion = service.closestId(id);
    return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
  }
  let read: string | { reason: string };
  if (readText) read = (await readText(entry.path)) ?? { reason: 'it cannot be read' };
  else {
    const text = await service.workspace.read(entry.path);
    read = typeof text === 'string' ? text : { reason: text.reason };
  }
  if (typeof read !== 'string') return { kind: 'unreadable', path: entry.path, reason: read.reason };

  const existing: ChainTag[] = chainClaims(service.index, id).map(({ path, tag }) => ({ type: tag.type, id: tag.id, path, line: tag.range.start.line + 1 }));
  const stated = statedStackOf(entry.doc);
  const stack = service.stack();
  let input: PlanInput = {
    specId: id,
    specPath: entry.path,
    specText: read,
    ...(entry.doc.title !== undefined ? { title: entry.doc.title } : {}),
    ...(entry.doc.status !== undefined ? { status: entry.doc.status } : {}),
    ...(stated !== undefined ? { statedStack: stated } : {}),
    stack,
    chain: { existing, declared: declaredTags(service.index, entry.path) },
  };
  const mx = mxPlanInput(service.index, id, input.chain);
  if (mx) input = { ...input, mx };
  const bound = service.endpointsOf(entry).endpoints.flatMap(({ endpoint, routes }) =>
    routes.map((r) => ({ method: endpoint.method, path: endpoint.path, file: r.file, line: r.line, ...(r.handler ? { handler: r.handler } : {}) })),
  );
  if (bound.length > 0) input = { ...input, bound };
  const choice = planChoice(input);
  const chosen = chosenService(choice);
  if (chosen) {
    const routes = service.routes().all;
    const routeFiles = (root: string): ReadonlySet<string> => new Set(routes.filter((r) => r.service === root).map((r) => r.file));
    input = { ...input, conventions: readConventions({ files: service.index.allFacts(), stack, routeFiles }, chosen) };
  }
  return { kind: 'found', input };
}
