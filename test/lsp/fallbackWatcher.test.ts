import * as assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient, writeWorkspace } from './client';
import { EVIDENCE_FILES, PYTEST_XML } from '../fixtures/evidence';
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

/** Diagnostics by URI as `code@line`, files without any left out: what a user sees in the problems list. */
function problems(client: TestClient): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri, list] of client.diagnostics) if (list.length > 0) out.set(uri, list.map((d) => `${String(d.code)}@${d.range.start.line}`).sort().join(' '));
  return out;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [uri, d] of a) if (b.get(uri) !== d) out.push(`${uri}: ${d} vs ${b.get(uri) ?? 'none'}`);
  for (const [uri, d] of b) if (!a.has(uri)) out.push(`${uri}: none vs ${d}`);
  return out;
}

const WITHOUT_WATCHING = { workspace: { configuration: false } };
const SPEC_BR = '---\nid: BR-001\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:BR-001: Branch\n';

describe('language server without client file watching: changes during the first load', function () {
  this.timeout(180_000);
  const clients: TestClient[] = [];
  after(async () => {
    for (const c of clients.reverse()) await c.dispose();
  });

  it('ends a branch switch made while it indexes where a fresh load of the new tree ends', async () => {
    const files: Record<string, string> = { '.moai/specs/SPEC-BR-001/spec.md': SPEC_BR };
    for (let i = 0; i < 2_000; i++) files[`src/fill/f${i}.py`] = `# @API:BR-001\ndef f${i}():\n    pass\n`;
    for (let i = 0; i < 150; i++) {
      files[`src/old/o${i}.py`] = `# @API:OLD-${String(i).padStart(3, '0')}\n`;
      files[`src/keep/k${i}.py`] = `# @API:BR-001\n`;
    }
    const client = new TestClient(writeWorkspace(files));
    clients.push(client);
    await client.initialize(undefined, WITHOUT_WATCHING);
    // The load has listed the tree and reads it: switch branches now.
    await client.until(() => client.notifications.some((n) => n.method === 'specchain/indexProgress' && (n.params as { done: boolean }).done === false), 60_000, 'the first listing');
    rmSync(join(client.root, 'src/old'), { recursive: true });
    mkdirSync(join(client.root, 'src/new'));
    for (let i = 0; i < 150; i++) {
      writeFileSync(join(client.root, `src/new/n${i}.py`), `# @API:NEW-${String(i).padStart(3, '0')}\n`);
      writeFileSync(join(client.root, `src/keep/k${i}.py`), `# @API:KEEP-${String(i).padStart(3, '0')}\n`);
    }
    // A fresh server on the tree as the switch left it is the truth to reach.
    const fresh = new TestClient(client.root);
    await fresh.initialize(undefined, WITHOUT_WATCHING);
    await fresh.until(() => fresh.notifications.some((n) => n.method === 'specchain/indexChanged') && problems(fresh).size >= 300, 120_000, 'the fresh load');
    const truth = problems(fresh);
    for (let i = 0; i < 150; i++) assert.ok(truth.has(fresh.uri(`src/new/n${i}.py`)) && truth.has(fresh.uri(`src/keep/k${i}.py`)), `a broken link in n${i} and k${i}`);
    await client.until(() => differences(problems(client), truth).length === 0, 60_000, 'the end state of a fresh load').catch((e: Error) => {
      const diff = differences(problems(client), truth);
      throw new Error(`${diff.length} files differ from a fresh load, e.g.\n${diff.slice(0, 5).join('\n')}\n${e.message.slice(0, 200)}`);
    });
    await fresh.connection.sendRequest('shutdown').catch(() => undefined);
    fresh.connection.dispose();
    fresh.child.kill();
  });
});

describe('language server without client file watching: folders deleted and made again', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient(writeWorkspace({ ...FILES, 'lib/mod/a.py': '# @API:USER-001\n', 'lib/mod/b.py': '# @API:GONE-001\n' }));
    await client.initialize(undefined, WITHOUT_WATCHING);
    await client.diagnosticsOf('lib/mod/b.py');
  });
  after(async () => client?.dispose());

  it('forgets what a folder made again no longer holds, and keeps watching it', async () => {
    // As a checkout does: the folder goes, and comes back under the same name within a moment.
    rmSync(join(client.root, 'lib/mod'), { recursive: true });
    mkdirSync(join(client.root, 'lib/mod/deep'), { recursive: true });
    writeFileSync(join(client.root, 'lib/mod/c.py'), '# @API:NEWC-001\n');
    await client.diagnosticsOf('lib/mod/c.py');
    await client.diagnosticsOf('lib/mod/b.py', (d) => d.length === 0);
    // Written later, into the folder and the one under it made again: seen through their new watches.
    writeFileSync(join(client.root, 'lib/mod/d.py'), '# @API:NEWD-001\n');
    writeFileSync(join(client.root, 'lib/mod/deep/e.py'), '# @API:NEWE-001\n');
    await client.diagnosticsOf('lib/mod/d.py');
    await client.diagnosticsOf('lib/mod/deep/e.py');
  });

  it('clears every diagnostic of a root folder moved away or deleted, and reads it again when it comes back', async () => {
    const had = [...client.diagnostics].filter(([, d]) => d.length > 0).map(([uri]) => uri);
    assert.ok(had.length >= 3, had.join(' '));
    const cleared = (what: string): Promise<unknown> => client.until(() => had.every((uri) => client.diagnostics.get(uri)?.length === 0), 20_000, `empty diagnostics for every file of the root ${what}`);
    const back = (): Promise<unknown> => client.diagnosticsOf('src/user.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'), 20_000);
    // Moved away, the folder's files send no events of their own: only the root's name goes.
    renameSync(client.root, `${client.root}-away`);
    await cleared('moved away');
    renameSync(`${client.root}-away`, client.root);
    await back();
    rmSync(client.root, { recursive: true });
    await cleared('deleted');
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(client.root, path, '..'), { recursive: true });
      writeFileSync(join(client.root, path), text);
    }
    await back();
  });
});

describe('language server without client file watching: test results', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient(writeWorkspace({ ...EVIDENCE_FILES, '.gitignore': 'test-results/\n' }));
    await client.initialize({ testResults: ['backend/test-results/*.xml'], rules: { 'spec/no-frontmatter': 'off' } }, WITHOUT_WATCHING);
    await client.until(() => client.notifications.some((n) => n.method === 'specchain/indexChanged'), 30_000, 'the first index');
  });
  after(async () => client?.dispose());

  it('reads a result file written later into an ignored folder the testResults globs start from', async () => {
    const spec = '.moai/specs/SPEC-AUTH-001/spec.md';
    assert.ok(!(client.diagnostics.get(client.uri(spec)) ?? []).some((x) => x.code === 'evidence/failing'));
    mkdirSync(join(client.root, 'backend/test-results'), { recursive: true });
    writeFileSync(join(client.root, 'backend/test-results/junit.xml'), PYTEST_XML);
    const d = await client.diagnosticsOf(spec, (list) => list.some((x) => x.code === 'evidence/failing'), 30_000);
    assert.match(JSON.stringify(d.find((x) => x.code === 'evidence/failing')!.message), /REQ-AUTH-002 is failing/);
  });
});
