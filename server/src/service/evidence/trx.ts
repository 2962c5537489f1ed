import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXml, xmlProblem, wellFormedEnough } from './resultTypes';
import { clipMessage, type Outcome, type ResultFormat, type TestCaseResult } from './resultTypes';

type Xml = Record<string, unknown>;

const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  // Entities are decoded by `decodeXml` (the five predefined ones and character references): a
  // DOCTYPE's own entities are never expanded, so no entity trick (billion laughs) does anything.
  processEntities: false,
  isArray: (name) => name === 'UnitTestResult' || name === 'UnitTest',
});

const list = (v: unknown): Xml[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is Xml => typeof x === 'object' && x !== null);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? decodeXml(v) : typeof v === 'number' ? String(v) : undefined);
const child = (el: Xml | undefined, name: string): Xml | undefined => list(el?.[name])[0];

/** TRX outcomes; `NotExecuted`, `Inconclusive` and the like count as skipped. */
function outcomeOf(value: string | undefined): Outcome {
  switch (value) {
    case 'Passed':
    case 'PassedButRunAborted':
      return 'passed';
    case 'Failed':
      return 'failed';
    case 'Error':
    case 'Timeout':
    case 'Aborted':
      return 'error';
    default:
      return 'skipped';
  }
}

/**
 * A Visual Studio test results file (`dotnet test --logger trx`): each `UnitTestResult` joined
 * through its `testId` to the `UnitTest` definition whose `TestMethod` names the class. The
 * class is the case's classname, the method (or the data row's display name) its name.
 */
export function readTrx(source: string): { format: ResultFormat; cases: TestCaseResult[] } | { problem: string } {
  // The validator costs as much as the parse: it runs only on a file that looks cut off or broken.
  if (!wellFormedEnough(source)) {
    const valid = XMLValidator.validate(source);
    if (valid !== true) return { problem: xmlProblem(valid.err) };
  }
  const run = (PARSER.parse(source) as Xml).TestRun as Xml | undefined;
  const classes = new Map<string, string>();
  for (const def of list(child(run, 'TestDefinitions')?.UnitTest)) {
    const id = str(def.id);
    const className = str(child(def, 'TestMethod')?.className);
    if (id !== undefined && className !== undefined) classes.set(id, className.replace(/,.*$/, ''));
  }
  const cases: TestCaseResult[] = [];
  for (const result of list(child(run, 'Results')?.UnitTestResult)) {
    const outcome = outcomeOf(str(result.outcome));
    const info = child(child(result, 'Output'), 'ErrorInfo');
    const message = outcome === 'passed' ? undefined : clipMessage(str(info?.Message) ?? str((info?.Message as Xml | undefined)?.['#text']));
    const classname = classes.get(str(result.testId) ?? '');
    cases.push({ name: str(result.testName) ?? '', ...(classname ? { classname } : {}), outcome, ...(message !== undefined ? { message } : {}) });
  }
  return { format: 'trx', cases };
}
