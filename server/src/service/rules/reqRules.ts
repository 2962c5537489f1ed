import type { ReqEntry } from '../index';
import { finding, type Finding, type RuleContext } from './context';

/** The SPEC whose REQ/AC declarations a file holds, and those declarations. */
function declarationsOf(ctx: RuleContext, path: string): { specId: string; mine: readonly ReqEntry[]; all: readonly ReqEntry[] } | undefined {
  const facts = ctx.index.facts(path);
  if (!facts?.reqs?.length) return undefined;
  const specId = facts.spec?.id ?? ctx.index.specOfFile(path);
  if (specId === undefined) return undefined;
  const all = ctx.index.reqsOf(specId);
  return { specId, mine: all.filter((r) => r.path === path), all };
}

/** `spec/duplicate-req`: the second (and later) declaration of one REQ/AC ID in a SPEC. */
export function checkDuplicateReq(ctx: RuleContext, path: string): Finding[] {
  const found = declarationsOf(ctx, path);
  if (!found) return [];
  const out: Finding[] = [];
  for (const entry of found.mine) {
    const same = found.all.filter((r) => r.decl.id === entry.decl.id && r.decl.kind === entry.decl.kind);
    const first = same[0]!;
    if (first === entry) continue;
    out.push(
      finding('spec/duplicate-req', path, entry.decl.range, `${entry.decl.id} is declared twice in SPEC-${found.specId}; the first declaration is ${first.path === path ? `on line ${first.decl.range.start.line + 1}` : `in ${first.path}`}.`, {
        related: [{ path: first.path, range: first.decl.range, message: `first ${entry.decl.id}` }],
      }),
    );
  }
  return out;
}

/** `spec/req-uncovered`: the SPEC's ACs map REQs, and none maps this one. */
export function checkReqUncovered(ctx: RuleContext, path: string): Finding[] {
  const found = declarationsOf(ctx, path);
  if (!found) return [];
  const mapped = new Set<string>();
  const acs = found.all.filter((r) => r.decl.kind === 'AC');
  for (const r of acs) for (const m of r.decl.maps) mapped.add(m.id);
  // Only a SPEC whose ACs map REQs as a practice (at least half of them name one) is judged.
  if (mapped.size === 0 || acs.filter((r) => r.decl.maps.length > 0).length * 2 < acs.length) return [];
  return found.mine
    .filter((r) => r.decl.kind === 'REQ' && !mapped.has(r.decl.id) && !mappedGroup(mapped, r.decl.id))
    .map((r) => finding('spec/req-uncovered', path, r.decl.range, `No acceptance criterion of SPEC-${found.specId} maps ${r.decl.id}.`));
}

/** True when an AC maps the group `REQ-3` that the sub-ID `REQ-3.1` belongs to. */
function mappedGroup(mapped: ReadonlySet<string>, id: string): boolean {
  for (let dot = id.lastIndexOf('.'); dot > 0; dot = id.lastIndexOf('.', dot - 1)) if (mapped.has(id.slice(0, dot))) return true;
  return false;
}

/** `spec/ac-unknown-req`: an AC maps a REQ its SPEC does not declare. */
export function checkAcUnknownReq(ctx: RuleContext, path: string): Finding[] {
  const found = declarationsOf(ctx, path);
  if (!found) return [];
  if (!found.all.some((r) => r.decl.kind === 'REQ')) return [];
  const out: Finding[] = [];
  for (const r of found.mine) {
    if (r.decl.kind !== 'AC') continue;
    for (const m of r.decl.maps) {
      if (ctx.index.declares(found.specId, m.id)) continue;
      const suggestion = ctx.closestReq(m.id, [found.specId]);
      out.push(
        finding('spec/ac-unknown-req', path, m.range, `${r.decl.id} maps ${m.id}, which SPEC-${found.specId} does not declare.${suggestion ? ` Did you mean ${suggestion}?` : ''}`, suggestion && !m.expanded ? { data: { kind: 'replace-id', suggestion }, target: m.id } : { target: m.id }),
      );
    }
  }
  return out;
}
