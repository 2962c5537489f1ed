import type { Link, WorkspaceIndex } from '../index';
import { baseOfSubId } from '../tags';
import type { ByPath, MxRefNode, MxSpecNode, SpecNode, SpecTreeResult, TagNode } from '../../protocol';
import type { Diagnostic } from '../types';
import { chainClaims, chainCounts, missingTags } from './chain';
import { brokenMxRefs, mxSpecNode } from './mxSpecTree';
import { NEVER_CANCELLED, type Cancellation } from './types';

/** A marker of a SPEC's chain, by path (the LSP layer adds URIs). */
export type ChainTag = Omit<TagNode, 'uri'>;

/** One SPEC with its chain, by path (the LSP layer adds URIs). */
export type SpecTreeEntry = Omit<SpecNode, 'uri' | 'tags' | 'mentions' | 'mx'> & {
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
  readonly unknownSpec: readonly ByPath<MxRefNode>[];
  readonly totals: SpecTreeResult['totals'];
}

/**
 * Every SPEC with its chain, counts, missing declarations and problems. `diagnostics` gives
 * the current diagnostics of a file; `all` every current diagnostic, for the totals.
 */
export function getSpecTree(
  index: WorkspaceIndex,
  diagnostics: (path: string) => readonly Diagnostic[],
  all: Iterable<Diagnostic>,
  token: Cancellation = NEVER_CANCELLED,
): SpecTree | undefined {
  const specs: SpecTreeEntry[] = [];
  let tagCount = 0;
  const broken = brokenMxRefs(index);
  for (const spec of index.specs()) {
    if (token.isCancellationRequested) return undefined;
    const tags: ChainTag[] = chainClaims(index, spec.id).map((link) => chainTag(link, isBorrowed(link, spec.id)));
    const mentions = [...index.mentionsOf(spec.id)]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.tag.range.start.line - b.tag.range.start.line))
      .map((link) => chainTag(link));
    tagCount += tags.length;
    const missing = missingTags(index, spec.id, spec.path);
    const hasTest = tags.some((t) => t.type === 'TEST');
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
      completeness: tags.length > 0 ? (hasTest && missing.length === 0 ? 'complete' : 'partial') : mx ? mxCompleteness(mx) : 'none',
      problems: { errors: own.filter((d) => d.severity === 'error').length, warnings: own.filter((d) => d.severity === 'warning').length },
      ...(typeof framework === 'string' ? { framework } : {}),
      ...(spec.doc.archived ? { archived: true } : {}),
      ...(mx ? { mx } : {}),
      ...(spec.doc.references.length > 0 ? { references: spec.doc.references.map((r) => ({ field: r.field, id: r.id })) } : {}),
    });
  }
  const totals = { specs: specs.length, tags: tagCount, ...countProblems(all) };
  return { specs, unknownSpec: broken.unknownSpec, totals };
}

/** An `@MX` SPEC: no REQ referenced is `none`; every REQ referenced from code and tested, `complete`. */
function mxCompleteness(mx: ByPath<MxSpecNode>): SpecNode['completeness'] {
  if (mx.coverage.referenced === 0 && mx.specRefs.length === 0) return 'none';
  const done = mx.reqs.length > 0 && mx.reqs.every((r) => r.code.length > 0 && r.tests.length > 0);
  return done ? 'complete' : 'partial';
}

/** Broken links (`tag/unknown-spec`, `tag/broken-path`, `mx/unknown-spec`, `mx/unknown-req`), errors and warnings among diagnostics. */
export function countProblems(all: Iterable<Diagnostic>): { brokenLinks: number; errors: number; warnings: number } {
  let brokenLinks = 0;
  let errors = 0;
  let warnings = 0;
  for (const d of all) {
    if (BROKEN_LINK_CODES.has(d.code)) brokenLinks++;
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { brokenLinks, errors, warnings };
}

const BROKEN_LINK_CODES: ReadonlySet<string> = new Set(['tag/unknown-spec', 'tag/broken-path', 'mx/unknown-spec', 'mx/unknown-req']);
