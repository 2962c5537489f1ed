import { resolveHeaderPath } from '../headerPaths';
import { describeInvisible, showInvisible } from '../invisible';
import { adviseMalformed } from '../suggest';
import { TAG_ID } from '../tags';
import type { DiagnosticData } from '../types';
import { finding, type Finding, type RuleContext } from './context';

/**
 * `tag/unknown-spec`: a claim, or a SPEC's `@SPEC:` reference, that belongs to no SPEC. A mention
 * (a marker quoted in prose or a string) of an unknown ID is at most a hint.
 */
export function checkUnknownSpec(ctx: RuleContext, path: string): Finding[] {
  // SPECs kept outside this clone: `spec/no-specs` says so once instead.
  if (ctx.missingStore()) return [];
  const out: Finding[] = [];
  const owner = ctx.index.specOfFile(path);
  for (const link of ctx.index.links(path)) {
    const { tag } = link;
    if (link.specIds.length > 0 || tag.role === 'title') continue;
    if (tag.role === 'declaration' && tag.type !== 'SPEC') continue;
    // A SPEC naming another SPEC (`@SPEC:X-002 (parent)`) never meant itself.
    const closest = ctx.closestId(tag.id);
    const suggestion = closest !== owner ? closest : undefined;
    const marker = `@${tag.type}:${tag.id}`;
    const message = suggestion
      ? `${marker} belongs to no SPEC: no SPEC has the ID ${tag.id}. Did you mean ${suggestion}?`
      : `${marker} belongs to no SPEC: no SPEC has the ID ${tag.id}.`;
    const data = suggestion ? ({ kind: 'replace-id', suggestion } as const) : ({ kind: 'create-spec', id: tag.id } as const);
    out.push(finding('tag/unknown-spec', path, tag.range, message, tag.role === 'mention' ? { data, target: tag.id, severity: 'hint', atMost: 'hint' } : { data, target: tag.id }));
  }
  return out;
}

/** `tag/malformed`: a marker of a known type whose ID (or the type's case) breaks the syntax. */
export function checkMalformed(ctx: RuleContext, path: string): Finding[] {
  const facts = ctx.index.facts(path);
  if (!facts) return [];
  return facts.malformed.map((m) => {
    const guessed = m.suggestion?.slice(m.suggestion.indexOf(':') + 1);
    const advice = adviseMalformed(m.text, ctx.config.tagTypes, (id) => TAG_ID.test(id), guessed, (id) => ctx.closestId(id));
    const data: DiagnosticData | undefined = advice.id !== undefined ? { kind: 'replace-id', suggestion: advice.id } : advice.replacement !== undefined ? { kind: 'replace-marker', marker: advice.replacement } : undefined;
    return finding('tag/malformed', path, m.range, advice.message, data ? { data } : {});
  });
}

/**
 * `tag/invisible-char`: an ID or marker with an invisible character inside (a soft hyphen, a
 * zero-width space, a bidi control): it reads as one ID and links as another, or not at all.
 * The message shows the characters escaped.
 */
export function checkInvisible(ctx: RuleContext, path: string): Finding[] {
  return (ctx.index.facts(path)?.invisible ?? []).map((found) =>
    finding(
      'tag/invisible-char',
      path,
      found.range,
      `${showInvisible(found.raw)} holds ${describeInvisible(found.raw).join(', ')} inside: it shows as ${found.visible} but is not that text, so what it links to is not what it reads. Delete the invisible character${describeInvisible(found.raw).length > 1 || found.raw.length - found.visible.length > 1 ? 's' : ''}.`,
    ),
  );
}

/** `tag/broken-path`: a `SPEC:`/`TEST:` path in a header line that resolves to nothing. */
export function checkBrokenPaths(ctx: RuleContext, path: string): Finding[] {
  const storeMissing = ctx.missingStore() !== undefined;
  return (ctx.index.facts(path)?.headerPaths ?? [])
    .filter((header) => !(storeMissing && header.label === 'SPEC'))
    .filter((header) => resolveHeaderPath(ctx.index, path, header.label, header.target) === undefined)
    .map((header) => finding('tag/broken-path', path, header.range, `${header.label}: ${header.target} does not resolve to a file in the workspace.`, { target: header.target }));
}
