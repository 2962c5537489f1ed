import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The environment of a child npm without the calling npm's settings (`npm test` sets them). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

describe('specchain as an installed package', function () {
  this.timeout(180_000);
  let tmp: string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'specchain-pack-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('packs the bundles and bin only, installs with no dependencies, and checks a folder from elsewhere', () => {
    // `npm pack` runs `prepack`, which builds the bundles: the tarball never holds stale ones.
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8', env: cleanEnv() });
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    // npm always adds package.json, README and LICENSE; `files` names the rest.
    assert.deepEqual(packed!.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'bin/specchain.js', 'dist/cli.js', 'dist/worker.js', 'package.json']);

    const prefix = path.join(tmp, 'prefix');
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(tmp, packed!.filename)], { cwd: tmp, encoding: 'utf8', env: cleanEnv() });
    assert.equal(install.status, 0, install.stderr);
    const installed = path.join(prefix, 'lib', 'node_modules', 'specchain');
    assert.ok(!existsSync(path.join(installed, 'node_modules')), 'no dependency was installed');
    assert.ok(!existsSync(path.join(installed, 'server')), 'no sources');

    const work = mkdtempSync(path.join(tmp, 'elsewhere-'));
    const check = spawnSync(path.join(prefix, 'bin', 'specchain'), ['check', path.join(ROOT, 'examples'), '--format', 'json', '--no-cache', '--fail-on', 'never'], { cwd: work, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const result = JSON.parse(check.stdout) as { specs: { id: string }[]; diagnostics: { code: string; file: string }[] };
    assert.deepEqual(result.specs.map((s) => s.id).sort(), ['AUTH-001', 'NOTIFY-001', 'ORDER-001', 'REPORT-001', 'USER-001']);
    assert.ok(result.diagnostics.some((d) => d.code === 'tag/unknown-spec' && d.file.startsWith('backend/')), check.stdout);
  });

  it('says in one line that the build is missing, rather than printing a stack', () => {
    const checkout = mkdtempSync(path.join(tmp, 'unbuilt-'));
    mkdirSync(path.join(checkout, 'bin'));
    copyFileSync(path.join(ROOT, 'bin', 'specchain.js'), path.join(checkout, 'bin', 'specchain.js'));
    const run = spawnSync(process.execPath, [path.join(checkout, 'bin', 'specchain.js'), 'check', '.'], { cwd: checkout, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^specchain: \S+cli\.js is missing; run `npm run build` in \S+ first\n$/);
  });

  it('keeps the bundle compiled in the cache folder, keyed by its text, and starts without a usable cache too', () => {
    const checkout = mkdtempSync(path.join(tmp, 'code-cache-'));
    mkdirSync(path.join(checkout, 'bin'));
    mkdirSync(path.join(checkout, 'dist'));
    copyFileSync(path.join(ROOT, 'bin', 'specchain.js'), path.join(checkout, 'bin', 'specchain.js'));
    // A bundle that shows what it was given: its module names, a sibling and a built-in required.
    writeFileSync(path.join(checkout, 'dist', 'helper.js'), 'exports.word = "sibling";\n');
    const bundle = (tag: string): string =>
      `exports.main = () => { const p = require('node:path'); console.log([${JSON.stringify(tag)}, p.basename(__filename), p.basename(__dirname), require('./helper').word, module.exports === exports].join(' ')); };\n`;
    writeFileSync(path.join(checkout, 'dist', 'cli.js'), bundle('one'));
    const cache = path.join(checkout, 'cache');
    const run = (dir: string) => spawnSync(process.execPath, [path.join(checkout, 'bin', 'specchain.js')], { cwd: checkout, encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: dir } });
    const codeCaches = (): string[] => readdirSync(cache).filter((name) => /^[0-9a-f]{20}\.v8$/.test(name));

    const first = run(cache);
    assert.equal(first.stdout, 'one cli.js dist sibling true\n', first.stderr);
    assert.equal(codeCaches().length, 1, 'the compiled bundle is kept');
    assert.equal(run(cache).stdout, first.stdout, 'started from the kept code');
    writeFileSync(path.join(cache, codeCaches()[0]!), 'not V8 code');
    assert.equal(run(cache).stdout, first.stdout, 'a damaged cache is refused by V8 and written again');

    writeFileSync(path.join(checkout, 'dist', 'cli.js'), bundle('two'));
    assert.equal(run(cache).stdout, 'two cli.js dist sibling true\n', 'another bundle never runs the old code');
    assert.equal(codeCaches().length, 2);
    assert.deepEqual(readdirSync(cache).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');

    // A cache folder that cannot be made (a file stands in its place): the bundle starts all the same.
    const blocked = path.join(checkout, 'blocked');
    writeFileSync(blocked, '');
    const plain = run(path.join(blocked, 'cache'));
    assert.equal(plain.status, 0, plain.stderr);
    assert.equal(plain.stdout, 'two cli.js dist sibling true\n');
  });
});
