import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { SERVER, TestClient, writeWorkspace } from './client';
import { FILES } from './fixture';

const EDITS = 20_000;

// A session of typing: each edit writes an ID never seen before into an open source file of a
// few kilobytes. What the server keeps per ID (caches keyed by the IDs typed, each key holding
// the text of the document version it was cut from) must not add up under a small heap.
describe('language server: memory over a long editing session', function () {
  this.timeout(600_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(FILES), { node: ['--max-old-space-size=64'] });
    await client.initialize();
    await client.until(() => client.notifications.some((n) => n.method === 'specchain/indexChanged'), 30_000, 'the first index');
  });
  after(async () => client?.dispose());

  it(`lives through ${EDITS.toLocaleString('en')} edits that each type a new ID under a 64 MB heap, and still answers`, async () => {
    const exited = new Promise<string>((done) => client.child.once('exit', (code, signal) => done(`the server exited (${code ?? signal}) ${client.stderr.slice(-600)}`)));
    // About 3 KB of ordinary tagged Python around the line being typed.
    const body = Array.from({ length: 60 }, (_, i) => `def handler_${i}(request):\n    return request\n`).join('') + FILES['src/user.py'];
    await client.open('src/typing.py', `# @API:USER-001\n${body}`, 'python');
    const at = { textDocument: { uri: client.uri('src/typing.py') }, position: { line: 0, character: 8 } };
    for (let i = 0; i < EDITS; i++) {
      await client.change('src/typing.py', i + 2, `# @API:TYPEDNEW-${String(i).padStart(5, '0')}\n${body}`);
      // A request after each edit: the edit is processed before the next one is sent.
      const answered = await Promise.race([client.connection.sendRequest(HoverRequest.type, at), exited]);
      if (typeof answered === 'string') assert.fail(`after ${i} edits: ${answered}`);
    }
    await client.change('src/typing.py', EDITS + 2, `# @API:USER-001\n${body}`);
    const hover: Hover | string | null = await Promise.race([client.connection.sendRequest(HoverRequest.type, at), exited]);
    if (typeof hover === 'string') assert.fail(hover);
    assert.match(JSON.stringify(hover?.contents ?? ''), /USER-001/);
    await client.diagnosticsOf('src/typing.py', (d) => d.every((x) => !JSON.stringify(x.message).includes('TYPEDNEW')), 30_000);
  });
});
