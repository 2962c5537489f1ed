import { companionPaths } from '../analyze';
import { countProblems, isBrokenLink } from '../broken';
import type { Link, SpecEntry, WorkspaceIndex } from '../index';
import { bareSpecId, baseOfSubId } from '../tags';
import type { BrokenLinkNode, ByPath, ChainGaps, EndpointNode, MxSpecNode, SpecNode, SpecTreeResult, TagNode } from '../../protocol';
import type { Diagnostic, DiagnosticCode } from '../types';
import { chainClaims, chainCounts, missingTags } from './chain';
import { brokenMxRefs, mxSpecNode } from './mxSpecTree';
import { endpointNodes, type RouteView } from './routes';
import { NEVER_CANCELLED, type Cancellation } from './types';

/** A marker of a SPEC's chain, by path (the LSP layer adds URIs). */
export type ChainTag = Omit<TagNode, 'uri'>;

/** One SPEC with its chain, by path (the LSP layer adds URIs). */
export type SpecTreeEntry = Omit<SpecNode, 'uri' | 'tags' | 'mentions' | 'mx' | 'endpoints'> & {
  readonly endpoints?: readonly ByPath<EndpointNode>[];
  readonly tags: readonly ChainTag[];
  readonly mentions: readonly ChainTag[];
  readonly mx?: ByPath<MxSpecNode>;
};

function chainTag({ path, tag }: Link, borrowed = false): ChainTag {
  return {
    type: tag.type,
    id: tag.id,
    ...(tag.sub !== undefined ? { sub: tag.sub } : {}),
    role: tag.role,
    path,
    range: tag.range,
    ...(borrowed ? { borrowed } : {}),
  };
}

/**
 * True when a claim linked to `specId` is another SPEC's, borrowed through this SPEC's
 * declaration (rule 3): its ID names some other SPEC, not this one or one of its tags' tests.
 */
function isBorrowed(link: Link, specId: string): boolean {
  if (!link.specIds.some((id) => id !== specId)) return false;
  const id = baseOfSubId(link.tag.id) ?? link.tag.id;
  return id !== specId && !(link.tag.type === 'TEST' && id.endsWith(`-${specId}`));
}

export interface SpecTree {
  readonly specs: readonly SpecTreeEntry[];
  readonly broken: readonly ByPath<BrokenLinkNode>[];
  readonly totals: SpecTreeResult['totals'];
}

/** Tag types whose markers are code, not tests or docs: a chain is complete with one of them and a TEST. */
const CODE_TYPES: ReadonlySet<string> = new Set(['API', 'DB', 'SERVICE', 'MIDDLEWARE', 'CODE']);

/**
 * Every SPEC with its chain, counts, missing declarations and problems. `diagnostics` gives
 * the current diagnostics of a file; `all` every current diagnostic, for the totals and the
 * broken `@MX` references.
 */
/** The SPEC's endpoints with their handlers, when it names any. */
function withEndpoints(routes: RouteView | undefined, spec: SpecEntry): { endpoints?: ByPath<EndpointNode>[] } {
  const endpoints = routes ? endpointNodes(routes, spec) : [];
  return endpoints.length ? { endpoints } : {};
}

export function getSpecTree(
  index: WorkspaceIndex,
  diagnostics: (path: string) => readonly Diagnostic[],
  all: Iterable<Diagnostic>,
  token: Cancellation = NEVER_CANCELLED,
  routes?: RouteView,
): SpecTree | undefined {
  const specs: SpecTreeEntry[] = [];
  let tagCount = 0;
  const current = [...all];
  const broken = brokenMxRefs(index, current);
  const links = brokenLinks(index, current);
  const brokenBySpec = new Map<string, number>();
  for (const link of links) for (const id of link.specIds) brokenBySpec.set(id, (brokenBySpec.get(id) ?? 0) + 1);
  for (const spec of index.specs()) {
    if (token.isCancellationRequested) return undefined;
    const tags: ChainTag[] = chainClaims(index, spec.id).map((link) => chainTag(link, isBorrowed(link, spec.id)));
    const mentions = [...index.mentionsOf(spec.id)]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.tag.range.start.line - b.tag.range.start.line))
      .map((link) => chainTag(link));
    tagCount += tags.length;
    const missing = missingTags(index, spec.id, spec.path);
    const hasTest = tags.some((t) => t.type === 'TEST');
    const hasCode = tags.some((t) => CODE_TYPES.has(t.type));
    const own = diagnostics(spec.path);
    const framework = spec.doc.stack?.framework?.value;
    const mx = mxSpecNode(index, spec.id, broken);
    specs.push({
      id: spec.id,
      title: spec.doc.title ?? spec.id,
      status: spec.doc.status ?? 'unknown',
      path: spec.path,
      range: spec.doc.titleRange,
      tags,
      mentions,
      counts: chainCounts(index, spec.id),
      missing,
      completeness: tags.length > 0 ? (hasCode && hasTest && missing.length === 0 ? 'complete' : 'partial') : mx ? mxCompleteness(mx) : 'none',
      problems: { errors: own.filter((d) => d.severity === 'error').length, warnings: own.filter((d) => d.severity === 'warning').length, broken: brokenBySpec.get(spec.id) ?? 0 },
      gaps: chainGaps([...own, ...companionPaths(spec.path).flatMap(diagnostics)]),
      ...(typeof framework === 'string' ? { framework } : {}),
      ...(spec.doc.archived ? { archived: true } : {}),
      ...(mx ? { mx } : {}),
      ...(spec.doc.references.length > 0 ? { references: spec.doc.references.map((r) => ({ field: r.field, id: r.id })) } : {}),
      ...withEndpoints(routes, spec),
    });
  }
  const totals = { specs: specs.length, tags: tagCount, ...countProblems(current) };
  return { specs, broken: links.map(({ specIds, ...node }) => ({ ...node, ...(specIds.length === 1 ? { specId: specIds[0] } : {}) })), totals };
}

const GAP_CODES: Readonly<Record<keyof ChainGaps, DiagnosticCode>> = { declared: 'chain/declared-missing', code: 'spec/no-implementation', test: 'chain/missing-test' };

/** The severity of each kind of gap among a SPEC's diagnostics (its document and companions). */
function chainGaps(own: readonly Diagnostic[]): ChainGaps {
  const gaps: { -readonly [K in keyof ChainGaps]: ChainGaps[K] } = {};
  for (const key of Object.keys(GAP_CODES) as (keyof ChainGaps)[]) {
    const found = own.find((d) => d.code === GAP_CODES[key]);
    if (found) gaps[key] = found.severity;
  }
  return gaps;
}

type BrokenEntry = Omit<ByPath<BrokenLinkNode>, 'specId'> & { readonly specIds: readonly string[] };

/**
 * Every broken link among `all`, by what it names, then path and line, with the SPECs it
 * belongs to: the SPEC whose files hold it, the SPECs an `@MX` line's REQ/AC was looked up in,
 * or the SPEC a header line's own tag links to.
 */
function brokenLinks(index: WorkspaceIndex, all: readonly Diagnostic[]): BrokenEntry[] {
  const out: BrokenEntry[] = [];
  for (const d of all) {
    if (!isBrokenLink(d)) continue;
    out.push({
      // One SPEC, one group: `@MX:SPEC: SPEC-X-001` and `@API:X-001` name the same SPEC, shown as SPEC rows are (`X-001`).
      id: d.target === undefined ? d.code : d.code === 'mx/unknown-spec' ? bareSpecId(d.target) : d.target,
      code: d.code,
      severity: d.severity as BrokenLinkNode['severity'],
      message: d.message,
      path: d.path,
      range: d.range,
      fixable: d.data !== undefined,
      specIds: ownersOf(index, d),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line));
}

function ownersOf(index: WorkspaceIndex, d: Diagnostic): readonly string[] {
  const owner = index.specOfFile(d.path);
  if (owner !== undefined) return [owner];
  const line = d.range.start.line;
  if (d.code === 'mx/unknown-req') {
    const link = index.mxLinks(d.path).find((l) => l.ref.range.start.line === line && l.ref.range.start.character === d.range.start.character);
    return link?.scope ?? [];
  }
  if (d.code === 'tag/broken-path') return [...new Set(index.links(d.path).filter((l) => l.tag.range.start.line === line).flatMap((l) => l.specIds))];
  return [];
}

/** An `@MX` SPEC: no REQ referenced is `none`; every REQ referenced from code and tested, `complete`. */
function mxCompleteness(mx: ByPath<MxSpecNode>): SpecNode['completeness'] {
  if (mx.coverage.referenced === 0 && mx.specRefs.length === 0) return 'none';
  const done = mx.reqs.length > 0 && mx.reqs.every((r) => r.code.length > 0 && r.tests.length > 0);
  return done ? 'complete' : 'partial';
}
