import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, Hover, Location, CodeLens, SymbolInformation, TextEdit, WorkspaceEdit, RenameFile, CreateFile } from 'vscode-languageserver-protocol/node';
import { IndexChangedNotification, PlanRequest, RefreshRequest, SpecAtRequest, SpecTreeRequest, StackRequest, parseCommandArguments } from '../../server/src/protocol';
import { SERVER, TestClient, applyEdits, editsFor, writeWorkspace } from './client';
import { FILES } from './fixture';

const USER_PY = FILES['src/user.py']!;
const USER_SPEC = '.moai/specs/SPEC-USER-001/spec.md';

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(FILES));
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities['hoverProvider']);
    await client.open('src/user.py', USER_PY, 'python');
  });
  after(async () => client?.dispose());

  it('registers a watcher for workspace files', async () => {
    await client.until(() => client.registrations.some((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles'), 5000, 'watcher registration');
  });

  it('publishes diagnostics for a broken tag with code, source, severity and fix data', async () => {
    const diagnostics = await client.diagnosticsOf('src/user.py');
    const broken = diagnostics.find((d) => d.code === 'tag/unknown-spec');
    assert.ok(broken, JSON.stringify(diagnostics));
    assert.equal(broken.source, 'specchain');
    assert.equal(broken.severity, 1);
    assert.deepEqual(broken.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 15 } });
    assert.match(String(broken.message), /Did you mean USER-001\?/);
    assert.deepEqual(broken.data, { kind: 'replace-id', suggestion: 'USER-001' });
  });

  it('publishes diagnostics of files that are not open, with related information', async () => {
    const spec = await client.diagnosticsOf('.moai/specs/SPEC-AUTH-001/spec.md', (d) => d.some((x) => x.code === 'stack/version-mismatch'));
    const mismatch = spec.find((d) => d.code === 'stack/version-mismatch')!;
    assert.equal(mismatch.relatedInformation?.[0]?.location.uri, client.uri('requirements.txt'));
    const quirk = await client.diagnosticsOf(USER_SPEC, (d) => d.some((x) => x.code === 'spec/frontmatter-invalid'));
    assert.equal(quirk.find((d) => d.code === 'spec/frontmatter-invalid')!.severity, 2);
  });

  it('re-diagnoses on didChange, and publishes only when diagnostics change', async () => {
    const uri = client.uri('src/user.py');
    await client.change('src/user.py', 2, USER_PY.replace('@API:USER-002', '@API:USER-001'));
    await client.diagnosticsOf('src/user.py', (d) => !d.some((x) => x.code === 'tag/unknown-spec'));
    const count = client.publications.filter((p) => p.uri === uri).length;
    await client.change('src/user.py', 3, USER_PY.replace('@API:USER-002', '@API:USER-001') + '\n# unrelated comment\n');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.publications.filter((p) => p.uri === uri).length, count, 'an edit that changes no diagnostic publishes nothing');
    await client.change('src/user.py', 4, USER_PY);
    await client.diagnosticsOf('src/user.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
  });

  it('an edit of a SPEC re-diagnoses the files that link to it', async () => {
    const spec = FILES[USER_SPEC]!;
    await client.open(USER_SPEC, spec, 'markdown');
    await client.change(USER_SPEC, 2, spec.replace('id: USER-001', 'id: USER-002').replace('@SPEC:USER-001', '@SPEC:USER-002'));
    const d = await client.diagnosticsOf('tests/test_user.py', (x) => x.some((y) => y.code === 'tag/unknown-spec'));
    assert.match(String(d[0]!.message), /@TEST:API-USER-001/);
    await client.change(USER_SPEC, 3, spec);
    await client.diagnosticsOf('tests/test_user.py', (x) => x.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri(USER_SPEC) } });
  });

  async function actionsFor(path: string, text: string, code: string, only?: string[]): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
    const diagnostics = await client.diagnosticsOf(path, (d) => d.some((x) => x.code === code));
    const diagnostic = diagnostics.find((x) => x.code === code)!;
    void text;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri(path) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    })) as CodeAction[];
    return { actions, diagnostic };
  }

  it('code actions: replace with the suggested ID, then the fixed text diagnoses clean', async () => {
    const { actions } = await actionsFor('src/user.py', USER_PY, 'tag/unknown-spec');
    const replace = actions.find((a) => a.title === 'Replace @API:USER-002 with @API:USER-001');
    assert.ok(replace, actions.map((a) => a.title).join(', '));
    assert.equal(replace.kind, 'quickfix');
    assert.equal(replace.isPreferred, true);
    const fixed = applyEdits(USER_PY, editsFor(replace.edit, client.uri('src/user.py')));
    assert.ok(fixed.includes('# @API:USER-001\ndef other'), fixed);
    await client.change('src/user.py', 10, fixed);
    await client.diagnosticsOf('src/user.py', (d) => !d.some((x) => x.code === 'tag/unknown-spec'));
    await client.change('src/user.py', 11, USER_PY);
    await client.diagnosticsOf('src/user.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
  });

  it('code actions: disable for this line in the file\'s comment syntax, honoured by the server', async () => {
    const { actions } = await actionsFor('src/user.py', USER_PY, 'tag/unknown-spec');
    const disable = actions.find((a) => a.title === 'Disable tag/unknown-spec for this line')!;
    const text = applyEdits(USER_PY, editsFor(disable.edit, client.uri('src/user.py')));
    assert.ok(text.includes('# specchain-disable-next-line tag/unknown-spec\n# @API:USER-002'), text);
    await client.change('src/user.py', 20, text);
    await client.diagnosticsOf('src/user.py', (d) => !d.some((x) => x.code === 'tag/unknown-spec'));
    await client.change('src/user.py', 21, USER_PY);
    await client.diagnosticsOf('src/user.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
  });

  it('code actions: respect context.only', async () => {
    const { actions } = await actionsFor('src/user.py', USER_PY, 'tag/unknown-spec', ['refactor']);
    assert.deepEqual(actions, []);
    const quick = await actionsFor('src/user.py', USER_PY, 'tag/unknown-spec', ['quickfix']);
    assert.ok(quick.actions.length >= 2);
  });

  it('code actions: create the missing SPEC from a template, shaped as the other SPECs of the workspace', async () => {
    const text = '# @API:ORDER-001\n';
    await client.open('src/order.py', text, 'python');
    const { actions } = await actionsFor('src/order.py', text, 'tag/unknown-spec');
    const create = actions.find((a) => a.title.startsWith('Create SPEC-ORDER-001'))!;
    assert.ok(create, actions.map((a) => a.title).join(', '));
    const changes = create.edit!.documentChanges!;
    const uri = client.uri('.moai/specs/SPEC-ORDER-001/spec.md');
    assert.deepEqual(changes[0], { kind: 'create', uri, options: { ignoreIfExists: true } } satisfies CreateFile);
    const inserted = applyEdits('', editsFor(create.edit, uri));
    // The fixture's SPECs write `id: USER-001`, MoAI's v2 fields and `# @SPEC:` titles: so does the new one.
    assert.match(inserted, /^---\nid: ORDER-001\n/);
    for (const field of ['version', 'status', 'created', 'updated', 'author', 'priority']) assert.match(inserted, new RegExp(`^${field}: `, 'm'));
    assert.doesNotMatch(inserted, /^(?:phase|lifecycle):/m);
    assert.match(inserted, /^# @SPEC:ORDER-001: /m);
    // The sidebar's tree tells the Create SPEC command the same shape.
    const tree = (await client.connection.sendRequest('specchain/specTree', {})) as { shape?: unknown };
    assert.deepEqual(tree.shape, { flat: false, schema: 'legacy', bareId: true, heading: 'tag' });
  });

  it('code actions: quote a YAML value', async () => {
    const spec = FILES[USER_SPEC]!;
    const { actions } = await actionsFor(USER_SPEC, spec, 'spec/frontmatter-invalid');
    const quote = actions.find((a) => a.title.startsWith('Quote the value'))!;
    assert.ok(applyEdits(spec, editsFor(quote.edit, client.uri(USER_SPEC))).includes('author: "@Goos"\n'));
  });

  it('code actions: update the SPEC version or the manifest version', async () => {
    const path = '.moai/specs/SPEC-AUTH-001/spec.md';
    const { actions } = await actionsFor(path, FILES[path]!, 'stack/version-mismatch');
    const toSpec = actions.find((a) => a.title.startsWith("Set the SPEC's version to 0.110.0"))!;
    assert.ok(applyEdits(FILES[path]!, editsFor(toSpec.edit, client.uri(path))).includes('version: "0.110.0"'));
    const toManifest = actions.find((a) => a.title.startsWith('Set requirements.txt to version 0.100.0'))!;
    assert.equal(applyEdits(FILES['requirements.txt']!, editsFor(toManifest.edit, client.uri('requirements.txt'))), 'fastapi==0.100.0\n');
  });

  it('code actions: pick a framework, one action per choice', async () => {
    const path = '.moai/specs/SPEC-PAY-001/spec.md';
    const { actions } = await actionsFor(path, FILES[path]!, 'stack/unsupported-framework');
    const pick = actions.filter((a) => a.title.endsWith('as stack.backend.framework'));
    assert.deepEqual(pick.map((a) => a.title), ['Use fastapi as stack.backend.framework']);
    assert.ok(applyEdits(FILES[path]!, editsFor(pick[0]!.edit, client.uri(path))).includes('    framework: fastapi\n'));
  });

  it('hover on a marker shows the SPEC title, status, chain and file', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('src/user.py') }, position: { line: 0, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /SPEC-USER-001\*\*: User registration/);
    assert.match(value, /Status: active/);
    assert.match(value, /Chain: 1 API · 1 TEST/);
    assert.match(value, /\.moai\/specs\/SPEC-USER-001\/spec\.md/);
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('src/user.py') }, position: { line: 1, character: 4 } });
    assert.equal(none, null);
  });

  it('go to definition: marker and dependency item lead to the SPEC title', async () => {
    const fromMarker = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: client.uri('tests/test_user.py') }, position: { line: 0, character: 10 } })) as Location[];
    assert.deepEqual(fromMarker.map((l) => [l.uri, l.range.start.line]), [[client.uri(USER_SPEC), 12]]);
    const fromDependency = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: client.uri(USER_SPEC) }, position: { line: 9, character: 8 } })) as Location[];
    assert.deepEqual(fromDependency.map((l) => l.uri), [client.uri('.moai/specs/SPEC-AUTH-001/spec.md')]);
  });

  it('find references: every marker of the SPEC, declaration on request', async () => {
    const params = { textDocument: { uri: client.uri('src/user.py') }, position: { line: 0, character: 6 } };
    const without = (await client.connection.sendRequest('textDocument/references', { ...params, context: { includeDeclaration: false } })) as Location[];
    assert.deepEqual(without.map((l) => [l.uri, l.range.start.line]), [[client.uri('src/user.py'), 0], [client.uri('tests/test_user.py'), 0]]);
    const withDecl = (await client.connection.sendRequest('textDocument/references', { ...params, context: { includeDeclaration: true } })) as Location[];
    assert.equal(withDecl.length, 3);
    assert.equal(withDecl[0]!.uri, client.uri(USER_SPEC));
  });

  it('completion: SPEC IDs after @TYPE: and tag types after @', async () => {
    await client.open('src/new.py', '# @API:US', 'python');
    const ids = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri('src/new.py') }, position: { line: 0, character: 9 } })) as CompletionItem[];
    const user = ids.find((i) => i.label === 'USER-001')!;
    assert.equal(user.detail, 'User registration');
    assert.deepEqual((user.textEdit as TextEdit).range, { start: { line: 0, character: 7 }, end: { line: 0, character: 9 } });
    assert.deepEqual(ids.map((i) => i.label).sort(), ['AUTH-001', 'PAY-001', 'USER-001']);
    await client.change('src/new.py', 2, '# @TE');
    const types = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri('src/new.py') }, position: { line: 0, character: 5 } })) as CompletionItem[];
    assert.deepEqual(types.map((i) => i.label), ['TEST']);
    assert.equal((types[0]!.textEdit as TextEdit).newText, 'TEST:');
  });

  it('prepareRename returns the ID range and refuses non-IDs', async () => {
    const onTest = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: client.uri('tests/test_user.py') }, position: { line: 0, character: 16 } })) as { range: unknown; placeholder: string };
    assert.deepEqual(onTest, { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 20 } }, placeholder: 'USER-001' });
    await assert.rejects(
      client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: client.uri('src/user.py') }, position: { line: 1, character: 4 } }),
      /SPEC ID/,
    );
    await assert.rejects(
      client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: client.uri('src/user.py') }, position: { line: 4, character: 8 } }),
      /not the ID of a SPEC/,
    );
  });

  it('rename changes frontmatter, title, folder, markers and dependency lists', async () => {
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri('src/user.py') }, position: { line: 0, character: 8 }, newName: 'MEMBER-001' })) as WorkspaceEdit;
    const spec = applyEdits(FILES[USER_SPEC]!, editsFor(edit, client.uri(USER_SPEC)));
    assert.match(spec, /^id: MEMBER-001$/m);
    assert.match(spec, /^# @SPEC:MEMBER-001: User registration$/m);
    assert.match(spec, /Chain: @API:MEMBER-001/);
    assert.equal(applyEdits(FILES['tests/test_user.py']!, editsFor(edit, client.uri('tests/test_user.py'))).split('\n')[0], '# @TEST:API-MEMBER-001');
    assert.ok(applyEdits(USER_PY, editsFor(edit, client.uri('src/user.py'))).startsWith('# @API:MEMBER-001 |'));
    const renames = edit.documentChanges!.filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename');
    assert.deepEqual(renames.map((r) => [r.oldUri, r.newUri]), [[client.uri('.moai/specs/SPEC-USER-001'), client.uri('.moai/specs/SPEC-MEMBER-001')]]);
    const last = edit.documentChanges!.at(-1)!;
    assert.ok('kind' in last && last.kind === 'rename', 'the folder is renamed after its files are edited');
    await assert.rejects(
      client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri('src/user.py') }, position: { line: 0, character: 8 }, newName: 'AUTH-001' }),
      /already exists/,
    );
  });

  it('rename of a dependency item edits the depending SPEC', async () => {
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(USER_SPEC) }, position: { line: 9, character: 10 }, newName: 'LOGIN-001' })) as WorkspaceEdit;
    assert.match(applyEdits(FILES[USER_SPEC]!, editsFor(edit, client.uri(USER_SPEC))), /^ {2}- SPEC-LOGIN-001$/m);
    const auth = '.moai/specs/SPEC-AUTH-001/spec.md';
    assert.match(applyEdits(FILES[auth]!, editsFor(edit, client.uri(auth))), /^id: LOGIN-001$/m);
  });

  it('code lens on the SPEC title counts the chain and shows references', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(USER_SPEC) } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]!.range.start.line, 12);
    assert.equal(lenses[0]!.command!.title, '1 API · 1 TEST');
    assert.equal(lenses[0]!.command!.command, 'specchain.showReferences');
    const checked = parseCommandArguments('specchain.showReferences', lenses[0]!.command!.arguments ?? []);
    assert.ok('ok' in checked, 'error' in checked ? checked.error : '');
    const [uri, position, locations] = checked.ok;
    assert.deepEqual(position, lenses[0]!.range.start);
    assert.equal(uri, client.uri(USER_SPEC));
    assert.deepEqual(locations.map((l) => l.uri), [client.uri('src/user.py'), client.uri('tests/test_user.py')]);
  });

  it('document links for header paths', async () => {
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: client.uri('src/user.py') } })) as DocumentLink[];
    assert.deepEqual(links.map((l) => l.target), [client.uri(USER_SPEC), client.uri('tests/test_user.py')]);
    assert.deepEqual(links[0]!.range, { start: { line: 0, character: 24 }, end: { line: 0, character: 57 } });
  });

  it('workspace symbols match ID or title', async () => {
    const byTitle = (await client.connection.sendRequest('workspace/symbol', { query: 'login' })) as SymbolInformation[];
    assert.deepEqual(byTitle.map((s) => s.name), ['SPEC-AUTH-001']);
    const byId = (await client.connection.sendRequest('workspace/symbol', { query: 'user-001' })) as SymbolInformation[];
    assert.deepEqual(byId.map((s) => [s.name, s.location.uri, s.containerName]), [['SPEC-USER-001', client.uri(USER_SPEC), 'User registration']]);
  });

  it('SpecTree: every SPEC with its chain, counts, missing tags and problems', async () => {
    const tree = await client.connection.sendRequest<SpecTreeRequest.Result>(SpecTreeRequest.method, {});
    assert.deepEqual(tree.specs.map((s) => s.id), ['AUTH-001', 'PAY-001', 'USER-001']);
    const user = tree.specs.find((s) => s.id === 'USER-001')!;
    assert.equal(user.title, 'User registration');
    assert.equal(user.uri, client.uri(USER_SPEC));
    assert.deepEqual(user.counts, { API: 1, TEST: 1 });
    assert.deepEqual(user.missing, []);
    assert.equal(user.completeness, 'complete');
    assert.deepEqual(user.tags.map((t) => [t.type, t.id, t.path]), [['API', 'USER-001', 'src/user.py'], ['TEST', 'API-USER-001', 'tests/test_user.py']]);
    assert.ok(user.problems.warnings >= 1);
    const auth = tree.specs.find((s) => s.id === 'AUTH-001')!;
    assert.equal(auth.completeness, 'none');
    assert.equal(auth.framework, 'fastapi');
    assert.equal(tree.totals.specs, 3);
    assert.ok(tree.totals.brokenLinks >= 1);
  });

  it('Stack: the detected services and frameworks', async () => {
    const stack = await client.connection.sendRequest<StackRequest.Result>(StackRequest.method, {});
    const frameworks = stack.services.flatMap((s) => s.frameworks.map((f) => [f.name, f.version, f.manifest]));
    assert.deepEqual(frameworks, [['fastapi', '==0.110.0', 'requirements.txt']]);
  });

  it('Plan: markdown, target URI and guidance, without writing the file', async () => {
    const plan = await client.connection.sendRequest<PlanRequest.Result>(PlanRequest.method, { specId: 'SPEC-USER-001' });
    assert.equal(plan.specId, 'USER-001');
    assert.equal(plan.targetUri, client.uri('.moai/docs/backend-architecture-USER-001.md'));
    assert.match(plan.markdown, /USER-001/);
    assert.match(plan.markdown, /POST \/users|\/users/);
    assert.equal(plan.guidance?.framework, 'fastapi');
    // The conventions of the service, each fact with the URI and line it comes from.
    assert.equal(plan.conventions?.service, '.');
    const raised = plan.conventions?.groups.find((g) => g.title === 'Errors')?.facts.find((f) => f.text === '`HTTPException`');
    assert.deepEqual(raised?.sources, [{ path: 'src/api.py', uri: client.uri('src/api.py'), line: 8 }]);
    assert.match(plan.markdown, /raised as `HTTPException` \(`src\/api\.py:8`\)/);
    assert.ok(!existsSync(join(client.root, '.moai/docs')), 'the server writes nothing');
    await assert.rejects(client.connection.sendRequest(PlanRequest.method, { specId: 'NOPE-404' }), /No SPEC has the ID NOPE-404/);
  });

  it('SpecAt: the SPEC of a marker or of a SPEC document', async () => {
    const onMarker = await client.connection.sendRequest<SpecAtRequest.Result>(SpecAtRequest.method, { uri: client.uri('tests/test_user.py'), position: { line: 0, character: 5 } });
    assert.deepEqual(onMarker, { specId: 'USER-001' });
    const inSpec = await client.connection.sendRequest<SpecAtRequest.Result>(SpecAtRequest.method, { uri: client.uri('.moai/specs/SPEC-AUTH-001/spec.md'), position: { line: 16, character: 0 } });
    assert.deepEqual(inSpec, { specId: 'AUTH-001' });
    const nowhere = await client.connection.sendRequest<SpecAtRequest.Result>(SpecAtRequest.method, { uri: client.uri('requirements.txt'), position: { line: 0, character: 0 } });
    assert.equal(nowhere, null);
  });

  it('watched file events index files changed on disk and send IndexChanged', async () => {
    writeFileSync(join(client.root, 'src/disk.py'), '# @DB:USR-001\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/disk.py'), type: 1 }] });
    const d = await client.diagnosticsOf('src/disk.py');
    const before = client.notifications.length;
    assert.match(String(d[0]!.message), /Did you mean USER-001\?/);
    const note = await client.until(() => client.notifications.slice(before).find((n) => n.method === IndexChangedNotification.method), 5000, 'indexChanged');
    const params = note.params as IndexChangedNotification.Params;
    assert.equal(params.specs, 3);
    // USER-002 in src/user.py, ORDER-001 in src/order.py, USR-001 in src/disk.py.
    assert.equal(params.brokenLinks, 3, JSON.stringify(params));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/disk.py'), type: 3 }] });
    await client.diagnosticsOf('src/disk.py', (x) => x.length === 0);
  });

  it('a changed .gitignore re-reads the folder: newly ignored files lose their diagnostics', async () => {
    mkdirSync(join(client.root, 'generated'), { recursive: true });
    writeFileSync(join(client.root, 'generated/out.py'), '# @API:GEN-001\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('generated/out.py'), type: 1 }] });
    await client.diagnosticsOf('generated/out.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
    writeFileSync(join(client.root, '.gitignore'), 'generated/\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.gitignore'), type: 1 }] });
    await client.diagnosticsOf('generated/out.py', (d) => d.length === 0);
    writeFileSync(join(client.root, 'generated/late.py'), '# @API:GEN-002\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('generated/late.py'), type: 1 }] });
    const tree = await client.connection.sendRequest<{ totals: { brokenLinks: number } }>('specchain/specTree', {});
    const withoutIgnored = tree.totals.brokenLinks;
    rmSync(join(client.root, '.gitignore'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.gitignore'), type: 3 }] });
    await client.diagnosticsOf('generated/late.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
    const after = await client.connection.sendRequest<{ totals: { brokenLinks: number } }>('specchain/specTree', {});
    assert.equal(after.totals.brokenLinks, withoutIgnored + 2, 'both generated files count once no longer ignored');
    rmSync(join(client.root, 'generated'), { recursive: true, force: true });
    await client.connection.sendRequest('specchain/refresh', {});
  });

  it('Refresh re-reads the workspace from disk', async () => {
    writeFileSync(join(client.root, 'src/late.py'), '# @API:LATE-001\n');
    const result = await client.connection.sendRequest<RefreshRequest.Result>(RefreshRequest.method, {});
    assert.ok(result.files >= 7, JSON.stringify(result));
    await client.diagnosticsOf('src/late.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
  });

  it('settings from workspace/configuration apply on didChangeConfiguration', async () => {
    client.settings = { rules: { 'tag/unknown-spec': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsOf('src/late.py', (d) => d.length === 0);
    client.settings = null;
  });
});
