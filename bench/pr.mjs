#!/usr/bin/env node
// Pull requests (issue 19's budgets):
//   - sinceRatio: `check --since main` on the generated 20,000-file workspace made a git
//     repository, with a branch that changed 50 source files (each gains one broken tag), over a
//     plain cold `check` of the same tree (both `--no-cache`, medians; target <= 2). The run also
//     checks that `--since` reports exactly the 50 new findings.
//   - historyMs: what classifying 300 unknown SPEC IDs from git history costs `check` (its
//     `--timings` line: one `git log` of the SPEC folders, parsed and replayed), in a repository of
//     1,000 SPECs written over 400 commits where 150 were renamed and 100 deleted; the references
//     name 150 renamed, 100 deleted and 50 never-existing IDs (target <= 1000). The run checks
//     each is classified so.
// The workspace is left as it was (its `.git` removed, the 50 files restored).
// Usage: node bench/pr.mjs --workspace DIR [--runs 3] [--only since|history]. Prints one JSON line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'specchain.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const workspace = resolve(option('workspace', '.'));
const RUNS = Number(option('runs', '3'));
const CHANGED = 50;
/** `--only since` or `--only history` runs one of the two measures. */
const only = option('only', '');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function git(cwd, ...gitArgs) {
  const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...gitArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${gitArgs.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const cacheDir = mkdtempSync(join(tmpdir(), 'specchain-prb-cache-'));
const env = { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, NO_COLOR: '1' };
function check(dir, extra) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json', '--fail-on', 'never', '--no-cache', ...extra], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`check ${extra.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms: performance.now() - t, json: JSON.parse(r.stdout), err: r.stderr };
}

// --since on the 20,000-file workspace.
if (only !== 'history' && existsSync(join(workspace, '.git'))) throw new Error(`${workspace} is a git repository already`);
const originals = new Map();
let since;
if (only !== 'history') try {
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  git(workspace, 'checkout', '-q', '-b', 'change');
  const sources = git(workspace, 'ls-files', '-z').split('\0').filter((p) => /\.(?:ts|py|go|java)$/.test(p) && !p.includes('.moai/'));
  const step = Math.floor(sources.length / CHANGED);
  for (let i = 0; i < CHANGED; i++) {
    const path = join(workspace, sources[i * step]);
    const text = readFileSync(path, 'utf8');
    originals.set(path, text);
    const comment = path.endsWith('.py') ? '#' : '//';
    writeFileSync(path, `${comment} @API:PRBENCH-${String(i).padStart(3, '0')}\n${text}`);
  }
  git(workspace, 'commit', '-q', '-am', 'change');
  const cold = [];
  const delta = [];
  let reported = -1;
  for (let r = 0; r < RUNS; r++) {
    cold.push(check(workspace, []).ms);
    const s = check(workspace, ['--since', 'main']);
    delta.push(s.ms);
    reported = s.json.diagnostics.length;
  }
  const expected = [...originals.keys()].length;
  since = { coldMs: Math.round(median(cold)), sinceMs: Math.round(median(delta)), sinceRatio: Number((median(delta) / median(cold)).toFixed(2)), newFindings: reported, exact: reported === expected };
} finally {
  for (const [path, text] of originals) writeFileSync(path, text);
  rmSync(join(workspace, '.git'), { recursive: true, force: true });
}

// History of 300 unknown IDs.
const repo = mkdtempSync(join(tmpdir(), 'specchain-prb-history-'));
const SPECS = 1000;
const id = (i) => `HIST-${String(i).padStart(4, '0')}`;
const spec = (name) => `---\nid: ${name}\nversion: 0.1.0\nstatus: draft\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: bench\npriority: medium\n---\n\n# SPEC-${name}: ${name}\n\nThe system SHALL do ${name}.\n`;
let history;
if (only !== 'since') try {
  git(repo, 'init', '-q', '-b', 'main');
  for (let c = 0; c < 250; c++) {
    for (let i = c * 4; i < c * 4 + 4; i++) {
      mkdirSync(join(repo, '.moai', 'specs', `SPEC-${id(i)}`), { recursive: true });
      writeFileSync(join(repo, '.moai', 'specs', `SPEC-${id(i)}`, 'spec.md'), spec(id(i)));
    }
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', `SPECs ${c}`);
  }
  // 150 renamed (IDs 0-149 become NEW-…), 100 deleted (150-249), three of each per commit.
  for (let c = 0; c < 50; c++) {
    for (let i = c * 3; i < c * 3 + 3; i++) {
      git(repo, 'mv', `.moai/specs/SPEC-${id(i)}`, `.moai/specs/SPEC-NEW-${id(i)}`);
      // The document takes its new ID too (a folder renamed alone would still declare the old one).
      writeFileSync(join(repo, '.moai', 'specs', `SPEC-NEW-${id(i)}`, 'spec.md'), spec(`NEW-${id(i)}`));
    }
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', `Rename ${c}`);
  }
  for (let c = 0; c < 100; c++) {
    const i = 150 + c;
    git(repo, 'rm', '-q', '-r', `.moai/specs/SPEC-${id(i)}`);
    git(repo, 'commit', '-q', '-m', `Delete ${id(i)}`);
  }
  const refs = [];
  for (let i = 0; i < 250; i++) refs.push(`// @MX:NOTE: uses ${id(i)}\n// @MX:SPEC: SPEC-${id(i)}\n`);
  for (let i = 0; i < 50; i++) refs.push(`// @MX:NOTE: invented\n// @MX:SPEC: SPEC-NEVER-${String(i).padStart(4, '0')}\n`);
  writeFileSync(join(repo, 'refs.ts'), refs.join('') + 'export const x = 1;\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Code');
  const runs = [];
  let kinds = {};
  for (let r = 0; r < RUNS; r++) {
    const c = check(repo, ['--timings']);
    const m = /history (\d+) ms \((\d+) IDs classified\)/.exec(c.err);
    if (!m) throw new Error(`no history timing in: ${c.err}`);
    runs.push(Number(m[1]));
    kinds = {};
    for (const d of c.json.diagnostics) if (d.history) kinds[d.history.kind] = (kinds[d.history.kind] ?? 0) + 1;
  }
  history = { ids: 300, commits: Number(git(repo, 'rev-list', '--count', 'HEAD').trim()), historyMs: median(runs), kinds, exact: kinds.renamed === 150 && kinds.deleted === 100 && kinds['never-existed'] === 50 };
} finally {
  rmSync(repo, { recursive: true, force: true });
}
rmSync(repo, { recursive: true, force: true });
rmSync(cacheDir, { recursive: true, force: true });

console.log(JSON.stringify({ ...since, history }));
