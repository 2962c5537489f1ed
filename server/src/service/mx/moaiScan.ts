import { basename } from '../text';
import type { MoaiMiss, MoaiReading } from '../types';

/**
 * What MoAI-ADK's own `moai mx scan` reads of a file's `@MX:SPEC` lines, so that
 * `mx/moai-invisible` says exactly where it does not see a link. A port of the rules of
 * `internal/mx/scanner.go` (`ScanFile`, `extractTagContent`, `parseTag`, `extractSpecRef`),
 * `comment_prefixes.go` and `scan_ignore.go` of modu-ai/moai-adk v3.1.0 to v3.1.2, the releases
 * whose scanner reads `@MX:SPEC` sub-lines (v2.x has no `@MX` link scanner; v3.0 skips the
 * sub-lines). `docs/model-decisions.md` has the rule table.
 */

/** Line-comment prefix per file extension (`comment_prefixes.go`; MoAI lower-cases the extension first, so its `.R` entry is `.r`'s). */
const PREFIXES: Readonly<Record<string, string>> = {
  '.go': '//', '.py': '#', '.ts': '//', '.js': '//', '.mjs': '//', '.rs': '//', '.java': '//', '.kt': '//', '.cs': '//',
  '.rb': '#', '.php': '//', '.ex': '#', '.exs': '#', '.cpp': '//', '.hpp': '//', '.cc': '//', '.cxx': '//', '.scala': '//',
  '.r': '#', '.dart': '//', '.swift': '//',
};

/** Folder names `moai mx scan` never enters, at any depth (`DefaultScanIgnore`). */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', 'vendor', 'worktrees', 'main-fork', 'target', 'build', 'dist', 'out', '.next', '.cache', '.turbo', 'coverage', '.claude', '.moai']);

/** `parseTag`'s sub-line kinds: the scanner skips them as tags (LEGACY is a tag kind, not among them). */
const SUB_KINDS: ReadonlySet<string> = new Set(['CEILING', 'UPGRADE', 'REASON', 'SPEC', 'TEST', 'PRIORITY']);
const TAG_KINDS: ReadonlySet<string> = new Set(['NOTE', 'WARN', 'ANCHOR', 'TODO', 'LEGACY', 'DEBT']);
/** `extractSpecRef`: case-sensitive, the first SPEC ID right after `@MX:SPEC:`. */
const SPEC_REF = /@MX:SPEC:\s*(SPEC-[A-Z0-9][A-Z0-9-]*)/;
/** `extractReason`: a REASON pairs only when text follows its colon. */
const REASON = /@MX:REASON:\s*\S/;

/** The line-comment prefix MoAI's scanner looks for in files of this path (`//`, `#`), or undefined. */
export function moaiCommentPrefix(path: string): string | undefined {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? undefined : PREFIXES[name.slice(dot).toLowerCase()];
}

/** Why MoAI's scanner never reads a file of this path (its extension, a skipped folder), or undefined. */
export function moaiSkipsPath(path: string): MoaiMiss | undefined {
  if (moaiCommentPrefix(path) === undefined) return 'extension';
  return moaiSkippedFolder(path) !== undefined ? 'folder' : undefined;
}

/** The first folder of a path that `moai mx scan` does not enter (`coverage`, `out`, …). */
export function moaiSkippedFolder(path: string): string | undefined {
  return path.split('/').slice(0, -1).find((f) => IGNORED_FOLDERS.has(f));
}

/**
 * MoAI's reading of each line of a file holding `@MX:SPEC` or `@MX:TEST` (0-based line -> reading),
 * by MoAI's own walk: a line is a tag when its comment prefix comes before `@MX:` and a colon ends
 * the kind; an `@MX:SPEC` sub-line links its first upper-case SPEC ID to the last tag kept so far
 * (a WARN is kept once its REASON is seen within three lines), replacing that tag's earlier link.
 */
export function moaiReadings(path: string, text: string): Map<number, MoaiReading> {
  const out = new Map<number, MoaiReading>();
  const skipped = moaiSkipsPath(path);
  const lines = text.split('\n');
  if (skipped !== undefined) {
    lines.forEach((line, i) => {
      if (/@MX:(?:SPEC|TEST)\b/i.test(line)) out.set(i, { miss: skipped });
    });
    return out;
  }
  const prefix = moaiCommentPrefix(path)!;
  /** Line of each tag MoAI keeps, and the line of the `@MX:SPEC` whose link it holds (-1: none yet). */
  const tags: { line: number; specLine: number }[] = [];
  let pendingWarn: number | undefined;
  const note = (i: number, reading: MoaiReading): void => {
    if (/@MX:(?:SPEC|TEST)\b/i.test(lines[i]!)) out.set(i, reading);
  };
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.includes('@MX:')) {
      if (pendingWarn !== undefined && i > pendingWarn + 3) pendingWarn = undefined;
      return;
    }
    const cut = line.indexOf(prefix);
    const at = cut === -1 ? -1 : line.slice(cut + prefix.length).toUpperCase().indexOf('@MX:');
    if (at === -1) return note(i, { miss: 'no-prefix' });
    const content = line.slice(cut + prefix.length + at + 4).trim();
    const colon = content.indexOf(':');
    if (colon === -1) return note(i, { miss: 'no-colon' });
    const kind = content.slice(0, colon).trim().toUpperCase();
    if (SUB_KINDS.has(kind)) {
      const upper = line.toUpperCase();
      if (upper.includes('@MX:REASON')) {
        if (pendingWarn !== undefined && i > pendingWarn + 3) pendingWarn = undefined;
        if (REASON.test(line) && pendingWarn !== undefined) {
          tags.push({ line: pendingWarn, specLine: -1 });
          pendingWarn = undefined;
        }
      }
      if (kind === 'TEST') return note(i, { miss: 'test' });
      if (!upper.includes('@MX:SPEC')) return;
      const ref = SPEC_REF.exec(line);
      if (!ref) return note(i, { miss: line.includes('@MX:SPEC:') ? 'value' : 'kind-case' });
      const last = tags[tags.length - 1];
      if (!last) return note(i, { miss: 'no-tag', read: ref[1]! });
      // The tag's earlier link is lost, unless the later line names the same SPEC.
      const earlier = last.specLine === -1 ? undefined : out.get(last.specLine)?.read;
      if (earlier !== undefined && earlier !== ref[1]) out.set(last.specLine, { miss: 'replaced', read: earlier });
      last.specLine = i;
      return note(i, { read: ref[1]! });
    }
    if (!TAG_KINDS.has(kind)) return note(i, { miss: 'no-colon' });
    // A WARN is kept once a REASON pairs with it (on its own line or within three lines below).
    pendingWarn = kind === 'WARN' && !REASON.test(line) ? i : undefined;
    if (pendingWarn === undefined) tags.push({ line: i, specLine: -1 });
  });
  return out;
}
