/** How one test case ended. `error` is JUnit's (a crash outside an assertion); it counts as failing. */
export type Outcome = 'passed' | 'failed' | 'error' | 'skipped';

/**
 * The tool that wrote a result file, as far as its shape tells: it decides how a case's names
 * lead to a test in the code (pytest's dotted module path, Vitest's file path, a Java class, a
 * Go package, a Rust binary and module path, a .NET class).
 */
export type ResultFormat = 'pytest' | 'vitest' | 'jest' | 'java' | 'go' | 'nextest' | 'junit' | 'trx';

/** One test case of a result file, names as the tool wrote them. */
export interface TestCaseResult {
  /** `test_x[case]`, `login > AC-001: accepts`, `amounts(int)[1]`, `TestX/sub`, `a::tests::b`. */
  readonly name: string;
  /** JUnit's `classname` (a dotted module path, a Java class, a file path, a binary ID). */
  readonly classname?: string;
  /** The enclosing `testsuite`'s name (a file path for Vitest, a package for Go). */
  readonly suite?: string;
  /** A `file` attribute, when the tool writes one (pytest's xunit1, jest-junit with `addFileAttribute`). */
  readonly file?: string;
  readonly outcome: Outcome;
  /** What the failure, error or skip said: its message, else its first lines (bounded). */
  readonly message?: string;
}

/** A result file read: its cases, or the one reason it gave none. */
export interface ResultFile {
  /** As given (workspace-relative when inside it, else absolute). */
  readonly path: string;
  readonly format?: ResultFormat;
  readonly cases: readonly TestCaseResult[];
  /** Why the file gave no cases (malformed, too large, not a result file); one line. */
  readonly problem?: string;
  /** Modification time in milliseconds, for staleness. */
  readonly modifiedMs?: number;
}

/** Result files larger than this are not read: a message says so. */
export const MAX_RESULT_BYTES = 64 * 1024 * 1024;

/** How much of a failure message is kept. */
const MESSAGE_CHARS = 600;

/** A message trimmed and bounded: the first lines of a failure say what broke. */
export function clipMessage(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return undefined;
  return trimmed.length > MESSAGE_CHARS ? `${trimmed.slice(0, MESSAGE_CHARS - 1)}…` : trimmed;
}

/** Open elements named in a message about a cut-off file; the rest are counted. */
const MAX_OPEN_NAMED = 5;
/** The longest parser message quoted (it may quote a megabyte-long name). */
const MAX_PROBLEM_CHARS = 200;
const clipName = (name: string): string => (name.length > 60 ? `${name.slice(0, 59)}…` : name);

/** fast-xml-parser's validation error as one line: unclosed elements (a run cut off) said plainly. */
export function xmlProblem(err: { readonly line: number; readonly msg: string }): string {
  const unclosed = /^Invalid '\[([^\]]*)\]' found/.exec(err.msg);
  if (unclosed) {
    const open = [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${clipName(m[1]!)}>`);
    // Thousands of open elements are named by the first few and counted: the message stays one short line.
    const named = open.length > MAX_OPEN_NAMED ? `${open.slice(0, MAX_OPEN_NAMED).join(', ')} and ${open.length - MAX_OPEN_NAMED} more` : open.join(', ');
    return `not well-formed XML: the file ends with ${named} still open (a run cut off?)`;
  }
  const msg = err.msg.length > MAX_PROBLEM_CHARS ? `${err.msg.slice(0, MAX_PROBLEM_CHARS - 1)}…` : err.msg;
  return `not well-formed XML at line ${err.line}: ${msg}`;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five predefined entities and character references decoded; any other `&name;` is left as written. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g, (all, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED[named]!;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** True when a document ends as a complete one does (its last tag closes an element): then the parser alone reads it. */
export function wellFormedEnough(source: string): boolean {
  const tail = source.slice(-200).trimEnd();
  return /<\/[A-Za-z_][\w.:-]*\s*>$|\/>$/.test(tail) && !source.includes('<!DOCTYPE');
}
