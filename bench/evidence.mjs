#!/usr/bin/env node
// Test evidence on the generated 20,000-file workspace (issue 16's budgets):
//   - resultsAddMs: what reading, matching and stating 10,000 test results adds to `specchain
//     check` (median of `--results` with 10,000 pytest cases minus median with an empty result
//     file, facts cache warm; target <= 300)
//   - serverUpdateMs: from a result file's change (didChangeWatchedFiles) to the server's
//     indexChanged carrying the new states (target <= 1000)
// It adds a SPEC with 100 REQs and a test file of 10,000 tests linked to them, and removes both
// at the end. Usage: node bench/evidence.mjs --workspace DIR [--runs 3]. Prints one JSON line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const workspace = resolve(option('workspace', '.'));
const RUNS = Number(option('runs', '3'));
const CASES = 10_000;
const REQS = 100;

const specDir = join(workspace, '.moai', 'specs', 'SPEC-EVB-001');
const testDir = join(workspace, 'services', 'evidence-bench', 'tests');
const resultDir = join(workspace, 'services', 'evidence-bench', 'test-results');
mkdirSync(specDir, { recursive: true });
mkdirSync(testDir, { recursive: true });
mkdirSync(resultDir, { recursive: true });
writeFileSync(join(specDir, 'spec.md'), `# SPEC-EVB-001: Evidence bench\n\n${Array.from({ length: REQS }, (_, i) => `### REQ-EVB-${String(i + 1).padStart(3, '0')}: R${i}\nThe system SHALL do ${i}.\n`).join('\n')}`);
writeFileSync(join(testDir, 'test_bench.py'), `"""Tests of SPEC-EVB-001."""\n\n${Array.from({ length: CASES }, (_, i) => `def test_case_${i}():\n    """REQ-EVB-${String((i % REQS) + 1).padStart(3, '0')}: case ${i}."""\n    assert True\n`).join('\n')}`);

/** pytest's --junitxml shape; `failEvery` makes every n-th case fail. */
function junit(failEvery) {
  const cases = Array.from({ length: CASES }, (_, i) =>
    i % failEvery === 0 ? `<testcase classname="tests.test_bench" name="test_case_${i}" time="0.001"><failure message="assert False">tests/test_bench.py:${i * 4 + 5}: AssertionError</failure></testcase>` : `<testcase classname="tests.test_bench" name="test_case_${i}" time="0.001" />`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="${CASES}" time="1.0" timestamp="2026-01-01T00:00:00" hostname="bench">${cases.join('')}</testsuite></testsuites>`;
}
const big = join(resultDir, 'junit.xml');
const empty = join(mkdtempSync(join(tmpdir(), 'specchain-evb-')), 'junit-empty.xml');
writeFileSync(big, junit(20));
writeFileSync(empty, '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" tests="0"></testsuite></testsuites>');

const cacheDir = mkdtempSync(join(tmpdir(), 'specchain-evb-cache-'));
const env = { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir };
const check = (results) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'specchain.js'), 'check', workspace, '--format', 'json', '--fail-on', 'never', '--results', results], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`check failed: ${r.stderr}`);
  return { ms: performance.now() - t, out: r.stdout };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
check(empty); // fills the facts cache
const without = [];
const withResults = [];
let cases = 0;
for (let i = 0; i < RUNS; i++) {
  without.push(check(empty).ms);
  const r = check(big);
  withResults.push(r.ms);
  cases = JSON.parse(r.out).evidence.cases;
}
const resultsAddMs = median(withResults) - median(without);

// The server: a result file changes, how long until indexChanged carries the new states.
const server = join(ROOT, 'dist', 'server.js');
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
let onChanged = () => {};
connection.onNotification('specchain/indexChanged', (p) => onChanged(p));
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const changed = (test, ms = 120_000) =>
  new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no indexChanged within ${ms} ms`)), ms);
    onChanged = (p) => {
      if (!test(p)) return;
      clearTimeout(timer);
      onChanged = () => {};
      done(p);
    };
  });
const rootUri = pathToFileURL(workspace).href;
const loaded = changed((p) => p.evidence?.failing > 0);
await connection.sendRequest(rpc.InitializeRequest.type, {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: 'bench' }],
  capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  initializationOptions: { testResults: ['services/evidence-bench/test-results/*.xml'] },
});
await connection.sendNotification(rpc.InitializedNotification.type, {});
const before = await loaded;
const updates = [];
for (let i = 0; i < RUNS; i++) {
  const failEvery = i % 2 === 0 ? 100_000 : 20;
  writeFileSync(big, junit(failEvery));
  const next = changed((p) => p.evidence && (failEvery === 100_000 ? p.evidence.failing === 1 : p.evidence.failing === before.evidence.failing));
  const t = performance.now();
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(big).href, type: 2 }] });
  await next;
  updates.push(performance.now() - t);
}
await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
await connection.sendNotification('exit');
connection.dispose();
child.kill();

rmSync(specDir, { recursive: true, force: true });
rmSync(join(workspace, 'services', 'evidence-bench'), { recursive: true, force: true });
rmSync(cacheDir, { recursive: true, force: true });
rmSync(dirname(empty), { recursive: true, force: true });
const round = (n) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    cases,
    checkWithoutMs: round(median(without)),
    checkWithMs: round(median(withResults)),
    resultsAddMs: round(resultsAddMs),
    serverUpdateMs: round(median(updates)),
    serverUpdateMaxMs: round(Math.max(...updates)),
    targets: { resultsAddMs: 300, serverUpdateMs: 1000 },
  }),
);
