#!/usr/bin/env node
// Language-server benchmark on the generated 20,000-file workspace:
//   - firstDiagnosticsMs: server start to the first publishDiagnostics of an opened file (target <= 3000)
//   - editMedianMs: median time from a didChange to the re-published diagnostics over 30 edits (target <= 50)
//   - peakRssMb: the server process's VmHWM, worker threads included (target <= 250)
// Usage: node bench/lsp.mjs [--workspace DIR] [--edits 30] [--own-watcher]. Prints one JSON object on stdout.
// --own-watcher: the client declares no file watching (Neovim on Linux, Helix), so the server watches the disk itself.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

const here = dirname(fileURLToPath(import.meta.url));
const server = resolve(here, '..', 'dist', 'server.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const EDITS = Number(option('edits', '30'));
const OWN_WATCHER = args.includes('--own-watcher');
/** Pause between edits: a brisk typist's cadence, longer than the server's 50 ms batching window. */
const EDIT_INTERVAL_MS = 100;

if (!existsSync(server)) {
  console.error(`${server} is missing: run npm run build first`);
  process.exit(2);
}

let workspace = option('workspace', undefined);
if (!workspace) {
  workspace = join(tmpdir(), 'specchain-bench-ws-seed1');
  if (!existsSync(join(workspace, 'expected.json'))) {
    // The generator lives beside the repository, as for bench/run.mjs.
    const generator = resolve(here, '..', '..', 'shared', 'bench', 'gen-workspace.mjs');
    if (!existsSync(generator)) {
      console.error(`workspace generator not found at ${generator}: pass --workspace DIR`);
      process.exit(2);
    }
    const gen = spawnSync(process.execPath, [generator, '--out', workspace, '--seed', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) process.exit(2);
  }
}
workspace = resolve(workspace);

// A tagged Python source file to open and edit.
const pyService = readdirSync(join(workspace, 'services')).find((d) => d.startsWith('py-'));
const srcDir = join(workspace, 'services', pyService, 'src');
const file = join(srcDir, readdirSync(srcDir).filter((f) => f.endsWith('.py')).sort()[0]);
const original = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

const started = performance.now();
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
let onPublish = () => {};
connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
  if (params.uri === uri) onPublish(params);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();

const nextPublish = (ms = 60_000) =>
  new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('no diagnostics within ' + ms + ' ms')), ms);
    onPublish = (params) => {
      clearTimeout(timer);
      onPublish = () => {};
      done(params);
    };
  });

const rootUri = pathToFileURL(workspace).href;
const first = nextPublish();
await connection.sendRequest(rpc.InitializeRequest.type, {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: 'bench' }],
  capabilities: { workspace: { configuration: true, ...(OWN_WATCHER ? {} : { didChangeWatchedFiles: { dynamicRegistration: true } }) } },
});
await connection.sendNotification(rpc.InitializedNotification.type, {});
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: original } });
// While the workspace loads on worker threads, the connection still answers at once.
const asked = performance.now();
await connection.sendRequest('workspace/symbol', { query: 'USER' });
const requestDuringLoadMs = performance.now() - asked;
await first;
const firstDiagnosticsMs = performance.now() - started;

// Alternate a broken marker in and out, so every edit changes the file's diagnostics.
const times = [];
for (let i = 0; i < EDITS; i++) {
  await new Promise((r) => setTimeout(r, EDIT_INTERVAL_MS));
  const text = i % 2 === 0 ? `# @API:ZZZ-${String(900 + i)}\n${original}` : original;
  const published = nextPublish(10_000);
  const t = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
  await published;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const editMedianMs = times[Math.floor(times.length / 2)];

const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);

await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
await connection.sendNotification('exit');
connection.dispose();
child.kill();

const round = (n) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    workspace,
    ownWatcher: OWN_WATCHER,
    files: Number(JSON.parse(readFileSync(join(workspace, 'expected.json'), 'utf8')).files ?? NaN) || undefined,
    firstDiagnosticsMs: round(firstDiagnosticsMs),
    editMedianMs: round(editMedianMs),
    editMaxMs: round(times[times.length - 1]),
    edits: times.length,
    editIntervalMs: EDIT_INTERVAL_MS,
    peakRssMb: round(hwmKb / 1024),
    requestDuringLoadMs: round(requestDuringLoadMs),
    targets: { firstDiagnosticsMs: 3000, editMedianMs: 50, peakRssMb: 250 },
  }),
);
