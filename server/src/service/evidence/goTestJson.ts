import { clipMessage, type Outcome, type TestCaseResult } from './resultTypes';

/** What one test's events gathered: its last action and what it printed. */
interface Gathered {
  readonly pkg: string;
  readonly test: string;
  outcome: Outcome | undefined;
  output: string;
}

const OUTCOMES: Readonly<Record<string, Outcome>> = { pass: 'passed', fail: 'failed', skip: 'skipped' };
/** Output of one test kept for its message: enough for the first lines of a failure. */
const OUTPUT_CHARS = 4000;

/**
 * `go test -json` output (test2json): one JSON event per line, `{Action, Package, Test, Output}`.
 * A test's outcome is its `pass`/`fail`/`skip` event; its message is what it printed, without
 * the runner's own `=== RUN` and `--- FAIL` lines. Lines that are not events (a build error
 * printed as text) are passed over; a file with no event at all is not this format.
 */
export function readGoTestJson(source: string): { cases: TestCaseResult[] } | { problem: string } {
  const tests = new Map<string, Gathered>();
  let events = 0;
  for (const line of source.split('\n')) {
    if (!line.startsWith('{')) continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof event !== 'object' || event === null) continue;
    const { Action: action, Package: pkg, Test: test, Output: output } = event as Record<string, unknown>;
    if (typeof action !== 'string') continue;
    events++;
    if (typeof pkg !== 'string' || typeof test !== 'string' || test === '') continue;
    const key = `${pkg}\0${test}`;
    let t = tests.get(key);
    if (!t) tests.set(key, (t = { pkg, test, outcome: undefined, output: '' }));
    if (action in OUTCOMES) t.outcome = OUTCOMES[action];
    else if (action === 'output' && typeof output === 'string' && t.output.length < OUTPUT_CHARS && !/^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)|--- (?:PASS|FAIL|SKIP):)/.test(output)) t.output += output;
  }
  if (events === 0) return { problem: 'not go test -json output: no line is a test event' };
  const cases: TestCaseResult[] = [];
  for (const t of tests.values()) {
    if (t.outcome === undefined) continue;
    const message = t.outcome === 'passed' ? undefined : clipMessage(t.output.replace(/^ {4}/gm, ''));
    cases.push({ name: t.test, suite: t.pkg, outcome: t.outcome, ...(message !== undefined ? { message } : {}) });
  }
  return { cases };
}
