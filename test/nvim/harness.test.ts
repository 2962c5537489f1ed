import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildLuaScript, collectDiagnostics, hasNvim, parseNvimOutput } from './harness';

// Absolute paths: nvim starts the server in the temp workspace, far from node_modules.
const TODO_SERVER = [process.execPath, '--require', require.resolve('tsx/cjs'), resolve(__dirname, 'fixtures', 'todoServer.ts'), '--stdio'];

describe('nvim harness', function () {
  this.timeout(60_000);
  let workspace: string;

  before(function () {
    if (!hasNvim()) throw new Error('nvim is not installed: run scripts/install-test-deps.sh');
    workspace = mkdtempSync(join(tmpdir(), 'specchain nvim ]] ws-'));
    writeFileSync(join(workspace, 'notes.py'), 'x = 1\n# TODO: first\ny = 2\n    # TODO second\n');
    writeFileSync(join(workspace, 'clean.py'), 'x = 1\n');
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('embeds paths with quotes and brackets intact in the Lua script', () => {
    const lua = buildLuaScript({ serverCommand: ['srv', "it's ]==] odd"], workspace: '/tmp/a ]] b', file: 'x.md' });
    const match = /json_decode\((\[=*\[)(.*)(\]=*\])\)/.exec(lua);
    assert.ok(match, 'script decodes its parameters from a long bracket string');
    assert.equal(match[1]!.length, match[3]!.length);
    assert.ok(!match[2]!.includes(match[3]!), 'the closing bracket does not occur inside the JSON');
    const params = JSON.parse(match[2]!) as { cmd: string[]; file: string; min: number };
    assert.deepEqual(params.cmd, ['srv', "it's ]==] odd"]);
    assert.equal(params.file, '/tmp/a ]] b/x.md');
    assert.equal(params.min, 1);
  });

  it('reports a clear error when nvim printed no result', () => {
    assert.throws(() => parseNvimOutput('garbage'), /nvim printed no result/);
  });

  it('collects the diagnostics a real server publishes to nvim', async () => {
    const result = await collectDiagnostics({ serverCommand: TODO_SERVER, workspace, file: 'notes.py', minDiagnostics: 2 });
    assert.equal(result.reached, true, result.stderr);
    assert.equal(result.initialized, true);
    const found = result.diagnostics.map((d) => [d.lnum, d.col, d.end_col, d.severity, d.code, d.message]);
    assert.deepEqual(found.sort(), [
      [1, 2, 6, 2, 'fixture/todo', 'TODO on line 2'],
      [3, 6, 10, 2, 'fixture/todo', 'TODO on line 4'],
    ]);
  });

  it('waits for initialization only when no diagnostics are expected', async () => {
    const result = await collectDiagnostics({ serverCommand: TODO_SERVER, workspace, file: 'clean.py', minDiagnostics: 0, settleMs: 300 });
    assert.equal(result.initialized, true);
    assert.deepEqual(result.diagnostics, []);
  });

  it('fails with the command in the message when the server cannot start', async () => {
    await assert.rejects(
      collectDiagnostics({ serverCommand: ['/nonexistent/specchain-server'], workspace, file: 'clean.py', timeoutMs: 2_000 }),
      /nonexistent\/specchain-server/,
    );
  });
});
