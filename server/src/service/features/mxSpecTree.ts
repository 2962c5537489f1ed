import type { MxLink, ReqEntry, WorkspaceIndex } from '../index';
import type { ByPath, MxRefNode, MxSpecNode, ReqDeclNode } from '../../protocol';
import type { Diagnostic } from '../types';
import { isBrokenLink } from '../broken';
import { plainRequirement } from '../reqText';
import { reqCoverage } from '../mx/coverage';
import { byPlace, countCoverage, uniqueReqs } from './reqCoverage';

/** `@MX` REQ/AC IDs that resolve to nothing, by the SPEC they were looked up in. */
export interface BrokenMxRefs {
  readonly bySpec: ReadonlyMap<string, ByPath<MxRefNode>[]>;
}

/**
 * The `@MX` REQ/AC references reported broken (`mx/unknown-req` among `diagnostics` at a broken
 * link's severity, so excluded files, disabled lines and rules turned off stay out), under each
 * SPEC they were looked up in. Every broken link, these included, is also in the tree's "Broken
 * links" group.
 */
export function brokenMxRefs(index: WorkspaceIndex, diagnostics: Iterable<Diagnostic>): BrokenMxRefs {
  const bySpec = new Map<string, ByPath<MxRefNode>[]>();
  const broken: MxLink[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'mx/unknown-req' || !isBrokenLink(d)) continue;
    const { line, character } = d.range.start;
    const link = index.mxLinks(d.path).find((l) => l.specIds.length === 0 && l.ref.range.start.line === line && l.ref.range.start.character === character);
    if (link) broken.push(link);
  }
  for (const link of broken.sort(byPlace)) {
    const node = refNode(link);
    for (const specId of link.scope) {
      const list = bySpec.get(specId);
      if (list) list.push(node);
      else bySpec.set(specId, [node]);
    }
  }
  return { bySpec };
}

/** The REQ-level chain of a SPEC, or undefined when it declares no REQ/AC and no `@MX` line links to it. */
export function mxSpecNode(index: WorkspaceIndex, specId: string, broken: BrokenMxRefs): ByPath<MxSpecNode> | undefined {
  const declared = uniqueReqs(index, specId);
  const links = index.mxRefsTo(specId);
  const brokenHere = broken.bySpec.get(specId) ?? [];
  if (declared.length === 0 && links.length === 0 && brokenHere.length === 0) return undefined;
  const coverage = reqCoverage(index, specId);
  const reqs = coverage.map((c) => ({
    ...declNode(c.entry),
    code: [...c.refs].sort(byPlace).map(refNode),
    tests: [...c.testRefs].sort(byPlace).map(refNode),
    acs: c.acs.map(declNode),
  }));
  const reqIds = new Set(declared.map((r) => r.decl.id));
  const citingReqs = new Set<MxLink['marker']>();
  for (const l of links) if (reqIds.has(l.ref.id)) citingReqs.add(l.marker);
  const specRefs = links
    .filter((l) => l.ref.kind === 'SPEC' && !citingReqs.has(l.marker))
    .sort(byPlace)
    .map(refNode);
  return { reqs, coverage: countCoverage(coverage), specRefs, broken: brokenHere };
}

function refNode(link: MxLink): ByPath<MxRefNode> {
  return { id: link.ref.kind === 'SPEC' ? `SPEC-${link.ref.id.replace(/^SPEC-/, '')}` : link.ref.id, path: link.path, range: link.ref.range, test: link.test };
}

/**
 * The most characters of a requirement a tree row carries: a row and its tooltip show a
 * sentence, the hover the whole text. MoAI-ADK's 633 SPECs send half the bytes this way.
 */
const ROW_TEXT = 240;

/** Rows of declarations already built: a declaration is the same object until its file changes, and ACs repeat under every REQ they map. */
const declNodes = new WeakMap<ReqEntry['decl'], ByPath<ReqDeclNode>>();

function declNode(r: ReqEntry): ByPath<ReqDeclNode> {
  const known = declNodes.get(r.decl);
  if (known && known.path === r.path) return known;
  const text = plainRequirement(r.decl.text);
  const node = { id: r.decl.id, text: text.length > ROW_TEXT ? `${text.slice(0, ROW_TEXT - 1)}…` : text, path: r.path, range: r.decl.range };
  declNodes.set(r.decl, node);
  return node;
}
