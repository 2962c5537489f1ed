import { append } from '../text';
import { sameLanguage, type FrameworkCandidate } from './chooseFramework';
import type { Endpoint } from './endpoints';
import type { ChainTag, PlanFacts } from './generate';
import { guidanceSections, listGuidance, type PlanTagType } from './guidance';
import { code, table } from './markdownText';
import type { EarsKind, Requirement } from './requirements';
import { ecosystemOf, manifestKind } from '../stack/manifests';
import { versionsAgree } from '../stack/versions';
import type { DetectedFramework } from '../types';

/** The coverage target every plan sets. */
export const COVERAGE_TARGET = 85;

const PLANNED_TYPES: readonly PlanTagType[] = ['API', 'SERVICE', 'DB', 'TEST'];
const TAG_PURPOSE: Readonly<Record<string, string>> = {
  API: 'handlers of the endpoints',
  SERVICE: 'business rules of the requirements',
  DB: 'models and migrations',
  TEST: 'tests of the requirements and endpoints',
  MIDDLEWARE: 'middleware the SPEC asks for',
};
const KIND_LABEL: Readonly<Record<EarsKind, string>> = {
  ubiquitous: 'Ubiquitous',
  event: 'Event-driven (WHEN)',
  state: 'State-driven (WHILE)',
  optional: 'Optional (WHERE)',
  unwanted: 'Unwanted behaviour (IF/THEN)',
};
const GENERIC_MIDDLEWARE: readonly string[] = [
  'Request ID and access logging',
  'Security headers',
  'CORS with an explicit list of origins',
  'Body parsing with a size limit',
  'Rate limiting',
  'Authentication',
  'Input validation',
  'Route handlers',
  'Error handler rendering the error format',
];
const PERFORMANCE_WORDS = /\b\d+(?:\.\d+)?\s*(?:ms|milliseconds?|seconds?|rps|req\/s|requests? per second|qps|tps)\b|\bp(?:50|90|95|99)\b|\blatency\b|\bthroughput\b|\bconcurrent\b/i;
const AUTH_MENTIONS: readonly (readonly [string, RegExp])[] = [
  ['JWT', /\bJWT\b|\bJSON Web Tokens?\b/i],
  ['OAuth 2.0', /\bOAuth\s*2?/i],
  ['OpenID Connect', /\bOIDC\b|\bOpenID\b/i],
  ['API keys', /\bAPI[- ]keys?\b/i],
  ['bearer tokens', /\bbearer\b/i],
  ['sessions / cookies', /\bsession cookies?\b|\bcookie sessions?\b/i],
  ['multi-factor authentication', /\bMFA\b|\b2FA\b|\bmulti-factor\b/i],
];

/** True when the SPEC's version cannot be the manifest's, judged as the `stack/version-mismatch` rule does. */
function versionsDiffer(stated: string, detected: DetectedFramework): boolean {
  const kind = manifestKind(detected.manifest);
  const ecosystem = kind === undefined ? undefined : ecosystemOf(kind);
  return ecosystem !== undefined && !versionsAgree(stated, detected.version, detected.resolved, ecosystem);
}

const tagOf = (type: string, id: string): string => `@${type}:${id}`;

function frameworkName(facts: PlanFacts): string {
  return facts.guidance?.displayName ?? 'the framework';
}

function requirementRef(requirement: Requirement, facts: PlanFacts): string {
  return requirement.id ?? `R${facts.requirements.indexOf(requirement) + 1}`;
}

function refs(requirements: readonly Requirement[], facts: PlanFacts): string {
  return requirements.map((r) => requirementRef(r, facts)).join(', ');
}

function endpointText(endpoint: Endpoint): string {
  return code(`${endpoint.method} ${endpoint.path}`);
}

function candidateText(c: FrameworkCandidate): string {
  const name = listGuidance().find((g) => g.name === c.framework.name)?.displayName ?? c.framework.name;
  const version = c.framework.version ? ` ${c.framework.version}` : '';
  return `${name}${version} in ${code(c.service.root)} (${code(c.framework.manifest)}, line ${c.framework.line})`;
}

export function header(facts: PlanFacts): string[] {
  const { input, id } = facts;
  const title = input.title ? `: ${input.title}` : '';
  const status = input.status ? ` (status: ${input.status})` : '';
  return [
    `# Backend architecture: SPEC-${id}${title}`,
    '',
    `> Plan for [SPEC-${id}](../../${input.specPath})${status}, written by SpecChain from the SPEC and this`,
    '> workspace\'s manifests. Library versions are the manifests\' own: verify latest stable before',
    `> upgrading. Regenerate with ${code(`specchain plan ${id}`)}; a plan edited by hand is only replaced with ${code('--force')}.`,
  ];
}

export function frameworkSection(facts: PlanFacts): string[] {
  const { choice, input } = facts;
  const stated = input.statedStack;
  if (choice.kind === 'undetermined') {
    const reason = {
      none: 'The SPEC states no framework (`stack.backend.framework`) and no manifest in this workspace declares a supported one.',
      unsupported: `The SPEC states ${code(`framework: ${stated?.framework ?? ''}`)}, which is not one of the frameworks SpecChain supports.`,
      ambiguous: 'The SPEC states no framework and this workspace uses several, so none can be assumed.',
    }[choice.reason];
    const lines = [
      'Framework and language',
      `**Framework: not determined.** ${reason} This plan does not invent a stack: choose one of the`,
      'supported frameworks below, state it in the SPEC\'s frontmatter and regenerate the plan.',
      '',
      '```yaml',
      'stack:',
      '  backend:',
      `    language: ${stated?.language ?? '<language>'}`,
      '    framework: <one of the values below>',
      '    version: "<the version in your manifest>"',
      `    database: ${stated?.database ?? '<database>'}`,
      '```',
      '',
      ...table(
        ['Framework', '`framework:` value', 'Language', 'Official site'],
        listGuidance().map((g) => [g.displayName, code(g.name), g.language, g.docs]),
      ),
    ];
    if (choice.candidates.length > 0) {
      lines.push('', 'Frameworks found in this workspace:', ...choice.candidates.map((c) => `- ${candidateText(c)}`));
    }
    return lines;
  }

  const g = choice.guidance;
  const detected = choice.candidate?.framework;
  const rows: string[][] = [
    ['Framework', `${g.displayName} ([official site](${g.docs}))`],
    ['Language', stated?.language ?? choice.candidate?.service.language ?? g.language],
    ['Chosen from', choice.source === 'spec' ? `the SPEC (${code(`stack.backend.framework: ${stated?.framework ?? g.name}`)})` : 'the workspace manifests (the SPEC states no framework)'],
  ];
  if (choice.candidate) {
    rows.push(['Service', `${code(choice.candidate.service.root)} (${choice.candidate.service.manifests.map(code).join(', ')})`]);
  }
  rows.push(['Version in the SPEC', stated?.version ? code(stated.version) : 'not stated']);
  if (detected) {
    const resolved = detected.resolved ? `, resolved ${code(detected.resolved)} by the lockfile` : '';
    rows.push(['Version in the manifest', `${detected.version ? code(detected.version) : 'no version'} (${code(detected.manifest)}, line ${detected.line}${resolved})`]);
  } else {
    rows.push(['Version in the manifest', 'no manifest declares it']);
  }
  const lines = ['Framework and language', ...table(['Aspect', 'Value'], rows), '', g.summary];

  if (detected && stated?.version && versionsDiffer(stated.version, detected)) {
    lines.push(
      '',
      `> **Version mismatch:** the SPEC states ${g.displayName} ${code(stated.version)}, but ${code(detected.manifest)} (line ${detected.line})`,
      `> declares ${code(detected.version ?? detected.resolved ?? '')}. Update the SPEC's ${code('stack.backend.version')} or the manifest so both name the`,
      `> same version (SpecChain reports this as ${code('stack/version-mismatch')}).`,
    );
  }
  if (!detected) {
    lines.push(
      '',
      `> **Not in the manifests:** the SPEC states ${g.displayName}, but no manifest in this workspace declares it yet`,
      `> (${code('stack/framework-mismatch')}). Add it to the service's manifest at the latest stable version.`,
    );
  }
  if (stated?.language && !sameLanguage(stated.language, g.language)) {
    lines.push('', `> **Language:** the SPEC states ${code(stated.language)}, but ${g.displayName} is a ${g.language} framework.`);
  }
  if (choice.others.length > 0) {
    lines.push('', 'Other services using it:', ...choice.others.map((c) => `- ${candidateText(c)}`));
  }
  return lines;
}

/** The leading `/api`, `/v1`, `/api/v1` segments every endpoint shares, if any. */
export function basePath(endpoints: readonly Endpoint[]): string | undefined {
  if (endpoints.length === 0) return undefined;
  const split = endpoints.map((e) => e.path.split('/').filter(Boolean));
  const shared: string[] = [];
  for (let i = 0; ; i++) {
    const segment = split[0]![i];
    if (segment === undefined || !/^(api|rest|v\d+(\.\d+)?)$/i.test(segment)) break;
    if (!split.every((s) => s[i] === segment && s.length > i + 1)) break;
    shared.push(segment);
  }
  return shared.length > 0 ? `/${shared.join('/')}` : undefined;
}

export function apiDesign(facts: PlanFacts): string[] {
  const base = basePath(facts.endpoints);
  const baseLine = base
    ? `- **Base URL:** ${code(base)}, the prefix all the SPEC's endpoints share.`
    : facts.endpoints.length > 0
      ? '- **Base URL:** the SPEC\'s endpoints share no `/api` or version prefix; serve them as written, or move them under `/api/v1` and update the SPEC.'
      : '- **Base URL:** `/api/v1` (suggested; the SPEC names no endpoint yet).';
  const mentions = AUTH_MENTIONS.filter(([, pattern]) => pattern.test(facts.input.specText)).map(([name]) => name);
  const detectedAuth = facts.choice.kind === 'determined' ? (facts.choice.candidate?.service.auth ?? []) : [];
  const authParts = [
    mentions.length > 0 ? `the SPEC mentions ${mentions.join(', ')}` : 'the SPEC names no scheme',
    detectedAuth.length > 0 ? `the service already uses ${detectedAuth.map(code).join(', ')}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const recommended = facts.guidance?.authentication[0] ?? 'Bearer tokens in the `Authorization` header, validated by the framework chosen above.';
  const instance = facts.endpoints[0]?.path ?? `${base ?? '/api/v1'}/resource`;
  return [
    'API design',
    baseLine,
    '- **Versioning:** the major version lives in the path; a breaking change gets a new version while the old one keeps working.',
    '- **Format:** JSON bodies (`application/json`, UTF-8); timestamps in ISO 8601 UTC; identifiers as strings.',
    `- **Authentication:** ${authParts.join('; ')}. ${recommended}`,
    '- **Authorization:** every endpoint states who may call it; ownership checked in the service layer, not only in the route.',
    '- **Error format:** RFC 9457 problem details (`application/problem+json`) for every error response:',
    '',
    '  ```json',
    '  {',
    '    "type": "/problems/validation-error",',
    '    "title": "Request validation failed",',
    '    "status": 422,',
    '    "detail": "email: must be a valid address",',
    `    "instance": ${JSON.stringify(instance)}`,
    '  }',
    '  ```',
    '',
    `  ${facts.guidance ? `With ${facts.guidance.displayName}: ${facts.guidance.errorHandling}` : 'One error handler renders this shape for every failure, including validation errors.'}`,
    '- **Collections:** list endpoints take `limit` and a `cursor` and return the next cursor; filters as query parameters.',
    '- **Idempotency:** `PUT` and `DELETE` are idempotent; `POST` requests that create accept an `Idempotency-Key` header so clients can retry safely.',
  ];
}

export function endpointsSection(facts: PlanFacts): string[] {
  if (facts.endpoints.length === 0) {
    return [
      'Endpoints from the SPEC',
      'The SPEC names no endpoint as `METHOD /path`. Write each one that way in the SPEC (for example',
      '`POST /api/v1/orders` inside the requirement that needs it) and regenerate the plan.',
    ];
  }
  const apiTag = code(tagOf('API', facts.id));
  return [
    'Endpoints from the SPEC',
    ...table(['Method', 'Path', 'SPEC line', 'Tag'], facts.endpoints.map((e) => [code(e.method), code(e.path), String(e.line), apiTag])),
    '',
    `Handlers carry ${apiTag}; their tests carry ${code(tagOf('TEST', facts.id))} (or ${code(tagOf('TEST', `API-${facts.id}`))}).`,
  ];
}

export function requirementsSection(facts: PlanFacts): string[] {
  if (facts.requirements.length === 0) {
    return [
      'Requirements',
      'No EARS requirement sentence (`The system SHALL …`, `WHEN … SHALL …`, `IF … THEN …`) was found in the SPEC;',
      'the phases below cover the endpoints only.',
    ];
  }
  return [
    'Requirements',
    ...table(
      ['Ref', 'Pattern', 'Requirement', 'SPEC line'],
      facts.requirements.map((r) => [requirementRef(r, facts), KIND_LABEL[r.kind], r.text, String(r.line)]),
    ),
  ];
}

export function dataLayer(facts: PlanFacts): string[] {
  const g = facts.guidance;
  const service = facts.choice.kind === 'determined' ? facts.choice.candidate?.service : undefined;
  const stated = facts.input.statedStack?.database;
  const detectedDbs = service?.databases ?? [];
  const database = stated
    ? `${stated} (stated in the SPEC)${detectedDbs.length > 0 ? `; the manifests show ${detectedDbs.join(', ')}` : ''}`
    : detectedDbs.length > 0
      ? `${detectedDbs.join(', ')} (from the manifests; the SPEC states none)`
      : 'not stated in the SPEC and not found in the manifests: decide it before the data model';
  const migrationTools = (service?.orms ?? []).filter((name) => /alembic|flyway|liquibase|migrat|goose|evolution/i.test(name));
  const orms = (service?.orms ?? []).filter((name) => !migrationTools.includes(name));
  const choose = 'depends on the framework (not determined)';
  const rows = [
    ['Database', database],
    ['ORM / data access', orms.length > 0 ? `${orms.join(', ')} (in the manifests)` : g ? `${g.dataAccess.orm} (suggested)` : choose],
    ['Migrations', migrationTools.length > 0 ? `${migrationTools.join(', ')} (in the manifests)` : g ? `${g.dataAccess.migrations} (suggested)` : choose],
    ['Connection pool', g ? g.dataAccess.pool : choose],
  ];
  const lines = ['Data layer', ...table(['Concern', 'Choice'], rows), ''];
  if (stated && detectedDbs.length > 0 && !detectedDbs.some((d) => d.toLowerCase() === stated.toLowerCase())) {
    lines.push(`> **Database mismatch:** the SPEC states ${code(stated)}, the manifests show ${detectedDbs.map(code).join(', ')}.`, '');
  }
  lines.push(
    '- Every schema change is a versioned migration, reviewed like code and applied by the deployment, never by the app at startup in production.',
    '- Multi-step writes run in one transaction; list queries load relations eagerly to avoid N+1 queries.',
    '- Pool size follows the database\'s connection limit divided by the number of instances.',
    ...(g?.databaseIntegration.map((item) => `- ${item}`) ?? []),
  );
  return lines;
}

export function middlewareSection(facts: PlanFacts): string[] {
  const list = facts.guidance?.middleware ?? GENERIC_MIDDLEWARE;
  const intro = facts.guidance
    ? `In the order a request passes through them, with ${facts.guidance.displayName}:`
    : 'In the order a request passes through them (library names depend on the framework):';
  return ['Middleware stack', intro, '', ...list.map((item, i) => `${i + 1}. ${item}`)];
}

export function testingStrategy(facts: PlanFacts): string[] {
  const g = facts.guidance;
  const service = facts.choice.kind === 'determined' ? facts.choice.candidate?.service : undefined;
  const detected = service?.testing ?? [];
  const command = g ? code(g.coverageCommand.replaceAll('{target}', String(COVERAGE_TARGET))) : 'the coverage tool of the chosen framework';
  const lines = [
    'Testing strategy',
    `- **Coverage target: ${COVERAGE_TARGET}%** of lines, enforced in CI: ${command}.`,
    `- **Test tools:** ${detected.length > 0 ? `${detected.map(code).join(', ')} (in the manifests)` : g ? g.testing[0]! : 'those of the chosen framework'}.`,
    '- **Unit tests** for the service layer: every requirement has at least one test named after its reference.',
    '- **API tests** for every endpoint: success, invalid input (400/422), no credentials (401), wrong caller (403), missing resource (404).',
    '- **Integration tests** against a real database with the migrations applied, not an in-memory substitute.',
    `- Tests carry ${code(tagOf('TEST', facts.id))} so the chain links them to this SPEC.`,
  ];
  if (facts.requirements.length > 0) lines.push(`- Requirements to cover: ${refs(facts.requirements, facts)}.`);
  if (g) append(lines, g.testing.slice(1).map((item) => `- ${item}`));
  return lines;
}

export function performanceBudget(facts: PlanFacts): string[] {
  const fromSpec = facts.requirements.filter((r) => PERFORMANCE_WORDS.test(r.text));
  const lines = [
    'Performance budget',
    ...table(['Metric', 'Budget'], [
      ['Latency p50', '≤ 100 ms'],
      ['Latency p95', '≤ 300 ms'],
      ['Latency p99', '≤ 800 ms'],
      ['Throughput', '≥ 200 requests/s per instance within the p95 budget'],
      ['Error rate', '< 0.1% at that throughput'],
    ]),
    '',
    'A starting budget for a typical JSON API, measured with a load test (k6, Gatling or Locust) against a',
    'production-like database. Where the SPEC sets its own numbers, they replace these:',
    '',
  ];
  if (fromSpec.length > 0) append(lines, fromSpec.map((r) => `- ${requirementRef(r, facts)}: ${r.text}`));
  else lines.push('- The SPEC sets no latency or throughput figure.');
  return lines;
}

export function securityChecklist(facts: PlanFacts): string[] {
  const audit = facts.guidance ? code(facts.guidance.auditCommand) : 'the audit tool of the chosen ecosystem';
  return [
    'Security checklist',
    '- [ ] Every endpoint validates its input (types, lengths, formats) and rejects unknown fields.',
    '- [ ] Authentication on every endpoint the SPEC does not make public; authorization per resource, so a caller reaches only what it owns.',
    '- [ ] Passwords hashed with Argon2id or bcrypt; tokens short-lived, signed, with keys that can be rotated.',
    '- [ ] Queries parameterised through the ORM or bound parameters; no SQL built from strings.',
    '- [ ] Secrets from the environment or a secret manager, never in the repository or the logs.',
    '- [ ] TLS for every connection, HSTS and security headers on responses.',
    '- [ ] CORS limited to known origins; rate limits on authentication and write endpoints.',
    '- [ ] Error responses never expose stack traces, SQL or internal identifiers.',
    '- [ ] Logs carry request IDs but no passwords, tokens or personal data.',
    `- [ ] Dependencies audited in CI: ${audit}.`,
    '- [ ] The OWASP API Security Top 10 reviewed against the endpoints above.',
  ];
}

function sortedExisting(existing: readonly ChainTag[]): ChainTag[] {
  return [...existing].sort(
    (a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id) || a.path.localeCompare(b.path) || a.line - b.line,
  );
}

/** Declared tags no code carries, then the standard backend tags of the SPEC no code carries. */
export function plannedTags(facts: PlanFacts): string[] {
  const have = new Set(facts.input.chain.existing.map((t) => tagOf(t.type, t.id)));
  const declared = facts.input.chain.declared.map((d) => d.split(':').slice(0, 2).join(':'));
  const standard = PLANNED_TYPES.map((type) => tagOf(type, facts.id));
  return [...new Set([...declared, ...standard])].filter((tag) => !have.has(tag) && !tag.startsWith('@SPEC:'));
}

export function tagChain(facts: PlanFacts): string[] {
  const existing = sortedExisting(facts.input.chain.existing);
  const have = new Set(existing.map((t) => tagOf(t.type, t.id)));
  const missingDeclared = facts.input.chain.declared.filter((d) => !have.has(d.split(':').slice(0, 2).join(':')));
  const planned = plannedTags(facts);
  const lines = ['TAG chain', `The SPEC is ${code(tagOf('SPEC', facts.id))} in ${code(facts.input.specPath)}.`, '', '### In the code', ''];
  if (existing.length > 0) {
    append(lines, table(['Tag', 'Location'], existing.map((t) => [code(tagOf(t.type, t.id)), code(`${t.path}:${t.line}`)])));
  } else {
    lines.push('No code carries a tag of this SPEC yet.');
  }
  if (missingDeclared.length > 0) {
    lines.push('', '### Declared in the SPEC, not yet in code', '', ...missingDeclared.map((d) => `- ${code(d)}`));
  }
  lines.push('', '### Still to write', '');
  if (planned.length === 0) {
    lines.push('Nothing: every planned tag is in the code.');
    return lines;
  }
  const root = facts.choice.kind === 'determined' ? facts.choice.candidate?.service.root : undefined;
  const prefix = root && root !== '.' ? `${root}/` : '';
  const where = (type: string): string => {
    const entry = facts.guidance?.layout.find((l) => l.tag === type);
    return entry ? code(prefix + entry.path) : facts.guidance ? 'where the service keeps it' : 'depends on the framework';
  };
  lines.push(
    ...table(
      ['Tag', 'Where', 'For'],
      planned.map((tag) => {
        const type = tag.slice(1, tag.indexOf(':'));
        return [code(tag), where(type), TAG_PURPOSE[type] ?? 'declared in the SPEC'];
      }),
    ),
  );
  return lines;
}

export function phases(facts: PlanFacts): string[] {
  const fw = frameworkName(facts);
  const byKind = (...kinds: EarsKind[]): Requirement[] => facts.requirements.filter((r) => kinds.includes(r.kind));
  const core = byKind('ubiquitous', 'event');
  const guards = byKind('unwanted', 'state');
  const optional = byKind('optional');
  const stated = facts.input.statedStack;
  const detected = facts.choice.kind === 'determined' ? facts.choice.candidate?.framework : undefined;

  const primary: string[] = [];
  if (facts.choice.kind === 'undetermined') {
    primary.push('Choose the framework (section 1), state it in the SPEC\'s `stack.backend` block and regenerate this plan.');
  } else if (detected && stated?.version && versionsDiffer(stated.version, detected)) {
    primary.push(`Settle the ${fw} version: the SPEC says ${code(stated.version)}, ${code(detected.manifest)} says ${code(detected.version ?? detected.resolved ?? '')}.`);
  } else if (!detected) {
    primary.push(`Add ${fw} to the service's manifest.`);
  }
  primary.push(`Data model and first migration (${code(tagOf('DB', facts.id))}).`);
  if (facts.endpoints.length > 0) primary.push(`Endpoints ${facts.endpoints.map(endpointText).join(', ')} with their success paths (${code(tagOf('API', facts.id))}).`);
  if (core.length > 0) primary.push(`Business rules for ${refs(core, facts)} in the service layer (${code(tagOf('SERVICE', facts.id))}).`);
  primary.push(`Tests for each of the above (${code(tagOf('TEST', facts.id))}).`);

  const secondary: string[] = [
    'Authentication and authorization on every endpoint.',
    'Input validation and the problem-details error format everywhere.',
  ];
  if (guards.length > 0) secondary.push(`Failure and state handling: ${refs(guards, facts)}.`);
  secondary.push('The middleware stack, in the order listed above.');

  const final: string[] = [];
  if (optional.length > 0) final.push(`Optional features: ${refs(optional, facts)}.`);
  final.push(
    `Coverage at ${COVERAGE_TARGET}% or above, enforced in CI.`,
    'The performance budget measured under load and met.',
    'Every item of the security checklist ticked.',
    'The TAG chain complete: nothing left under "Still to write".',
  );

  return [
    'Implementation phases',
    'Ordered by priority: each goal builds on the one before it.',
    '',
    '### Primary Goal',
    '',
    ...primary.map((item) => `- ${item}`),
    '',
    '### Secondary Goal',
    '',
    ...secondary.map((item) => `- ${item}`),
    '',
    '### Final Goal',
    '',
    ...final.map((item) => `- ${item}`),
  ];
}

export function libraryVersions(facts: PlanFacts): string[] {
  const note = 'verify latest stable';
  const lines = ['Library versions'];
  if (facts.choice.kind === 'undetermined') {
    if (facts.choice.candidates.length === 0) {
      lines.push('No supported framework is declared in the manifests of this workspace.');
    } else {
      append(lines, table(
        ['Framework', 'Declared', 'Resolved', 'Manifest', ''],
        facts.choice.candidates.map((c) => [code(c.framework.name), c.framework.version ? code(c.framework.version) : '—', c.framework.resolved ? code(c.framework.resolved) : '—', code(`${c.framework.manifest}:${c.framework.line}`), note]),
      ));
    }
    return lines;
  }
  const service = facts.choice.candidate?.service;
  const stated = facts.input.statedStack?.version;
  if (!service) {
    lines.push(`No manifest declares ${facts.choice.guidance.displayName} yet${stated ? `; the SPEC states ${code(stated)}` : ''}: ${note} on the official site before adding it.`);
    return lines;
  }
  append(lines, table(
    ['Framework', 'Declared', 'Resolved', 'Manifest', ''],
    service.frameworks.map((f) => [code(f.name), f.version ? code(f.version) : '—', f.resolved ? code(f.resolved) : '—', code(`${f.manifest}:${f.line}`), note]),
  ));
  if (stated) lines.push('', `The SPEC states ${facts.choice.guidance.displayName} ${code(stated)}.`);
  const others = [...service.orms, ...service.auth, ...service.testing];
  if (others.length > 0) lines.push('', `Also in ${code(service.root)}'s manifests (versions as declared there, ${note}): ${others.map(code).join(', ')}.`);
  return lines;
}

export function guidanceSection(facts: PlanFacts): string[] {
  const g = facts.guidance;
  if (!g) return [];
  const lines = [`${g.displayName} guidance`, `Official site: ${g.docs}`];
  for (const section of guidanceSections(g)) {
    if (section.title === 'Middleware') continue;
    lines.push('', `### ${section.title}`, '', ...section.items.map((item) => `- ${item}`));
  }
  return lines;
}
