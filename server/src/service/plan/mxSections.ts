import type { Endpoint } from './endpoints';
import type { MxPlanItem, MxPlanRef, PlanFacts } from './facts';
import { code, table } from './markdownText';
import { KIND_LABEL, endpointHandler, endpointsSection as tagEndpointsSection, layoutPlace } from './planSections';
import { earsKind, requirementCell } from './requirements';
import { append } from '../text';

/*
 * The sections of a plan that differ for a SPEC of the `@MX` dialect (mx-model.md): endpoints
 * and rules cite their REQ IDs, the acceptance criteria are the test plan, and traceability is
 * the `@MX` lines to write rather than `@TYPE:ID` tags.
 */

function declared(facts: PlanFacts, kind: 'REQ' | 'AC'): MxPlanItem[] {
  return (facts.input.mx?.declared ?? []).filter((d) => d.kind === kind).map((d) => (d.kind === 'REQ' ? { ...d, text: requirementCell(d.text) } : d));
}

function references(facts: PlanFacts): readonly MxPlanRef[] {
  return facts.input.mx?.references ?? [];
}

/** `spec.md:12`, or the whole path for a file outside the SPEC's folder. */
function declaredAt(facts: PlanFacts, item: MxPlanItem): string {
  const folder = facts.input.specPath.slice(0, facts.input.specPath.lastIndexOf('/') + 1);
  return code(`${item.path.startsWith(folder) ? item.path.slice(folder.length) : item.path}:${item.line}`);
}

/**
 * The REQ an endpoint comes from: the one whose text names it (`POST /api/orders`), else the
 * nearest REQ declared above it in the SPEC document.
 */
export function reqOfEndpoint(facts: PlanFacts, endpoint: Endpoint): string | undefined {
  const reqs = declared(facts, 'REQ');
  const naming = reqs.find((r) => r.text.includes(`${endpoint.method} ${endpoint.path}`));
  if (naming) return naming.id;
  let above: MxPlanItem | undefined;
  for (const r of reqs) if (r.path === facts.input.specPath && r.line <= endpoint.line && (!above || r.line > above.line)) above = r;
  return above?.id;
}

export function endpointsSection(facts: PlanFacts): string[] {
  if (facts.endpoints.length === 0) return tagEndpointsSection(facts);
  const rows = facts.endpoints.map((e) => {
    const req = reqOfEndpoint(facts, e);
    return [code(e.method), code(e.path), req ? code(req) : '—', String(e.line), endpointHandler(facts, e)];
  });
  return [
    'Endpoints from the SPEC',
    ...table(['Method', 'Path', 'REQ', 'SPEC line', 'Handler'], rows),
    '',
    `Each handler is a public entry point: it carries ${code('@MX:ANCHOR')} with ${code('@MX:REASON')}, and ${code(`@MX:SPEC: SPEC-${facts.id} <REQ>`)} under them (see "@MX annotations").`,
  ];
}

export function requirementsSection(facts: PlanFacts): string[] {
  const reqs = declared(facts, 'REQ');
  if (reqs.length === 0) {
    return [
      'Requirements',
      'The SPEC declares no requirement ID. Give each requirement one (`- REQ-<AREA>-001: The system SHALL …`)',
      'so that code, tests and acceptance criteria can cite it, and regenerate the plan.',
    ];
  }
  const acs = declared(facts, 'AC');
  const inCode = new Set(references(facts).filter((r) => !r.test).map((r) => r.id));
  return [
    'Requirements',
    ...table(
      ['REQ', 'Pattern', 'Requirement', 'Declared', 'ACs', 'In code'],
      reqs.map((r) => {
        const mapping = acs.filter((a) => a.maps.includes(r.id)).map((a) => a.id);
        return [code(r.id), KIND_LABEL[earsKind(r.text)], r.text, declaredAt(facts, r), mapping.join(', ') || '—', inCode.has(r.id) ? 'yes' : 'no'];
      }),
    ),
  ];
}

/** The acceptance criteria as the test plan: what each checks, the REQs it maps, the tests that cite it. */
export function acceptanceTestPlan(facts: PlanFacts): string[] {
  const acs = declared(facts, 'AC');
  if (acs.length === 0) {
    return [
      'Test plan: acceptance criteria',
      'The SPEC declares no acceptance criterion. Write them in `acceptance.md`, one or more per REQ',
      '(`- AC-<AREA>-001: Given …, When …, Then … (maps REQ-<AREA>-001)`), and regenerate the plan.',
    ];
  }
  const tests = new Map<string, string[]>();
  for (const r of references(facts)) {
    if (!r.test) continue;
    const list = tests.get(r.id);
    if (list) list.push(`${r.path}:${r.line}`);
    else tests.set(r.id, [`${r.path}:${r.line}`]);
  }
  const mapped = new Set(acs.flatMap((a) => a.maps));
  const unmapped = declared(facts, 'REQ').filter((r) => !mapped.has(r.id));
  const lines = [
    'Test plan: acceptance criteria',
    'Each acceptance criterion is at least one test; the test names the criterion on its `@MX:TEST` line.',
    '',
    ...table(
      ['AC', 'Maps', 'Criterion', 'Declared', 'Tests'],
      acs.map((a) => [code(a.id), a.maps.join(', ') || '—', a.text, declaredAt(facts, a), (tests.get(a.id) ?? []).map(code).join(', ') || 'none yet']),
    ),
  ];
  if (unmapped.length > 0) lines.push('', `No acceptance criterion maps ${unmapped.map((r) => code(r.id)).join(', ')}: add one before implementing it.`);
  return lines;
}

/** The comment leader of the service's language. */
function commentLeader(facts: PlanFacts): string {
  const language = facts.service?.language ?? facts.input.statedStack?.language ?? '';
  return /^(python|ruby|elixir|shell|bash|perl|r)$/i.test(language.trim()) ? '#' : '//';
}

/** Traceability in the `@MX` dialect: the links code holds, and the `@MX` lines still to write. */
export function mxAnnotations(facts: PlanFacts): string[] {
  const spec = `SPEC-${facts.id}`;
  const refs = [...references(facts)].sort((a, b) => a.id.localeCompare(b.id) || a.path.localeCompare(b.path) || a.line - b.line);
  const lines = [
    '@MX annotations',
    `The SPEC is ${code(spec)} in ${code(facts.input.specPath)}. Code links to it with an ${code(`@MX:SPEC: ${spec} REQ-…`)} line under a standalone ${code('@MX')} tag; tests with ${code(`@MX:TEST: ${spec} AC-…`)}.`,
    '',
    '### In the code',
    '',
  ];
  if (refs.length > 0) {
    append(lines, table(['ID', 'Location', 'Reference'], refs.map((r) => [code(r.id === facts.id ? spec : r.id), code(`${r.path}:${r.line}`), r.test ? 'test' : 'code'])));
  } else {
    lines.push(`No ${code('@MX:SPEC')} or ${code('@MX:TEST')} line names this SPEC yet.`);
  }
  const referenced = new Set(refs.filter((r) => !r.test).map((r) => r.id));
  const tested = new Set(refs.filter((r) => r.test).map((r) => r.id));
  const reqs = declared(facts, 'REQ').filter((r) => !referenced.has(r.id));
  const acs = declared(facts, 'AC').filter((a) => !tested.has(a.id));
  lines.push('', '### Still to write', '');
  if (reqs.length === 0 && acs.length === 0) {
    lines.push(declared(facts, 'REQ').length === 0 ? 'Nothing to link until the SPEC declares REQ IDs.' : 'Nothing: code references every REQ and tests every AC.');
    return lines;
  }
  const c = commentLeader(facts);
  const withEndpoint = new Set(facts.endpoints.map((e) => reqOfEndpoint(facts, e)));
  if (reqs.length > 0) {
    lines.push(
      'At the public entry point of each requirement no code references yet:',
      '',
      ...table(['REQ', 'Where', 'Requirement'], reqs.map((r) => [code(r.id), layoutPlace(facts, withEndpoint.has(r.id) ? 'API' : 'SERVICE'), r.text])),
      '',
      '```',
      ...reqs.flatMap((r, i) => [
        ...(i > 0 ? [''] : []),
        `${c} @MX:ANCHOR: entry point of ${r.id}`,
        `${c} @MX:REASON: public contract of ${spec}; callers and tests depend on it`,
        `${c} @MX:SPEC: ${spec} ${r.id}`,
      ]),
      '```',
    );
  }
  if (acs.length > 0) {
    lines.push(
      ...(reqs.length > 0 ? [''] : []),
      `In the tests (${layoutPlace(facts, 'TEST')}), one per acceptance criterion no test names yet:`,
      '',
      '```',
      ...acs.flatMap((a, i) => [...(i > 0 ? [''] : []), `${c} @MX:NOTE: acceptance test of ${a.id}`, `${c} @MX:TEST: ${spec} ${a.id}`]),
      '```',
    );
  }
  return lines;
}
