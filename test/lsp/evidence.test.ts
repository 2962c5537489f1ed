import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol/node';
import { IndexChangedNotification, SpecTreeRequest } from '../../server/src/protocol';
import { EVIDENCE_FILES, GO_JSON, PYTEST_XML, VITEST_XML } from '../fixtures/evidence';
import { SERVER, TestClient, writeWorkspace } from './client';

const SPEC = '.moai/specs/SPEC-AUTH-001/spec.md';
const PAY = '.moai/specs/SPEC-PAY-001/spec.md';

describe('language server over stdio: test evidence', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    // The Vitest report lies in a .gitignored folder, as test output does: it is read all the same.
    client = new TestClient(writeWorkspace({ ...EVIDENCE_FILES, '.gitignore': 'test-results/\n', 'backend/junit.xml': PYTEST_XML, 'web/test-results/junit.xml': VITEST_XML, 'go-test.json': GO_JSON }));
    await client.initialize({ testResults: ['**/junit*.xml', 'go-test.json'], rules: { 'spec/no-frontmatter': 'off' } });
  });
  after(async () => client?.dispose());

  it('publishes evidence/failing at the REQ declaration, naming the failing test, and status-unproven on the status', async () => {
    const d = await client.diagnosticsOf(SPEC, (list) => list.some((x) => x.code === 'evidence/failing'), 30_000);
    const failing = d.find((x) => x.code === 'evidence/failing')!;
    assert.equal(failing.range.start.line, 16);
    assert.equal(failing.severity, 2);
    assert.match(failing.message as string, /^REQ-AUTH-002 is failing: test TestLogin > test_rejects_bad_password \(backend\/tests\/test_login\.py:11\) failed/);
    assert.ok(d.some((x) => x.code === 'evidence/status-unproven' && x.range.start.line === 3));
    const pay = await client.diagnosticsOf(PAY, (list) => list.some((x) => x.code === 'evidence/status-unproven'));
    assert.equal(pay.find((x) => x.code === 'evidence/status-unproven')!.severity, 4);
  });

  it('a lens on each REQ/AC declaration says how many tests and how many fail', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(SPEC) } })) as CodeLens[];
    const on = (line: number) => lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
    assert.ok(on(16).includes('1 test · 1 failing'), JSON.stringify(on(16)));
    assert.ok(on(25).includes('no test'), JSON.stringify(on(25)));
    const ac = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri('.moai/specs/SPEC-PAY-001/acceptance.md') } })) as CodeLens[];
    const lens = ac.find((l) => l.range.start.line === 2)!;
    assert.equal(lens.command?.title, '1 test · verified');
    const locations = lens.command!.arguments![2] as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[client.uri('web/src/pay/charge.test.ts'), 4]]);
  });

  it('hover on a failing REQ names the failing test with its message and a link to it', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(SPEC) }, position: { line: 16, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Tests: \*\*failing\*\*/);
    assert.ok(value.includes(`[\`TestLogin > test_rejects_bad_password\`](${client.uri('backend/tests/test_login.py')}#L11)`), value);
    assert.match(value, /AssertionError: assert 'x' == ''/);
  });

  it('the SPEC tree carries evidence badges and indexChanged the totals', async () => {
    const tree = (await client.connection.sendRequest(SpecTreeRequest.method, {})) as SpecTreeRequest.Result;
    const auth = tree.specs.find((s) => s.id === 'AUTH-001')!;
    assert.equal(auth.evidence?.state, 'failing');
    assert.equal(auth.mx?.reqs.find((r) => r.id === 'REQ-AUTH-003')?.evidence?.state, 'verified');
    assert.equal(tree.specs.find((s) => s.id === 'PAY-001')!.mx?.reqs[0]?.acs[0]?.evidence?.state, 'verified');
    const changed = await client.until(() => client.notifications.filter((n) => n.method === IndexChangedNotification.method).map((n) => n.params as IndexChangedNotification.Params).find((p) => p.evidence));
    assert.equal(changed.evidence!.failing, 2);
  });

  it('reads the results again when a result file changes, and the states follow', async () => {
    const fixed = PYTEST_XML.replace(/<failure[\s\S]*?<\/failure>/, '');
    writeFileSync(join(client.root, 'backend', 'junit.xml'), fixed);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('backend/junit.xml'), type: 2 }] });
    const d = await client.diagnosticsOf(SPEC, (list) => !list.some((x) => x.code === 'evidence/failing'), 30_000);
    assert.match(d.find((x) => x.code === "evidence/status-unproven")!.message as string, /REQ-AUTH-004 with tests that did not run; REQ-AUTH-005 with no test/);
  });
});

describe('language server over stdio: test evidence only once a result file was read', function () {
  this.timeout(60_000);
  let client: TestClient;
  const changes = (): IndexChangedNotification.Params[] => client.notifications.filter((n) => n.method === IndexChangedNotification.method).map((n) => n.params as IndexChangedNotification.Params);

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(EVIDENCE_FILES));
    await client.initialize({ testResults: ['**/junit*.xml'], rules: { 'spec/no-frontmatter': 'off' } });
    // Asked at once, as the editor's status bar does: answered from the loaded folder, not an empty one.
    first = client.connection.sendRequest(SpecTreeRequest.method, {}) as Promise<SpecTreeRequest.Result>;
  });
  after(async () => client?.dispose());
  let first: Promise<SpecTreeRequest.Result>;

  it('answers the SPEC tree asked right after initialized from the loaded folder', async () => {
    const tree = await first;
    assert.deepEqual(tree.specs.map((s) => s.id).sort(), Object.keys(EVIDENCE_FILES).flatMap((p) => /^\.moai\/specs\/SPEC-([^/]+)\/spec\.md$/.exec(p)?.[1] ?? []).sort());
  });

  it('claims no evidence while no result file exists: no totals, badges, lenses or evidence findings', async () => {
    await client.until(() => (changes().length > 0 ? true : undefined), 30_000);
    assert.ok(changes().every((p) => p.evidence === undefined), JSON.stringify(changes()));
    const tree = (await client.connection.sendRequest(SpecTreeRequest.method, {})) as SpecTreeRequest.Result;
    assert.equal(tree.totals.evidence, undefined);
    assert.ok(tree.specs.every((s) => s.evidence === undefined));
    const d = await client.diagnosticsOf(SPEC);
    assert.ok(!d.some((x) => String(x.code).startsWith('evidence/')), JSON.stringify(d.map((x) => x.code)));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(SPEC) } })) as CodeLens[];
    assert.ok(!lenses.some((l) => /^(?:\d+ tests? · |no test$)/.test(l.command?.title ?? '')), JSON.stringify(lenses.map((l) => l.command?.title)));
  });

  it('turns evidence on when a result file appears, with the same totals in indexChanged and the SPEC tree', async () => {
    const before = changes().length;
    writeFileSync(join(client.root, 'backend', 'junit.xml'), PYTEST_XML);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('backend/junit.xml'), type: 1 }] });
    const changed = await client.until(() => changes().slice(before).find((p) => p.evidence), 30_000);
    assert.equal(changed.evidence!.failing, 1);
    const tree = (await client.connection.sendRequest(SpecTreeRequest.method, {})) as SpecTreeRequest.Result;
    assert.deepEqual(tree.totals.evidence, changed.evidence);
    assert.equal(tree.specs.find((s) => s.id === 'AUTH-001')!.evidence?.state, 'failing');
  });
});
