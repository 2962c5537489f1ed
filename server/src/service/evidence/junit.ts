import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXml, xmlProblem, wellFormedEnough } from './resultTypes';
import { clipMessage, type Outcome, type ResultFormat, type TestCaseResult } from './resultTypes';

type Xml = Record<string, unknown>;

const LISTS = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped', 'property', 'flakyFailure', 'flakyError']);

/**
 * fast-xml-parser never fetches an external entity (it refuses a `SYSTEM` one) and does not
 * expand an entity defined through others (billion laughs stay `&lol9;`); the bounds keep a
 * flat entity table small all the same.
 */
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  // Entities are decoded by `decodeXml` (the five predefined ones and character references): a
  // DOCTYPE's own entities are never expanded, so no entity trick (billion laughs) does anything.
  processEntities: false,
  isArray: (name) => LISTS.has(name),
});

const asList = (v: unknown): Xml[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => (typeof x === 'object' && x !== null ? (x as Xml) : { '#text': x }));
const attr = (el: Xml, name: string): string | undefined => {
  const v = el[name];
  return typeof v === 'string' ? decodeXml(v) : typeof v === 'number' ? String(v) : undefined;
};
const text = (el: Xml): string | undefined => {
  const v = el['#text'];
  return typeof v === 'string' ? decodeXml(v) : undefined;
};

/**
 * JUnit XML as the common runners write it: a `testsuites` root (or one `testsuite`), suites
 * holding `testcase` elements, nested suites walked too. A case with a `failure` failed, with an
 * `error` errored, with `skipped` was skipped; cargo-nextest's `flakyFailure` (a retry passed)
 * and `rerunFailure` (an earlier attempt) leave the final outcome to the case's own elements.
 */
export function readJUnit(source: string): { format: ResultFormat; cases: TestCaseResult[] } | { problem: string } {
  // The validator costs as much as the parse: it runs only on a file that looks cut off or broken.
  if (!wellFormedEnough(source)) {
    const valid = XMLValidator.validate(source);
    if (valid !== true) return { problem: xmlProblem(valid.err) };
  }
  const doc = PARSER.parse(source) as Xml;
  const rootName = 'testsuites' in doc ? 'testsuites' : 'testsuite';
  const roots = asList(doc[rootName]);
  const root = roots[0] ?? {};
  const suites = rootName === 'testsuites' ? asList(root.testsuite) : roots;
  const cases: TestCaseResult[] = [];
  const visit = (suite: Xml, depth: number): void => {
    const suiteName = attr(suite, 'name');
    for (const tc of asList(suite.testcase)) cases.push(testCase(tc, suiteName, attr(suite, 'file')));
    if (depth < 8) for (const inner of asList(suite.testsuite)) visit(inner, depth + 1);
  };
  for (const suite of suites) visit(suite, 0);
  if (rootName === 'testsuites') for (const tc of asList(root.testcase)) cases.push(testCase(tc, undefined, undefined));
  return { format: dialect(rootName === 'testsuites' ? attr(root, 'name') : undefined, suites), cases };
}

function testCase(tc: Xml, suite: string | undefined, suiteFile: string | undefined): TestCaseResult {
  const failure = asList(tc.failure)[0];
  const error = asList(tc.error)[0];
  const skipped = asList(tc.skipped)[0];
  const outcome: Outcome = failure ? 'failed' : error ? 'error' : skipped ? 'skipped' : 'passed';
  const cause = failure ?? error ?? skipped;
  const message = cause ? clipMessage(attr(cause, 'message') || text(cause)) : undefined;
  const classname = attr(tc, 'classname');
  const file = attr(tc, 'file') ?? suiteFile;
  return {
    name: attr(tc, 'name') ?? '',
    ...(classname ? { classname } : {}),
    ...(suite ? { suite } : {}),
    ...(file ? { file } : {}),
    outcome,
    ...(message !== undefined ? { message } : {}),
  };
}

/**
 * Which runner wrote the file, by the marks each leaves: the root's name (`pytest tests`,
 * `vitest tests`, `jest tests`, `nextest-run`), pytest's suite `pytest`, Surefire's schema, a
 * Go version property, or Java-shaped class names.
 */
function dialect(rootName: string | undefined, suites: readonly Xml[]): ResultFormat {
  if (rootName === 'vitest tests') return 'vitest';
  if (rootName === 'jest tests') return 'jest';
  if (rootName === 'nextest-run') return 'nextest';
  const first = suites[0];
  if (rootName === 'pytest tests' || (first && attr(first, 'name') === 'pytest')) return 'pytest';
  if (!first) return 'junit';
  if ((attr(first, 'xsi:noNamespaceSchemaLocation') ?? '').includes('surefire')) return 'java';
  for (const prop of asList((asList(first.properties)[0] ?? {}).property)) if (attr(prop, 'name') === 'go.version') return 'go';
  const name = attr(first, 'name') ?? '';
  const classname = attr(asList(first.testcase)[0] ?? {}, 'classname') ?? '';
  if (/^(?:[a-z_][\w]*\.)+[A-Z][\w$]*$/.test(classname) && (name === classname || name === classname.replace(/\$.*/, '') || name === classname.replace(/^.*\./, ''))) return 'java';
  return 'junit';
}
