import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoverRequest, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { SERVER, TestClient, writeWorkspace } from './client';

const SPEC = '---\nid: HOST-001\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:HOST-001: Hostile\n';

describe('language server: hostile documents', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace({ '.moai/specs/SPEC-HOST-001/spec.md': SPEC, 'src/a.ts': '// @API:HOST-001\n' }));
    await client.initialize();
    await client.open('src/a.ts', '// @API:HOST-001\n', 'typescript');
  });
  after(async () => client?.dispose());

  it('a 21 MB didChange gets a diagnostic saying it is over the limit', async () => {
    await client.open('src/big.ts', '// @API:NOPE-001\n', 'typescript');
    await client.diagnosticsOf('src/big.ts', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
    await client.change('src/big.ts', 2, '// @API:NOPE-001\n'.repeat(1_250_000));
    const d = await client.diagnosticsOf('src/big.ts', (x) => x.some((y) => /over the specchain\.maxFileSize limit/.test(JSON.stringify(y.message))));
    assert.equal(d.length, 1);
  });

  it('answers hover within a second while a hostile text is open', async () => {
    await client.open('src/dashes.ts', `// @API:${'-'.repeat(150_000)}X\n// specchain-disable-next-line ${'a'.repeat(200_000)}\n`, 'typescript');
    // The hover is queued behind the parse of the hostile text, which must stay short.
    const started = Date.now();
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri('src/a.ts') }, position: { line: 0, character: 6 } });
    assert.ok(Date.now() - started < 1_000, `hover took ${Date.now() - started} ms`);
    assert.match(JSON.stringify((hover as Hover | null)?.contents ?? ''), /HOST-001/);
  });
});

describe('language server: quick fixes that would write through a link out of the workspace', function () {
  this.timeout(60_000);

  it('offers no Create SPEC where .moai/specs is a link to a folder outside; the other fixes stay', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'specchain-outside-'));
    const code = '// @MX:NOTE: creates orders\n// @MX:SPEC: SPEC-NEW-001\nexport function create(): void {}\n';
    const fixes = async (linked: boolean): Promise<string[]> => {
      const root = writeWorkspace({ 'src/orders.ts': code, '.moai/README.md': 'SPECs live in specs/\n' });
      if (linked) symlinkSync(outside, join(root, '.moai', 'specs'));
      else mkdirSync(join(root, '.moai', 'specs'));
      const client = new TestClient(root);
      try {
        await client.initialize();
        await client.open('src/orders.ts', code, 'typescript');
        const diagnostics = await client.diagnosticsOf('src/orders.ts', (d) => d.some((x) => x.code === 'mx/unknown-spec'));
        const unknown = diagnostics.filter((d: Diagnostic) => d.code === 'mx/unknown-spec');
        const actions = (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: client.uri('src/orders.ts') },
          range: unknown[0]!.range,
          context: { diagnostics: unknown, only: ['quickfix'] },
        })) as CodeAction[];
        return actions.map((a) => a.title);
      } finally {
        await client.dispose();
        rmSync(root, { recursive: true, force: true });
      }
    };
    try {
      const inside = await fixes(false);
      assert.ok(inside.some((t) => t.startsWith('Create SPEC-NEW-001')), inside.join(' | '));
      const linked = await fixes(true);
      assert.ok(!linked.some((t) => t.startsWith('Create SPEC')), linked.join(' | '));
      assert.deepEqual(linked, inside.filter((t) => !t.startsWith('Create SPEC')));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('language server: after shutdown', function () {
  this.timeout(60_000);

  it('refuses requests after shutdown with InvalidRequest, and still exits on exit', async () => {
    const client = new TestClient(writeWorkspace({ '.moai/specs/SPEC-HOST-001/spec.md': SPEC, 'src/a.ts': '// @API:HOST-001\n' }));
    try {
      await client.initialize();
      await client.open('src/a.ts', '// @API:HOST-001\n', 'typescript');
      await client.until(() => client.notifications.some((n) => n.method === 'specchain/indexChanged'), 20_000, 'the first index');
      const at = { textDocument: { uri: client.uri('src/a.ts') }, position: { line: 0, character: 6 } };
      assert.ok(await client.connection.sendRequest(HoverRequest.type, at), 'hover answers before shutdown');
      await client.connection.sendRequest('shutdown');
      await assert.rejects(client.connection.sendRequest(HoverRequest.type, at), (e: { code?: number }) => e.code === -32600);
      const exited = new Promise<number | null>((done) => client.child.once('exit', (code) => done(code)));
      await client.connection.sendNotification('exit');
      assert.equal(await exited, 0, 'exit after shutdown ends the server with 0');
    } finally {
      await client.dispose();
    }
  });
});
