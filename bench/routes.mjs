#!/usr/bin/env node
// The routes row of the benchmark, on a generated route-heavy workspace (bench/gen-routes-workspace.mjs):
// ripgrep's bare scan for route declarations against `specchain check --format json` cold and
// warm, and `specchain routes --format json`, in turn per round; checks the route count and the
// `api/route-missing` findings against the generator's expected.json. Prints a table, then one JSON line.
//
//   node bench/routes.mjs [--runs N] [--no-build] [--keep]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : '3');
const fail = (message) => {
  console.error(`bench/routes: ${message}`);
  process.exit(2);
};
if (spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0) fail('ripgrep (rg) is needed for the reference time');
if (!args.includes('--no-build') && spawnSync('npm', ['run', 'build', '--', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) fail('build failed');

const dir = mkdtempSync(join(tmpdir(), 'specchain-routes-bench-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'specchain-routes-cache-'));
const gen = spawnSync(process.execPath, [join(ROOT, 'bench', 'gen-routes-workspace.mjs'), '--out', dir, '--seed', '1'], { encoding: 'utf8' });
if (gen.status !== 0) fail(`generator failed: ${gen.stderr}`);
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
spawnSync('sync');

const env = { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir };
const cli = (...extra) => [join(ROOT, 'bin', 'specchain.js'), ...extra];
const commands = {
  rg: { cmd: 'rg', args: ['--hidden', '--no-require-git', '-c', '@\\w+Mapping|@(Get|Post|Put|Delete)\\(|\\.(get|post|put|delete|GET|POST|PUT|DELETE)\\(|Route::', '.'] },
  cold: { cmd: process.execPath, args: cli('check', dir, '--format', 'json', '--no-cache') },
  warm: { cmd: process.execPath, args: cli('check', dir, '--format', 'json') },
  routes: { cmd: process.execPath, args: cli('routes', dir, '--format', 'json') },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
const devNull = openSync('/dev/null', 'w');
for (let round = 0; round <= RUNS; round++) {
  for (const [name, c] of Object.entries(commands)) {
    const started = process.hrtime.bigint();
    const r = spawnSync(c.cmd, c.args, { cwd: dir, env, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) fail(`${name} exited ${r.status}: ${r.stderr}`);
    if (round > 0) times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}
closeSync(devNull);

const run = (...extra) => JSON.parse(spawnSync(process.execPath, cli(...extra), { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
const routes = run('routes', dir, '--format', 'json', '--no-cache').routes;
const check = run('check', dir, '--format', 'json', '--no-cache');
const counts = {
  routes: [routes.length, expected.routes],
  'static routes': [routes.filter((r) => r.static).length, expected.routes],
  'api/route-missing': [check.diagnostics.filter((d) => d.code === 'api/route-missing').length, expected.missing],
  'bound endpoints': [check.specs.reduce((n, s) => n + (s.endpoints ?? []).filter((e) => e.routes.length > 0).length, 0), expected.endpoints - expected.missing],
};
const wrong = Object.entries(counts).filter(([, [got, want]]) => got !== want);
for (const [name, [got, want]] of wrong) console.error(`bench/routes: ${name} = ${got}, expected ${want}`);

const rgMs = median(times.rg);
const report = { files: expected.files, routes: expected.routes, rgMs: Math.round(rgMs) };
const row = (name, value) => console.log(`${name.padEnd(44)}${String(value).padStart(12)}`);
console.log('');
row(`routes workspace: ${expected.files} files, ${expected.routes} routes`, '');
row('ripgrep bare scan for route declarations', `${report.rgMs} ms`);
for (const name of ['cold', 'warm', 'routes']) {
  const ms = median(times[name]);
  Object.assign(report, { [`${name}Ms`]: Math.round(ms), [`${name}Ratio`]: +(ms / rgMs).toFixed(2) });
  row(name === 'routes' ? 'specchain routes --format json (facts cached)' : `specchain check, ${name}`, `${Math.round(ms)} ms`);
  row('  ratio to ripgrep', `${(ms / rgMs).toFixed(2)}×`);
}
row('counts match expected.json', wrong.length === 0 ? 'yes' : 'NO');
console.log('');
console.log(JSON.stringify({ ...report, countsOk: wrong.length === 0 }));
rmSync(cacheDir, { recursive: true, force: true });
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
process.exitCode = wrong.length === 0 ? 0 : 1;
