import picomatch from 'picomatch';
import { unknownIds } from '../service/history/attach';
import { classifyIds } from '../service/history/classify';
import type { HistoryCommit, HistoryFile, HistoryLine, IdHistory, SpecHistory } from '../service/history/types';
import type { Diagnostic } from '../service/types';
import { isGitProblem, streamGit, type GitProblem } from './git';
import { probeRepository } from './gitTree';

/**
 * The SPEC folders' history from one `git log` (renames followed with `-M`, paths relative to the
 * folder checked, newest commit first), parsed into the engine's `SpecHistory`. With `withLines`,
 * the log carries a zero-context patch of the SPEC documents and `acceptance.md` files, of which
 * only the added and removed lines naming a REQ or AC ID are kept (the engine reads declarations in
 * them). The output is bounded: past `maxBytes` the oldest commits are left out and the history
 * says it was cut.
 */
export interface HistoryRequest {
  readonly specGlobs: readonly string[];
  readonly withLines: boolean;
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

/** Why there is no history: one line for the user. */
export interface NoHistory {
  readonly unavailable: string;
}

/** The most a log may print: MoAI-ADK's own 4,000 commits of SPECs make 25 MB with the declarations' lines. */
const MAX_LOG = 48 * 1024 * 1024;
/** Lines longer than this are kept cut: a declaration's ID and words stand at its start. */
const MAX_LINE = 2048;
/** Lines of declarations kept in all, past which a history is cut. */
const MAX_LINES = 500_000;
const FORMAT = '--format=%x01%H%x02%cs%x02%s';

/** Pathspecs of the SPEC documents and their `acceptance.md` files, from the folders the globs start in. */
export function historyPathspecs(specGlobs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const glob of specGlobs) {
    const { base } = picomatch.scan(glob);
    out.add(`:(glob)${glob}`);
    out.add(`:(glob)${base === '' ? '' : `${base}/`}**/acceptance.md`);
  }
  return [...out];
}

/** Reads the SPEC folders' history under `root`, or says why it cannot (no git, no repository, a shallow clone, a timeout). */
export async function readSpecHistory(root: string, request: HistoryRequest): Promise<SpecHistory | NoHistory> {
  const repo = await probeRepository(root);
  if (isGitProblem(repo)) return { unavailable: repo.message };
  if (repo.shallow) return { unavailable: 'this is a shallow clone, whose history is incomplete (git fetch --unshallow gives it whole)' };
  const parser = new LogParser(request.withLines);
  const args = ['log', '--raw', '-M', '--relative', '--no-color', '--no-ext-diff', '--no-textconv', FORMAT, ...(request.withLines ? ['-p', '-U0'] : []), '--', ...historyPathspecs(request.specGlobs)];
  const done: { cut: boolean } | GitProblem = await streamGit(root, args, (chunk) => parser.push(chunk), { maxBytes: request.maxBytes ?? MAX_LOG, timeoutMs: request.timeoutMs ?? 20_000 });
  if (isGitProblem(done)) return { unavailable: done.problem === 'failed' && /does not have any commits/.test(done.message) ? 'the repository has no commit yet' : done.message };
  const commits = parser.end();
  return { commits, withLines: request.withLines, cut: done.cut || parser.overflow };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * A line-by-line reader of `git log --raw [-p -U0]` output: commit headers (`\x01hash\x02date\x02subject`),
 * raw lines (`:modes oids status\tpath[\tpath]`), and in patches the file each hunk belongs to
 * and its `+`/`-` lines. Lines are cut at `MAX_LINE` characters as they arrive, never gathered whole.
 */
class LogParser {
  readonly #commits: Mutable<HistoryCommit>[] = [];
  #line: Buffer[] = [];
  #lineLength = 0;
  #inHunk = false;
  #file = '';
  #kept = 0;
  overflow = false;

  constructor(readonly withLines: boolean) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.#take(chunk.subarray(start, nl));
      this.#flush();
      start = nl + 1;
    }
    if (start < chunk.length) this.#take(chunk.subarray(start));
  }

  end(): HistoryCommit[] {
    if (this.#lineLength > 0) this.#flush();
    return this.#commits;
  }

  #take(piece: Buffer): void {
    const room = MAX_LINE - this.#lineLength;
    if (room <= 0) return;
    const kept = piece.length > room ? piece.subarray(0, room) : piece;
    this.#line.push(kept);
    this.#lineLength += kept.length;
  }

  #flush(): void {
    const line = this.#line.length === 1 ? this.#line[0]!.toString('utf8') : Buffer.concat(this.#line).toString('utf8');
    this.#line = [];
    this.#lineLength = 0;
    this.#read(line);
  }

  #read(line: string): void {
    const commit = this.#commits[this.#commits.length - 1];
    if (line.startsWith('\x01')) {
      const [hash = '', date = '', ...subject] = line.slice(1).split('\x02');
      this.#commits.push({ hash, date, subject: subject.join(' '), files: [], lines: [] });
      this.#inHunk = false;
      return;
    }
    if (!commit) return;
    if (line.startsWith(':')) {
      const file = rawLine(line);
      if (file) commit.files.push(file);
      return;
    }
    if (!this.withLines) return;
    if (line.startsWith('diff --git ')) {
      this.#inHunk = false;
      this.#file = '';
      return;
    }
    if (!this.#inHunk) {
      if (line.startsWith('+++ ') || line.startsWith('--- ')) {
        const path = patchPath(line.slice(4));
        if (path !== undefined && (line.startsWith('+++ ') || this.#file === '')) this.#file = path;
      } else if (line.startsWith('@@')) this.#inHunk = true;
      return;
    }
    const sign = line[0];
    if ((sign !== '+' && sign !== '-') || !/(?:REQ|AC)-/.test(line)) return;
    if (++this.#kept > MAX_LINES) {
      this.overflow = true;
      return;
    }
    commit.lines.push({ path: this.#file, sign, text: line.slice(1) } satisfies HistoryLine);
  }
}

/** `:100644 100644 abc def M\tpath`, `:… R087\told\tnew`: the file's status and paths (C-quoted ones unquoted). */
function rawLine(line: string): HistoryFile | undefined {
  const tab = line.indexOf('\t');
  if (tab < 0) return undefined;
  const status = line.slice(0, tab).split(' ').pop()?.[0];
  const paths = line.slice(tab + 1).split('\t').map(unquote);
  if (status === 'R' || status === 'C') return paths.length === 2 ? { status, from: paths[0]!, path: paths[1]! } : undefined;
  if (status === 'A' || status === 'D' || status === 'M' || status === 'T') return { status, path: paths[0]! };
  return undefined;
}

/** The path of a `--- a/x` / `+++ b/x` line (`/dev/null` gives none); git ends a name holding a space with a tab. */
function patchPath(rest: string): string | undefined {
  const name = unquote(rest.replace(/\t$/, ''));
  if (name === '/dev/null') return undefined;
  return /^[ab]\//.test(name) ? name.slice(2) : name;
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as git prints it: as is, or between double quotes with C escapes (`\t`, `\"`, `\\`,
 * octal bytes `\303\251`) when it holds characters that need them. The bytes are read as UTF-8;
 * a name that is not UTF-8 keeps replacement characters (it cannot name a SPEC ID anyway).
 */
export function unquote(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s;
  const parts: Buffer[] = [];
  const body = s.slice(1, -1);
  let i = 0;
  while (i < body.length) {
    const slash = body.indexOf('\\', i);
    if (slash !== i) {
      parts.push(Buffer.from(body.slice(i, slash < 0 ? body.length : slash), 'utf8'));
      if (slash < 0) break;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(slash + 1, slash + 4));
    if (octal) {
      parts.push(Buffer.of(parseInt(octal[0], 8) & 0xff));
      i = slash + 4;
    } else {
      const next = body[slash + 1] ?? '';
      parts.push(Buffer.of(ESCAPES[next] ?? next.charCodeAt(0) & 0xff));
      i = slash + 2;
    }
  }
  return Buffer.concat(parts).toString('utf8');
}

/** What git history says about the unknown IDs of some diagnostics, or a note on why it says nothing. */
export interface IdHistories {
  /** By `historyKey`. */
  readonly histories: ReadonlyMap<string, IdHistory>;
  /** One line for the user when history was not read whole (or not at all), and why. */
  readonly note?: string;
  readonly millis: number;
}

/**
 * Classifies the unknown SPEC/REQ/AC IDs the diagnostics name from one `git log` of the SPEC
 * folders (with the declarations' lines only when a REQ/AC ID is among them). Without git, outside
 * a repository or in a shallow clone the answer is empty, with a note saying why.
 */
export async function explainUnknownIds(root: string, specGlobs: readonly string[], diagnostics: readonly Pick<Diagnostic, 'code' | 'target'>[]): Promise<IdHistories> {
  const started = Date.now();
  const ids = unknownIds(diagnostics);
  if (ids.length === 0) return { histories: new Map(), millis: 0 };
  const history = await readSpecHistory(root, { specGlobs, withLines: ids.some((i) => i.kind === 'REQ') });
  const unknown = `${ids.length} unknown ID${ids.length === 1 ? '' : 's'}`;
  if ('unavailable' in history) return { histories: new Map(), note: `no git history for the ${unknown}: ${history.unavailable}`, millis: Date.now() - started };
  const histories = classifyIds(ids, history);
  return {
    histories,
    ...(history.cut ? { note: `the git history of the SPEC folders is longer than SpecChain reads: the ${unknown} found in none of its last ${history.commits.length} commits are not said never to have existed` } : {}),
    millis: Date.now() - started,
  };
}
