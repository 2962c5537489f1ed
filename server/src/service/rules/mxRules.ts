import { basename } from '../text';
import { MX_STANDALONE_KINDS, MX_SUB_KINDS, type MxMarker } from '../types';
import { finding, type Finding, type RuleContext } from './context';

const KNOWN_KINDS = new Set([...MX_STANDALONE_KINDS, ...MX_SUB_KINDS]);
/** How far below a tag (after the comment lines continuing it) MoAI's scanner looks for its `@MX:REASON`/`@MX:UPGRADE`. */
const SUB_LINE_REACH = 3;

/** The `@MX` markers of a file that rules judge: in code (not markdown mentions), not excluded by mx.yaml. */
function codeMarkers(ctx: RuleContext, path: string): readonly MxMarker[] {
  const mx = ctx.index.facts(path)?.mx;
  if (!mx || ctx.mxExcluded(path)) return [];
  return mx[0]!.place === 'markdown' ? [] : mx;
}

/** `mx/unknown-spec`: a SPEC ID on an `@MX:SPEC`/`@MX:TEST` line that names no SPEC. */
export function checkMxUnknownSpec(ctx: RuleContext, path: string): Finding[] {
  if (codeMarkers(ctx, path).length === 0) return [];
  const out: Finding[] = [];
  for (const link of ctx.index.mxLinks(path)) {
    if (link.ref.kind !== 'SPEC' || link.specIds.length > 0 || link.marker.place === 'markdown') continue;
    const suggestion = ctx.closestId(link.ref.id);
    const name = `SPEC-${link.ref.id}`;
    out.push(
      finding(
        'mx/unknown-spec',
        path,
        link.ref.range,
        suggestion ? `@MX:${link.marker.kind} names ${name}, which is no SPEC in this workspace. Did you mean SPEC-${suggestion}?` : `@MX:${link.marker.kind} names ${name}, which is no SPEC in this workspace.`,
        { data: suggestion ? { kind: 'replace-id', suggestion: `SPEC-${suggestion}` } : { kind: 'mx-broken-link', id: link.ref.id }, target: name },
      ),
    );
  }
  return out;
}

/** `mx/unknown-req`: a REQ/AC ID declared in none of the SPECs it can belong to. */
export function checkMxUnknownReq(ctx: RuleContext, path: string): Finding[] {
  if (codeMarkers(ctx, path).length === 0) return [];
  const out: Finding[] = [];
  for (const link of ctx.index.mxLinks(path)) {
    if (link.ref.kind === 'SPEC' || link.specIds.length > 0 || link.marker.place === 'markdown') continue;
    const namesSpec = link.marker.refs.some((r) => r.kind === 'SPEC');
    // A REQ ID whose SPEC is itself unknown is already reported on the SPEC ID; one that several
    // SPECs declare, on a line naming none, is ambiguous rather than unknown.
    if (namesSpec ? link.scope.length === 0 : ctx.index.specsDeclaring(link.ref.id).length > 1) continue;
    const where = link.scope.length > 0 ? link.scope.map((id) => `SPEC-${id}`).join(', ') : 'any SPEC';
    const suggestion = ctx.closestReq(link.ref.id, link.scope);
    out.push(
      finding(
        'mx/unknown-req',
        path,
        link.ref.range,
        `${link.ref.id} is not declared in ${where}.${suggestion ? ` Did you mean ${suggestion}?` : ''}${link.ref.expanded ? ' (It is a member of this range.)' : ''}`,
        suggestion && !link.ref.expanded ? { data: { kind: 'replace-id', suggestion }, target: link.ref.id } : { target: link.ref.id },
      ),
    );
  }
  return out;
}

/** `mx/dangling-spec`: an `@MX:SPEC` with no standalone tag above it: MoAI drops the link. */
export function checkMxDanglingSpec(ctx: RuleContext, path: string): Finding[] {
  return codeMarkers(ctx, path)
    .filter((m) => m.kind === 'SPEC' && m.parent === -1)
    .map((m) => finding('mx/dangling-spec', path, m.range, '@MX:SPEC has no @MX:NOTE, WARN, ANCHOR, TODO, DEBT or LEGACY tag above it in this file; MoAI drops such a link.'));
}

/** The sub-line kinds attached to each standalone tag, by the tag's index. */
function subKinds(markers: readonly MxMarker[]): Map<number, MxMarker[]> {
  const out = new Map<number, MxMarker[]>();
  for (const m of markers) {
    if (m.parent === -1) continue;
    const list = out.get(m.parent);
    if (list) list.push(m);
    else out.set(m.parent, [m]);
  }
  return out;
}

/** True when the tag at `i` has a `kind` sub-line within MoAI's reach below it. */
function hasSubLine(markers: readonly MxMarker[], subs: Map<number, MxMarker[]>, i: number, kind: string): boolean {
  const line = markers[i]!.range.start.line + markers[i]!.continued;
  return (subs.get(i) ?? []).some((s) => s.kind === kind && s.range.start.line - line <= SUB_LINE_REACH);
}

/** `mx/missing-reason`: a tag of a kind that needs a reason (WARN, ANCHOR by default) without `@MX:REASON`. */
export function checkMxMissingReason(ctx: RuleContext, path: string): Finding[] {
  const markers = codeMarkers(ctx, path);
  if (markers.length === 0) return [];
  const need = ctx.index.mxSettings().requireReasonFor;
  const subs = subKinds(markers);
  const out: Finding[] = [];
  markers.forEach((m, i) => {
    if (m.parent !== -1 || !need.includes(m.kind) || hasSubLine(markers, subs, i, 'REASON')) return;
    out.push(finding('mx/missing-reason', path, m.range, `@MX:${m.kind} needs an @MX:REASON line within ${SUB_LINE_REACH} lines below it.`, { data: { kind: 'mx-add-reason' } }));
  });
  return out;
}

/** `mx/missing-upgrade`: `@MX:DEBT` without `@MX:UPGRADE`. */
export function checkMxMissingUpgrade(ctx: RuleContext, path: string): Finding[] {
  const markers = codeMarkers(ctx, path);
  const subs = subKinds(markers);
  const out: Finding[] = [];
  markers.forEach((m, i) => {
    if (m.kind === 'DEBT' && m.parent === -1 && !hasSubLine(markers, subs, i, 'UPGRADE')) {
      out.push(finding('mx/missing-upgrade', path, m.range, '@MX:DEBT should say how to pay it back in an @MX:UPGRADE line below it.'));
    }
  });
  return out;
}

/** `mx/over-limit`: more tags of a kind in one file than mx.yaml (or MoAI's default) allows. */
export function checkMxOverLimit(ctx: RuleContext, path: string): Finding[] {
  const markers = codeMarkers(ctx, path);
  if (markers.length === 0) return [];
  const limits = ctx.index.mxSettings().limits;
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const m of markers) {
    if (m.parent !== -1) continue;
    const n = (seen.get(m.kind) ?? 0) + 1;
    seen.set(m.kind, n);
    const limit = limits[m.kind];
    if (limit !== undefined && n === limit + 1) {
      const total = markers.filter((x) => x.kind === m.kind && x.parent === -1).length;
      out.push(finding('mx/over-limit', path, m.range, `${basename(path)} has ${total} @MX:${m.kind} tags; the limit per file is ${limit}, and this is the first past it.`));
    }
  }
  return out;
}

/** `mx/unknown-kind`: `@MX:<KIND>` that is not a kind of the protocol. */
export function checkMxUnknownKind(ctx: RuleContext, path: string): Finding[] {
  return codeMarkers(ctx, path)
    .filter((m) => !KNOWN_KINDS.has(m.kind))
    .map((m) => finding('mx/unknown-kind', path, m.kindRange, `@MX:${m.kind} is not an @MX kind; MoAI knows ${MX_STANDALONE_KINDS.join(', ')} and the sub-lines ${MX_SUB_KINDS.join(', ')}.`));
}

const INVISIBLE_EXTENSIONS = /\.(tsx|jsx|c|h)$/i;

/** `mx/moai-invisible`: a well-formed link MoAI's own scanner will not read. */
export function checkMxMoaiInvisible(ctx: RuleContext, path: string): Finding[] {
  const out: Finding[] = [];
  for (const m of codeMarkers(ctx, path)) {
    if (m.kind !== 'SPEC' && m.kind !== 'TEST') continue;
    const specs = m.refs.filter((r) => r.kind === 'SPEC');
    if (specs.length === 0) continue;
    const why = !m.colon
      ? `it has no colon after @MX:${m.kind}`
      : INVISIBLE_EXTENSIONS.test(path)
        ? `MoAI does not scan ${path.slice(path.lastIndexOf('.'))} files`
        : m.place === 'block' || m.place === 'docstring' || m.place === 'html'
          ? `MoAI reads only line comments, and this is a ${m.place === 'docstring' ? 'docstring' : m.place === 'html' ? 'HTML comment' : 'block comment'}`
          : specs.length > 1
            ? 'MoAI reads only the first SPEC ID of a line'
            : undefined;
    if (why) out.push(finding('mx/moai-invisible', path, m.range, `MoAI's own scanner will not see this link: ${why}.`));
  }
  return out;
}

/** `mx/range-cut` and `mx/config-invalid`: what reading the file's @MX facts found. */
export function checkMxProblems(ctx: RuleContext, path: string): Finding[] {
  return (ctx.index.facts(path)?.mxProblems ?? []).map((p) => finding(p.code, path, p.range, p.message));
}
