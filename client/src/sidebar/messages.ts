/**
 * Messages between the sidebar webview (media/sidebar.js) and the extension. Every message is
 * an object tagged by `type`; data travels only this way, never inside the page's script text.
 */
import type { GuidanceView, SpecTreeResult } from '../../../server/src/protocol';
import type { Range, StackReport } from '../../../server/src/service/types';

/** Extension to webview. */
export type ToWebview =
  | { readonly type: 'server'; readonly state: 'stopped' | 'starting' | 'running' | 'failed'; readonly message?: string }
  | { readonly type: 'tree'; readonly tree: SpecTreeResult }
  | { readonly type: 'stack'; readonly stack: StackReport }
  | { readonly type: 'plan'; readonly specId: string; readonly markdown: string; readonly guidance: GuidanceView | null }
  | { readonly type: 'planError'; readonly specId: string; readonly message: string }
  | { readonly type: 'reveal'; readonly specId: string }
  | { readonly type: 'trust'; readonly trusted: boolean };

/** Webview to extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'select'; readonly specId: string }
  | { readonly type: 'open'; readonly uri: string; readonly range: Range }
  | { readonly type: 'generatePlan'; readonly specId: string }
  | { readonly type: 'openExternal'; readonly url: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): boolean =>
  isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character) && (v.line as number) >= 0 && (v.character as number) >= 0;
const isRange = (v: unknown): v is Range => isObject(v) && isPosition(v.start) && isPosition(v.end);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 4096;

/**
 * Checks a message from the webview. The page only sends what the extension gave it, but it
 * is still another process's input: anything malformed is dropped.
 */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!isObject(message) || typeof message.type !== 'string') return undefined;
  switch (message.type) {
    case 'ready':
    case 'refresh':
      return { type: message.type };
    case 'select':
    case 'generatePlan':
      return isText(message.specId) ? { type: message.type, specId: message.specId } : undefined;
    case 'open':
      return isText(message.uri) && isRange(message.range) ? { type: 'open', uri: message.uri, range: message.range } : undefined;
    case 'openExternal':
      return isText(message.url) && /^https:\/\//.test(message.url) ? { type: 'openExternal', url: message.url } : undefined;
    default:
      return undefined;
  }
}
