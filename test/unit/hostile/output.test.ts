import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { BIN, legacySpec, specchain, tempWorkspace, withoutHistoryNote } from '../../fixtures/cli';

/** Broken markers enough for reports far larger than a pipe's buffer (64 KB). */
const BROKEN = Array.from({ length: 3000 }, (_, i) => `// @API:GHOST-${String(i).padStart(4, '0')}`).join('\n');

describe('hostile output: a report that cannot be written whole is never passed off as complete', function () {
  this.timeout(120_000);
  let base: string;
  let ws: string;
  let env: NodeJS.ProcessEnv;
  let remove: () => void;

  before(() => ({ base, ws, env, remove } = tempWorkspace('output', { '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'), 'src/broken.ts': BROKEN + '\n// @API:PAY-001\n' })));
  after(() => remove());

  const toDevFull = (args: string[]): ReturnType<typeof specchain> => {
    const fd = openSync('/dev/full', 'w');
    try {
      return specchain(args, { env, stdio: ['ignore', fd, 'pipe'] });
    } finally {
      closeSync(fd);
    }
  };

  for (const args of [['check'], ['check', '--format', 'json'], ['stack'], ['routes'], ['plan', 'PAY-001', '--stdout']]) {
    it(`${args.join(' ')} > /dev/full exits 2 with one line on stderr`, () => {
      const r = toDevFull([args[0]!, ...(args[0] === 'plan' ? [args[1]!, ws] : [ws]), ...args.slice(args[0] === 'plan' ? 2 : 1)]);
      assert.equal(r.code, 2, r.err);
      assert.equal(withoutHistoryNote(r.err).trimEnd().split('\n').length, 1, r.err);
      assert.match(withoutHistoryNote(r.err), new RegExp(`^specchain ${args[0]}: cannot write to standard output: .*ENOSPC`));
    });
  }

  it('a report cut short by a file-size limit (ulimit -f) exits 2 and says so', () => {
    const out = path.join(base, 'report.txt');
    const r = spawnSync('sh', ['-c', 'ulimit -f 8 && exec "$0" "$1" check "$2" > "$3"', process.execPath, BIN, ws, out], { encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(withoutHistoryNote(r.stderr).trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /EFBIG/);
    assert.ok(statSync(out).size <= 8 * 1024, 'the limit held');
    const whole = specchain(['check', ws], { env });
    assert.equal(whole.code, 1, whole.err);
    assert.ok(whole.out.length > 8 * 1024, 'the report is larger than the limit');
  });

  it('a report written whole to a file exits as usual', () => {
    const out = path.join(base, 'whole.json');
    const fd = openSync(out, 'w');
    const r = specchain(['check', ws, '--format', 'json'], { env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    assert.equal(r.code, 1, r.err);
    assert.equal(withoutHistoryNote(r.err), '');
    assert.ok((JSON.parse(readFileSync(out, 'utf8')) as { diagnostics: unknown[] }).diagnostics.length > 3000);
  });

  for (const format of ['text', 'json']) {
    it(`check --format ${format} | head -1: a closed pipe ends quietly, no stack trace`, async () => {
      const child = spawn(process.execPath, [BIN, 'check', ws, '--format', format], { env: { ...process.env, ...env, NO_COLOR: '1' } });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      // Read the first chunk, then close the pipe, as `head -1` does.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(withoutHistoryNote(err), '');
      assert.ok(code === 0 || code === 1, `exit ${code}`);
    });
  }

  it('a command named like an object member is unknown, not run', () => {
    const r = specchain(['constructor'], { env });
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "constructor"/);
  });
});
