/**
 * Messages between the SpecChain webviews (client/webview/*) and the extension. Every message
 * is an object tagged by `type`; data travels only this way, never inside the page's script
 * text. The pages import these types too, so a renamed field breaks the build, not the view.
 */
import type { GuidanceView, SpecTreeResult } from '../../../server/src/protocol';
import type { Range } from '../../../server/src/service/types';

/** Chain states the SPECs view filters on; `errors`: the SPEC document has errors. */
export type ChainFilter = 'complete' | 'partial' | 'none' | 'errors' | 'tests-verified' | 'tests-failing' | 'tests-skipped' | 'tests-not-run' | 'tests-untested';
export const CHAIN_FILTERS: readonly ChainFilter[] = ['complete', 'partial', 'none', 'errors', 'tests-verified', 'tests-failing', 'tests-skipped', 'tests-not-run', 'tests-untested'];

/** The SPECs view's filter: text typed in the view, statuses and chain states picked. */
export interface SpecFilter {
  readonly text: string;
  readonly statuses: readonly string[];
  readonly chains: readonly ChainFilter[];
}

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
  | { readonly type: 'plan'; readonly specId: string; readonly markdown: string; readonly guidance: GuidanceView | null }
  | { readonly type: 'planError'; readonly specId: string; readonly message: string };

/** Extension to the dependency graph. */
export type ToGraph = { readonly type: 'tree'; readonly tree: SpecTreeResult };

/** Any webview to the extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'createSpec' }
  | { readonly type: 'openDocs' }
  | { readonly type: 'select'; readonly specId: string }
  | { readonly type: 'open'; readonly uri: string; readonly range: Range; readonly toSide?: boolean }
  | { readonly type: 'generatePlan'; readonly specId: string }
  | { readonly type: 'openExternal'; readonly url: string }
  /** The SPECs view shows `shown` of `total` SPECs under the current filter, and `broken` links in its group. */
  | { readonly type: 'shown'; readonly shown: number; readonly total: number; readonly broken: number; readonly filter: SpecFilter }
  /** The SPECs view revealed the row of `key` (a reveal or following the editor). */
  | { readonly type: 'revealed'; readonly key: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): boolean =>
  isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character) && (v.line as number) >= 0 && (v.character as number) >= 0;
const isRange = (v: unknown): v is Range => isObject(v) && isPosition(v.start) && isPosition(v.end);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 4096;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length < 256 && v.every(isText);

function parseFilter(v: unknown): SpecFilter | undefined {
  if (!isObject(v) || typeof v.text !== 'string' || v.text.length > 4096 || !isTextList(v.statuses) || !isTextList(v.chains)) return undefined;
  const chains = v.chains.filter((c): c is ChainFilter => (CHAIN_FILTERS as readonly string[]).includes(c));
  return { text: v.text, statuses: v.statuses, chains };
}

/**
 * Checks a message from a webview. The page only sends what the extension gave it, but it
 * is still another process's input: anything malformed is dropped.
 */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!isObject(message) || typeof message.type !== 'string') return undefined;
  switch (message.type) {
    case 'ready':
    case 'refresh':
    case 'createSpec':
    case 'openDocs':
      return { type: message.type };
    case 'select':
    case 'generatePlan':
      return isText(message.specId) ? { type: message.type, specId: message.specId } : undefined;
    case 'open':
      return isText(message.uri) && isRange(message.range) ? { type: 'open', uri: message.uri, range: message.range, toSide: message.toSide === true } : undefined;
    case 'openExternal':
      return isText(message.url) && /^https:\/\//.test(message.url) ? { type: 'openExternal', url: message.url } : undefined;
    case 'revealed':
      return isText(message.key) ? { type: 'revealed', key: message.key } : undefined;
    case 'shown': {
      const filter = parseFilter(message.filter);
      return isCount(message.shown) && isCount(message.total) && isCount(message.broken) && filter ? { type: 'shown', shown: message.shown, total: message.total, broken: message.broken, filter } : undefined;
    }
    default:
      return undefined;
  }
}
