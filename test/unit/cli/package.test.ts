import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
});
