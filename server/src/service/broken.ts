/**
 * What "broken" means, once for every front end: the status bar, the SPECs view's badge, tree
 * and filters, `check`'s summary. A broken link is a diagnostic of a link code (a reference
 * that resolves to nothing) reported as an error or a warning; a hint (an unknown ID quoted in
 * prose) or an info is not broken, and neither is a code turned off (it is no diagnostic).
 */
import type { Diagnostic, DiagnosticCode } from './types';

/**
 * The codes of a reference that names something the workspace does not have: a tag's or an
 * `@MX` line's SPEC, an `@MX` line's REQ/AC, a header line's path, a frontmatter dependency, an
 * AC's REQ. A declared tag no code carries yet (`chain/declared-missing`) is a gap in a chain,
 * not a link that points nowhere, and is not among them.
 */
export const LINK_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'tag/unknown-spec',
  'tag/broken-path',
  'mx/unknown-spec',
  'mx/unknown-req',
  'spec/unknown-dependency',
  'spec/ac-unknown-req',
]);

/** True for a diagnostic that counts as a broken link: a link code at error or warning severity. */
export function isBrokenLink(d: Pick<Diagnostic, 'code' | 'severity'>): boolean {
  return LINK_CODES.has(d.code) && (d.severity === 'error' || d.severity === 'warning');
}

/** Broken links, errors and warnings among diagnostics. */
export interface ProblemCounts {
  readonly brokenLinks: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Counts broken links (see {@link isBrokenLink}), errors and warnings. */
export function countProblems(all: Iterable<Pick<Diagnostic, 'code' | 'severity'>>): ProblemCounts {
  let brokenLinks = 0;
  let errors = 0;
  let warnings = 0;
  for (const d of all) {
    if (isBrokenLink(d)) brokenLinks++;
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { brokenLinks, errors, warnings };
}
