import ignore from 'ignore';
import type { Range, SpecsIgnored } from './types';

/**
 * Where a project keeps its SPECs when they are not in the checked folder. Some teams git-ignore
 * `.moai/` and keep the SPECs in another repository or only on their machines, so a clone holds
 * the code's links and none of the SPECs: every link would be "unknown". SpecChain says that once,
 * on the workspace, instead of once per link.
 */

/** The root `.gitignore`, the one that decides whether `.moai/` travels with a clone. */
export const ROOT_GITIGNORE = '.gitignore';

/** A SPEC document where MoAI writes them, to ask a `.gitignore` about. */
const PROBE = '.moai/specs/SPEC-PROBE-001/spec.md';

/**
 * Whether a `.gitignore` ignores MoAI's SPEC documents, and by which line: the last pattern that
 * alone ignores them, when the whole file does (a later `!.moai/specs/` re-include wins).
 */
export function specsIgnoredBy(text: string): SpecsIgnored | undefined {
  if (!text.includes('moai') && !/^\s*\*\s*$/m.test(text) && !/^\s*\.\*/m.test(text)) return undefined;
  let all;
  try {
    all = ignore().add(text);
  } catch {
    return undefined;
  }
  if (!all.ignores(PROBE)) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const pattern = lines[i]!.trim();
    if (pattern === '' || pattern.startsWith('#') || pattern.startsWith('!')) continue;
    try {
      if (ignore().add(pattern).ignores(PROBE)) return { line: i, start: lines[i]!.indexOf(pattern), pattern };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** What `spec/no-specs` says and where, when the workspace holds links but no SPEC to link to. */
export interface MissingStore {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * The finding for a workspace where no SPEC was found, links name SPECs, and `.moai/` is
 * git-ignored (`ignored`, from the root `.gitignore`) or absent: where SPECs were looked for,
 * why none are here, and how to point `specGlobs` at the real store. Undefined otherwise.
 */
export function missingStore(input: {
  readonly specCount: number;
  readonly links: number;
  readonly firstLink: { readonly path: string; readonly range: Range } | undefined;
  readonly ignored: SpecsIgnored | undefined;
  readonly moaiPresent: boolean;
  readonly specGlobs: readonly string[];
}): MissingStore | undefined {
  if (input.specCount > 0 || input.links === 0 || !input.firstLink) return undefined;
  if (!input.ignored && input.moaiPresent) return undefined;
  const looked = `No SPEC document was found where SpecChain looked (specGlobs: ${input.specGlobs.join(', ')}), yet ${input.links} ${input.links === 1 ? 'link names' : 'links name'} SPECs`;
  const why = input.ignored
    ? `.gitignore line ${input.ignored.line + 1} (\`${input.ignored.pattern}\`) keeps .moai/specs out of git, so this clone has no SPECs`
    : 'this folder has no .moai/ folder, so its SPECs are kept elsewhere';
  const how =
    'Check the folder that holds .moai/specs instead, or bring the SPECs into a folder here that .gitignore does not exclude and point `specGlobs` at it (`.specchain.json` or the `specchain.specGlobs` setting, for example `["spec-store/**/spec.md"]`). Until then no link is reported as broken.';
  const at = input.ignored ? { path: ROOT_GITIGNORE, range: { start: { line: input.ignored.line, character: input.ignored.start }, end: { line: input.ignored.line, character: input.ignored.start + input.ignored.pattern.length } } } : input.firstLink;
  return { path: at.path, range: at.range, message: `${looked}: ${why}. ${how}` };
}
