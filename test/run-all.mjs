#!/usr/bin/env node
// `npm test`: every test layer in order, a table of results, and one closing line
// `N passed, N failed[, N skipped]`. Exits non-zero when anything failed or crashed.
// A layer whose tools are missing fails with a hint; it is never skipped silently.
//   node test/run-all.mjs [--only a,b] [--skip a,b]   (names: see STEPS)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_HINT = 'install the test tools with `bash scripts/install-test-deps.sh` (or `npm run test:deps`)';
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const STEP_LIMIT_MS = 25 * 60_000;

const cache = process.env.SPECCHAIN_CACHE ?? join(homedir(), '.cache', 'specchain');
const codeServer = process.env.SPECCHAIN_CODE_SERVER ?? join(cache, 'bin', 'code-server');
const chromium = process.env.SPECCHAIN_CHROMIUM ?? '/usr/bin/chromium';

function missingBrowserTools() {
  const missing = [];
  if (!existsSync(codeServer)) missing.push(`code-server (${codeServer})`);
  if (!existsSync(chromium)) missing.push(`chromium (${chromium})`);
  return missing;
}

function hasTests(dir) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return false;
  return readdirSync(abs, { recursive: true }).some((name) => String(name).endsWith('.test.ts'));
}

/** mocha over test/<dir>; a .mocharc.json inside the folder replaces the defaults. */
function mochaFolder(dir, timeoutMs) {
  const rc = join(ROOT, dir, '.mocharc.json');
  const args = existsSync(rc)
    ? ['--config', rc]
    : ['--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', String(timeoutMs), `${dir}/**/*.test.ts`];
  return { cmd: process.execPath, args: [MOCHA, ...args], parse: parseMocha };
}

const STEPS = [
  {
    name: 'deps',
    title: 'test tools (scripts/install-test-deps.sh)',
    run: () => (process.env.SPECCHAIN_SKIP_DEPS ? { absent: 'SPECCHAIN_SKIP_DEPS is set' } : { cmd: 'bash', args: [join(ROOT, 'scripts', 'install-test-deps.sh')], parse: parseSetup }),
  },
  { name: 'typecheck', title: 'type-check (tsc --noEmit)', run: () => ({ cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'], parse: parseExit }) },
  { name: 'build', title: 'build (npm run build)', run: () => ({ cmd: 'npm', args: ['run', 'build'], parse: parseSetup }) },
  { name: 'unit', title: 'unit tests (mocha)', run: () => ({ cmd: process.execPath, args: [MOCHA], parse: parseMocha }) },
  {
    name: 'lsp',
    title: 'protocol tests (test/lsp)',
    run: () => (hasTests('test/lsp') ? mochaFolder('test/lsp', 60_000) : { absent: 'no test/lsp/**/*.test.ts yet' }),
  },
  {
    name: 'nvim',
    title: 'Neovim client (test/nvim)',
    run: () => {
      if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status !== 0) return { missing: `nvim not found: ${INSTALL_HINT}` };
      return mochaFolder('test/nvim', 60_000);
    },
  },
  {
    name: 'vscode',
    title: 'extension host in code-server (test/vscode)',
    run: () => {
      const missing = missingBrowserTools();
      if (missing.length > 0) return { missing: `missing ${missing.join(', ')}: ${INSTALL_HINT}` };
      return { cmd: process.execPath, args: [join(ROOT, 'test', 'vscode', 'runCodeServer.mjs')], parse: parseMocha };
    },
  },
  {
    name: 'e2e',
    title: 'browser end-to-end in code-server (test/e2e)',
    run: () => {
      const missing = missingBrowserTools();
      if (missing.length > 0) return { missing: `missing ${missing.join(', ')}: ${INSTALL_HINT}` };
      return { ...mochaFolder('test/e2e', 180_000), prepare: packageExtension };
    },
  },
];

const ANSI = /\x1b\[[0-9;]*m/g;

/** A preparation step: counts as a failure when it fails, and as no test when it works. */
function parseSetup(output, code) {
  return { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0, ...(code === 0 ? {} : { note: `exit code ${code}` }) };
}

function parseExit(output, code) {
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

/** Counts from mocha's spec summary, or from the extension-host runner's JSON line. */
function parseMocha(output, code) {
  const text = output.replace(ANSI, '');
  const json = /^SPECCHAIN_MOCHA_RESULT (\{.*\})$/m.exec(text);
  let counts;
  if (json) {
    const r = JSON.parse(json[1]);
    counts = { passed: r.passes, failed: r.failures, skipped: r.pending };
  } else {
    const count = (word) => {
      const matches = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
      return matches.length > 0 ? Number(matches.at(-1)[1]) : 0;
    };
    counts = { passed: count('passing'), failed: count('failing'), skipped: count('pending') };
  }
  // Tests that need material beside the repository (test/unit/shared.ts) say why they skipped.
  const reasons = [...new Set([...text.matchAll(/^SPECCHAIN_SKIPPED (.+)$/gm)].map((m) => m[1].trim()))];
  if (reasons.length > 0) counts.note = `skipped: ${reasons.join('; ')}`;
  // A crash before or after the tests (no summary, or a non-zero exit with no failing test).
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: [counts.note, `exit code ${code} without a failing test`].filter(Boolean).join('; ') };
  return counts;
}

/** When `npm run package` exists, build the .vsix and hand it to the e2e harness. */
function packageExtension(env) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (!manifest.scripts?.package) return { ok: true, note: 'no `npm run package` yet: extension loaded from the repository' };
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) return { ok: false, note: '`npm run package` failed' };
  const vsix = readdirSync(ROOT)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => join(ROOT, name))
    .filter((path) => statSync(path).mtimeMs >= started - 1000)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!vsix) return { ok: false, note: '`npm run package` wrote no .vsix in the repository root' };
  env.SPECCHAIN_VSIX = vsix;
  return { ok: true, note: `extension installed from ${vsix.slice(ROOT.length + 1)}` };
}

function runCommand(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const forward = (target) => (chunk) => {
      output += chunk.toString('utf8');
      target.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    const timer = setTimeout(() => {
      process.stdout.write(`\n[run-all] step exceeded ${STEP_LIMIT_MS / 60_000} minutes; killing it\n`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, STEP_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output}\n${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

function selectSteps(argv) {
  const list = (flag) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? (argv[index + 1] ?? '').split(',').filter(Boolean) : undefined;
  };
  const only = list('--only');
  const skip = list('--skip') ?? [];
  const known = new Set(STEPS.map((s) => s.name));
  for (const name of [...(only ?? []), ...skip]) {
    if (!known.has(name)) {
      console.error(`run-all: unknown step "${name}"; steps are ${[...known].join(', ')}`);
      process.exit(2);
    }
  }
  return STEPS.filter((s) => (only ? only.includes(s.name) : true) && !skip.includes(s.name));
}

rmSync(join(ROOT, '.test-artifacts', 'result.txt'), { force: true });
const results = [];
const startedAll = Date.now();
for (const step of selectSteps(process.argv.slice(2))) {
  const started = Date.now();
  console.log(`\n=== ${step.title} ===`);
  const plan = step.run();
  let result;
  if (plan.absent) {
    result = { status: 'none', passed: 0, failed: 0, skipped: 0, note: plan.absent };
  } else if (plan.missing) {
    console.log(`[run-all] FAIL: ${plan.missing}`);
    result = { status: 'FAIL', passed: 0, failed: 1, skipped: 0, note: plan.missing };
  } else {
    const env = { ...process.env };
    const prepared = plan.prepare ? plan.prepare(env) : { ok: true };
    if (!prepared.ok) {
      result = { status: 'FAIL', passed: 0, failed: 1, skipped: 0, note: prepared.note };
    } else {
      const { code, output } = await runCommand(plan.cmd, plan.args, env);
      const counts = plan.parse(output, code);
      const note = [prepared.note, counts.note].filter(Boolean).join('; ');
      result = { status: counts.failed > 0 ? 'FAIL' : 'ok', ...counts, note };
    }
  }
  results.push({ step, seconds: (Date.now() - started) / 1000, ...result });
}

const totals = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n=== summary ===');
console.log(`${'step'.padEnd(11)}${'status'.padEnd(8)}${'passed'.padStart(7)}${'failed'.padStart(7)}${'skipped'.padStart(8)}${'time'.padStart(9)}  note`);
for (const r of results) {
  console.log(
    `${r.step.name.padEnd(11)}${r.status.padEnd(8)}${String(r.passed).padStart(7)}${String(r.failed).padStart(7)}` +
      `${String(r.skipped).padStart(8)}${`${r.seconds.toFixed(1)}s`.padStart(9)}  ${r.note ?? ''}`,
  );
}
console.log(`total time ${((Date.now() - startedAll) / 1000).toFixed(1)}s\n`);
const closing = `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`;
// .ci/run repeats this file's line at the very end of its log.
mkdirSync(join(ROOT, '.test-artifacts'), { recursive: true });
writeFileSync(join(ROOT, '.test-artifacts', 'result.txt'), `${closing}\n`);
console.log(closing);
process.exit(totals.failed > 0 ? 1 : 0);
