import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, filesUnder as files, legacySpec, underNoSpace, writeFiles } from '../../fixtures/cli';

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
    writeFiles(ws, { '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'), 'src/pay.ts': '// @API:PAY-001\n' });
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
    writeFiles(ws, { '.moai/docs/backend-architecture-PAY-001.md': 'my notes\n' });
    const r = underNoSpace(['plan', 'PAY-001', ws, '--force'], { SPECCHAIN_CACHE_DIR: cache });
    assert.equal(r.code, 2, r.err);
    assert.deepEqual(files(path.join(ws, '.moai/docs')), ['backend-architecture-PAY-001.md']);
  });

  it('check with its caches on a full disk: the check runs, the cache folder holds no temporary file', () => {
    const r = underNoSpace(['check', ws, '--format', 'json'], { SPECCHAIN_CACHE_DIR: cache });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(files(cache).filter((f) => f.endsWith('.tmp')), []);
  });

  it('--write-baseline and report --html on a full disk: exit 2 and no temporary file, inside the workspace or out', () => {
    const out = path.join(base, 'out');
    for (const args of [
      ['check', ws, '--no-cache', '--write-baseline', path.join(ws, 'baseline.json')],
      ['check', ws, '--no-cache', '--write-baseline', path.join(out, 'baseline.json')],
      ['report', '--html', path.join(ws, 'report'), ws],
      ['report', '--html', path.join(out, 'report'), ws],
    ]) {
      writeFiles(out, { 'keep.txt': 'kept\n' });
      const before = files(ws);
      const r = underNoSpace(args, { SPECCHAIN_CACHE_DIR: cache });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /EFBIG/);
      assert.deepEqual(files(ws), before, args.join(' '));
      assert.deepEqual(files(out), ['keep.txt'], args.join(' '));
    }
  });
});
