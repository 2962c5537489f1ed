#!/usr/bin/env node
// `npm run bench`: the numbers the issues name, measured on the generated 20,000-file monorepo.
//
//   node bench/run.mjs [--runs N] [--out DIR] [--keep]
//
// 1. Writes the workspace with ../shared/bench/gen-workspace.mjs (--seed 1) and reads its expected.json.
// 2. Times ripgrep's bare scan for the same tags, then `specchain check DIR --format json`
//    without caches (cold), again over the unchanged tree (warm: the last results reused), and
//    after one source file changed (the facts cache serves the other files), and the least any
//    Node.js check must do (bench/floor.cjs: walk, read, one regex); checks the counts against
//    expected.json. The cold check is judged against the floor of the same rounds, the warm one
//    against ripgrep.
// 3. Runs the language-server benchmark (bench/lsp.mjs), and measures the extension's activation
//    in code-server (when the test tools are installed).
// 4. Runs the @MX row (bench/mx.mjs) on its own generated 20,000-file @MX workspace.
// 5. Runs the routes row (bench/routes.mjs) on a generated route-heavy workspace of six frameworks.
// 6. Times ripgrep, Node's floor and a cold check on a real-shaped tree of about 1,500 files
//    (bench/gen-real-shaped.mjs: prose-heavy, fixtures, a 1 MB generated report), where start-up
//    weighs more than reading; checks that nothing is reported from its generated files.
// 7. Runs the test-evidence row (bench/evidence.mjs): 10,000 results on `check`, the server's update.
// 8. Runs the pull-request row (bench/pr.mjs): `check --since` with 50 changed files against a cold
//    check, and the git history of 300 unknown IDs.
// 9. Runs the coding-agent rows (bench/agents.mjs) on the 20,000-file workspace: the Claude Code
//    hook for one edited file with the cache warm, and MCP tool calls once the server has indexed.
// Prints a table and, last, one JSON line with every number.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR = resolve(ROOT, '..', 'shared', 'bench', 'gen-workspace.mjs');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const RUNS = Number(option('runs', '5'));
const TAG_PATTERN = '@(SPEC|API|DB|SERVICE|MIDDLEWARE|TEST|CODE|DOC):[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{3,}';
/**
 * The standing budgets (issue 22 item 6): a cold check within 2.5× Node's floor measured in the
 * same run (on the 20,000-file workspace and on the real-shaped tree), a warm one within 1.5×
 * ripgrep, peak memory, and the language server's first diagnostics and edits.
 */
const LIMITS = { coldToFloor: 2.5, warm: 1.5, rssMiB: 250, shapedToFloor: 2.5, lspFirstMs: 3000, lspEditMs: 50 };
/** The timed `specchain check` runs, with their labels. */
const CHECKS = { cold: 'specchain check, cold (no cache)', warm: 'specchain check, warm (tree unchanged)', edited: 'specchain check, one file changed' };

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

if (!existsSync(GENERATOR)) fail(`workspace generator not found at ${GENERATOR}`);
if (spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0) fail('ripgrep (rg) is needed for the reference time: apt-get install ripgrep (scripts/install-test-deps.sh installs it)');
// The shipped bundles are minified: measure those.
if (spawnSync('npm', ['run', 'build', '--', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) fail('build failed');

const dir = option('out', mkdtempSync(join(tmpdir(), 'specchain-bench-')));
const cacheDir = mkdtempSync(join(tmpdir(), 'specchain-bench-cache-'));
console.log(`bench: writing the workspace to ${dir}`);
const gen = spawnSync(process.execPath, [GENERATOR, '--out', dir, '--seed', '1'], { encoding: 'utf8' });
if (gen.status !== 0) fail(`generator failed: ${gen.stderr}`);
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Newly written files are still being flushed to disk: wait for that, so that no run pays for it.
spawnSync('sync');

const rssFile = join(cacheDir, 'rss');
const specchain = (extra) => [
  '--require',
  join(ROOT, 'bench', 'rss-hook.cjs'),
  join(ROOT, 'bin', 'specchain.js'),
  'check',
  dir,
  '--format',
  'json',
  ...extra,
];
const env = { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, SPECCHAIN_RSS_FILE: rssFile };
// The file the `edited` runs change: a source file of the first service, its text restored at the end.
const serviceDir = join(dir, 'services', readdirSync(join(dir, 'services')).sort()[0]);
const editedFile = join(serviceDir, 'src', readdirSync(join(serviceDir, 'src')).sort()[0]);
const editedText = readFileSync(editedFile, 'utf8');
let edits = 0;
/** Changes the file's text and gives it a time a little in the past (an edit, not a racy one). */
function editOneFile() {
  edits++;
  writeFileSync(editedFile, `${editedText}\n// edit ${edits}\n`);
  const when = new Date(Date.now() - 10_000 + edits);
  utimesSync(editedFile, when, when);
}
const commands = {
  rg: { cmd: 'rg', args: ['--hidden', '--no-require-git', '-o', '-c', TAG_PATTERN, '.'], options: {} },
  cold: { cmd: process.execPath, args: specchain(['--no-cache']), options: { env } },
  warm: { cmd: process.execPath, args: specchain([]), options: { env } },
  edited: { cmd: process.execPath, args: specchain([]), options: { env }, before: editOneFile },
  floor: { cmd: process.execPath, args: [join(ROOT, 'bench', 'floor.cjs'), '.'], options: {} },
};

/**
 * Runs the three commands in turn, `RUNS` rounds after one warm-up round, so that each sees the
 * same machine; returns each one's median wall time, last result and peak RSS.
 */
function measure() {
  const out = Object.fromEntries(Object.keys(commands).map((k) => [k, { times: [], result: null, rssMiB: 0 }]));
  // Timed runs write to /dev/null, as a person's terminal redirect would: no pipe costs either side.
  const devNull = openSync('/dev/null', 'w');
  for (let round = 0; round <= RUNS; round++) {
    for (const [name, { cmd, args: cmdArgs, options, before }] of Object.entries(commands)) {
      before?.();
      const started = process.hrtime.bigint();
      const result = spawnSync(cmd, cmdArgs, { cwd: dir, encoding: 'utf8', stdio: ['ignore', devNull, 'pipe'], ...options });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0 && result.status !== 1) fail(`${name} exited ${result.status}: ${result.stderr}`);
      if (round === 0) continue;
      out[name].times.push(ms);
      if (name !== 'rg' && name !== 'floor') out[name].rssMiB = Math.max(out[name].rssMiB, Number(readFileSync(rssFile, 'utf8')) / 1024);
    }
  }
  closeSync(devNull);
  for (const m of Object.values(out)) m.ms = median(m.times);
  // One more run of each check, output kept, for the counts.
  for (const name of Object.keys(CHECKS)) {
    const { cmd, args: cmdArgs, options, before } = commands[name];
    before?.();
    out[name].result = spawnSync(cmd, cmdArgs, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  }
  return out;
}
const measured = measure();
const { rg, floor } = measured;
writeFileSync(editedFile, editedText);

/** The counts the generator promises, checked on a run's JSON. */
function verify(label, stdout) {
  const json = JSON.parse(stdout);
  const count = (code) => json.diagnostics.filter((d) => d.code === code).length;
  const checks = {
    specs: [json.specs.length, expected.specs],
    brokenTags: [count('tag/unknown-spec'), expected.brokenTags],
    specsWithoutImplementation: [count('spec/no-implementation'), expected.specsWithoutImplementation],
    underNodeModules: [json.diagnostics.filter((d) => d.file.startsWith('node_modules/')).length, 0],
  };
  const wrong = Object.entries(checks).filter(([, [got, want]]) => got !== want);
  for (const [name, [got, want]] of wrong) console.error(`bench: ${label}: ${name} = ${got}, expected ${want}`);
  return wrong.length === 0;
}
const countsOk = Object.keys(CHECKS).every((name) => verify(name, measured[name].result.stdout));

const report = {
  workspace: { files: expected.files, specs: expected.specs, tags: expected.tags, junk: expected.junkFilesToIgnore },
  rgMs: Math.round(rg.ms),
  ...Object.fromEntries(
    Object.keys(CHECKS).flatMap((name) => [
      [`${name}Ms`, Math.round(measured[name].ms)],
      [`${name}Ratio`, +(measured[name].ms / rg.ms).toFixed(2)],
      [`${name}PeakRssMiB`, Math.round(measured[name].rssMiB)],
    ]),
  ),
  floorMs: Math.round(floor.ms),
  floorRatio: +(floor.ms / rg.ms).toFixed(2),
  coldToFloor: +(measured.cold.ms / floor.ms).toFixed(2),
  countsOk,
};

let lsp = null;
const lspBench = join(ROOT, 'bench', 'lsp.mjs');
if (existsSync(lspBench)) {
  const r = spawnSync(process.execPath, [lspBench, '--workspace', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.trim().split('\n').pop();
  try {
    lsp = JSON.parse(line);
  } catch {
    console.error(`bench: bench/lsp.mjs printed no JSON (exit ${r.status})`);
  }
}

// The coding-agent rows (bench/agents.mjs): the Claude Code hook warm, MCP tool calls once indexed.
let agents = null;
{
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'agents.mjs'), '--workspace', dir, '--runs', String(RUNS)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    agents = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    console.error(`bench: bench/agents.mjs printed no JSON (exit ${r.status})`);
  }
}

/** Extension activation in a real VS Code (code-server), when the test tools are installed. */
function activation() {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, [join(ROOT, 'test', 'vscode', 'runCodeServer.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SPECCHAIN_TEST_GREP: 'activates' },
    });
    const m = /SPECCHAIN_ACTIVATION_MS (\d+(?:\.\d+)?)/.exec(r.stdout ?? '');
    if (!m) {
      console.error(`bench: activation not measured (code-server run exited ${r.status}; install the tools with npm run test:deps)`);
      return null;
    }
    samples.push(Number(m[1]));
  }
  return median(samples);
}
const activationMs = activation();

/** Step 5: the real-shaped tree, rg against a cold check, interleaved like the main rows. */
function realShaped() {
  const shapedDir = mkdtempSync(join(tmpdir(), 'specchain-bench-shaped-'));
  const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'gen-real-shaped.mjs'), '--out', shapedDir], { encoding: 'utf8' });
  if (made.status !== 0) fail(`gen-real-shaped failed: ${made.stderr}`);
  const shape = JSON.parse(made.stdout);
  spawnSync('sync');
  const runs = { rg: [], cold: [], floor: [] };
  const cold = [join(ROOT, 'bin', 'specchain.js'), 'check', shapedDir, '--format', 'json', '--no-cache'];
  let last;
  for (let round = 0; round <= RUNS; round++) {
    for (const [name, cmd, cmdArgs] of [['rg', 'rg', commands.rg.args], ['cold', process.execPath, cold], ['floor', process.execPath, commands.floor.args]]) {
      const started = process.hrtime.bigint();
      const result = spawnSync(cmd, cmdArgs, { cwd: shapedDir, encoding: 'utf8', maxBuffer: 1 << 28, env });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0 && result.status !== 1) fail(`real-shaped ${name} exited ${result.status}: ${result.stderr}`);
      if (name === 'cold') last = result.stdout;
      if (round > 0) runs[name].push(ms);
    }
  }
  const json = JSON.parse(last);
  const errors = json.diagnostics.filter((d) => d.severity === 'error');
  const fromGenerated = json.diagnostics.filter((d) => /^(?:\.moai\/reports\/|gen\/)/.test(d.file)).length;
  rmSync(shapedDir, { recursive: true, force: true });
  const rgMs = median(runs.rg);
  const coldMs = median(runs.cold);
  const floorMs = median(runs.floor);
  return { files: shape.files, rgMs: Math.round(rgMs), coldMs: Math.round(coldMs), coldRatio: +(coldMs / rgMs).toFixed(2), floorMs: Math.round(floorMs), coldToFloor: +(coldMs / floorMs).toFixed(2), errors: errors.length, expectedErrors: shape.brokenClaims, fromGenerated };
}
const shaped = realShaped();
const shapedOk = shaped.errors === shaped.expectedErrors && shaped.fromGenerated === 0;

const row = (name, value, target, ok) => console.log(`${name.padEnd(44)}${String(value).padStart(12)}   ${target.padEnd(16)}${ok === undefined ? '' : ok ? 'ok' : 'OVER'}`);
console.log('');
row('ripgrep bare scan (median)', `${report.rgMs} ms`, '');
for (const [name, label] of Object.entries(CHECKS)) {
  const [ms, ratio, rss] = [report[`${name}Ms`], report[`${name}Ratio`], report[`${name}PeakRssMiB`]];
  row(label, `${ms} ms`, '');
  if (name === 'cold') row('  ratio to the floor (below)', `${report.coldToFloor}×`, `≤ ${LIMITS.coldToFloor}× floor`, report.coldToFloor <= LIMITS.coldToFloor);
  if (name === 'warm') row('  ratio to ripgrep', `${ratio}×`, `≤ ${LIMITS.warm}× rg`, ratio <= LIMITS.warm);
  else row('  ratio to ripgrep', `${ratio}×`, '');
  row('  peak RSS', `${rss} MiB`, `≤ ${LIMITS.rssMiB} MiB`, rss <= LIMITS.rssMiB);
}
row("Node's floor: walk, read, one regex (floor.cjs)", `${report.floorMs} ms`, '');
row('  ratio to ripgrep', `${report.floorRatio}×`, '');
row('counts match expected.json', countsOk ? 'yes' : 'NO', '', countsOk);
if (lsp) {
  row('lsp: first diagnostics after start', `${Math.round(lsp.firstDiagnosticsMs)} ms`, `≤ ${LIMITS.lspFirstMs} ms`, lsp.firstDiagnosticsMs <= LIMITS.lspFirstMs);
  row('lsp: edit re-diagnosed (median)', `${lsp.editMedianMs.toFixed(1)} ms`, `≤ ${LIMITS.lspEditMs} ms`, lsp.editMedianMs <= LIMITS.lspEditMs);
  row('lsp: peak RSS', `${Math.round(lsp.peakRssMb)} MB`, `≤ ${LIMITS.rssMiB} MB`, lsp.peakRssMb <= LIMITS.rssMiB);
}
if (agents) {
  row('agents: hook, one edited file, warm (median)', `${agents.hookMs} ms`, '≤ 300 ms', agents.hookMs <= 300 && agents.hookReported);
  row('  node -e 0 in the same rounds', `${agents.nodeMs} ms`, '');
  row('agents: mcp start to first answer', `${agents.mcpIndexedMs} ms`, '');
  row('agents: mcp tool call once indexed (slowest)', `${agents.mcpCallMaxMs} ms`, '≤ 100 ms', agents.mcpCallMaxMs <= 100 && agents.mcpAnswered);
}
if (activationMs !== null) row('extension activation (median of 3)', `${activationMs.toFixed(1)} ms`, '≤ 300 ms', activationMs <= 300);
// The @MX dialect's row: its own generated workspace, its own ripgrep reference (bench/mx.mjs).
const mxRow = spawnSync(process.execPath, [join(ROOT, 'bench', 'mx.mjs'), '--no-build', '--runs', String(RUNS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const mxLines = (mxRow.stdout ?? '').trim().split('\n');
let mx = null;
try {
  mx = JSON.parse(mxLines.pop());
  console.log(mxLines.join('\n'));
} catch {
  console.error(`bench: bench/mx.mjs printed no JSON (exit ${mxRow.status})`);
}
// The routes row: a route-heavy generated workspace of six frameworks (bench/routes.mjs).
const routesRow = spawnSync(process.execPath, [join(ROOT, 'bench', 'routes.mjs'), '--no-build', '--runs', String(RUNS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const routesLines = (routesRow.stdout ?? '').trim().split('\n');
let routes = null;
try {
  routes = JSON.parse(routesLines.pop());
  console.log(routesLines.join('\n'));
} catch {
  console.error(`bench: bench/routes.mjs printed no JSON (exit ${routesRow.status})`);
}
row(`real-shaped tree (${shaped.files} files): ripgrep`, `${shaped.rgMs} ms`, '');
row('  specchain check, cold', `${shaped.coldMs} ms`, '');
row('  ratio to ripgrep', `${shaped.coldRatio}×`, '');
row("  Node's floor (floor.cjs)", `${shaped.floorMs} ms`, '');
row('  cold check to the floor', `${shaped.coldToFloor}×`, `≤ ${LIMITS.shapedToFloor}× floor`, shaped.coldToFloor <= LIMITS.shapedToFloor);
row('  errors: the broken claims only, none from generated files', `${shaped.errors}`, `${shaped.expectedErrors}`, shapedOk);
// Test evidence (bench/evidence.mjs): 10,000 results added to a check, and the server's update after a result file changes.
/** Runs a row's script on the workspace and reads the JSON line it prints last (null, said, when it prints none). */
function rowScript(script, env = process.env) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bench', script), '--workspace', dir, '--runs', '3'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    return JSON.parse((run.stdout ?? '').trim().split('\n').pop());
  } catch {
    console.error(`bench: bench/${script} printed no JSON (exit ${run.status})`);
    return null;
  }
}
const evidence = rowScript('evidence.mjs', { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir });
if (evidence) {
  row(`evidence: ${evidence.cases} test results added to check`, `${evidence.resultsAddMs} ms`, '≤ 300 ms', evidence.resultsAddMs <= 300);
  row('evidence: server update after a result file changes', `${evidence.serverUpdateMs} ms`, '≤ 1000 ms', evidence.serverUpdateMs <= 1000);
}
// Pull requests (bench/pr.mjs): --since with 50 changed files against a cold check, and the history of 300 unknown IDs.
const pr = rowScript('pr.mjs');
if (pr) {
  row('check --since, 50 files changed / cold check', `${pr.sinceRatio}×`, '≤ 2×', pr.sinceRatio <= 2);
  row('  --since reports exactly the 50 new findings', `${pr.newFindings}`, '50', pr.exact);
  row(`history of ${pr.history.ids} unknown IDs (${pr.history.commits} commits)`, `${pr.history.historyMs} ms`, '≤ 1000 ms', pr.history.historyMs <= 1000);
  row('  classified renamed / deleted / never existed', `${pr.history.kinds.renamed}/${pr.history.kinds.deleted}/${pr.history.kinds['never-existed']}`, '150/100/50', pr.history.exact);
}
console.log('');
console.log(JSON.stringify({ ...report, lsp, agents, activationMs, mx, routes, realShaped: shaped, evidence, pr }));

rmSync(cacheDir, { recursive: true, force: true });
if (!args.includes('--keep') && !option('out')) rmSync(dir, { recursive: true, force: true });
process.exitCode = countsOk && mx?.countsOk !== false && routes?.countsOk !== false && shapedOk && pr?.exact !== false && pr?.history.exact !== false ? 0 : 1;
