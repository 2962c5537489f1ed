import { readGoTestJson } from './goTestJson';
import { readJUnit } from './junit';
import { readTrx } from './trx';
import { MAX_RESULT_BYTES, type ResultFile, type ResultFormat, type TestCaseResult } from './resultTypes';

export type { Outcome, ResultFile, ResultFormat, TestCaseResult } from './resultTypes';

/**
 * Reads one result file of any supported kind: JUnit XML (pytest, Vitest, jest-junit, Maven
 * Surefire, Gradle, go-junit-report, cargo-nextest, and the generic shape), `go test -json`
 * output, or a Visual Studio `.trx`. Never throws: a file that is malformed or of an unknown
 * kind comes back with no cases and a one-line `problem`.
 */
export function readResultFile(path: string, text: string, modifiedMs?: number): ResultFile {
  const base = { path, ...(modifiedMs !== undefined ? { modifiedMs } : {}) };
  if (text.length > MAX_RESULT_BYTES) return { ...base, cases: [], problem: `not read: ${Math.round(text.length / 1048576)} MB is over the ${MAX_RESULT_BYTES / 1048576} MB limit for a result file` };
  const start = /^\uFEFF?\s*/.exec(text)![0].length;
  const first = text[start];
  try {
    if (first === '<') {
      const read = readXmlResults(text);
      return 'problem' in read ? { ...base, cases: [], problem: read.problem } : { ...base, ...read };
    }
    if (first === '{') {
      const read = readGoTestJson(text);
      return 'problem' in read ? { ...base, cases: [], problem: read.problem } : { ...base, format: 'go', cases: read.cases };
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/external entit/i.test(message)) return { ...base, cases: [], problem: 'not read: it declares an external entity (<!ENTITY … SYSTEM …>), which SpecChain never fetches' };
    return { ...base, cases: [], problem: `could not be read: ${oneLine(message)}` };
  }
  if (first === undefined) return { ...base, cases: [], problem: 'the file is empty' };
  return { ...base, cases: [], problem: 'not a test result file SpecChain reads (JUnit XML, go test -json, .trx)' };
}

function readXmlResults(text: string): { format: ResultFormat; cases: TestCaseResult[] } | { problem: string } {
  const root = rootElement(text);
  if (root === 'testsuites' || root === 'testsuite') return readJUnit(text);
  if (root === 'TestRun') return readTrx(text);
  if (root === undefined) return { problem: 'not well-formed XML: no root element' };
  return { problem: `not a test result file SpecChain reads: its root element is <${root.slice(0, 40)}> (JUnit XML has <testsuites> or <testsuite>, .trx <TestRun>)` };
}

/** The name of the first element after the prolog, comments and doctype; undefined when there is none. */
function rootElement(text: string): string | undefined {
  // The internal subset `[…]` ends at its first `]`, so a DOCTYPE is matched one way only
  // (`[\s\S]*?` there let `<!DOCTYPE [][][]…` be split 2^n ways before failing).
  const re = /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|!DOCTYPE(?:[^[>]|\[[^\]]*\])*>|([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))/y;
  let at = 0;
  for (;;) {
    while (at < text.length && /[\s\uFEFF]/.test(text[at]!)) at++;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return undefined;
    if (m[2] !== undefined) return m[2];
    at = re.lastIndex;
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
