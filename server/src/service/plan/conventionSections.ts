import type { Citation, CodeFact, Layer, LayerPlace, LibraryUse, PagingFact } from '../conventions/types';
import { LIBRARIES } from '../conventions/libraries';
import { ORM_MIGRATIONS } from './stackAdvice';
import type { PlanFacts, Suggestion } from './facts';
import type { PlannedFile } from './layoutPlan';
import { code, table } from './markdownText';
import type { EarsKind, Requirement } from './requirements';
import { withoutRivals } from './stackAdvice';

/*
 * The sections of a plan written from the repository's own conventions (`conventions/`): where
 * each file goes beside its siblings, the libraries in use, how errors, paging, authentication
 * and tests are done, each fact cited by its file and line. What the repository lacks is said
 * plainly, and the framework's usual answer is offered once, under "Suggestions".
 */

/** `path:line`, or the path alone for a fact about a whole file. */
export function at(c: Citation): string {
  return code(c.line > 0 ? `${c.path}:${c.line}` : c.path);
}

const ats = (cs: readonly Citation[]): string => cs.map(at).join(', ');

const LAYER_LABEL: Readonly<Record<Layer, string>> = {
  handler: 'Handlers',
  route: 'Routes',
  service: 'Business logic',
  repository: 'Data access',
  model: 'Models',
  schema: 'Request and response shapes',
  middleware: 'Middleware',
  test: 'Tests',
  migration: 'Migrations',
};

/** A library as cited: its name, its declaration (version, manifest line) and the workspace package it comes through. */
export function libraryText(use: LibraryUse): string {
  const declared = use.declared ? ` (${use.declared.version ? `${code(use.declared.version)}, ` : ''}${at(use.declared)})` : '';
  const via = use.via ? `, through the workspace package ${code(use.via.name)}${use.via.declared ? ` (${at(use.via.declared)})` : ''}` : '';
  const uses = use.uses.length > 0 ? `; imported at ${ats(use.uses.slice(0, 2))}` : '';
  return `${use.name}${declared}${via}${uses}`;
}

/** What a planned file means for this SPEC: a path to add, or one to extend, with its placeholders explained. */
export function plannedText(file: PlannedFile): string {
  const open = file.open.map((o) => `${code(`<${o.name}>`)}: ${o.values.length > 0 ? `as ${o.values.map(code).join(', ')}` : 'as beside'}`);
  const base = file.exists ? `extend ${code(file.path)}` : file.related ? `extend ${code(file.related)} if the endpoints belong there, or add ${code(file.path)}` : `add ${code(file.path)}`;
  return open.length > 0 ? `${base} (${open.join('; ')})` : base;
}

/** The planned files of a layer, or none. */
export function filesOf(facts: PlanFacts, layer: Layer): readonly PlannedFile[] {
  return facts.files.get(layer) ?? [];
}

/** "Where the code goes": each layer's place in this repository and the file this SPEC needs there. */
export function layoutSection(facts: PlanFacts): string[] {
  const c = facts.conventions;
  if (!c) return [];
  const rows: string[][] = [];
  for (const [layer, files] of facts.files) {
    for (const file of files) {
      const place = file.place;
      const lent = place.root !== c.root ? `, in the workspace library ${code(place.root)}` : '';
      rows.push([LAYER_LABEL[layer], `${code(place.template)} (${place.count} file${place.count === 1 ? '' : 's'}${lent}; e.g. ${code(place.examples[0]!)})`, plannedText(file)]);
    }
  }
  if (rows.length === 0) return ['Where the code goes', `No layer of ${serviceName(c.root)} could be told from its folders and code: place new files beside the ones that do the same job.`];
  return ['Where the code goes', ...table(['Layer', 'In this repository', `For SPEC-${facts.id}`], rows)];
}

/** A fact's value and where it is written. */
const factText = (f: CodeFact): string => `${code(f.value)} (${ats(f.where)})`;

/** The data layer: database, the access library in use, models and data access files, migrations. */
export function dataSection(facts: PlanFacts): string[] {
  const c = facts.conventions;
  const service = facts.service;
  const stated = facts.input.statedStack?.database;
  const lines = ['Data layer'];
  const sources = service?.databaseSources ?? [];
  // One entry per database, with every manifest that brings it in (a monorepo's libraries repeat them).
  const places = new Map<string, Citation[]>();
  for (const s of sources) places.set(s.id, [...(places.get(s.id) ?? []), { path: s.file, line: s.line }]);
  const configured = [...places].map(([id, where]) => `${id} (${ats(where)})`);
  // A document store's own library says the database when no configuration file does (Mongoose in a workspace library).
  const mongo = facts.conventions?.data.find((d) => /mongo/i.test(d.id));
  if (mongo && !sources.some((s) => /mongo/i.test(s.id))) configured.unshift(`mongodb, through ${mongo.name}${mongo.declared ? ` (${at(mongo.declared)})` : ''}`);
  const detected = configured.length > 0 ? configured.join(', ') : undefined;
  if (stated) lines.push(`- **Database:** ${stated}, as the SPEC states${detected ? `; the repository configures ${detected}` : ''}.`);
  else if (detected) lines.push(`- **Database:** ${detected}.`);
  if (stated && service && service.databases.length > 0 && !service.databases.some((d) => d.toLowerCase() === stated.toLowerCase())) {
    lines.push(`- **Database mismatch:** the SPEC states ${code(stated)}, ${code(service.root)} is configured for ${service.databases.map(code).join(', ')}.`);
  }
  if (!c) return lines.length > 1 ? lines : [];
  const [primary, ...others] = c.data;
  if (primary) {
    lines.push(`- **Access:** ${libraryText(primary)}.${others.length > 0 ? ` Also used: ${others.map((o) => `${o.name} (${o.files} file${o.files === 1 ? '' : 's'})`).join(', ')}.` : ''}`);
    if (primary.style) lines.push(`- **Style:** SQLAlchemy ${primary.style.value} (${ats(primary.style.where)}); new queries are written the same way.`);
  } else {
    lines.push(`- **Access:** no data access library is imported by the code of ${serviceName(c.root)}.`);
  }
  for (const layer of ['model', 'repository'] as const) {
    for (const file of filesOf(facts, layer)) lines.push(`- **${LAYER_LABEL[layer]}:** ${plannedText(file)}.`);
  }
  const m = c.migrations;
  if (m?.tool === 'GORM AutoMigrate') {
    lines.push(`- **Migrations:** the schema is migrated by GORM's \`AutoMigrate\` (${ats(m.where)}): add the new models to that call; there is no migration file to write.`);
  } else if (m && m.folder) {
    lines.push(`- **Migrations:** ${m.tool} (${ats(m.where.slice(0, 2))}): a new migration in ${code(migrationFolder(facts)!)}, named ${m.naming ?? 'as beside'}.`);
  } else if (m) {
    lines.push(`- **Migrations:** ${m.tool} is declared (${ats(m.where)}) but the repository holds no migration of it yet.`);
  } else if (c.schemaScripts.length > 0) {
    lines.push(`- **Migrations:** none: the repository has no migration tool and keeps its schema in ${ats(c.schemaScripts)}; add the new tables there.`);
  } else if (scripts(facts)) {
    const place = scripts(facts)!;
    lines.push(`- **Migrations:** no schema migration tool; the repository keeps migration scripts as ${code(place.template)} (e.g. ${code(place.examples[0]!)}): a new one goes there.`);
  } else if (primary) {
    lines.push(`- **Migrations:** no migration tool or schema script beside ${primary.name}${primary.declared ? ` (${at(primary.declared)})` : ''}${suggested(facts, 'migrations')}.`);
  }
  return lines;
}

/** The repository's own migration scripts (a `migrations/` folder no tool owns), when there are some. */
function scripts(facts: Pick<PlanFacts, 'conventions'>): LayerPlace | undefined {
  return facts.conventions?.layers.find((p) => p.layer === 'migration' && p.count > 1);
}

/** Where a new migration goes: Django keeps one folder per app, beside the app's models; other tools one folder. */
export function migrationFolder(facts: PlanFacts): string | undefined {
  const m = facts.conventions?.migrations;
  const model = filesOf(facts, 'model')[0];
  if (m?.tool === 'Django migrations' && model) return `${model.path.slice(0, model.path.lastIndexOf('/'))}/migrations`;
  return m?.folder;
}

/** A service's folder as the plan names it. */
export function serviceName(root: string): string {
  return root === '.' ? 'the repository root' : code(root);
}

/** Names the SPEC gives an authentication scheme. */
const AUTH_MENTIONS: readonly (readonly [string, RegExp])[] = [
  ['JWT', /\bJWT\b|\bJSON Web Tokens?\b/i],
  ['OAuth 2.0', /\bOAuth\s*2?/i],
  ['OpenID Connect', /\bOIDC\b|\bOpenID\b/i],
  ['API keys', /\bAPI[- ]keys?\b/i],
  ['bearer tokens', /\bbearer\b/i],
  ['sessions / cookies', /\bsession cookies?\b|\bcookie sessions?\b/i],
];

/** Paging as words: `pageNum` and `pageSize`. */
const pagingText = (p: PagingFact): string => `${p.params.map(code).join(' and ')} (${ats(p.where.slice(0, 2))}${p.type ? `; list handlers take ${code(p.type.name)}, used in ${p.type.files} file${p.type.files === 1 ? '' : 's'}, e.g. ${at(p.type.where[0]!)}` : ''})`;

/** How the API behaves: base path, authentication, errors, paging, validation, identifiers, each the SPEC's first, then the repository's. */
export function apiSection(facts: PlanFacts): string[] {
  const c = facts.conventions;
  const { errorBody, paging, ids } = facts.specConventions;
  const lines = ['API conventions'];
  const base = basePathOf(facts);
  if (base) lines.push(`- **Base path:** ${code(base)}, shared by the SPEC's ${facts.endpoints.length} endpoint${facts.endpoints.length === 1 ? '' : 's'} (${facts.endpoints.slice(0, 2).map((e) => code(`${e.method} ${e.path}`)).join(', ')}${facts.endpoints.length > 2 ? ', …' : ''}).`);

  const mentions = AUTH_MENTIONS.filter(([, p]) => p.test(facts.input.specText)).map(([n]) => n);
  const authIn = c ? [...c.auth.mechanisms.slice(0, 3).map(factText), ...c.auth.libraries.slice(0, 2).map(libraryText)] : [];
  if (authIn.length > 0) lines.push(`- **Authentication:** ${mentions.length > 0 ? `the SPEC asks for ${mentions.join(', ')}; ` : ''}in place: ${authIn.join('; ')}. New endpoints use the same.`);
  else if (mentions.length > 0) lines.push(`- **Authentication:** the SPEC asks for ${mentions.join(', ')}; ${c ? `${serviceName(c.root)} has none in place` : 'no service holds one yet'}${suggested(facts, 'auth')}.`);

  const bodies = c?.errors.bodies.slice(0, 1) ?? [];
  const raises = c?.errors.raises.filter((r) => !bodies.some((b) => b.value === r.value)).slice(0, 2) ?? [];
  const errorsIn = c ? [...c.errors.handlers.slice(0, 2).map((h) => `handled by ${factText(h)}`), ...raises.map((r) => `raised as ${factText(r)}`), ...bodies.map((b) => `written as ${factText(b)}`)] : [];
  if (errorBody !== undefined && errorBody !== 'problem-details') {
    lines.push(`- **Errors:** the SPEC's own body, ${code(errorBody)}, for every error.${errorsIn.length > 0 ? ` The repository's errors are ${errorsIn.join('; ')}: render the SPEC's body from there.` : ''}`);
  } else if (errorBody === 'problem-details') {
    lines.push(`- **Errors:** RFC 9457 problem details (\`application/problem+json\`), as the SPEC states.${errorsIn.length > 0 ? ` The repository's errors are ${errorsIn.join('; ')}: render problem details from there.` : ''}`);
  } else if (errorsIn.length > 0) {
    lines.push(`- **Errors:** as the repository does: ${errorsIn.join('; ')}.`);
  } else if (c) {
    lines.push(`- **Errors:** neither the SPEC nor ${serviceName(c.root)} defines an error body${suggested(facts, 'errors')}.`);
  }
  if (c?.responseType) lines.push(`- **Responses:** handlers return ${factText(c.responseType)}; new handlers return it too.`);

  const existing = c?.paging[0];
  if (paging) {
    const agrees = existing && paging.every((p) => existing.params.includes(p));
    lines.push(`- **Paging:** ${paging.map(code).join(' and ')}, as the SPEC states${existing ? (agrees ? `, as existing list endpoints do: ${pagingText(existing)}` : `; existing list endpoints use ${pagingText(existing)}`) : ''}.`);
  } else if (existing) {
    lines.push(`- **Paging:** as existing list endpoints do: ${pagingText(existing)}.`);
  } else if (c && facts.endpoints.some((e) => e.method === 'GET')) {
    lines.push(`- **Paging:** the SPEC sets none and no list endpoint of ${serviceName(c.root)} pages${suggested(facts, 'paging')}.`);
  }
  const validation = c?.validation[0];
  if (validation) {
    const shapes = filesOf(facts, 'schema')[0];
    lines.push(`- **Validation:** ${libraryText(validation)}${shapes ? `; request shapes in ${code(shapes.place.template)}` : ''}.`);
  }
  if (ids) lines.push(`- **Identifiers:** ${ids === 'integer' ? 'integers' : `${ids}s`}, as the SPEC states.`);
  return lines.length > 1 ? lines : [];
}

/** The leading `/api`, `/v1`, `/api/v1` segments every endpoint shares, if any. */
export function basePathOf(facts: PlanFacts): string | undefined {
  const endpoints = facts.endpoints;
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

/** Tests: the runner, where a test of this SPEC goes and how it is named, and what it covers. */
export function testsSection(facts: PlanFacts, refs: (rs: readonly Requirement[]) => string): string[] {
  const c = facts.conventions;
  const lines = ['Tests'];
  if (c) {
    const runners = c.tests.runners.slice(0, 3).map((r) => `${r.name} (${r.declared ? at(r.declared) : ats(r.uses.slice(0, 1))})`);
    if (runners.length > 0) lines.push(`- **Runner:** ${runners.join(', ')}${c.tests.script ? `; run by ${code(c.tests.script.value.replace(/\\(["\\])/g, '$1'))} (${ats(c.tests.script.where)})` : ''}.`);
    const file = filesOf(facts, 'test')[0];
    if (file) lines.push(`- **Where:** ${plannedText(file)}, beside ${code(file.place.examples[0]!)}.`);
    if (runners.length === 0 && !file) lines.push(`- ${serviceName(c.root)} has no test yet${suggested(facts, 'tests')}.`);
  }
  const where = filesOf(facts, 'test')[0]?.path;
  if (facts.requirements.length > 0) lines.push(`- **Cover:** ${refs(facts.requirements)}, one test or more each${where ? ` in ${code(where)}` : ''}, named after the requirement.`);
  return lines.length > 1 ? lines : [];
}

/** The SPEC's own performance figures, when it sets some: its requirements that name them. */
export function performanceSection(facts: PlanFacts, ref: (r: Requirement) => string): string[] {
  const figures = facts.requirements.filter((r) => /\b\d+(?:\.\d+)?\s*(?:ms|milliseconds?|seconds?|rps|req\/s|requests? per second|qps|tps)\b|\bp(?:50|90|95|99)\b/i.test(r.text));
  if (figures.length === 0) return [];
  return ['Performance (from the SPEC)', ...figures.map((r) => `- ${ref(r)}: ${r.text}`)];
}

/** Library versions as the manifests declare them: the framework and every library the plan names. */
export function versionsSection(facts: PlanFacts): string[] {
  const c = facts.conventions;
  const rows: string[][] = [];
  const fw = facts.choice.kind === 'determined' ? facts.choice.candidate?.framework : undefined;
  if (fw && facts.guidance) rows.push([facts.guidance.displayName, code(fw.resolved ?? fw.version ?? '—'), at({ path: fw.manifest, line: fw.line })]);
  if (c) {
    const seen = new Set<string>();
    for (const use of [...c.data, ...c.auth.libraries, ...c.validation, ...c.tests.runners]) {
      if (!use.declared || seen.has(use.id)) continue;
      seen.add(use.id);
      rows.push([use.name, code(use.declared.version ?? '—'), at(use.declared)]);
    }
  }
  if (rows.length === 0) return [];
  return ['Versions in use', ...table(['Library', 'Declared', 'Where'], rows)];
}

/** `(see Suggestions)` when a suggestion of that topic is made. */
function suggested(facts: PlanFacts, topic: Suggestion['topic']): string {
  return facts.suggestions.some((s) => s.topic === topic) ? ' (see Suggestions)' : '';
}

/**
 * The suggestions of a plan: for each concern the repository (and the SPEC) leaves open, the
 * framework's usual answer from its guidance at the service's major version, without naming a
 * rival of a library the service uses.
 */
export function suggestionsFor(facts: Omit<PlanFacts, 'suggestions'>): Suggestion[] {
  const g = facts.guidance;
  if (!g) return [];
  const c = facts.conventions;
  const out: Suggestion[] = [];
  // Advice naming a data library the service does not use (TypeORM for a Mongoose service) is no advice for it.
  const used = new Set(c?.data.map((d) => d.id) ?? []);
  const others = LIBRARIES.filter((l) => l.concern === 'data' && !used.has(l.id) && !(used.has('sqlmodel') && l.id === 'sqlalchemy')).map((l) => l.name);
  const fits = (item: string): boolean => used.size === 0 || !others.some((name) => new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i').test(item));
  const first = (items: readonly string[]): string | undefined => withoutRivals(items, facts.service).filter(fits)[0];
  if (!c) {
    const none = facts.service ? `The code of ${serviceName(facts.service.root)} was not read` : `No ${g.displayName} service is in this repository yet`;
    out.push({ topic: 'layout', text: `${none}; ${g.displayName}'s usual layout: ${g.layout.map((l) => `${code(l.path)} (${l.purpose})`).join(', ')}.` });
  }
  if (c && c.data.length === 0) out.push({ topic: 'data', text: `${g.dataAccess.orm} for data access.` });
  if (c && !c.migrations && c.schemaScripts.length === 0 && !scripts(facts) && c.data[0]) {
    const text = ORM_MIGRATIONS[c.data[0].id] ?? first([g.dataAccess.migrations]);
    const declared = c.data[0].declared ? ` (${at(c.data[0].declared)})` : '';
    if (text) out.push({ topic: 'migrations', text: `${text}, for ${c.data[0].name}${declared}.` });
  }
  const authAsked = AUTH_MENTIONS.some(([, p]) => p.test(facts.input.specText));
  const auth = first(g.authentication);
  if (c && authAsked && c.auth.mechanisms.length === 0 && c.auth.libraries.length === 0 && auth) out.push({ topic: 'auth', text: auth });
  const spec = facts.specConventions;
  if (c && spec.errorBody === undefined && c.errors.handlers.length === 0 && c.errors.raises.length === 0 && c.errors.bodies.length === 0) out.push({ topic: 'errors', text: g.errorHandling });
  if (c && !spec.paging && c.paging.length === 0 && facts.endpoints.some((e) => e.method === 'GET')) out.push({ topic: 'paging', text: 'list endpoints take `limit` and a `cursor` and return the next cursor.' });
  if (c && c.tests.runners.length === 0 && !c.layers.some((l) => l.layer === 'test')) {
    const testing = first(g.testing);
    if (testing) out.push({ topic: 'tests', text: testing });
  }
  return out;
}

const TOPIC_LABEL: Readonly<Record<Suggestion['topic'], string>> = {
  layout: 'Layout',
  data: 'Data access',
  migrations: 'Migrations',
  auth: 'Authentication',
  errors: 'Errors',
  paging: 'Paging',
  tests: 'Tests',
};

export function suggestionsSection(facts: PlanFacts): string[] {
  if (facts.suggestions.length === 0) return [];
  return [
    'Suggestions',
    `Where ${facts.conventions ? serviceName(facts.conventions.root) : 'the repository'} has nothing to follow, ${facts.guidance!.displayName}'s usual choice${facts.conventions?.framework?.major !== undefined ? ` for version ${facts.conventions.framework.major}` : ''}; a suggestion, not a finding:`,
    '',
    ...facts.suggestions.map((s) => `- **${TOPIC_LABEL[s.topic]} (suggestion):** ${s.text}`),
  ];
}

/**
 * How failures are answered, in words: the SPEC's body, else the repository's way (for a missing
 * resource, what its handlers raise for one), else a body of the service's own.
 */
function errorWay(facts: PlanFacts, guards: readonly Requirement[]): string {
  const body = facts.specConventions.errorBody;
  if (body === 'problem-details') return 'answered with problem details as the SPEC states';
  if (body) return `answered with the SPEC's ${code(body)}`;
  const c = facts.conventions;
  const notFound = c?.errors.notFound && guards.some((r) => /\b404\b|not (?:be )?found|(?:does|do) not exist|no such/i.test(r.text)) ? c.errors.notFound : undefined;
  if (notFound) return `failing a missing resource with ${code(notFound.value)} (${at(notFound.where[0]!)}) as the repository does`;
  const way = c?.errors.bodies[0] ?? c?.errors.raises[0] ?? c?.errors.handlers[0];
  return way ? `through ${code(way.value)} as the repository does` : 'with one error body for all of them';
}

/** The tag types a layer's code carries. */
type TagLayer = 'API' | 'SERVICE' | 'DB' | 'TEST';

/** The order to build in, each step naming its files. */
export function orderSection(facts: PlanFacts, refs: (rs: readonly Requirement[]) => string, mark: (type: TagLayer) => string, place: (type: TagLayer) => string, settle: string | undefined): string[] {
  const byKind = (...kinds: EarsKind[]): Requirement[] => facts.requirements.filter((r) => kinds.includes(r.kind));
  // Without the service's code read (no service of the framework yet), the framework's usual places, said as suggestions.
  const fallback = facts.conventions ? undefined : (layer: Layer): TagLayer | undefined => ({ model: 'DB', service: 'SERVICE', handler: 'API', test: 'TEST' } as Partial<Record<Layer, TagLayer>>)[layer];
  const has = (layer: Layer): boolean => filesOf(facts, layer).length > 0 || fallback?.(layer) !== undefined;
  const paths = (layer: Layer): string => {
    const type = fallback?.(layer);
    return type ? place(type) : filesOf(facts, layer).map((f) => code(f.exists || !f.related ? f.path : f.related)).join(' and ');
  };
  const steps: string[] = [];
  if (settle) steps.push(settle);
  const m = facts.conventions?.migrations;
  const schema = m?.tool === 'GORM AutoMigrate' ? `, registered in \`AutoMigrate\` (${at(m.where[0]!)})` : m?.folder ? `, with a new migration (${m.tool}) in ${code(migrationFolder(facts)!)}` : facts.conventions?.schemaScripts[0] ? `, with its tables in ${at(facts.conventions.schemaScripts[0])}` : '';
  if (has('model')) steps.push(`Models in ${paths('model')}${schema} (${mark('DB')}).`);
  if (filesOf(facts, 'repository').length > 0) steps.push(`Data access in ${paths('repository')}.`);
  const core = byKind('ubiquitous', 'event');
  if (has('service')) steps.push(`Business logic in ${paths('service')}${core.length > 0 ? ` for ${refs(core)}` : ''} (${mark('SERVICE')}).`);
  if (facts.endpoints.length > 0 && has('handler')) {
    const routes = filesOf(facts, 'route').length > 0 ? `, routed in ${paths('route')}` : '';
    steps.push(`Handlers for ${facts.endpoints.map((e) => code(`${e.method} ${e.path}`)).join(', ')} in ${paths('handler')}${routes}${filesOf(facts, 'schema').length > 0 ? `, with their shapes in ${paths('schema')}` : ''} (${mark('API')}).`);
  }
  const guards = byKind('unwanted', 'state');
  if (guards.length > 0) steps.push(`Failure and state handling for ${refs(guards)}, ${errorWay(facts, guards)}.`);
  if (has('test')) steps.push(`Tests in ${paths('test')} (${mark('TEST')}).`);
  const optional = byKind('optional');
  if (optional.length > 0) steps.push(`Optional features: ${refs(optional)}.`);
  if (steps.length === 0) return [];
  return ['Implementation order', ...steps.map((s, i) => `${i + 1}. ${s}`)];
}
