import { basename } from '../text';
import { moaiCommentPrefix, moaiSkippedFolder } from '../mx/moaiScan';
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
  if (codeMarkers(ctx, path).length === 0 || ctx.missingStore()) return [];
  const out: Finding[] = [];
  for (const link of ctx.index.mxLinks(path)) {
    if (link.ref.kind !== 'SPEC' || link.specIds.length > 0 || link.marker.place === 'markdown') continue;
    const suggestion = ownerOfLineReqs(ctx, link.marker) ?? ctx.closestId(link.ref.id);
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

/**
 * The SPEC that declares the most of the REQ/AC IDs a line names, when one does and the line does
 * not already name it: `SPEC-LOTTO-114 REQ-HM-001~005` with REQ-HM-* declared in SPEC-LOTTO-117
 * meant 117, however close 014 is in spelling.
 */
function ownerOfLineReqs(ctx: RuleContext, marker: MxMarker): string | undefined {
  const named = new Set(marker.refs.flatMap((r) => (r.kind === 'SPEC' ? [ctx.index.resolveSpecId(r.id)] : [])));
  const votes = new Map<string, number>();
  for (const ref of marker.refs) {
    if (ref.kind === 'SPEC') continue;
    for (const id of ctx.index.specsDeclaring(ref.id)) if (!named.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined;
}

/** `mx/unknown-req`: a REQ/AC ID declared in none of the SPECs it can belong to. */
export function checkMxUnknownReq(ctx: RuleContext, path: string): Finding[] {
  if (codeMarkers(ctx, path).length === 0 || ctx.missingStore()) return [];
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

/** The `kind` sub-lines of the tag at `i` within MoAI's reach below it. */
function subLines(markers: readonly MxMarker[], subs: Map<number, MxMarker[]>, i: number, kind: string): MxMarker[] {
  const line = markers[i]!.range.start.line + markers[i]!.continued;
  return (subs.get(i) ?? []).filter((s) => s.kind === kind && s.range.start.line - line <= SUB_LINE_REACH);
}

function hasSubLine(markers: readonly MxMarker[], subs: Map<number, MxMarker[]>, i: number, kind: string): boolean {
  return subLines(markers, subs, i, kind).length > 0;
}

/**
 * `mx/missing-reason`: a tag of a kind that needs a reason (WARN, ANCHOR by default) without
 * `@MX:REASON`, or whose `@MX:REASON` says nothing (no text after it, none on the comment lines
 * that continue it): the line the quick fix adds stays flagged until the reason is written.
 */
export function checkMxMissingReason(ctx: RuleContext, path: string): Finding[] {
  const markers = codeMarkers(ctx, path);
  if (markers.length === 0) return [];
  const need = ctx.index.mxSettings().requireReasonFor;
  const subs = subKinds(markers);
  const out: Finding[] = [];
  markers.forEach((m, i) => {
    if (m.parent !== -1 || !need.includes(m.kind)) return;
    const reasons = subLines(markers, subs, i, 'REASON');
    if (reasons.some((r) => r.value !== '' || r.continued > 0)) return;
    if (reasons.length > 0) out.push(finding('mx/missing-reason', path, m.range, `@MX:${m.kind}'s @MX:REASON line is empty: write the reason after its colon.`));
    else out.push(finding('mx/missing-reason', path, m.range, `@MX:${m.kind} needs an @MX:REASON line within ${SUB_LINE_REACH} lines below it.`, { data: { kind: 'mx-add-reason' } }));
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

/** `mx/moai-invisible`: a link MoAI's own scanner does not read, or reads otherwise than written. */
export function checkMxMoaiInvisible(ctx: RuleContext, path: string): Finding[] {
  const out: Finding[] = [];
  const markers = codeMarkers(ctx, path);
  for (const m of markers) {
    if ((m.kind !== 'SPEC' && m.kind !== 'TEST') || !m.moai) continue;
    const specs = [...new Set(m.refs.filter((r) => r.kind === 'SPEC').map((r) => `SPEC-${r.id}`))];
    if (specs.length === 0) continue;
    const why = moaiMissText(path, m, specs, linkedOtherwise(ctx, path, markers, m));
    if (why) out.push(finding('mx/moai-invisible', path, m.range, `MoAI's own scanner (moai mx scan) ${why}.`));
  }
  return out;
}

/**
 * SPEC IDs MoAI links to the tag without this line: those in the tag's own text (`@MX:NOTE: … SPEC-X …`)
 * and the SPEC owning the file by `module:`.
 */
function linkedOtherwise(ctx: RuleContext, path: string, markers: readonly MxMarker[], m: MxMarker): Set<string> {
  const out = new Set((markers[m.parent]?.value ?? '').match(/SPEC-[A-Z0-9][A-Z0-9-]*/g) ?? []);
  const owner = ctx.index.moduleOwner(path);
  if (owner !== undefined) out.add(`SPEC-${owner}`);
  return out;
}

/** What MoAI's scanner does with a link line, in words, when it is not what the line says; undefined when it reads the line as written. */
function moaiMissText(path: string, m: MxMarker, specs: readonly string[], linked: ReadonlySet<string>): string | undefined {
  const { miss, read } = m.moai!;
  const ext = path.slice(path.lastIndexOf('.'));
  switch (miss) {
    case 'extension':
      return `does not read ${ext} files, so it does not see this link`;
    case 'folder':
      return `skips the ${moaiSkippedFolder(path)}/ folder, so it does not see this link`;
    case 'no-prefix':
      return `reads a tag only where ${moaiCommentPrefix(path)} comes before @MX: on the line; this ${PLACE_WORDS[m.place]} is not read`;
    case 'no-colon':
      return `needs a colon after @MX:${m.kind}; without one it does not see this link`;
    case 'test':
      return 'reads no link from @MX:TEST lines; an @MX:SPEC line under the tag links the SPEC';
    case 'kind-case':
      return 'reads only @MX:SPEC: written in capitals, so it does not see this link';
    case 'value':
      return 'links a line only when an upper-case SPEC ID comes first after @MX:SPEC:, so it does not see this link';
    case 'no-tag':
      return m.parent === -1 ? undefined : 'keeps no @MX tag above this line (it does not read the one above, or drops a WARN whose REASON is more than three lines below), so it drops the link';
    case 'replaced':
      return 'keeps one @MX:SPEC per tag, and a later @MX:SPEC line naming another SPEC under the same tag replaces this link';
  }
  if (read !== undefined && read !== specs[0]) return `reads ${read} from this line, not ${specs[0]}`;
  const lost = specs.slice(1).filter((id) => !linked.has(id));
  if (lost.length > 0) return `links only ${specs[0]} from this line; ${lost.join(', ')} ${lost.length > 1 ? 'are' : 'is'} not linked`;
  return undefined;
}

const PLACE_WORDS: Readonly<Record<MxMarker['place'], string>> = {
  line: 'comment',
  block: 'block or JSDoc comment',
  docstring: 'docstring line',
  html: 'HTML comment',
  markdown: 'text',
};

/** `mx/range-cut` and `mx/config-invalid`: what reading the file's @MX facts found. */
export function checkMxProblems(ctx: RuleContext, path: string): Finding[] {
  return (ctx.index.facts(path)?.mxProblems ?? []).map((p) => finding(p.code, path, p.range, p.message));
}
