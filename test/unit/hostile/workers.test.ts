import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeBatch } from '../../../server/src/node/batch';
import { commandLineThreads } from '../../../server/src/node/open';
import { WorkerAnalyzer } from '../../../server/src/node/workerAnalyzer';
import { FileClassifier } from '../../../server/src/service/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import type { FileFacts } from '../../../server/src/service/types';
import { BIN, ROOT, ensureBuilt, legacySpec, specchain, withoutHistoryNote, writeFiles } from '../../fixtures/cli';

const SCRIPT = path.join(ROOT, 'dist', 'worker.js');
const sorted = (facts: readonly FileFacts[]): unknown => JSON.parse(JSON.stringify([...facts].sort((a, b) => (a.path < b.path ? -1 : 1))));

/** A writable cgroup with a pids controller (v1 or v2), or undefined where the machine has none. */
function pidsCgroup(name: string): string | undefined {
  for (const parent of ['/sys/fs/cgroup/pids', '/sys/fs/cgroup']) {
    const dir = path.join(parent, name);
    try {
      mkdirSync(dir);
    } catch {
      continue;
    }
    if (existsSync(path.join(dir, 'pids.max'))) return dir;
    rmdirSync(dir);
  }
  return undefined;
}

describe('hostile: worker threads that cannot start', function () {
  this.timeout(120_000);
  let dir: string;
  const paths: string[] = [];

  before(() => {
    ensureBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'specchain-noworkers-'));
    const files: Record<string, string> = { '.moai/specs/SPEC-USER-001/spec.md': legacySpec('USER-001') };
    for (let i = 0; i < 1200; i++) files[`src/m${i}.ts`] = i % 2 ? `// @API:USER-001\n` : `// @API:GHOST-${1000 + i}\n`;
    writeFiles(dir, files);
    paths.push(...Object.keys(files));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expected = (): { facts: FileFacts[] } => analyzeBatch(dir, new FileClassifier(DEFAULT_CONFIG), paths);

  it('new Worker throwing EAGAIN (a pids limit): every file is read on this thread, and said once', async () => {
    let tries = 0;
    const eagain = Object.assign(new Error('EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
    const analyzer = new WorkerAnalyzer(dir, DEFAULT_CONFIG, { threads: 3, script: SCRIPT, few: 1, create: () => (tries++, (() => { throw eagain; })()) });
    try {
      const got = await analyzer.analyze(paths.map((p) => ({ path: p })));
      assert.deepEqual(sorted(got.facts), sorted(expected().facts));
      assert.equal(tries, 1, 'no second try after the first refusal');
      assert.deepEqual([...analyzer.problems], ['worker threads could not run (EAGAIN: a limit on processes or threads, as in a container, was reached), so files are analysed on one thread']);
    } finally {
      await analyzer.dispose();
    }
  });

  it("a worker's error event, at boot or with batches in flight, hands its batches back to this thread", async () => {
    for (const body of ['throw new Error("EAGAIN")', 'require("node:worker_threads").parentPort.once("message", () => { throw Object.assign(new Error("boom"), { code: "EAGAIN" }); })']) {
      const analyzer = new WorkerAnalyzer(dir, DEFAULT_CONFIG, { threads: 2, script: SCRIPT, few: 1, create: () => new Worker(body, { eval: true }) });
      try {
        const got = await analyzer.analyze(paths.map((p) => ({ path: p })));
        assert.equal(got.facts.length, paths.length);
        assert.deepEqual(sorted(got.facts), sorted(expected().facts));
        assert.equal(analyzer.problems.size, 1);
        assert.match([...analyzer.problems][0]!, /EAGAIN/);
      } finally {
        await analyzer.dispose();
      }
    }
  });

  it('check under a real pids limit: the same findings as with threads, one line saying why', function () {
    const cgroup = pidsCgroup(`specchain-test-${process.pid}`);
    if (!cgroup) return this.skip();
    const launcher = path.join(dir, '..', `launch-${process.pid}.cjs`);
    // Warm libuv's thread pool, then forbid any further thread: the next one is a worker's.
    writeFileSync(
      launcher,
      `const fs = require('node:fs');\nfs.promises.stat('/').then(() => {\n  fs.writeFileSync(process.env.CG + '/pids.max', String(fs.readdirSync('/proc/self/task').length));\n  process.argv = [process.execPath, ${JSON.stringify(BIN)}, ...process.argv.slice(2)];\n  require(${JSON.stringify(BIN)});\n});\n`,
    );
    const env = { ...process.env, NO_COLOR: '1', CG: cgroup, SPECCHAIN_CACHE_DIR: path.join(dir, '..', `cache-${process.pid}`) };
    try {
      const limited = spawnSync('sh', ['-c', 'echo $$ > "$CG/cgroup.procs" && exec "$0" "$@"', process.execPath, launcher, 'check', dir, '--no-cache', '--format', 'json'], { encoding: 'utf8', env, timeout: 60_000 });
      const free = specchain(['check', dir, '--no-cache', '--format', 'json'], { env });
      assert.equal(limited.status, 1, limited.stderr);
      // On two cores or fewer the command line starts no worker, so there is nothing to fall back from.
      const warning = 'specchain check: warning: worker threads could not run (EAGAIN: a limit on processes or threads, as in a container, was reached), so files are analysed on one thread\n';
      assert.equal(withoutHistoryNote(limited.stderr), commandLineThreads(availableParallelism()) > 0 ? warning : '');
      const findings = (out: string): unknown => (JSON.parse(out) as { diagnostics: unknown[] }).diagnostics;
      assert.ok((findings(limited.stdout) as unknown[]).length > 600);
      assert.deepEqual(findings(limited.stdout), findings(free.out));
    } finally {
      rmSync(launcher, { force: true });
      rmSync(env.SPECCHAIN_CACHE_DIR, { recursive: true, force: true });
      rmdirSync(cgroup);
    }
  });

  it('the command line starts workers only beyond two cores, at most three', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map(commandLineThreads), [0, 0, 2, 3, 3, 3]);
  });
});
