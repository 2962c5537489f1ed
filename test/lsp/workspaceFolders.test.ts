import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWorkspaceFoldersNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { CAPABILITIES, SERVER, TestClient, writeWorkspace } from './client';

const spec = (id: string, title: string): string =>
  `---\nid: ${id}\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: ${title}\n\nThe system SHALL ${title.toLowerCase()}. POST /${title.toLowerCase()}\n`;

const folder = (root: string): { uri: string; name: string } => ({ uri: pathToFileURL(root).href, name: root.slice(root.lastIndexOf('/') + 1) });
const uriIn = (root: string, path: string): string => pathToFileURL(join(root, ...path.split('/'))).href;

/** Initializes with several workspace folders, as VS Code does for a multi-root workspace. */
async function initializeWith(client: TestClient, roots: readonly string[]): Promise<InitializeResult> {
  const result = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: roots.map(folder),
    capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, workspaceFolders: true } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return result;
}

const loads = (client: TestClient): number => client.notifications.filter((n) => n.method === 'window/logMessage' && /files indexed in/.test((n.params as { message: string }).message)).length;

describe('language server: workspace folders', function () {
  this.timeout(60_000);
  const roots: string[] = [];
  let client: TestClient | undefined;

  before(() => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('declares folder support, indexes a folder added later and withdraws its diagnostics when it is removed', async () => {
    const a = writeWorkspace({ '.moai/specs/SPEC-ALPHA-001/spec.md': spec('ALPHA-001', 'Alpha'), 'src/a.py': '# @API:ALPHA-404\n' });
    const b = writeWorkspace({ '.moai/specs/SPEC-BETA-001/spec.md': spec('BETA-001', 'Beta'), 'src/b.py': '# @API:BETA-001\n# @API:BETA-404\n' });
    roots.push(b);
    client = new TestClient(a);
    const init = await initializeWith(client, [a]);
    assert.deepEqual(init.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    await client.diagnosticsOf('src/a.py');

    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folder(b)], removed: [] } });
    const c = client;
    await c.until(() => c.diagnostics.get(uriIn(b, 'src/b.py'))?.some((d) => JSON.stringify(d.message).includes('BETA-404')), 20_000, 'diagnostics of the added folder');
    assert.equal(c.diagnostics.get(uriIn(b, 'src/b.py'))!.length, 1, 'BETA-001 resolves in its own folder');
    const hover: Hover | null = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriIn(b, 'src/b.py') }, position: { line: 0, character: 8 } });
    assert.match(JSON.stringify(hover?.contents ?? ''), /Beta/);

    const published = [...c.diagnostics].filter(([uri, d]) => uri.startsWith(folder(b).uri + '/') && d.length > 0).map(([uri]) => uri);
    assert.ok(published.length >= 1);
    await c.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder(b)] } });
    await c.until(() => published.every((uri) => c.diagnostics.get(uri)?.length === 0), 20_000, 'empty diagnostics for the removed folder');
    const tree = (await c.connection.sendRequest('specchain/specTree', {})) as { specs: { id: string }[] };
    assert.deepEqual(tree.specs.map((s) => s.id), ['ALPHA-001']);
    assert.equal(c.diagnostics.get(uriIn(a, 'src/a.py'))?.length, 1, 'the remaining folder keeps its diagnostics');
  });

  it('plans a SPEC ID that two folders hold in the folder asked for, and answers the choices when none is named', async () => {
    const a = writeWorkspace({ '.moai/specs/SPEC-DUP-001/spec.md': spec('DUP-001', 'Alpha') });
    const b = writeWorkspace({ '.moai/specs/SPEC-DUP-001/spec.md': spec('DUP-001', 'Beta') });
    roots.push(b);
    client = new TestClient(a);
    await initializeWith(client, [a, b]);
    const c = client;
    await c.until(() => loads(c) === 2, 30_000, 'both folders loaded');

    const fromB = (await c.connection.sendRequest('specchain/plan', { specId: 'SPEC-DUP-001', uri: uriIn(b, '.moai/specs/SPEC-DUP-001/spec.md') })) as { markdown: string; targetUri: string };
    assert.ok(fromB.targetUri.startsWith(folder(b).uri + '/'), fromB.targetUri);
    assert.match(fromB.markdown, /Beta/);
    assert.doesNotMatch(fromB.markdown, /Alpha/);
    const fromA = (await c.connection.sendRequest('specchain/plan', { specId: 'DUP-001', uri: folder(a).uri })) as { markdown: string; targetUri: string };
    assert.ok(fromA.targetUri.startsWith(folder(a).uri + '/'), fromA.targetUri);
    assert.match(fromA.markdown, /Alpha/);

    await assert.rejects(c.connection.sendRequest('specchain/plan', { specId: 'SPEC-DUP-001' }), (e: { message: string; data?: { choices?: { uri: string; folder: string }[] } }) => {
      assert.match(e.message, /in 2 workspace folders/);
      assert.deepEqual(
        e.data?.choices?.map((x) => x.uri).sort(),
        [uriIn(a, '.moai/specs/SPEC-DUP-001/spec.md'), uriIn(b, '.moai/specs/SPEC-DUP-001/spec.md')].sort(),
      );
      return true;
    });
  });

  it('gives the files of a nested folder to the nested folder only', async () => {
    const outer = writeWorkspace({
      '.moai/specs/SPEC-OUT-001/spec.md': spec('OUT-001', 'Outer'),
      'src/out.py': '# @API:OUT-001\n',
      'inner/.moai/specs/SPEC-IN-001/spec.md': spec('IN-001', 'Inner'),
      'inner/src/in.py': '# @API:IN-001\n',
    });
    const inner = join(outer, 'inner');
    client = new TestClient(outer);
    await initializeWith(client, [outer, inner]);
    const c = client;
    // Each folder diagnoses right after its load; the index-changed notice after both loads follows both passes.
    const settled = (): boolean => {
      const logged = c.notifications.filter((n) => n.method === 'window/logMessage' && /files indexed in/.test((n.params as { message: string }).message));
      return logged.length >= 2 && c.notifications.slice(c.notifications.indexOf(logged[1]!)).some((n) => n.method === 'specchain/indexChanged');
    };
    await c.until(settled, 30_000, 'both folders loaded and diagnosed');
    const tree = (await c.connection.sendRequest('specchain/specTree', {})) as { specs: { id: string; uri: string }[] };
    assert.deepEqual(tree.specs.map((s) => s.id).sort(), ['IN-001', 'OUT-001'], 'each SPEC listed once');
    // The outer folder does not know IN-001 (its SPEC is the inner folder's): had it indexed
    // inner/src/in.py, it would publish a broken link there.
    const inUri = uriIn(outer, 'inner/src/in.py');
    assert.deepEqual(c.publications.filter((p) => p.uri === inUri && p.diagnostics.length > 0), []);
    assert.equal(loads(c), 2);

    // Without the nested folder, the outer one takes its files back (where IN-001 is no SPEC of its own).
    await c.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder(inner)] } });
    await c.until(() => c.diagnostics.get(inUri)?.some((d) => d.code === 'tag/unknown-spec'), 30_000, 'the outer folder reading inner/src/in.py');
    const after = (await c.connection.sendRequest('specchain/specTree', {})) as { specs: { id: string }[] };
    assert.deepEqual(after.specs.map((s) => s.id), ['OUT-001']);
  });
});
