/**
 * What a coding agent asks of the index (the MCP server's tools): a SPEC with its REQs and ACs,
 * where an ID is referenced and by what, which REQs have no code or no test. Plain JSON-ready
 * objects, 1-based lines, workspace-relative `/` paths, as the CLI's JSON gives them.
 */
import type { EvidenceReport } from '../evidence/states';
import { evidenceJson, type JsonEvidence } from '../evidence/summary';
import { declarationsOf, referencesTo } from '../features/dialects';
import type { Subject } from '../features/refs';
import type { Location } from '../features/types';
import type { WorkspaceIndex } from '../index';
import { reqCoverage } from '../mx/coverage';
import { isTestFile } from '../mx/testFiles';
import { plainRequirement } from '../reqText';
import { bareSpecId } from '../tags';

/** A place in an answer: file relative to the root, 1-based line and column. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A question the index cannot answer as asked; the message says why and what exists. */
export class AnswerError extends Error {}

const place = (l: Location): Place => ({ file: l.path, line: l.range.start.line + 1, column: l.range.start.character + 1 });
const placeOf = (link: { readonly path: string; readonly ref: { readonly range: Location['range'] } }): Place => place({ path: link.path, range: link.ref.range });

/** The kind of an ID as written: `REQ-…`, `AC-…`, else a SPEC ID (with or without `SPEC-`). */
function kindOf(id: string): 'SPEC' | 'REQ' | 'AC' {
  if (/^REQ-/i.test(id)) return 'REQ';
  if (/^AC-/i.test(id)) return 'AC';
  return 'SPEC';
}

/** The SPEC's bare ID as the index knows it, or an error naming the closest one. */
function knownSpec(index: WorkspaceIndex, id: string, closest: (id: string) => string | undefined): string {
  const bare = bareSpecId(id.trim());
  const resolved = index.specsWithId(bare).length > 0 ? bare : index.resolveSpecId(bare);
  if (resolved !== undefined && index.specsWithId(resolved).length > 0) return resolved;
  const suggestion = closest(bare);
  throw new AnswerError(`no SPEC has the ID ${bare}${suggestion ? `; did you mean SPEC-${suggestion}?` : ''} (${index.specs().length} SPECs in the workspace)`);
}

/** Where a location stands: a SPEC document or other markdown (`doc`), a test file, or code. */
function roleOf(index: WorkspaceIndex, path: string): 'doc' | 'test' | 'code' {
  const facts = index.facts(path);
  if (facts?.spec || facts?.reqs || /\.(?:md|mdx|markdown|rst|txt|adoc)$/i.test(path)) return 'doc';
  if (facts?.tests || isTestFile(path)) return 'test';
  return 'code';
}

/** Every place an ID is declared and referenced, references grouped by role. */
export interface WhereAnswer {
  readonly id: string;
  readonly kind: 'SPEC' | 'REQ' | 'AC';
  /** The SPECs the ID was looked up in. */
  readonly specs: readonly string[];
  readonly declarations: readonly Place[];
  readonly code: readonly Place[];
  readonly tests: readonly Place[];
  readonly docs: readonly Place[];
}

/**
 * Where a SPEC, REQ or AC ID is declared and referenced (code, tests, docs). A REQ/AC ID is
 * looked up in `spec` when given, else in every SPEC declaring it.
 */
export function whereIs(index: WorkspaceIndex, id: string, spec: string | undefined, closest: (id: string) => string | undefined): WhereAnswer {
  const kind = kindOf(id.trim());
  let subjects: Subject[];
  if (kind === 'SPEC') {
    const specId = knownSpec(index, id, closest);
    subjects = [{ kind, specId, id: specId }];
  } else {
    const want = id.trim().toUpperCase();
    const specs = spec !== undefined ? [knownSpec(index, spec, closest)] : index.specsDeclaring(want).length > 0 ? [...index.specsDeclaring(want)] : [...index.specsDeclaring(id.trim())];
    const declaring = specs.filter((s) => index.declares(s, want) || index.declares(s, id.trim()));
    if (declaring.length === 0) throw new AnswerError(`${id.trim()} is declared in ${spec !== undefined ? `SPEC-${specs[0]}` : 'no SPEC of the workspace'}`);
    subjects = declaring.map((specId) => ({ kind, specId, id: index.declares(specId, want) ? want : id.trim() }));
  }
  const declarations = subjects.flatMap((s) => declarationsOf(index, s));
  const seen = new Set<string>();
  const out = { code: [] as Place[], tests: [] as Place[], docs: [] as Place[] };
  for (const s of subjects) {
    for (const l of referencesTo(index, s)) {
      const key = `${l.path}:${l.range.start.line}:${l.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const role = roleOf(index, l.path);
      (role === 'doc' ? out.docs : role === 'test' ? out.tests : out.code).push(place(l));
    }
  }
  return { id: subjects[0]!.id, kind, specs: subjects.map((s) => s.specId), declarations: declarations.map(place), ...out };
}

/** One REQ of a SPEC with its text and what covers it. */
export interface ReqAnswer {
  readonly id: string;
  readonly line: number;
  readonly text: string;
  readonly code: readonly Place[];
  readonly tests: readonly Place[];
  /** The ACs that map it. */
  readonly acs: readonly string[];
  readonly evidence?: JsonEvidence;
}

/** A SPEC as an agent reads it. */
export interface SpecAnswer {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly status: string;
  readonly version?: string;
  readonly reqs: readonly ReqAnswer[];
  readonly acs: readonly { readonly id: string; readonly file: string; readonly line: number; readonly text: string; readonly maps: readonly string[]; readonly evidence?: JsonEvidence }[];
  /** REQs declared, with code, with tests, mapped by an AC. */
  readonly coverage: { readonly reqs: number; readonly withCode: number; readonly withTests: number; readonly withAcs: number };
  /** `@TAG` markers that belong to the SPEC, by type (the tag dialect's chain). */
  readonly markers: Readonly<Record<string, number>>;
  readonly evidence?: JsonEvidence;
}

/** A SPEC by ID: title, status, its REQs and ACs with their text, coverage, and evidence when test results are read. */
export function specAnswer(index: WorkspaceIndex, id: string, evidence: EvidenceReport | undefined, closest: (id: string) => string | undefined): SpecAnswer {
  const specId = knownSpec(index, id, closest);
  const entry = index.specsWithId(specId)[0]!;
  const reqs = reqCoverage(index, specId).map((c) => ({
    id: c.entry.decl.id,
    line: c.entry.decl.range.start.line + 1,
    text: plainRequirement(c.entry.decl.text),
    code: c.refs.map(placeOf),
    tests: c.testRefs.map(placeOf),
    acs: c.acs.map((a) => a.decl.id),
    ...(evidence ? { evidence: evidenceJson(evidence.item(specId, c.entry.decl.id)) } : {}),
  }));
  const seen = new Set<string>();
  const acs = index
    .reqsOf(specId)
    .filter((r) => r.decl.kind === 'AC' && !seen.has(r.decl.id) && seen.add(r.decl.id))
    .map((r) => ({
      id: r.decl.id,
      file: r.path,
      line: r.decl.range.start.line + 1,
      text: plainRequirement(r.decl.text),
      maps: r.decl.maps.map((m) => m.id),
      ...(evidence ? { evidence: evidenceJson(evidence.item(specId, r.decl.id)) } : {}),
    }));
  const markers: Record<string, number> = {};
  for (const [type, count] of index.claimTypes(specId)) markers[type] = count;
  return {
    id: specId,
    file: entry.path,
    title: entry.doc.title ?? '',
    status: entry.doc.status ?? '',
    ...(entry.doc.version !== undefined ? { version: entry.doc.version } : {}),
    reqs,
    acs,
    coverage: { reqs: reqs.length, withCode: reqs.filter((r) => r.code.length > 0).length, withTests: reqs.filter((r) => r.tests.length > 0).length, withAcs: reqs.filter((r) => r.acs.length > 0).length },
    markers,
    ...(evidence ? { evidence: evidenceJson(evidence.spec(specId)) } : {}),
  };
}

/** The REQs of one SPEC that nothing covers yet. */
export interface UncoveredAnswer {
  readonly spec: string;
  readonly file: string;
  /** REQs no code outside tests references. */
  readonly noCode: readonly { readonly id: string; readonly line: number; readonly text: string }[];
  /** REQs no test references. */
  readonly noTest: readonly { readonly id: string; readonly line: number; readonly text: string }[];
  /** ACs no test names. */
  readonly acsNoTest: readonly string[];
}

/** The REQs (and ACs) of one SPEC, or of every SPEC, with no code or no test; SPECs with none left out. */
export function uncovered(index: WorkspaceIndex, spec: string | undefined, closest: (id: string) => string | undefined): UncoveredAnswer[] {
  const ids = spec !== undefined ? [knownSpec(index, spec, closest)] : [...new Set(index.specs().map((s) => s.id))].sort();
  const out: UncoveredAnswer[] = [];
  for (const specId of ids) {
    const reqs = reqCoverage(index, specId);
    const brief = (c: (typeof reqs)[number]) => ({ id: c.entry.decl.id, line: c.entry.decl.range.start.line + 1, text: plainRequirement(c.entry.decl.text) });
    const tested = new Set(index.mxRefsTo(specId).filter((l) => l.test && l.ref.kind === 'AC').map((l) => l.ref.id));
    const seen = new Set<string>();
    const acsNoTest = index
      .reqsOf(specId)
      .filter((r) => r.decl.kind === 'AC' && !seen.has(r.decl.id) && seen.add(r.decl.id) && !tested.has(r.decl.id))
      .map((r) => r.decl.id);
    const answer = { spec: specId, file: index.specsWithId(specId)[0]?.path ?? '', noCode: reqs.filter((c) => c.refs.length === 0).map(brief), noTest: reqs.filter((c) => c.testRefs.length === 0).map(brief), acsNoTest };
    if (spec !== undefined || answer.noCode.length + answer.noTest.length + answer.acsNoTest.length > 0) out.push(answer);
  }
  return out;
}
