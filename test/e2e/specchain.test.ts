/**
 * SpecChain in a real VS Code workbench (code-server + headless Chromium): the example workspace
 * shows squiggles and Problems entries that match the CLI, and the sidebar lists, expands and
 * describes its SPECs. Leaves .test-artifacts/e2e-specchain-sidebar.png to look at.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { REPO_ROOT } from '../vscode/codeServer';
import { openWorkbench, type ProblemRow, type Workbench } from './harness';

/** One finding as `specchain check --format json` reports it (1-based positions). */
interface CliFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface CliReport {
  readonly specs: ReadonlyArray<{ readonly id: string }>;
  readonly diagnostics: readonly CliFinding[];
}

/** A marker row of the Problems panel with the file row it sits under. */
interface Marker {
  readonly file: string;
  readonly label: string;
}

const EXAMPLE_SPECS = ['AUTH-001', 'NOTIFY-001', 'ORDER-001', 'REPORT-001', 'USER-001'];
const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

function checkWithCli(workspace: string): CliReport {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'specchain.js'), 'check', workspace, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(run.stdout.trim().startsWith('{'), `specchain check gave no JSON (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as CliReport;
}

/** Pairs each marker row with the file row above it ("N problems in file X of folder Y"). */
function markersByFile(rows: readonly ProblemRow[]): Marker[] {
  const markers: Marker[] = [];
  let file = '';
  for (const row of rows) {
    const heading = /^\d+ problems? in file (.+?)(?: of folder (.+))?$/.exec(row.label);
    if (heading) file = heading[2] ? `${heading[2]}/${heading[1]}` : heading[1]!;
    else if (/^(Error|Warning|Info|Hint): /.test(row.label)) markers.push({ file, label: row.label });
  }
  return markers;
}

function expectedLabel(finding: CliFinding): string {
  return `${SEVERITY_WORD[finding.severity]}: ${finding.message} at line ${finding.line} and character ${finding.column}.`;
}

function missingFrom(markers: readonly Marker[], findings: readonly CliFinding[]): CliFinding[] {
  return findings.filter((f) => !markers.some((m) => m.file === f.file && m.label.startsWith(expectedLabel(f))));
}

async function labelsOf(items: Locator): Promise<string[]> {
  return items.evaluateAll((elements) => elements.map((element) => element.querySelector(':scope > .row > .label')?.textContent ?? ''));
}

/** The rows of a native tree view of the side bar (by its title), as text. */
async function nativeRows(page: Workbench['page'], title: string): Promise<string[]> {
  const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) });
  return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => (row as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));
}

describe('e2e: SpecChain on the example workspace', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;
  let cli: CliReport;
  let sidebar: Frame;

  before(async () => {
    workbench = await openWorkbench({ viewport: { width: 1600, height: 1000 } });
    cli = checkWithCli(workbench.workspace);
  });

  afterEach(async function () {
    // A picture of the workbench at the moment a step failed says more than a timeout.
    if (this.currentTest?.state === 'failed') await workbench?.screenshot('e2e-specchain-failure').catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
  });

  it('squiggles the unknown SPEC ID in backend/app/api/users.py', async () => {
    await workbench!.openFile('backend/app/api/users.py');
    assert.ok((await workbench!.waitForSquiggles('error', 120_000)) >= 1);
    const source = readFileSync(join(workbench!.workspace, 'backend', 'app', 'api', 'users.py'), 'utf8').split('\n');
    assert.match(source[23] ?? '', /@API:USRE-001/, 'the example should carry the mistyped ID on line 24');
  });

  it('lists the same findings in the Problems panel as `specchain check`, under the right files', async () => {
    const named = [
      /^Error: @API:USRE-001 belongs to no SPEC\b.*Did you mean USER-001\?/,
      /^Warning: TEST: test\/login\.test\.ts does not resolve to a file/,
      /^Warning: backend\/requirements\.txt declares FastAPI ==0\.104\.0, but SPEC USER-001/,
      /^Warning: @api:order-002 is not a valid tag\b.*Did you mean @API:ORDER-002\?/,
      /^Warning: dependencies names PAY-001/,
    ];
    const namedFiles = ['backend/app/api/users.py', 'gateway/src/auth/routes.ts', 'backend/requirements.txt', 'gateway/src/orders.ts', '.moai/specs/SPEC-ORDER-001/spec.md'];
    assert.ok(cli.diagnostics.length >= named.length, `the CLI should report the example's findings: ${JSON.stringify(cli.diagnostics)}`);

    // Findings of other files arrive as the server indexes the workspace: poll until all are there.
    const deadline = Date.now() + 120_000;
    let markers: Marker[] = [];
    for (;;) {
      markers = markersByFile(await workbench!.problems());
      const complete = missingFrom(markers, cli.diagnostics).length === 0 && named.every((re) => markers.some((m) => re.test(m.label)));
      if (complete || Date.now() > deadline) break;
      await workbench!.page.waitForTimeout(1_000);
    }
    const shown = JSON.stringify(markers, null, 1);
    named.forEach((re, i) => {
      const marker = markers.find((m) => re.test(m.label));
      assert.ok(marker, `no Problems entry matches ${re}:\n${shown}`);
      assert.equal(marker.file, namedFiles[i], `${re} sits under the wrong file:\n${shown}`);
    });
    assert.deepEqual(missingFrom(markers, cli.diagnostics), [], `CLI findings missing from the Problems panel:\n${shown}`);
    const specchainMarkers = markers.filter((m) => m.label.includes('generated by specchain'));
    assert.equal(specchainMarkers.length, cli.diagnostics.length, `Problems shows other SpecChain entries than the CLI:\n${shown}`);
  });

  it('counts the broken links on the SpecChain icon before its view was ever opened, as the status bar does', async () => {
    const page = workbench!.page;
    const read = async (): Promise<{ badge: string; status: string }> => ({
      badge: await page.locator('.activitybar .action-item').evaluateAll((items) => {
        const item = items.find((e) => /^SpecChain/.test(e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''));
        return (item?.querySelector('.badge') as unknown as { innerText: string } | null)?.innerText.trim() ?? '';
      }),
      status: await page.locator('.statusbar-item').evaluateAll((items) => items.map((e) => e.getAttribute('aria-label') ?? '').find((l) => /^SpecChain/.test(l)) ?? ''),
    });
    const deadline = Date.now() + 120_000;
    let seen = await read();
    while (Date.now() < deadline && !(/\d+ broken/.test(seen.status) && seen.badge !== '' && seen.status.includes(`${seen.badge} broken`))) {
      await page.waitForTimeout(500);
      seen = await read();
    }
    assert.match(seen.status, /\d+ broken/, `the status bar counts broken links: ${JSON.stringify(seen)}`);
    assert.ok(seen.badge !== '' && seen.status.includes(`${seen.badge} broken`), `the activity bar's badge is the status bar's count: ${JSON.stringify(seen)}`);
  });

  it('opens the SpecChain sidebar with the five example SPECs', async () => {
    await workbench!.openActivityBarView('SpecChain');
    sidebar = await workbench!.webviewFrame('#tree', 120_000);
    // The SPEC rows; the "Broken links" group follows them at the same level.
    const topLevel = sidebar.locator('#tree > li[role="treeitem"][aria-level="1"][data-key^="spec:"]');
    await topLevel.nth(EXAMPLE_SPECS.length - 1).waitFor({ timeout: 120_000 });
    const ids = await labelsOf(topLevel);
    assert.deepEqual([...ids].sort(), EXAMPLE_SPECS);
    assert.deepEqual([...ids].sort(), cli.specs.map((s) => s.id).sort());
    assert.match((await sidebar.locator('#tree').getAttribute('aria-label')) ?? '', /SPECs, 5 SPECs/);
  });

  it('expands USER-001 into its chain in fixed order, and a stage into its files with the keyboard', async () => {
    const user = sidebar.locator('#tree > li[data-key="spec:USER-001"]');
    assert.equal(await user.getAttribute('aria-expanded'), 'false');
    await user.locator(':scope > .row > .twistie').click();
    await sidebar.locator('#tree > li[data-key="spec:USER-001"][aria-expanded="true"]').waitFor({ timeout: 15_000 });
    const stages = sidebar.locator('#tree > li[data-parent="spec:USER-001"]');
    await stages.first().waitFor({ timeout: 15_000 });
    const order = ['API', 'DB', 'SERVICE', 'MIDDLEWARE', 'CODE', 'TEST'];
    const labels = (await labelsOf(stages)).filter((l) => order.includes(l));
    assert.deepEqual(labels, [...labels].sort((a, b) => order.indexOf(a) - order.indexOf(b)), 'chain order');
    for (const stage of ['API', 'DB', 'SERVICE', 'TEST']) assert.ok(labels.includes(stage), `${stage} in ${labels.join(', ')}`);

    // Arrow keys move from the SPEC to its first stage and open it, as in a native tree.
    await user.focus();
    await workbench!.page.keyboard.press('ArrowDown');
    await workbench!.page.keyboard.press('ArrowRight');
    await sidebar.locator('li[data-key="stage:USER-001:API"][aria-expanded="true"]').waitFor({ timeout: 15_000 });
    const files = sidebar.locator('#tree > li[data-parent="stage:USER-001:API"]');
    assert.deepEqual(await labelsOf(files), ['users.py:1']);
    assert.equal((await files.first().locator('.description').innerText()).trim(), 'backend/app/api');
    assert.match((await files.first().locator(':scope > .row').getAttribute('title')) ?? '', /@API:USER-001\nbackend\/app\/api\/users\.py:1/);
  });

  it('opens the handler of an endpoint from its row in the SPEC\'s Endpoints group', async () => {
    const group = sidebar.locator('#tree > li[data-key="endpoints:USER-001"]');
    await group.waitFor({ timeout: 15_000 });
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.locator(':scope > .row > .twistie').click();
    const rows = sidebar.locator('#tree > li[data-parent="endpoints:USER-001"]');
    await rows.first().waitFor({ timeout: 15_000 });
    // The first endpoint a route serves: its tooltip names the handler's file and line.
    let line = 0;
    for (const row of await rows.all()) {
      const where = / · fastapi · backend\/app\/api\/users\.py:(\d+)/.exec((await row.locator(':scope > .row').getAttribute('title')) ?? '');
      if (!where) continue;
      line = Number(where[1]);
      await row.locator(':scope > .row > .label').click();
      break;
    }
    assert.ok(line > 1, 'USER-001 has an endpoint served by backend/app/api/users.py');
    await workbench!.page.locator('.tabs-container .tab.active', { hasText: 'users.py' }).waitFor({ timeout: 30_000 });
    await workbench!.page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor({ timeout: 30_000 });
  });

  it('shows the detected stack in its own view: FastAPI in backend, Express in gateway', async () => {
    const page = workbench!.page;
    const header = page.locator('.sidebar .pane-header', { hasText: 'Stack' }).first();
    await header.waitFor({ timeout: 30_000 });
    // Stack starts collapsed so that the SPECs view has the room: open it as a user would.
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // Two services: each row names its language, frameworks and routes, both in view at once.
    const backend = /^backend ?python · fastapi ==0\.104\.0 · [1-9]\d* routes?$/;
    const gateway = /^gateway ?typescript · express \^4\.19\.2 · [1-9]\d* routes?$/;
    let rows: string[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      rows = await nativeRows(page, 'Stack');
      if (rows.some((r) => backend.test(r)) && rows.some((r) => gateway.test(r))) break;
      await page.waitForTimeout(500);
    }
    // A row's text is its label and description, which the list sets side by side.
    assert.ok(rows.some((r) => backend.test(r)), JSON.stringify(rows));
    assert.ok(rows.some((r) => gateway.test(r)), JSON.stringify(rows));
    // Opening the gateway lists its facts; its framework's row opens the manifest line.
    const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Stack' }) });
    await pane.locator('.monaco-list-row', { hasText: /^gateway/ }).first().click();
    const express = pane.locator('.monaco-list-row', { hasText: /^express/ }).first();
    await express.waitFor({ timeout: 30_000 });
    assert.match((await express.innerText()).replace(/\s+/g, ' ').trim(), /^express ?\^4\.19\.2$/);
    await express.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'package.json' }).waitFor({ timeout: 30_000 });
    // Back to users.py, which the next step pictures.
    await page.locator('.tabs-container .tab', { hasText: 'users.py' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'users.py' }).waitFor({ timeout: 30_000 });
  });

  it('saves a screenshot with the expanded tree, the squiggle and the Problems panel', async () => {
    const page = workbench!.page;
    // Bring line 24 into view in the editor (Go to Line) so the squiggle is in the picture.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type('24');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'USRE-001' }).waitFor({ state: 'visible', timeout: 15_000 });
    await sidebar.locator('li[data-key="stage:USER-001:API"][aria-expanded="true"]').waitFor({ state: 'visible', timeout: 15_000 });

    const path = await workbench!.screenshot('e2e-specchain-sidebar');
    const png = readFileSync(path);
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.ok(png.length > 50_000, `screenshot is suspiciously small: ${png.length} bytes`);
  });
});
