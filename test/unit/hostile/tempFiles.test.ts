import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BIN, ensureBuilt, legacySpec, writeTree } from './cliProcess';

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name))).sort();
}

/** The command under a file-size limit of 0 blocks: every write to a file fails with EFBIG, as on a full disk. */
function underNoSpace(args: string[], env: NodeJS.ProcessEnv): { code: number | null; err: string } {
  const r = spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, err: r.stderr };
}

describe('hostile: no temporary file is left behind when a write fails', function () {
  this.timeout(120_000);
  let base: string;
  let ws: string;
  let cache: string;

  before(() => ensureBuilt());
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'specchain-tmpfiles-'));
    ws = path.join(base, 'ws');
    cache = path.join(base, 'cache');
    writeTree(ws, { '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'), 'src/pay.ts': '// @API:PAY-001\n' });
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('plan on a full disk: exit 2, no temporary file and no folder made for the plan', () => {
    const before = files(ws);
    const r = underNoSpace(['plan', 'PAY-001', ws], { SPECCHAIN_CACHE_DIR: cache });
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /specchain plan: cannot write \.moai\/docs\/backend-architecture-PAY-001\.md \(EFBIG\)/);
    assert.deepEqual(files(ws), before);
    assert.equal(existsSync(path.join(ws, '.moai/docs')), false);
    assert.deepEqual(files(cache), [], 'nor in the cache folder');
  });

  it('plan --force over an existing plan on a full disk keeps the old plan whole', () => {
    writeTree(ws, { '.moai/docs/backend-architecture-PAY-001.md': 'my notes\n' });
    const r = underNoSpace(['plan', 'PAY-001', ws, '--force'], { SPECCHAIN_CACHE_DIR: cache });
    assert.equal(r.code, 2, r.err);
    assert.deepEqual(files(path.join(ws, '.moai/docs')), ['backend-architecture-PAY-001.md']);
  });

  it('check with its caches on a full disk: the check runs, the cache folder holds no temporary file', () => {
    const r = underNoSpace(['check', ws, '--format', 'json'], { SPECCHAIN_CACHE_DIR: cache });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(files(cache).filter((f) => f.endsWith('.tmp')), []);
  });
});
