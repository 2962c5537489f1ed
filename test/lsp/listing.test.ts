import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SERVER, TestClient, writeWorkspace } from './client';

const spec = (id: string): string => `---\nid: ${id}\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: Linked\n`;

/** Every diagnostic code the server has published, over all files. */
const codes = (client: TestClient): string[] => [...client.diagnostics.values()].flat().map((d) => String(d.code));

describe('language server: one listing rule with the CLI', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  before(() => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  afterEach(async () => client?.dispose());

  it('a symlinked SPEC folder is no duplicate, whether the editor opens it or a watcher reports it', async () => {
    const root = writeWorkspace({ '.moai/specs/SPEC-LINK-001/spec.md': spec('LINK-001'), 'src/a.ts': '// @API:LINK-001\n// @TEST:LINK-001\n' });
    symlinkSync('SPEC-LINK-001', path.join(root, '.moai/specs/SPEC-LINK-COPY'));
    const cli = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'specchain.js'), 'check', root, '--no-cache', '--format', 'json'], { encoding: 'utf8' });
    const cliCodes = (JSON.parse(cli.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    assert.ok(!cliCodes.includes('spec/duplicate-id'), cli.stdout);
    client = new TestClient(root);
    await client.initialize();
    await client.open('src/a.ts', '// @API:LINK-001\n// @TEST:LINK-001\n', 'typescript');
    await client.until(() => client!.notifications.some((n) => n.method === 'specchain/indexChanged'), 20_000, 'the first index');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.moai/specs/SPEC-LINK-COPY/spec.md'), type: 1 }] });
    await client.open('.moai/specs/SPEC-LINK-COPY/spec.md', spec('LINK-001'), 'markdown');
    // A change of the real SPEC afterwards: its diagnostics come after anything the two events did.
    await client.open('.moai/specs/SPEC-LINK-001/spec.md', spec('LINK-001') + '\nMore.\n', 'markdown');
    await client.diagnosticsOf('.moai/specs/SPEC-LINK-001/spec.md', () => true);
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!codes(client).includes('spec/duplicate-id'), JSON.stringify([...client.diagnostics]));
    assert.equal(client.diagnostics.get(client.uri('.moai/specs/SPEC-LINK-COPY/spec.md'))?.length ?? 0, 0);
  });

  it('a SPEC folder that cannot be read is named in the log, with the reason', async function () {
    const root = writeWorkspace({ '.moai/specs/SPEC-OPEN-001/spec.md': spec('OPEN-001'), '.moai/specs/SPEC-SHUT-001/spec.md': spec('SHUT-001') });
    chmodSync(path.join(root, '.moai/specs/SPEC-SHUT-001'), 0);
    const asRoot = process.getuid?.() === 0;
    // Root reads any folder: run the server as nobody where it can.
    if (asRoot && spawnSync('setpriv', ['--version']).status !== 0) return this.skip();
    chmodSync(root, 0o755);
    client = new TestClient(root, asRoot ? { command: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] } : {});
    await client.initialize();
    const line = await client.until(() => client!.notifications.map((n) => JSON.stringify(n.params)).find((p) => p.includes('could not be read')), 20_000, 'the log line');
    assert.match(line, /\.moai\/specs\/SPEC-SHUT-001 \(EACCES\)/);
    chmodSync(path.join(root, '.moai/specs/SPEC-SHUT-001'), 0o755);
  });

  it('a folder the editor reports as made is read whole: the SPEC written into it at once is indexed, files gone from it are dropped', async () => {
    const root = writeWorkspace({ 'src/a.ts': '// @API:NEW-001\n', '.moai/specs/SPEC-OLD-001/spec.md': spec('OLD-001'), 'src/b.ts': '// @API:OLD-001\n' });
    client = new TestClient(root);
    await client.initialize();
    await client.diagnosticsOf('src/a.ts', (d) => d.some((x) => x.code === 'tag/unknown-spec'), 20_000);
    // The watcher of an editor reports the new folder, not the file written into it the same instant.
    mkdirSync(path.join(root, '.moai/specs/SPEC-NEW-001'));
    writeFileSync(path.join(root, '.moai/specs/SPEC-NEW-001/spec.md'), spec('NEW-001'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.moai/specs/SPEC-NEW-001'), type: 1 }] });
    await client.diagnosticsOf('src/a.ts', (d) => !d.some((x) => x.code === 'tag/unknown-spec'), 20_000);
    // A folder made again with other contents (a branch switch), reported as one change: the SPEC it lost is gone.
    rmSync(path.join(root, '.moai/specs/SPEC-OLD-001/spec.md'));
    writeFileSync(path.join(root, '.moai/specs/SPEC-OLD-001/notes.md'), 'Nothing declared here.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.moai/specs/SPEC-OLD-001'), type: 2 }] });
    await client.diagnosticsOf('src/b.ts', (d) => d.some((x) => x.code === 'tag/unknown-spec'), 20_000);
  });
});
