import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, resolveConfig } from '../../../server/src/service/config';
import { FileClassifier, analyzeFile } from '../../../server/src/service/analyze';
import { scanCapabilities } from '../../../server/src/service/stack/capabilities';
import { detectStack } from '../../../server/src/service/stack/detect';
import { parseManifest } from '../../../server/src/service/stack/manifests';
import { checkStack, type StackSpecInput } from '../../../server/src/service/stack/rules';
import { FRAMEWORK_IDS } from '../../../server/src/service/stack/technologies';
import type { Range, StackReport } from '../../../server/src/service/types';

const SPEC_PATH = '.moai/specs/SPEC-ORDER-001/spec.md';

/** A SPEC with an optional `stack.backend` block (lines of `key: value`) and a body. */
function specText(backend: readonly string[] | undefined, body = 'The system SHALL list orders (GET /orders) and take new ones (POST /orders).'): string {
  const stack = backend ? ['stack:', '  backend:', ...backend.map((l) => `    ${l}`)] : [];
  return ['---', 'id: ORDER-001', 'version: 0.1.0', 'status: draft', 'created: 2025-01-10', 'updated: 2025-01-10', 'author: "@dev"', 'priority: high', ...stack, '---', '', '# @SPEC:ORDER-001: Orders', '', body, ''].join('\n');
}

/** The SPEC as the service reads it (the analysis marks whether it names endpoints). */
function input(text: string): StackSpecInput {
  return { path: SPEC_PATH, doc: analyzeFile(SPEC_PATH, text, new FileClassifier(DEFAULT_CONFIG)).spec!, capabilities: scanCapabilities(text) };
}

function stackOf(files: Readonly<Record<string, string>>): StackReport {
  return detectStack(Object.entries(files).map(([p, t]) => parseManifest(p, t)!));
}

/** The range of `needle` on the first line of `text` that holds it. */
function rangeOf(text: string, needle: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.notEqual(line, -1, needle);
  const character = lines[line]!.indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

const FASTAPI = { 'backend/requirements.txt': 'fastapi==0.104.1\nsqlalchemy>=2.0\n' };

describe('stack/version-mismatch', () => {
  it('reports on the SPEC version line and on the manifest line, naming both versions and the manifest', () => {
    const text = specText(['language: python', 'framework: fastapi', 'version: 0.115.0']);
    const ds = checkStack([input(text)], stackOf(FASTAPI), DEFAULT_CONFIG);
    assert.equal(ds.length, 2);
    const [onSpec, onManifest] = ds;
    const data = { kind: 'set-version', specVersion: '0.115.0', manifestVersion: '0.104.1', manifestPath: 'backend/requirements.txt', manifestRange: rangeOf(FASTAPI['backend/requirements.txt'], '==0.104.1') };
    assert.deepEqual(
      { code: onSpec!.code, severity: onSpec!.severity, path: onSpec!.path, range: onSpec!.range, data: onSpec!.data },
      { code: 'stack/version-mismatch', severity: 'warning', path: SPEC_PATH, range: rangeOf(text, '0.115.0'), data },
    );
    assert.equal(onSpec!.message, 'SPEC ORDER-001 states FastAPI 0.115.0, but backend/requirements.txt declares ==0.104.1.');
    assert.deepEqual(
      { code: onManifest!.code, path: onManifest!.path, range: onManifest!.range, data: onManifest!.data },
      { code: 'stack/version-mismatch', path: 'backend/requirements.txt', range: rangeOf(FASTAPI['backend/requirements.txt'], 'fastapi==0.104.1'), data },
    );
    assert.match(onManifest!.message, /FastAPI ==0\.104\.1.*0\.115\.0/);
    assert.deepEqual(onSpec!.related?.[0]?.path, 'backend/requirements.txt');
  });

  it('points the version fix at [versions] when a version catalog gives the version by reference', () => {
    const catalog = '[versions]\nboot = "3.2.5"\n\n[plugins]\nspring-boot = { id = "org.springframework.boot", version.ref = "boot" }\n';
    const text = specText(['language: java', 'framework: spring-boot', 'version: 3.3.0']);
    const ds = checkStack([input(text)], stackOf({ 'orders/build.gradle.kts': 'plugins {\n    alias(libs.plugins.spring.boot)\n}\n', 'orders/gradle/libs.versions.toml': catalog }), DEFAULT_CONFIG);
    const onSpec = ds.find((d) => d.path === SPEC_PATH && d.code === 'stack/version-mismatch');
    assert.deepEqual(onSpec?.data, { kind: 'set-version', specVersion: '3.3.0', manifestVersion: '3.2.5', manifestPath: 'orders/gradle/libs.versions.toml', manifestRange: rangeOf(catalog, '3.2.5') });
  });

  it('accepts a SPEC version the manifest range allows, or the lockfile resolved', () => {
    const express = { 'web/package.json': '{ "dependencies": { "express": "^4.18.2" } }', 'web/package-lock.json': '{ "packages": { "node_modules/express": { "version": "4.19.2" } } }' };
    for (const v of ['4.19.2', '4.18.2', '4.x']) {
      assert.deepEqual(checkStack([input(specText(['framework: express', `version: ${v}`]))], stackOf(express), DEFAULT_CONFIG), [], v);
    }
    const ds = checkStack([input(specText(['framework: express', 'version: 5.0.0']))], stackOf(express), DEFAULT_CONFIG);
    assert.equal(ds[0]!.message, 'SPEC ORDER-001 states Express 5.0.0, but web/package.json declares ^4.18.2 (resolved 4.19.2).');
    assert.equal(ds[0]!.data?.kind === 'set-version' && ds[0]!.data.manifestVersion, '4.19.2');
  });

  it('is silent when turned off and takes the configured severity', () => {
    const text = specText(['framework: fastapi', 'version: 0.115.0']);
    assert.deepEqual(checkStack([input(text)], stackOf(FASTAPI), resolveConfig({ rules: { 'stack/version-mismatch': 'off' } }).config), []);
    const ds = checkStack([input(text)], stackOf(FASTAPI), resolveConfig({ rules: { 'stack/version-mismatch': 'error' } }).config);
    assert.deepEqual(ds.map((d) => d.severity), ['error', 'error']);
  });
});

describe('stack/framework-mismatch', () => {
  it('reports a stated framework no manifest declares, on the framework value, offering the detected ones', () => {
    const text = specText(['language: python', 'framework: Django', 'version: 5.0.0']);
    const [d, ...rest] = checkStack([input(text)], stackOf(FASTAPI), DEFAULT_CONFIG);
    assert.equal(rest.length, 0);
    assert.deepEqual([d!.code, d!.severity, d!.range, d!.data], ['stack/framework-mismatch', 'warning', rangeOf(text, 'Django'), { kind: 'pick-framework', choices: ['fastapi'] }]);
    assert.equal(d!.message, 'SPEC ORDER-001 states Django, but no manifest declares it; the manifests declare FastAPI (backend/requirements.txt).');
  });

  it('is silent when turned off', () => {
    const text = specText(['framework: django']);
    assert.deepEqual(checkStack([input(text)], stackOf(FASTAPI), resolveConfig({ rules: { 'stack/framework-mismatch': 'off' } }).config), []);
  });
});

describe('stack/unsupported-framework', () => {
  it('reports an unknown framework on its value and lists the supported ones', () => {
    const text = specText(['language: typescript', 'framework: hapi']);
    const [d, ...rest] = checkStack([input(text)], stackOf(FASTAPI), DEFAULT_CONFIG);
    assert.equal(rest.length, 0);
    assert.deepEqual([d!.code, d!.severity, d!.range], ['stack/unsupported-framework', 'warning', rangeOf(text, 'hapi')]);
    for (const id of FRAMEWORK_IDS) assert.ok(d!.message.includes(`(${id})`), id);
    assert.deepEqual(d!.data, { kind: 'pick-framework', choices: ['fastapi'] });
    assert.deepEqual(checkStack([input(text)], stackOf(FASTAPI), resolveConfig({ rules: { 'stack/unsupported-framework': 'off' } }).config), []);
  });

  it('accepts display names and aliases', () => {
    const spring = { 'pom.xml': '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.5</version></parent></project>' };
    for (const name of ['Spring Boot', 'spring-boot', 'springboot']) {
      assert.deepEqual(checkStack([input(specText([`framework: ${name}`, 'version: 3.2.5']))], stackOf(spring), DEFAULT_CONFIG), [], name);
    }
  });
});

describe('stack/architecture-mismatch', () => {
  const FLASK = { 'api/requirements.txt': 'Flask==3.0.2\n' };

  it('reports GraphQL asked of Flask on the first mention, naming the options', () => {
    const text = specText(['framework: flask'], 'The system SHALL expose orders through GraphQL.\nThe GraphQL schema SHALL be versioned.');
    const [d, ...rest] = checkStack([input(text)], stackOf(FLASK), DEFAULT_CONFIG);
    assert.equal(rest.length, 0);
    assert.deepEqual([d!.code, d!.severity, d!.range], ['stack/architecture-mismatch', 'info', rangeOf(text, 'GraphQL')]);
    assert.match(d!.message, /GraphQL, which Flask does not provide natively; options: Strawberry .*Ariadne.*Graphene/);
  });

  it('uses the detected framework when the SPEC states none, and accepts what a framework does natively', () => {
    const text = specText(undefined, 'Clients SHALL subscribe over WebSocket.');
    assert.deepEqual(checkStack([input(text)], stackOf(FLASK), DEFAULT_CONFIG).map((d) => [d.code, d.range]), [['stack/architecture-mismatch', rangeOf(text, 'WebSocket')]]);
    const nest = { 'package.json': '{ "dependencies": { "@nestjs/core": "^10.3.0" } }' };
    assert.deepEqual(checkStack([input(specText(['framework: nestjs'], 'GraphQL, gRPC and WebSocket gateways.'))], stackOf(nest), DEFAULT_CONFIG), []);
  });

  it('is silent when turned off', () => {
    const text = specText(['framework: flask'], 'Expose GraphQL.');
    assert.deepEqual(checkStack([input(text)], stackOf(FLASK), resolveConfig({ rules: { 'stack/architecture-mismatch': 'off' } }).config), []);
  });
});

describe('stack/not-detected', () => {
  it('reports on the title when no stack block and no manifest, offering every framework', () => {
    const text = specText(undefined);
    const [d, ...rest] = checkStack([input(text)], { services: [] }, DEFAULT_CONFIG);
    assert.equal(rest.length, 0);
    assert.deepEqual([d!.code, d!.severity, d!.range.start, d!.data], ['stack/not-detected', 'info', rangeOf(text, '# @SPEC:ORDER-001: Orders').start, { kind: 'pick-framework', choices: FRAMEWORK_IDS }]);
  });

  it('reports on the stack key when the stated language has no framework, offering the detected ones', () => {
    const text = specText(['language: go']);
    const [d] = checkStack([input(text)], stackOf(FASTAPI), DEFAULT_CONFIG);
    assert.deepEqual([d!.code, d!.range, d!.data], ['stack/not-detected', rangeOf(text, 'stack'), { kind: 'pick-framework', choices: ['fastapi'] }]);
  });

  it('says nothing for a SPEC that is no backend SPEC: no stack block, no endpoint outside fenced code', () => {
    assert.deepEqual(checkStack([input(specText(undefined, 'The CLI SHALL print the version.'))], { services: [] }, DEFAULT_CONFIG), []);
    const sketch = specText(undefined, 'A sketch:\n\n```python\n# Event: HTTP POST /api/sync/full\n```\n');
    assert.deepEqual(checkStack([input(sketch)], { services: [] }, DEFAULT_CONFIG), []);
  });

  it('says nothing when a framework is detected for the SPEC, or when turned off', () => {
    assert.deepEqual(checkStack([input(specText(undefined))], stackOf(FASTAPI), DEFAULT_CONFIG), []);
    assert.deepEqual(checkStack([input(specText(undefined))], { services: [] }, resolveConfig({ rules: { 'stack/not-detected': 'off' } }).config), []);
  });
});

describe('stack advice only where a backend framework is the question', () => {
  const paths = (files: Record<string, string>, extra: string[]): StackReport => detectStack(Object.entries(files).map(([p, t]) => parseManifest(p, t)!), [...Object.keys(files), ...extra]);

  it('no stack/not-detected in a front-end-only workspace, nor beside Next.js route handlers or another HTTP server', () => {
    const spec = input(specText(undefined));
    const web = { 'web/package.json': '{ "dependencies": { "react": "^19.0.0", "next": "^15.1.7" } }' };
    assert.deepEqual(checkStack([spec], paths(web, ['web/app/page.tsx']), DEFAULT_CONFIG), [], 'a Next.js app without route handlers calls APIs it does not serve');
    const withRoutes = paths(web, ['web/app/api/courses/[id]/route.ts']);
    assert.deepEqual(withRoutes.services[0]!.servers, ['nextjs-route-handlers']);
    assert.deepEqual(checkStack([spec], withRoutes, DEFAULT_CONFIG), []);
    assert.deepEqual(paths(web, ['web/src/pages/api/login.ts']).services[0]!.servers, ['nextjs-route-handlers']);
    const chi = { 'server/go.mod': 'module x\n\ngo 1.24\n\nrequire github.com/go-chi/chi/v5 v5.2.5\n' };
    assert.deepEqual(paths(chi, ['server/main.go']).services[0]!.servers, ['chi']);
    assert.deepEqual(checkStack([spec], paths(chi, ['server/main.go']), DEFAULT_CONFIG), []);
    // A backend project with no server at all is still asked to pick one.
    const bare = { 'api/pyproject.toml': '[project]\nname = "api"\ndependencies = ["pydantic>=2"]\n' };
    assert.deepEqual(checkStack([spec], paths(bare, ['api/main.py']), DEFAULT_CONFIG).map((d) => d.code), ['stack/not-detected']);
  });

  it('one endpoint named in passing does not make a backend SPEC', () => {
    const once = specText(undefined, 'Register the runner: `gh api -X POST /repos/{owner}/{repo}/actions/runners/registration-token`; probe `GET /` first.');
    assert.deepEqual(checkStack([input(once)], { services: [] }, DEFAULT_CONFIG), []);
  });

  it('stack/architecture-mismatch: a capability another service of the workspace offers is no gap; wishes and history ask for nothing', () => {
    const repo = { 'pyproject.toml': '[project]\nname = "ax"\ndependencies = ["fastapi>=0.110"]\n', 'ctl/go.mod': 'module ctl\n\ngo 1.24\n\nrequire google.golang.org/grpc v1.81.0\n' };
    const grpc = specText(undefined, 'The control plane SHALL serve workflows over gRPC (GET /workflows, POST /workflows).');
    assert.deepEqual(checkStack([input(grpc)], stackOf(repo), DEFAULT_CONFIG), []);
    const fastapiOnly = { 'pyproject.toml': repo['pyproject.toml'] };
    assert.deepEqual(checkStack([input(grpc)], stackOf(fastapiOnly), DEFAULT_CONFIG).map((d) => d.code), ['stack/architecture-mismatch']);
    const wishes = specText(undefined, '## HISTORY\n\n- 0.2.0: the API SHALL move to GraphQL later\n\n## Requirements\n\n- [ ] The API SHALL offer GraphQL\n- [x] The API SHALL list orders (GET /orders, POST /orders)\n- Traces go out through the OTLP gRPC exporter.\n- `Close` SHALL close the Qdrant gRPC channel.\n- Every HTTP or gRPC request SHALL carry an ID.\n');
    assert.deepEqual(checkStack([input(wishes)], stackOf(fastapiOnly), DEFAULT_CONFIG), []);
  });
});

describe('services relevant to a SPEC', () => {
  const MONO = {
    'api/requirements.txt': 'fastapi==0.104.1\n',
    'web/package.json': '{ "dependencies": { "express": "^4.19.2", "typescript": "^5.4.0" } }',
  };

  it('prefers services of the stated language and falls back to all', () => {
    assert.deepEqual(checkStack([input(specText(['language: typescript', 'framework: express', 'version: 4.19.2']))], stackOf(MONO), DEFAULT_CONFIG), []);
    assert.deepEqual(checkStack([input(specText(['language: typescript', 'framework: fastapi', 'version: 0.104.1']))], stackOf(MONO), DEFAULT_CONFIG), []);
    const text = specText(['language: javascript'], 'The service SHALL push updates as server-sent events over gRPC.');
    // Express (the JavaScript service) streams SSE natively but has no gRPC; FastAPI is not considered.
    assert.deepEqual(checkStack([input(text)], stackOf(MONO), DEFAULT_CONFIG).map((d) => [d.code, d.range]), [['stack/architecture-mismatch', rangeOf(text, 'gRPC')]]);
  });
});
