import { hash64 } from '../text';
import type { Diagnostic } from '../types';

/**
 * A finding's fingerprint: what it is (the code), where (the file), what it is about (the ID or
 * path a link names, else its message with line numbers taken out) and, for findings that share
 * all three, which occurrence in the file it is (in position order). Never the line number: a
 * finding keeps its fingerprint when lines above it are added or removed, so a pull request's
 * base and head, a baseline and today, and code scanning across commits can tell old from new.
 *
 * What this cannot tell: when a file gets one more finding equal to those it had, the one counted
 * new is the last in the file, not necessarily the line that was added. A renamed file's findings
 * are new (their file changed).
 */
export const FINGERPRINT_VERSION = 1;

/** The fingerprints of `diagnostics`, index for index. */
export function fingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const keys = diagnostics.map((d) => `${d.code}\0${d.path}\0${subjectOf(d)}`);
  // Occurrences are counted in position order within each group, whatever order the caller gives.
  const order = diagnostics.map((_, i) => i).sort((a, b) => keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : compareStart(diagnostics[a]!, diagnostics[b]!));
  const out: string[] = new Array<string>(diagnostics.length);
  let previous = '';
  let occurrence = 0;
  for (const i of order) {
    const key = keys[i]!;
    occurrence = key === previous ? occurrence + 1 : 0;
    previous = key;
    out[i] = hash64(`${FINGERPRINT_VERSION}\0${key}\0${occurrence}`);
  }
  return out;
}

function compareStart(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character;
}

/**
 * What a finding is about: the ID or path a link names, as written; else the message without the
 * line and column numbers some messages quote (`the first declaration is on line 12`,
 * `(tests/x.py:40)`), which move with the text.
 */
export function subjectOf(d: Pick<Diagnostic, 'target' | 'message'>): string {
  if (d.target !== undefined) return d.target;
  return d.message.replace(/\b(lines?) \d+(?:[-–]\d+)?/g, '$1 #').replace(/:\d+(?::\d+)?(?=\)|,|;|\s|$)/g, ':#');
}
