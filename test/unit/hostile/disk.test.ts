import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FolderPaths } from '../../../server/src/lsp/uris';
import { readWorkspaceFile, writeWorkspaceFile, OutsideWorkspaceError } from '../../../server/src/node/workspaceFiles';
import { checkedData } from '../../../server/src/service/diagnosticData';
import { BIN, ensureBuilt } from '../../fixtures/cli';

const SPEC = '---\nid: PAY-001\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:PAY-001: Payments\n';


/** Runs the built CLI as a user would, with a time limit: a hang fails the test. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('hostile input: nothing read or written outside the workspace', function () {
  this.timeout(60_000);
  let base: string;
  let ws: string;
  let outside: string;
  const saved = process.env.SPECCHAIN_CACHE_DIR;

  before(() => {
    ensureBuilt();
  });

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'specchain-hostile-'));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    mkdirSync(path.join(ws, '.moai/specs/SPEC-PAY-001'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(ws, '.moai/specs/SPEC-PAY-001/spec.md'), SPEC);
    process.env.SPECCHAIN_CACHE_DIR = path.join(base, 'cache');
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SPECCHAIN_CACHE_DIR;
    else process.env.SPECCHAIN_CACHE_DIR = saved;
  });

  it('plan refuses a .moai/docs link that leaves the workspace', async () => {
    symlinkSync(outside, path.join(ws, '.moai/docs'));
    const r = await cli(['plan', 'PAY-001', ws]);
    assert.equal(r.code, 2);
    assert.match(r.err, /refusing to write .*leads outside the workspace/);
    assert.deepEqual(execFileSync('ls', ['-A', outside]).toString(), '');
  });

  it('plan --force never writes through a plan-file link out, nor creates a dangling link\'s target', async () => {
    mkdirSync(path.join(ws, '.moai/docs'));
    const victim = path.join(outside, 'victim.md');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, path.join(ws, '.moai/docs/backend-architecture-PAY-001.md'));
    const forced = await cli(['plan', 'PAY-001', ws, '--force']);
    assert.equal(forced.code, 2, forced.err);
    assert.equal(readFileSync(victim, 'utf8'), 'keep me');
    rmSync(path.join(ws, '.moai/docs/backend-architecture-PAY-001.md'));
    symlinkSync(path.join(outside, 'created.md'), path.join(ws, '.moai/docs/backend-architecture-PAY-001.md'));
    const dangling = await cli(['plan', 'PAY-001', ws]);
    assert.equal(dangling.code, 2);
    assert.match(dangling.err, /dangling/);
    assert.equal(existsSync(path.join(outside, 'created.md')), false);
  });

  it('a plan-file link inside the workspace is replaced by the file, the linked file untouched', async () => {
    mkdirSync(path.join(ws, '.moai/docs'));
    writeFileSync(path.join(ws, 'notes.md'), 'mine');
    symlinkSync(path.join(ws, 'notes.md'), path.join(ws, '.moai/docs/backend-architecture-PAY-001.md'));
    const r = await cli(['plan', 'PAY-001', ws, '--force']);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(path.join(ws, 'notes.md'), 'utf8'), 'mine');
    assert.equal(lstatSync(path.join(ws, '.moai/docs/backend-architecture-PAY-001.md')).isFile(), true);
  });

  it('the shared writer refuses links out and reads nothing through them', async () => {
    symlinkSync(outside, path.join(ws, 'out'));
    writeFileSync(path.join(outside, 'secret.md'), 'secret');
    await assert.rejects(writeWorkspaceFile(ws, 'out/x.md', 'x'), OutsideWorkspaceError);
    await assert.rejects(readWorkspaceFile(ws, 'out/secret.md'), OutsideWorkspaceError);
    assert.equal(existsSync(path.join(outside, 'x.md')), false);
  });

  it('a 100 KB plan ID is refused with a short echo and the right reason', async () => {
    const r = await cli(['plan', `A${'B'.repeat(100_000)}-001`, ws]);
    assert.equal(r.code, 2);
    assert.ok(r.err.length < 400, `${r.err.length} characters`);
    assert.match(r.err, /at most 200 characters/);
  });

  it('.gitignore and .specchain.json linked to /dev/zero, a FIFO or outside are not read, and the check says so', async function () {
    writeFileSync(path.join(outside, 'ignore'), 'src/\n');
    symlinkSync('/dev/zero', path.join(ws, '.specchain.json'));
    symlinkSync(path.join(outside, 'ignore'), path.join(ws, '.gitignore'));
    mkdirSync(path.join(ws, 'sub'));
    execFileSync('mkfifo', [path.join(ws, 'sub/.gitignore')]);
    writeFileSync(path.join(ws, 'sub/b.ts'), '// @API:PAY-001\n');
    mkdirSync(path.join(ws, 'src'));
    writeFileSync(path.join(ws, 'src/a.ts'), '// @API:PAY-001\n');
    const started = Date.now();
    const r = await cli(['check', ws, '--format', 'json', '--no-cache']);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /\.specchain\.json was not read/);
    assert.match(r.err, /\.gitignore was not read: it is a link that leads outside/);
    assert.match(r.err, /sub\/\.gitignore was not read: it is not a regular file/);
    assert.equal((JSON.parse(r.out) as { tags: number }).tags, 3, 'src/ stays listed: the outside .gitignore was not applied');
  });

  it('file names with ESC and newline are escaped in text output', async () => {
    writeFileSync(path.join(ws, 'evil\x1b[2J\nname.ts'), '// @API:NOPE-001\n');
    const r = await cli(['check', ws, '--no-cache']);
    assert.equal(r.code, 1);
    assert.ok(!r.out.includes('\x1b'), 'no raw ESC');
    assert.match(r.out, /evil\\x1b\[2J\\x0aname\.ts/);
  });

  it('folder names with ESC and newline are escaped in the stack text', async () => {
    const evil = path.join(ws, 'svc\x1b[2J\nx');
    mkdirSync(evil);
    writeFileSync(path.join(evil, 'package.json'), JSON.stringify({ dependencies: { express: '^4.19.2' } }));
    const r = await cli(['stack', ws]);
    assert.equal(r.code, 0, r.err);
    assert.ok(!r.out.includes('\x1b'), 'no raw ESC');
    assert.match(r.out, /svc\\x1b\[2J\\x0ax/);
  });

  it('a cache file of the wrong shape is read past; a cache folder holding the workspace or code is refused', async () => {
    writeFileSync(path.join(ws, 'a.ts'), '// @API:PAY-001\n');
    // Files younger than two seconds are not cached: let them age so that the caches are written.
    await new Promise((r) => setTimeout(r, 2_100));
    const first = await cli(['check', ws, '--format', 'json']);
    assert.equal(first.code, 0, first.err);
    const cacheDir = path.join(base, 'cache');
    for (const name of execFileSync('ls', [cacheDir]).toString().trim().split('\n')) writeFileSync(path.join(cacheDir, name), name.endsWith('.journal') ? '[1,2]\n' : '{"format":4,"build":"source","root":' + JSON.stringify(ws) + ',"entries":[[1],["a.ts",1,1,7]],"signature":"x","value":{"specs":7}}');
    const damaged = await cli(['check', ws, '--format', 'json']);
    assert.equal(damaged.code, 0, damaged.err);
    process.env.SPECCHAIN_CACHE_DIR = ws;
    const root = await cli(['check', ws, '--format', 'json']);
    assert.match(root.err, /holds the workspace, so no cache is used/);
    assert.equal(existsSync(path.join(ws, 'a.ts')), true);
    process.env.SPECCHAIN_CACHE_DIR = path.join(ws, '.moai');
    const code = await cli(['check', ws, '--format', 'json']);
    assert.match(code.err, /holds other files/);
    assert.equal((JSON.parse(code.out) as { specs: unknown[] }).specs.length, 1, 'the SPECs under the refused folder are still checked');
  });

  it('a root file named ..notes.md is inside the workspace', () => {
    const paths = new FolderPaths(ws);
    assert.equal(paths.toPath(paths.toUri('..notes.md')), '..notes.md');
    assert.equal(paths.toPath(new FolderPaths(base).toUri('other/x.md')), undefined);
  });

  it('forged quick-fix data is refused: paths in IDs, newlines in replacements, manifests outside', () => {
    assert.equal(checkedData({ kind: 'create-spec', id: '../../etc/X-001' }), undefined);
    assert.deepEqual(checkedData({ kind: 'create-spec', id: 'PAY-002' }), { kind: 'create-spec', id: 'PAY-002' });
    assert.equal(checkedData({ kind: 'replace-id', suggestion: 'PAY-001\n# injected' }), undefined);
    assert.equal(checkedData({ kind: 'quote-yaml', replacement: '"a"\nid: X' }), undefined);
    assert.equal(checkedData({ kind: 'set-version', specVersion: '1.0', manifestVersion: '2.0', manifestPath: '../go.mod', manifestRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }), undefined);
    assert.equal(checkedData({ kind: 'pick-framework', choices: ['gin\nx'] }), undefined);
  });
});
