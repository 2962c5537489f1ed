import * as assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FactsCache, type FileStamp } from '../../../server/src/node/factsCache';
import { FileClassifier, analyzeFile } from '../../../server/src/service/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';

describe('facts cache', () => {
  const classifier = new FileClassifier(DEFAULT_CONFIG);
  const ROOT = '/workspace';
  const OLD = Date.now() - 60_000;
  const facts = (p: string, id: string) => analyzeFile(p, `# @API:${id}\n`, classifier);
  let dir: string;
  const open = (): FactsCache => FactsCache.open(ROOT, DEFAULT_CONFIG, dir);
  const files = (): string[] => readdirSync(dir).sort();
  /** A file version as the listing gives it; `change` stands for its status-change time and inode. */
  const st = (size: number, mtimeMs: number, change = 'c1'): FileStamp => ({ size, mtimeMs, change });
  const ids = (cache: FactsCache, p: string, size: number, mtime: number, change?: string): string[] | string | undefined => {
    const hit = cache.lookup(p, st(size, mtime, change));
    return typeof hit === 'object' ? hit.tags.map((t) => t.id) : hit;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'specchain-facts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('journals a few changes instead of rewriting the file, and reads them back', () => {
    const first = open();
    for (let i = 0; i < 50; i++) first.store(`f${i}.py`, st(10, OLD), facts(`f${i}.py`, `A-${100 + i}`));
    first.store('big.bin', st(99, OLD), 'too-large');
    first.save();
    const [file] = files();
    assert.deepEqual(files(), [file]);
    const written = readFileSync(path.join(dir, file!), 'utf8');

    const second = open();
    assert.deepEqual(ids(second, 'f1.py', 10, OLD), ['A-101']);
    second.store('f1.py', st(11, OLD + 5), facts('f1.py', 'B-001'));
    second.retain(new Set([...Array(50).keys()].map((i) => `f${i}.py`).filter((p) => p !== 'f2.py')));
    second.save();
    assert.equal(readFileSync(path.join(dir, file!), 'utf8'), written, 'the file is not rewritten for two changes');
    assert.equal(files().length, 2, 'a journal beside it');

    const third = open();
    assert.deepEqual(ids(third, 'f1.py', 11, OLD + 5), ['B-001']);
    assert.equal(ids(third, 'f1.py', 10, OLD), undefined, 'the old version is gone');
    assert.equal(ids(third, 'f2.py', 10, OLD), undefined, 'a dropped file is gone');
    assert.equal(ids(third, 'big.bin', 99, OLD), undefined, 'retain dropped what was not listed');
    assert.deepEqual(ids(third, 'f3.py', 10, OLD), ['A-103']);
  });

  it('survives a journal cut short, and folds the journal into the file once it grows', () => {
    const first = open();
    for (let i = 0; i < 10; i++) first.store(`f${i}.py`, st(10, OLD), facts(`f${i}.py`, `A-${100 + i}`));
    first.save();
    const second = open();
    second.store('f1.py', st(12, OLD + 1), facts('f1.py', 'C-001'));
    second.save();
    const journal = path.join(dir, files().find((f) => f.endsWith('.journal'))!);
    appendFileSync(journal, '["f2.py", 13, ');
    const third = open();
    assert.deepEqual(ids(third, 'f1.py', 12, OLD + 1), ['C-001'], 'lines before the cut apply');
    assert.deepEqual(ids(third, 'f2.py', 10, OLD), ['A-102']);

    for (let i = 0; i < 1200; i++) third.store(`g${i}.py`, st(10, OLD), facts(`g${i}.py`, `D-${100 + i}`));
    third.save();
    assert.equal(existsSync(journal), false, 'the journal is folded into the file');
    const fourth = open();
    assert.deepEqual(ids(fourth, 'f1.py', 12, OLD + 1), ['C-001']);
    assert.deepEqual(ids(fourth, 'g1199.py', 10, OLD), ['D-1299']);
  });

  it('keeps nothing of a file changed in the last seconds', () => {
    const cache = open();
    const now = Date.now();
    cache.store('fresh.py', st(10, now), facts('fresh.py', 'A-001'));
    cache.save();
    assert.equal(ids(open(), 'fresh.py', 10, now), undefined);
  });

  it('tells apart a rewrite that kept the size and put the modification time back', () => {
    const cache = open();
    cache.store('same.py', st(10, OLD, '100/7'), facts('same.py', 'A-001'));
    cache.save();
    assert.deepEqual(ids(open(), 'same.py', 10, OLD, '100/7'), ['A-001']);
    assert.equal(ids(open(), 'same.py', 10, OLD, '250/7'), undefined, 'a new status-change time misses');
    assert.equal(ids(open(), 'same.py', 10, OLD, '100/8'), undefined, 'a new inode misses');
  });
});
