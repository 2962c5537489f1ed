#!/usr/bin/env node
// The @MX row of the benchmark, on a generated 20,000-file @MX workspace (bench/gen-mx-workspace.mjs).
//
//   node bench/mx.mjs [--runs N] [--no-build] [--keep]
//
// Times ripgrep's bare scan for `@MX:`, `specchain check --format json` without caches (cold) and
// over the unchanged tree (warm), each in turn per round so that all see the same machine; takes
// medians and peak RSS; checks every count against the generator's expected.json. Prints a table
// and, last, one JSON line. Exit 1 when a count is wrong.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : '3');
const LIMITS = { cold: 4, warm: 1.5, rssMiB: 250 };

function fail(message) {
  console.error(`bench/mx: ${message}`);
  process.exit(2);
}
if (spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0) fail('ripgrep (rg) is needed for the reference time');
if (!args.includes('--no-build') && spawnSync('npm', ['run', 'build', '--', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) fail('build failed');

const dir = mkdtempSync(join(tmpdir(), 'specchain-mx-bench-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'specchain-mx-cache-'));
const gen = spawnSync(process.execPath, [join(ROOT, 'bench', 'gen-mx-workspace.mjs'), '--out', dir, '--seed', '1'], { encoding: 'utf8' });
if (gen.status !== 0) fail(`generator failed: ${gen.stderr}`);
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
spawnSync('sync');

const rssFile = join(cacheDir, 'rss');
const env = { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, SPECCHAIN_RSS_FILE: rssFile };
const check = (extra) => ['--require', join(ROOT, 'bench', 'rss-hook.cjs'), join(ROOT, 'bin', 'specchain.js'), 'check', dir, '--format', 'json', ...extra];
const commands = {
  rg: { cmd: 'rg', args: ['--hidden', '--no-require-git', '-c', '@MX:', '.'], env: process.env },
  cold: { cmd: process.execPath, args: check(['--no-cache']), env },
  warm: { cmd: process.execPath, args: check([]), env },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = Object.fromEntries(Object.keys(commands).map((k) => [k, { times: [], rssMiB: 0 }]));
const devNull = openSync('/dev/null', 'w');
for (let round = 0; round <= RUNS; round++) {
  for (const [name, c] of Object.entries(commands)) {
    const started = process.hrtime.bigint();
    const r = spawnSync(c.cmd, c.args, { cwd: dir, env: c.env, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0 && r.status !== 1) fail(`${name} exited ${r.status}: ${r.stderr}`);
    if (round === 0) continue; // warm-up: caches filled, files in the page cache
    m[name].times.push(ms);
    if (name !== 'rg') m[name].rssMiB = Math.max(m[name].rssMiB, Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
}
closeSync(devNull);

/** The counts the generator built in, checked on one run's JSON of each kind. */
function verify(label, extra) {
  const json = JSON.parse(spawnSync(process.execPath, check(extra), { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
  const count = (code) => json.diagnostics.filter((d) => d.code === code).length;
  const checks = {
    specs: [json.specs.length, expected.specs],
    reqs: [json.specs.reduce((n, s) => n + (s.reqs?.length ?? 0), 0), expected.reqs],
    'mx/unknown-spec': [count('mx/unknown-spec'), expected.unknownSpec],
    'mx/unknown-req': [count('mx/unknown-req'), expected.unknownReq],
    'mx/missing-reason': [count('mx/missing-reason'), expected.missingReason],
    'mx/dangling-spec': [count('mx/dangling-spec'), expected.danglingSpec],
    'mx/moai-invisible': [count('mx/moai-invisible'), expected.moaiInvisible],
    'spec/no-implementation': [count('spec/no-implementation'), expected.noImplementation],
    'node_modules findings': [json.diagnostics.filter((d) => d.file.startsWith('node_modules/')).length, 0],
  };
  const wrong = Object.entries(checks).filter(([, [got, want]]) => got !== want);
  for (const [name, [got, want]] of wrong) console.error(`bench/mx: ${label}: ${name} = ${got}, expected ${want}`);
  return wrong.length === 0;
}
const countsOk = verify('cold', ['--no-cache']) && verify('warm', []);

const rgMs = median(m.rg.times);
const report = { files: expected.files, mxMarkers: expected.mxMarkers, rgMs: Math.round(rgMs) };
const row = (name, value, target, ok) => console.log(`${name.padEnd(44)}${String(value).padStart(12)}   ${target.padEnd(16)}${ok === undefined ? '' : ok ? 'ok' : 'OVER'}`);
console.log('');
row(`@MX workspace: ${expected.files} files, ${expected.mxMarkers} markers`, '', '');
row('ripgrep bare scan for @MX: (median)', `${report.rgMs} ms`, '');
for (const name of ['cold', 'warm']) {
  const ms = median(m[name].times);
  const ratio = +(ms / rgMs).toFixed(2);
  Object.assign(report, { [`${name}Ms`]: Math.round(ms), [`${name}Ratio`]: ratio, [`${name}PeakRssMiB`]: Math.round(m[name].rssMiB) });
  row(`specchain check, ${name}`, `${Math.round(ms)} ms`, `≤ ${LIMITS[name]}× rg`, ratio <= LIMITS[name]);
  row('  ratio to ripgrep', `${ratio}×`, '');
  row('  peak RSS', `${Math.round(m[name].rssMiB)} MiB`, `≤ ${LIMITS.rssMiB} MiB`, m[name].rssMiB <= LIMITS.rssMiB);
}
row('counts match expected.json', countsOk ? 'yes' : 'NO', '', countsOk);
console.log('');
console.log(JSON.stringify({ ...report, countsOk }));

rmSync(cacheDir, { recursive: true, force: true });
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.error(`bench/mx: workspace kept at ${dir}`);
process.exitCode = countsOk ? 0 : 1;
