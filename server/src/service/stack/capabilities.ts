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

/** A heading of a section that lists what the SPEC does not ask for. */
const EXCLUSIONS = /out[- ]of[- ]scope|non[- ]goals?|exclusions?|not to build|not in scope|future work/i;

/**
 * Finds what a SPEC's text asks for (GraphQL, WebSocket, gRPC, server-sent events, server-side
 * rendering), every occurrence with its range, in text order. Words inside @TAG markers
 * (`@API:GRAPHQL-001`) are not requests and are skipped, and so are fenced code blocks (layouts,
 * sketches) and sections that list what is out of scope.
 */
export function scanCapabilities(text: string): { name: string; range: Range }[] {
  if (!ANY_CAPABILITY.test(text)) return [];
  const found: { name: string; range: Range; offset: number }[] = [];
  const lines = text.split('\n');
  let fence: string | undefined;
  /** The level of the exclusions heading whose section the line is in, or 0. */
  let excludedBelow = 0;
  lines.forEach((raw, line) => {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fenceMark !== undefined && (fence === undefined || (fenceMark[0] === fence[0] && fenceMark.length >= fence.length))) {
      fence = fence === undefined ? fenceMark : undefined;
      return;
    }
    if (fence !== undefined) return;
    const heading = /^ {0,3}(#{1,6})[ \t]/.exec(raw);
    if (heading) {
      const level = heading[1]!.length;
      if (excludedBelow > 0 && level <= excludedBelow) excludedBelow = 0;
      if (excludedBelow === 0 && EXCLUSIONS.test(raw.slice(0, 300))) excludedBelow = level;
    }
    if (excludedBelow > 0) return;
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
