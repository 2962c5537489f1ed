import type { Range } from '../types';

/** Something a SPEC can ask of a backend that not every framework does natively. */
export type Capability = 'graphql' | 'websocket' | 'grpc' | 'sse' | 'templating';

interface CapabilityRule {
  readonly name: Capability;
  readonly label: string;
  readonly patterns: readonly RegExp[];
}

/** How each capability is recognised in prose; patterns are written to avoid common false hits. */
export const CAPABILITIES: readonly CapabilityRule[] = [
  { name: 'graphql', label: 'GraphQL', patterns: [/\bGraphQL\b/gi] },
  { name: 'websocket', label: 'WebSocket', patterns: [/\bweb[- ]?sockets?\b/gi, /\bsocket\.io\b/gi, /\bwss?:\/\//g] },
  { name: 'grpc', label: 'gRPC', patterns: [/\bgRPC\b/gi] },
  { name: 'sse', label: 'server-sent events', patterns: [/\bserver[- ]sent[- ]events?\b/gi, /\bSSE\b/g, /\bEventSource\b/g, /\btext\/event-stream\b/gi] },
  { name: 'templating', label: 'server-rendered HTML templates', patterns: [/\bserver[- ]side[- ]render(?:ed|ing)\b/gi, /\bHTML templates?\b/gi] },
];

/** A case-insensitive superset of every pattern: most SPECs ask for none, and skip the line scan. */
const ANY_CAPABILITY = new RegExp(CAPABILITIES.flatMap((c) => c.patterns.map((p) => p.source)).join('|'), 'i');

/** The display label of a capability. */
export function capabilityLabel(name: string): string {
  return CAPABILITIES.find((c) => c.name === name)?.label ?? name;
}

/**
 * Finds what a SPEC's text asks for (GraphQL, WebSocket, gRPC, server-sent events, server-side
 * rendering), every occurrence with its range, in text order. Words inside @TAG markers
 * (`@API:GRAPHQL-001`) are not requests and are skipped.
 */
export function scanCapabilities(text: string): { name: string; range: Range }[] {
  if (!ANY_CAPABILITY.test(text)) return [];
  const found: { name: string; range: Range; offset: number }[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, line) => {
    const masked = raw.replace(/@[A-Z][A-Z0-9]*:[A-Za-z0-9:-]+/g, (m) => ' '.repeat(m.length));
    for (const rule of CAPABILITIES) {
      for (const pattern of rule.patterns) {
        for (const m of masked.matchAll(pattern)) {
          const start = m.index;
          found.push({ name: rule.name, offset: line * 1e6 + start, range: { start: { line, character: start }, end: { line, character: start + m[0].length } } });
        }
      }
    }
  });
  found.sort((a, b) => a.offset - b.offset);
  return found.map(({ name, range }) => ({ name, range }));
}
