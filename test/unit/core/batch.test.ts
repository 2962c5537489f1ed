import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeBatch } from '../../../server/src/node/batch';
import { readText } from '../../../server/src/node/readText';
import { FileClassifier, analyzeFile } from '../../../server/src/service/analyze';
import { DEFAULT_CONFIG, resolveConfig } from '../../../server/src/service/config';

describe('reading files from disk', () => {
  let dir: string;
  const files: Record<string, string | Buffer> = {
    'plain.py': 'x = 1\n',
    'tagged.py': '\ufeff# @API:USER-001 é\n',
    'disabled.py': '# specchain-disable-next-line\n',
    '.moai/specs/SPEC-A-001/spec.md': '# SPEC-A-001: no at sign\n',
    '.moai/specs/SPEC-A-001/acceptance.md': '- AC-A-001: Given x, Then y (maps REQ-A-001)\n',
    'svc/package.json': '{ "dependencies": { "express": "4.19.2" } }',
    '.moai/config/sections/mx.yaml': 'mx:\n  limits:\n    anchor_per_file: 7\n',
    '.moai/config/sections/system.yaml': 'moai:\n  template_version: "2.14.0"\n',
    'big.txt': '@API:USER-001 ' + 'y'.repeat(300 * 1024),
    'nul.bin': Buffer.from([0x41, 0, 0x42]),
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'specchain-read-'));
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same facts as analysing the decoded text, with or without the no-@ shortcut', () => {
    const classifier = new FileClassifier(DEFAULT_CONFIG);
    const texts = Object.keys(files).filter((p) => typeof files[p] === 'string' && p !== 'big.txt');
    const { facts, skipped } = analyzeBatch(dir, classifier, [...texts, 'gone.py']);
    assert.deepEqual(skipped, [{ path: 'gone.py', reason: 'vanished' }]); // listed, then deleted before its read
    const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    for (const f of facts) {
      const text = (files[f.path] as string).replace(/^\ufeff/, '');
      assert.deepEqual(plain(f), plain(analyzeFile(f.path, text, classifier)), f.path);
    }
    // MoAI's settings hold no `@` and are read all the same.
    assert.equal(facts.find((f) => f.path === '.moai/config/sections/mx.yaml')?.mxSettings?.limits.ANCHOR, 7);
    assert.equal(facts.find((f) => f.path === '.moai/config/sections/system.yaml')?.moaiVersion, '2.14.0');
    assert.equal(facts.find((f) => f.path === 'tagged.py')?.tags[0]?.range.start.character, 2, 'the byte-order mark is not a character');
    assert.deepEqual(facts.find((f) => f.path === '.moai/specs/SPEC-A-001/acceptance.md')?.reqs?.map((r) => r.id), ['AC-A-001'], 'an acceptance.md without an @ still declares its ACs');
  });

  it('reads files larger than the shared buffer, and skips what is too large or binary', () => {
    const big = readText(path.join(dir, 'big.txt'), DEFAULT_CONFIG.maxFileSize);
    assert.equal(typeof big === 'string' && big.length, 14 + 300 * 1024);
    assert.deepEqual(readText(path.join(dir, 'big.txt'), 100 * 1024), { skip: 'too-large' });
    assert.deepEqual(readText(path.join(dir, 'plain.py'), 3), { skip: 'too-large' });
    assert.deepEqual(readText(path.join(dir, 'nul.bin'), 1024), { skip: 'binary' });
    assert.deepEqual(readText(path.join(dir, 'svc'), 1024), { skip: 'unreadable' });
    const { config } = resolveConfig({ maxFileSize: 10 });
    assert.deepEqual(analyzeBatch(dir, new FileClassifier(config), ['big.txt']).skipped, [{ path: 'big.txt', reason: 'too-large' }]);
  });
});
