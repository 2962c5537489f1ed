import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient, writeWorkspace } from './client';
import { FILES } from './fixture';

// Neovim 0.7 registers no file watchers: the server then watches the disk itself.
describe('language server without client file watching', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient(writeWorkspace(FILES));
    await client.initialize(undefined, { workspace: { configuration: false } });
    await client.diagnosticsOf('src/user.py');
  });
  after(async () => client?.dispose());

  it('registers no watcher and notices files written, fixed and deleted on disk', async () => {
    assert.equal(client.registrations.length, 0);
    writeFileSync(join(client.root, 'src/disk.py'), '# @API:USER-777\n');
    await client.diagnosticsOf('src/disk.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
    writeFileSync(join(client.root, 'src/disk.py'), '# @API:USER-001\n');
    await client.diagnosticsOf('src/disk.py', (d) => d.length === 0);
    writeFileSync(join(client.root, 'src/disk.py'), '# @API:USER-778\n');
    await client.diagnosticsOf('src/disk.py', (d) => d.length === 1);
    rmSync(join(client.root, 'src/disk.py'));
    await client.diagnosticsOf('src/disk.py', (d) => d.length === 0);
  });

  it('watches new folders, and ignores node_modules', async () => {
    mkdirSync(join(client.root, 'lib/deep'), { recursive: true });
    writeFileSync(join(client.root, 'lib/deep/new.py'), '# @DB:USER-779\n');
    await client.diagnosticsOf('lib/deep/new.py');
    mkdirSync(join(client.root, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(client.root, 'node_modules/pkg/x.js'), '// @API:USER-780\n');
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(client.diagnostics.has(client.uri('node_modules/pkg/x.js')), false);
  });
});
