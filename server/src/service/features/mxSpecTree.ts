import type { MxLink, ReqEntry, WorkspaceIndex } from '../index';
import type { ByPath, MxRefNode, MxSpecNode, ReqDeclNode } from '../../protocol';
import { reqCoverage } from '../mx/coverage';
import { byPlace, countCoverage, uniqueReqs } from './reqCoverage';

/** `@MX` links that resolve to nothing: by the SPEC they were looked up in, and those naming no SPEC. */
export interface BrokenMxRefs {
  readonly bySpec: ReadonlyMap<string, ByPath<MxRefNode>[]>;
  readonly unknownSpec: readonly ByPath<MxRefNode>[];
}

/**
 * Every broken `@MX` reference in code (markdown mentions aside): a REQ/AC ID its SPECs do not
 * declare goes under each SPEC it was looked up in; a SPEC ID naming no SPEC, or a REQ/AC ID
 * that no SPEC can own, goes under "unknown SPEC".
 */
export function brokenMxRefs(index: WorkspaceIndex): BrokenMxRefs {
  const bySpec = new Map<string, ByPath<MxRefNode>[]>();
  const unknownSpec: ByPath<MxRefNode>[] = [];
  const broken: MxLink[] = [];
  for (const facts of index.allFacts()) {
    if (!facts.mx || index.specOfFile(facts.path) !== undefined) continue;
    for (const link of index.mxLinks(facts.path)) if (link.specIds.length === 0 && link.marker.place !== 'markdown') broken.push(link);
  }
  for (const link of broken.sort(byPlace)) {
    const node = refNode(link);
    if (link.ref.kind === 'SPEC' || link.scope.length === 0) {
      unknownSpec.push(node);
      continue;
    }
    for (const specId of link.scope) {
      const list = bySpec.get(specId);
      if (list) list.push(node);
      else bySpec.set(specId, [node]);
    }
  }
  return { bySpec, unknownSpec };
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

function declNode(r: ReqEntry): ByPath<ReqDeclNode> {
  return { id: r.decl.id, text: r.decl.text, path: r.path, range: r.decl.range };
}
