/**
 * Messages between the SpecChain webviews (client/webview/*) and the extension. Every message
 * is an object tagged by `type`; data travels only this way, never inside the page's script
 * text. The pages import these types too, so a renamed field breaks the build, not the view.
 */
import * as z from 'zod/mini';
import type { ConventionsView, GuidanceView, SpecTreeResult } from '../../../server/src/protocol';
import { rangeShape } from '../../../server/src/service/shapes';

/** Chain states the SPECs view filters on; `errors`: the SPEC document has errors. */
export type ChainFilter = 'complete' | 'partial' | 'none' | 'errors' | 'tests-verified' | 'tests-failing' | 'tests-skipped' | 'tests-not-run' | 'tests-untested';
export const CHAIN_FILTERS: readonly ChainFilter[] = ['complete', 'partial', 'none', 'errors', 'tests-verified', 'tests-failing', 'tests-skipped', 'tests-not-run', 'tests-untested'];

export type ServerStateMessage = { readonly type: 'server'; readonly state: 'stopped' | 'starting' | 'running' | 'failed'; readonly message?: string };
export type TrustMessage = { readonly type: 'trust'; readonly trusted: boolean };

/** Extension to the SPECs view. */
export type ToSpecs =
  | ServerStateMessage
  | TrustMessage
  /** The index is being read (`files` once the server has counted them), or ready (`active: false`). */
  | { readonly type: 'indexing'; readonly active: boolean; readonly files?: number }
  | { readonly type: 'tree'; readonly tree: SpecTreeResult }
  /** Select a SPEC (and the tag of `uri` at `line`, when given); `focus` moves keyboard focus there. */
  | { readonly type: 'reveal'; readonly specId: string; readonly focus: boolean; readonly uri?: string; readonly line?: number }
  | { readonly type: 'filter'; readonly statuses: readonly string[]; readonly chains: readonly ChainFilter[] }
  | { readonly type: 'collapseAll' };

/** Extension to the Guidance view. */
export type ToGuidance =
  | TrustMessage
  | { readonly type: 'spec'; readonly specId: string | null; readonly title: string }
  /** The SPEC's plan, its framework's guidance and the conventions found for its service (each with the lines it comes from). */
  | { readonly type: 'plan'; readonly specId: string; readonly markdown: string; readonly guidance: GuidanceView | null; readonly conventions: ConventionsView | null }
  | { readonly type: 'planError'; readonly specId: string; readonly message: string };

/** Extension to the dependency graph. */
export type ToGraph = { readonly type: 'tree'; readonly tree: SpecTreeResult };

const text = z.string().check(z.minLength(1), z.maxLength(4095));
const count = z.int().check(z.minimum(0));
const textList = z.readonly(z.array(text).check(z.maxLength(255)));
const specId = z.object({ specId: text });

/** The SPECs view's filter: text typed in the view, statuses and chain states picked. */
const specFilter = z.object({
  text: z.string().check(z.maxLength(4096)),
  statuses: textList,
  // A chain state this build does not know is left out, not the whole message.
  chains: z.pipe(textList, z.transform((list): readonly ChainFilter[] => list.filter((c): c is ChainFilter => (CHAIN_FILTERS as readonly string[]).includes(c)))),
});
export type SpecFilter = z.output<typeof specFilter>;

/**
 * Every message a webview sends the extension, one schema per `type`: the one definition, from
 * which the pages' type (`ToExtension`, what they may post), the extension's type (`FromWebview`,
 * what it handles) and the check (`parseFromWebview`) all follow. To add a message, add its
 * schema here.
 */
const FROM_WEBVIEW = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('createSpec') }),
  z.object({ type: z.literal('openDocs') }),
  z.extend(specId, { type: z.literal('select') }),
  z.extend(specId, { type: z.literal('generatePlan') }),
  z.object({ type: z.literal('open'), uri: text, range: rangeShape, toSide: z._default(z.boolean(), false) }),
  z.object({ type: z.literal('openExternal'), url: text.check(z.regex(/^https:\/\//)) }),
  /** The SPECs view shows `shown` of `total` SPECs under the current filter, and `broken` links in its group. */
  z.object({
    type: z.literal('shown'),
    shown: count,
    total: count,
    broken: count,
    filter: specFilter,
  }),
  /** The SPECs view revealed the row of `key` (a reveal or following the editor). */
  z.object({ type: z.literal('revealed'), key: text }),
]);

/** A message a page may post to the extension. */
export type ToExtension = z.input<typeof FROM_WEBVIEW>;

/** A message from a webview, as the extension handles it once checked. */
export type FromWebview = z.output<typeof FROM_WEBVIEW>;

/**
 * Checks a message from a webview. The page only sends what the extension gave it, but it
 * is still another process's input: anything malformed is dropped.
 */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  const parsed = FROM_WEBVIEW.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
