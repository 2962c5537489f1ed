import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeBatch } from '../../../server/src/node/batch';
import { WorkerAnalyzer } from '../../../server/src/node/workerAnalyzer';
import { FileClassifier } from '../../../server/src/service/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import type { FileFacts } from '../../../server/src/service/types';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'dist', 'worker.js');

describe('worker threads', function () {
  this.timeout(60_000);
  let dir: string;
  const paths: string[] = [];

  before(() => {
    if (!existsSync(SCRIPT)) assert.equal(spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' }).status, 0);
    dir = mkdtempSync(path.join(tmpdir(), 'specchain-workers-'));
    const write = (rel: string, content: string | Buffer): void => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
      paths.push(rel);
    };
    write('.moai/specs/SPEC-USER-001/spec.md', '---\nid: USER-001\nstatus: active\n---\n\n# @SPEC:USER-001: users\n\n- @API:USER-001\n');
    write('svc/package.json', '{ "dependencies": { "express": "^4.19.2" } }');
    write('svc/blob.bin', Buffer.from([0x40, 0, 0x41]));
    for (let i = 0; i < 700; i++) write(`svc/src/m${i}.ts`, i % 3 === 0 ? `// plain ${i}\n` : `// @API:USER-001 | SPEC: spec.md\nexport const x${i} = '@api:bad_${i}';\n// specchain-disable-next-line tag/unknown-spec\n// @DB:GHOST-${100 + i}\n`);
    paths.push('svc/src/vanished.ts');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('give the same facts as reading on this thread, in the same order, with this thread taking batches too', async () => {
    const analyzer = new WorkerAnalyzer(dir, DEFAULT_CONFIG, { threads: 1, script: SCRIPT, few: 1 });
    try {
      const got = await analyzer.analyze(paths.map((p) => ({ path: p })));
      const want = analyzeBatch(dir, new FileClassifier(DEFAULT_CONFIG), paths);
      // In the listing's order whichever thread read a batch first: what is built from it is the same every run.
      const plain = (facts: readonly FileFacts[]): unknown => JSON.parse(JSON.stringify(facts));
      assert.equal(got.facts.length, paths.length - 2);
      assert.deepEqual(plain(got.facts), plain(want.facts));
      assert.deepEqual([...got.skipped].sort((a, b) => (a.path < b.path ? -1 : 1)), want.skipped);
    } finally {
      await analyzer.dispose();
    }
  });
});
