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

/** A heading of a section that lists what the SPEC does not ask for, or the history of the document. */
const EXCLUSIONS = /out[- ]of[- ]scope|non[- ]goals?|exclusions?|not to build|not in scope|future work|history|change ?log|revisions?|변경 ?이력|개정 ?이력/i;
/** A line that states a requirement (EARS `SHALL`, `MUST`, Korean `해야`, …): only there does a SPEC ask for something. */
const NORMATIVE = /\b(?:SHALL|MUST|shall|must)\b|해야|하여야|しなければ|必须/;
/** What follows a capability used as a client (`Qdrant gRPC channel`, `OTLP gRPC exporter`), not served. */
const CLIENT_SIDE = /^[ \t]*(?:client|channel|exporter|stub|connection|SDK)s?\b/i;
/** An alternative to plain HTTP (`HTTP or gRPC request`, `REST/GraphQL`): not a request for the capability itself. */
const ALTERNATIVE = /\b(?:HTTP|REST|JSON)[ \t]*(?:\/|or|and\/or)[ \t]*$/i;
/** An unchecked task-list item: a wish, not a requirement (`- [ ] GraphQL API later`). */
const UNCHECKED = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[ \]/;

/**
 * Finds what a SPEC's text asks for (GraphQL, WebSocket, gRPC, server-sent events, server-side
 * rendering), every occurrence with its range, in text order. Only lines that state a requirement
 * (`SHALL`, `MUST`, `해야` …) ask: a mention in a history entry, a table of decisions or a client's
 * description (`OTLP gRPC exporter`, `Qdrant gRPC channel`) or an alternative to HTTP (`HTTP or
 * gRPC request`) does not. Words inside @TAG markers (`@API:GRAPHQL-001`),
 * fenced code blocks (layouts, sketches), unchecked task-list items (`- [ ] …`, wishes), history
 * sections and sections that list what is out of scope are skipped.
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
    if (excludedBelow > 0 || UNCHECKED.test(raw) || !NORMATIVE.test(raw)) return;
    const masked = raw.replace(/@[A-Z][A-Z0-9]*:[A-Za-z0-9:-]+/g, (m) => ' '.repeat(m.length));
    for (const rule of CAPABILITIES) {
      for (const pattern of rule.patterns) {
        for (const m of masked.matchAll(pattern)) {
          const start = m.index;
          if (CLIENT_SIDE.test(masked.slice(start + m[0].length, start + m[0].length + 24)) || ALTERNATIVE.test(masked.slice(Math.max(0, start - 12), start))) continue;
          found.push({ name: rule.name, offset: line * 1e6 + start, range: { start: { line, character: start }, end: { line, character: start + m[0].length } } });
        }
      }
    }
  });
  found.sort((a, b) => a.offset - b.offset);
  return found.map(({ name, range }) => ({ name, range }));
}
