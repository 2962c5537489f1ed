import { joinPath } from '../text';
import { finding, type Finding, type RuleContext } from './context';

/** `tag/unknown-spec`: a marker in code or prose that belongs to no SPEC. */
export function checkUnknownSpec(ctx: RuleContext, path: string): Finding[] {
  const out: Finding[] = [];
  for (const link of ctx.index.links(path)) {
    const { tag } = link;
    if (link.specIds.length > 0 || tag.role === 'title') continue;
    if (tag.role === 'declaration' && tag.type !== 'SPEC') continue;
    const suggestion = ctx.closestId(tag.id);
    const marker = `@${tag.type}:${tag.id}`;
    const message = suggestion
      ? `${marker} belongs to no SPEC: no SPEC has the ID ${tag.id}. Did you mean ${suggestion}?`
      : `${marker} belongs to no SPEC: no SPEC has the ID ${tag.id}.`;
    out.push(finding('tag/unknown-spec', path, tag.range, message, suggestion ? { data: { kind: 'replace-id', suggestion } } : { data: { kind: 'create-spec', id: tag.id } }));
  }
  return out;
}

/** `tag/malformed`: a marker of a known type whose ID breaks the syntax. */
export function checkMalformed(ctx: RuleContext, path: string): Finding[] {
  const facts = ctx.index.facts(path);
  if (!facts) return [];
  return facts.malformed.map((m) =>
    finding(
      'tag/malformed',
      path,
      m.range,
      m.suggestion
        ? `${m.text} is not a valid tag: IDs look like USER-001 (capitals, dashes, at least three final digits). Did you mean ${m.suggestion}?`
        : `${m.text} is not a valid tag: IDs look like USER-001 (capitals, dashes, at least three final digits).`,
      m.suggestion ? { data: { kind: 'replace-id', suggestion: m.suggestion.slice(m.suggestion.indexOf(':') + 1) } } : {},
    ),
  );
}

/** `tag/broken-path`: a `SPEC:`/`TEST:` path in a header line that resolves to nothing. */
export function checkBrokenPaths(ctx: RuleContext, path: string): Finding[] {
  const facts = ctx.index.facts(path);
  if (!facts) return [];
  const out: Finding[] = [];
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  for (const header of facts.headerPaths) {
    if (resolves(ctx, dir, header.label, header.target)) continue;
    out.push(finding('tag/broken-path', path, header.range, `${header.label}: ${header.target} does not resolve to a file in the workspace.`));
  }
  return out;
}

function resolves(ctx: RuleContext, dir: string, label: string, target: string): boolean {
  const clean = target.replace(/[),.;]+$/, '').replace(/#.*$/, '').replace(/:\d+$/, '');
  // Relative to the file's folder or any folder above it: a service root, or the workspace.
  const candidates: (string | undefined)[] = [];
  for (let at: string = dir; ; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '.') {
    candidates.push(joinPath(at, clean));
    if (at === '.') break;
  }
  if (label === 'SPEC') {
    candidates.push(joinPath('.moai/specs', clean));
    const id = /^(?:SPEC-)?([A-Z][A-Za-z0-9-]*?)(?:\.md)?$/.exec(clean.split('/').pop() ?? '');
    if (id && ctx.index.specsWithId(id[1]!).length > 0) return true;
  }
  return candidates.some((c) => c !== undefined && c !== '' && ctx.index.exists(c));
}
