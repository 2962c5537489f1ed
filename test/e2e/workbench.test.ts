import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, type Workbench } from './harness';

describe('e2e harness: code-server workbench', function () {
  this.timeout(180_000);
  let folder: string;
  let workbench: Workbench | undefined;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'specchain-e2e-ws-'));
    mkdirSync(join(folder, 'service'));
    writeFileSync(join(folder, 'service', 'greeting.py'), 'def greeting():\n    return "hello from the e2e harness"\n');
    // VS Code's built-in JSON support reports this; it proves squiggles and Problems are readable.
    writeFileSync(join(folder, 'broken.json'), '{\n  "name": "demo",\n  "version" "1.0.0"\n}\n');
    workbench = await openWorkbench({ workspace: folder });
  });

  after(async () => {
    await workbench?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens a file with Ctrl+P and shows its text in the editor', async () => {
    await workbench!.openFile('service/greeting.py');
    const lines = workbench!.page.locator('.editor-instance .monaco-editor .view-lines');
    await lines.filter({ hasText: 'hello from the e2e harness' }).first().waitFor({ timeout: 15_000 });
  });

  it('reads squiggles and Problems rows from a built-in language server', async () => {
    await workbench!.openFile('broken.json');
    assert.ok((await workbench!.waitForSquiggles('error')) >= 1);
    const rows = await workbench!.problems();
    assert.ok(rows.some((row) => row.label.includes('broken.json') || row.text.includes('broken.json')), JSON.stringify(rows));
    assert.ok(rows.some((row) => /colon expected/i.test(row.label + row.text)), JSON.stringify(rows));
  });

  it('switches the side bar with the activity bar', async () => {
    await workbench!.openActivityBarView('Search');
    await workbench!.openActivityBarView('Explorer');
    await workbench!.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'service' }).first().waitFor({ timeout: 15_000 });
  });

  it('saves a screenshot of the workbench', async () => {
    const path = await workbench!.screenshot('e2e-harness-workbench');
    const png = readFileSync(path);
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.ok(png.length > 20_000, `screenshot is suspiciously small: ${png.length} bytes`);
  });
});
