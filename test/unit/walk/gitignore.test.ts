import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FsWorkspace } from '../../../server/src/node/fsWorkspace';
import { IgnoreFile } from '../../../server/src/node/gitignore';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';

const HAS_GIT = spawnSync('git', ['--version']).status === 0;

/** A small deterministic generator (mulberry32), so a failing round can be run again by its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIRS = ['a', 'b', 'A', 'ab', 'log', 'x.d', 'sub dir'];
const FILES = ['a', 'b', 'A', 'ab', 'a.log', 'b.LOG', '.hidden', 'x.txt', 'keep.log', 'a b', 'ba', 'c#d', '!bang', 'a.log.txt'];
const PATTERNS = [
  'a', '/a', 'a/', '/a/', '*.log', '!keep.log', '**/b', 'a/**', 'a/**/x.txt', '[ab]', '[!a]b', '?b', '*', '!*.txt', 'A', '\\!bang',
  '#a', 'a\\ b', 'x.d/', '!a/', '**/ab/', 'b/*', '!b/a', '*.LOG', 'log', 'ab/**/a', '/**/ba', 'a*', '*b', '!/A', 'a/b', 'sub dir/',
  'sub\\ dir', '[a-b]*', '[[:upper:]]', '**', 'a/**/', '*.log ', 'c\\#d', '\\#x', '![ab]', '!**/x.txt', 'x.d/a', '!x.d/', '*/a',
];

/** Writes a random tree and random ignore files. */
function plant(dir: string, rnd: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const folders = [''];
  for (let i = 0; i < 8; i++) {
    const parent = pick(folders);
    const child = parent === '' ? pick(DIRS) : `${parent}/${pick(DIRS)}`;
    if (child.split('/').length <= 3 && !folders.includes(child)) folders.push(child);
  }
  for (const folder of folders) mkdirSync(path.join(dir, folder), { recursive: true });
  for (const folder of folders) {
    for (const name of FILES) if (rnd() < 0.4 && !folders.includes(folder === '' ? name : `${folder}/${name}`)) writeFileSync(path.join(dir, folder, name), 'x');
    if (folder === '' || rnd() < 0.4) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(PATTERNS));
      writeFileSync(path.join(dir, folder, '.gitignore'), lines.join(rnd() < 0.2 ? '\r\n' : '\n') + '\n');
    }
  }
}

/** What git lists in a repository where nothing is tracked: every file no ignore rule hides. */
function gitsView(dir: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--others', '--exclude-standard'], { cwd: dir, encoding: 'utf8' });
  return out.split('\0').filter((p) => p !== '').sort();
}

describe('.gitignore as git reads it', function () {
  this.timeout(120_000);
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'specchain-gitignore-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('lists what git lists on 150 random trees and ignore files (negations, anchors, **, classes, case, CRLF)', async function () {
    if (!HAS_GIT) return this.skip();
    for (let seed = 1; seed <= 150; seed++) {
      const dir = path.join(base, String(seed));
      mkdirSync(dir);
      execFileSync('git', ['init', '-q'], { cwd: dir });
      plant(dir, random(seed));
      const ours = (await new FsWorkspace(dir, DEFAULT_CONFIG).list()).map((e) => e.path);
      assert.deepEqual(ours, gitsView(dir), `seed ${seed}`);
    }
  });

  it('is case-sensitive as git on Linux: README.md is not hidden by readme.md', () => {
    const file = new IgnoreFile('readme.md\n*.LOG\nBuild/\n', false);
    assert.equal(file.match('README.md', false), undefined);
    assert.equal(file.match('readme.md', false), 'ignored');
    assert.equal(file.match('x.log', false), undefined);
    assert.equal(file.match('build', true), undefined);
    assert.equal(new IgnoreFile('readme.md\n', true).match('README.md', false), 'ignored');
  });

  it('a deeper .gitignore re-includes what a higher one ignores; nothing under an ignored folder comes back', async () => {
    const dir = base;
    mkdirSync(path.join(dir, 'sub/logs'), { recursive: true });
    writeFileSync(path.join(dir, '.gitignore'), '*.log\nlogs/\n');
    writeFileSync(path.join(dir, 'sub/.gitignore'), '!keep.log\n!logs/\n');
    for (const f of ['a.log', 'sub/keep.log', 'sub/other.log', 'sub/logs/x.md']) writeFileSync(path.join(dir, f), 'x');
    const listed = (await new FsWorkspace(dir, DEFAULT_CONFIG).list()).map((e) => e.path);
    assert.deepEqual(listed, ['.gitignore', 'sub/.gitignore', 'sub/keep.log', 'sub/logs/x.md']);
  });

  it('a 10,000-line .gitignore is compiled once: a path is matched without trying every line', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2500; i++) lines.push(`generated-${i}/`, `/cache/file-${i}.txt`, `*.tmp${i}`, `build-${i}-*/out`);
    const file = new IgnoreFile(lines.join('\n'));
    const started = process.hrtime.bigint();
    let ignored = 0;
    for (let i = 0; i < 20_000; i++) if (file.match(`src/module-${i}/file-${i}.ts`, false) !== undefined) ignored++;
    for (let i = 0; i < 2500; i++) if (file.match(`x/generated-${i}`, true) === 'ignored' && file.match(`a.tmp${i}`, false) === 'ignored' && file.match(`cache/file-${i}.txt`, false) === 'ignored') ignored++;
    const millis = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(ignored, 2500);
    assert.equal(file.match('build-7-x/out', true), 'ignored');
    // 20,000 paths against 10,000 lines one by one is 200 million tests (seconds); indexed, a few per path.
    assert.ok(millis < 5_000, `${millis} ms`);
  });
});
