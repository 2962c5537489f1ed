#!/usr/bin/env node
// The coding-agent rows on the generated 20,000-file workspace (issue 20's budgets):
//   - hookMs: `specchain hook claude` for one edited file (an Edit adding a broken tag), warm: the
//     facts cache filled by a check first; median of --runs (target <= 300). nodeMs is a bare
//     `node -e 0` measured in the same rounds, the floor any hook in Node.js pays.
//   - mcpIndexedMs: `specchain mcp` start to its first answer (the index loaded through the cache).
//   - mcpCallMs: per tool, the median time of a call once indexed, through the SDK's client
//     (target <= 100 for each); mcpCallMaxMs the slowest median.
// Usage: node bench/agents.mjs --workspace DIR [--runs 5]. SPECCHAIN_CACHE_DIR is used as given.
// Prints one JSON object on stdout.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'specchain.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dir = option('workspace', undefined);
const RUNS = Number(option('runs', '5'));
if (!dir) {
  console.error('bench/agents.mjs: --workspace DIR is needed');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (fn) => {
  const started = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
};

// Warm the caches as a user's earlier `specchain check` would.
spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json'], { stdio: 'ignore' });

// The hook: the first source file of the first service gets a broken tag, then its text back.
const serviceDir = join(dir, 'services', readdirSync(join(dir, 'services')).sort()[0]);
const file = join(serviceDir, 'src', readdirSync(join(serviceDir, 'src')).sort()[1]);
const original = readFileSync(file, 'utf8');
const hookTimes = [];
const nodeTimes = [];
let reported = true;
for (let round = 0; round <= RUNS; round++) {
  const edited = `${original}\n// @API:PAYMNT-${String(100 + round)} added by the agent\n`;
  writeFileSync(file, edited);
  const when = new Date(Date.now() - 10_000);
  utimesSync(file, when, when);
  const event = { session_id: 'bench', transcript_path: '/dev/null', cwd: dir, hook_event_name: 'PostToolUse', tool_name: 'Edit', tool_input: { file_path: file, old_string: original, new_string: edited, replace_all: false }, tool_response: { filePath: file, originalFile: original, structuredPatch: [], userModified: false, replaceAll: false } };
  const hook = timed(() => spawnSync(process.execPath, [BIN, 'hook', 'claude'], { input: JSON.stringify(event), encoding: 'utf8' }));
  const bare = timed(() => spawnSync(process.execPath, ['-e', '0']));
  writeFileSync(file, original);
  if (round === 0) continue;
  if (hook.value.status !== 2 || !hook.value.stderr.includes(`PAYMNT-${100 + round}`)) reported = false;
  hookTimes.push(hook.ms);
  nodeTimes.push(bare.ms);
}

// The MCP server: start to the first answer, then each tool's calls.
const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--root', dir], env: process.env, stderr: 'ignore' });
const client = new Client({ name: 'specchain-bench', version: '1' });
const started = process.hrtime.bigint();
await client.connect(transport);
const first = await client.callTool({ name: 'check', arguments: { limit: 1 } });
const mcpIndexedMs = Number(process.hrtime.bigint() - started) / 1e6;
const specs = JSON.parse(first.content[0].text).specs;
const spec = specs.find((s) => s.reqs?.length) ?? specs[0];
const calls = {
  where: { id: `SPEC-${spec.id}` },
  spec: { id: spec.id },
  uncovered: { spec: spec.id },
  check: { paths: [file.slice(dir.length + 1)] },
  stack: {},
};
const mcpCallMs = {};
let answered = true;
for (const [name, callArgs] of Object.entries(calls)) {
  const times = [];
  for (let round = 0; round <= RUNS; round++) {
    const t0 = process.hrtime.bigint();
    const r = await client.callTool({ name, arguments: callArgs });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.isError) answered = false;
    if (round > 0) times.push(ms);
  }
  mcpCallMs[name] = +median(times).toFixed(1);
}
await client.close();

console.log(
  JSON.stringify({
    hookMs: Math.round(median(hookTimes)),
    nodeMs: Math.round(median(nodeTimes)),
    hookReported: reported,
    mcpIndexedMs: Math.round(mcpIndexedMs),
    mcpCallMs,
    mcpCallMaxMs: Math.max(...Object.values(mcpCallMs)),
    mcpAnswered: answered,
  }),
);
