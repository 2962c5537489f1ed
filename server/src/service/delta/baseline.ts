import * as z from 'zod/mini';
import type { Severity } from '../types';
import type { Fingerprinted } from './compare';
import { FINGERPRINT_VERSION, subjectOf } from './fingerprint';

/**
 * A baseline: the findings a repository had when it adopted SpecChain, recorded by fingerprint so
 * that a check reports only the ones that came after. The file is meant to be committed and read
 * in review: one finding a line-group, in a fixed order (file, line, code, fingerprint), with the
 * context a person needs (code, severity, line, what it is about, message), and a version field.
 */
export const BASELINE_VERSION = 1;

/** One recorded finding (in a baseline, or fixed by a change). */
export interface FindingRecord {
  readonly fingerprint: string;
  readonly code: string;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based, when recorded: for people, never for matching. */
  readonly line: number;
  /** The ID or path it is about, or its message without line numbers. */
  readonly subject: string;
  readonly message: string;
}

/** REQs referenced by code or tests, of those declared. */
export interface Coverage {
  readonly reqs: number;
  readonly covered: number;
}

export interface Baseline {
  readonly tool: 'specchain';
  readonly version: number;
  readonly fingerprintVersion: number;
  readonly coverage?: Coverage;
  readonly findings: readonly FindingRecord[];
}

const count = z.int().check(z.minimum(0));
const SCHEMA = z.object({
  tool: z.literal('specchain'),
  version: z.literal(BASELINE_VERSION),
  fingerprintVersion: z.int(),
  coverage: z.optional(z.object({ reqs: count, covered: count })),
  findings: z.array(
    z.object({
      fingerprint: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
      code: z.string().check(z.maxLength(100)),
      severity: z.enum(['error', 'warning', 'info', 'hint']),
      file: z.string().check(z.maxLength(4096)),
      line: count,
      subject: z.string(),
      message: z.string(),
    }),
  ),
});

/** A finding as a record, for a baseline or a list of fixed findings. */
export function findingRecord({ diagnostic: d, fingerprint }: Fingerprinted): FindingRecord {
  return { fingerprint, code: d.code, severity: d.severity, file: d.path, line: d.range.start.line + 1, subject: subjectOf(d), message: d.message };
}

/** The baseline file's text for today's findings: deterministic for the same findings, ending in a newline. */
export function formatBaseline(findings: readonly Fingerprinted[], coverage?: Coverage): string {
  const records = findings.map(findingRecord);
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)));
  const baseline: Baseline = { tool: 'specchain', version: BASELINE_VERSION, fingerprintVersion: FINGERPRINT_VERSION, ...(coverage ? { coverage } : {}), findings: records };
  return JSON.stringify(baseline, null, 2) + '\n';
}

/**
 * Reads a baseline file's text; a malformed one is refused with what is wrong, in one line
 * (`findings[3].fingerprint: …`), never half read. A baseline written with other fingerprints
 * (another `fingerprintVersion`) is refused too: nothing in it would match.
 */
export function parseBaseline(text: string): Baseline | { readonly problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `not valid JSON (${(e as Error).message})` };
  }
  const parsed = SCHEMA.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const hint = issue.path[0] === 'version' || issue.path[0] === 'tool' ? ` (a SpecChain baseline has "tool": "specchain" and "version": ${BASELINE_VERSION})` : '';
    return { problem: `${where || 'the file'}: ${expectation(issue)}${hint}` };
  }
  if (parsed.data.fingerprintVersion !== FINGERPRINT_VERSION) {
    return { problem: `its fingerprints are of version ${parsed.data.fingerprintVersion}, this SpecChain writes version ${FINGERPRINT_VERSION}: write the baseline again with --write-baseline` };
  }
  return parsed.data as Baseline;
}

/** What a schema issue expected, in words (zod/mini carries no messages of its own). */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'a whole number' : `a${/^[aeiou]/.test(issue.expected) ? 'n' : ''} ${issue.expected}`}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return 'not in the expected form (a fingerprint is 16 hexadecimal digits)';
    case 'too_small':
    case 'too_big':
      return 'out of range';
    default:
      return 'not what a baseline holds';
  }
}
