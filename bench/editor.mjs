#!/usr/bin/env node
// The time a user waits in the editor: a real-shaped 1,441-file folder opened in code-server
// (the built extension loaded from this checkout), measured from loading the workbench to
//   - indexingShownMs: the status bar saying "Indexing N files…",
//   - firstDiagnosticMs: the first SpecChain entry in Problems,
//   - countsShownMs: the status bar showing "N SPECs · …" (the index ready),
//   - specsViewOpenedMs: the SpecChain view container shown (clicked in the activity bar),
//   - specsViewReadyMs: the SPECs view's page loaded in its webview,
//   - specListShownMs: the SPECs view (opened as the workbench loads) listing its first SPEC row,
//   - specListAfterFirstDiagnosticMs / specListAfterCountsMs: how long the list lags behind
//     Problems and the status bar (the target: at most 1,000 ms after the first diagnostic).
// By default the browser has opened code-server once before (a one-SPEC folder, its SPECs view
// shown), as every launch after a user's first one: code-server's webviews wait for a service
// worker that a browser registers once per code-server address, 3.5-4 s here. `--first-launch`
// measures that first launch instead, from starting code-server with a browser profile never used.
//   node bench/editor.mjs [--workspace DIR] [--files 1441] [--specs 64] [--first-launch]
// Without --workspace it writes one with ../shared/bench/gen-workspace.mjs. Needs the test tools
// (scripts/install-test-deps.sh) and `npm run build`. Prints one JSON object on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { require as tsxRequire } from 'tsx/cjs/api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

if (!existsSync(join(ROOT, 'dist', 'client.js'))) {
  console.error('bench/editor: dist/client.js is missing: run npm run build first');
  process.exit(2);
}
let workspace = option('workspace', undefined);
let temp;
if (!workspace) {
  const generator = resolve(ROOT, '..', 'shared', 'bench', 'gen-workspace.mjs');
  if (!existsSync(generator)) {
    console.error(`bench/editor: workspace generator not found at ${generator}: pass --workspace DIR`);
    process.exit(2);
  }
  temp = mkdtempSync(join(tmpdir(), 'specchain-bench-editor-'));
  workspace = join(temp, 'workspace');
  const files = option('files', '1441');
  const specs = option('specs', '64');
  const gen = spawnSync(process.execPath, [generator, '--out', workspace, '--files', files, '--specs', specs, '--junk', '0', '--seed', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (gen.status !== 0) process.exit(2);
}

const { openWorkbench } = tsxRequire('../test/e2e/harness.ts', import.meta.url);
const { remoteUri, workbenchUrl } = tsxRequire('../test/vscode/codeServer.ts', import.meta.url);
const firstLaunch = args.includes('--first-launch');

/** The frame (a webview) that has `selector`, or undefined while none has it yet. */
async function findFrame(page, selector) {
  for (const frame of page.frames()) if (await frame.$(selector).catch(() => null)) return frame;
  return undefined;
}
/** The SPECs view's first SPEC row is listed in some frame. */
const listed = async (page) => (await findFrame(page, '#tree > [aria-level="1"][data-key^="spec:"]')) !== undefined;

const extension = { developmentPath: ROOT };
const viewport = { width: 1400, height: 900 };
let started = performance.now();
let workbench;
if (firstLaunch) workbench = await openWorkbench({ workspace: resolve(workspace), extension, viewport });
else {
  // The same code-server and browser open a one-SPEC folder first and show its SPECs view.
  const before = mkdtempSync(join(tmpdir(), 'specchain-bench-editor-before-'));
  mkdirSync(join(before, '.moai', 'specs', 'SPEC-WARM-001'), { recursive: true });
  writeFileSync(join(before, '.moai', 'specs', 'SPEC-WARM-001', 'spec.md'), '---\nid: WARM-001\nversion: 0.1.0\nstatus: draft\n---\n# @SPEC:WARM-001 Opened before\n');
  try {
    workbench = await openWorkbench({ workspace: before, extension, viewport });
    await workbench.openActivityBarView('SpecChain');
    const until = Date.now() + 120_000;
    while (Date.now() < until && !(await listed(workbench.page))) await workbench.page.waitForTimeout(100);
    started = performance.now();
    await workbench.page.goto(workbenchUrl(workbench.server, resolve(workspace), [['extensionDevelopmentPath', remoteUri(workbench.server, ROOT)]]), { timeout: 120_000 });
    await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}
const page = workbench.page;
const since = () => Math.round(performance.now() - started);
const status = page.locator('.statusbar-item[id*="specchain.status"]');
try {
  const result = {};
  // Polled together: whichever comes first is stamped the moment it is seen.
  const deadline = Date.now() + 180_000;
  await page.keyboard.press('Control+Shift+M');
  // The user opens the SpecChain view as soon as its activity-bar entry appears.
  await workbench.openActivityBarView('SpecChain');
  result.specsViewOpenedMs = since();
  let specs;
  while (Date.now() < deadline && !(result.firstDiagnosticMs && result.countsShownMs && result.specListShownMs)) {
    const text = (await status.innerText().catch(() => '')).trim();
    if (result.indexingShownMs === undefined && /Indexing/.test(text)) result.indexingShownMs = since();
    if (result.countsShownMs === undefined && /\d SPECs? ·/.test(text)) result.countsShownMs = since();
    if (result.firstDiagnosticMs === undefined && (await page.locator('.markers-panel .monaco-list-row[aria-label*="generated by specchain"]').count()) > 0) result.firstDiagnosticMs = since();
    if (result.specListShownMs === undefined) {
      specs ??= await findFrame(page, '#tree');
      if (specs && result.specsViewReadyMs === undefined) result.specsViewReadyMs = since();
      if (specs && (await specs.locator('#tree > [aria-level="1"][data-key^="spec:"]').count().catch(() => 0)) > 0) result.specListShownMs = since();
    }
    await page.waitForTimeout(50);
  }
  if (result.specListShownMs !== undefined && result.firstDiagnosticMs !== undefined) result.specListAfterFirstDiagnosticMs = result.specListShownMs - result.firstDiagnosticMs;
  if (result.specListShownMs !== undefined && result.countsShownMs !== undefined) result.specListAfterCountsMs = result.specListShownMs - result.countsShownMs;
  console.log(JSON.stringify({ workspace, browser: firstLaunch ? 'first launch' : 'opened code-server before', ...result }));
} finally {
  await workbench.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
}
