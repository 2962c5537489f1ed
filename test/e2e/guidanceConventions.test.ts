/**
 * The Guidance view as a user meets it: a SPEC picked in the SPECs view shows the conventions
 * found for its service, and a click on a fact's source opens that file in the editor.
 */
import * as assert from 'node:assert/strict';
import { openWorkbench, type Workbench } from './harness';

describe('e2e: the Guidance view shows the conventions of the selected SPEC\'s service', function () {
  this.timeout(600_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench({ viewport: { width: 1280, height: 900 } });
    await workbench.openActivityBarView('SpecChain');
  });

  after(async () => {
    await workbench?.close();
  });

  it('lists layout, data layer and errors of the FastAPI service, and opens a source line', async () => {
    const specs = await workbench!.webviewFrame('#tree', 120_000);
    const row = specs.locator('#tree > [aria-level="1"]', { hasText: 'USER-001' }).first();
    await row.waitFor({ timeout: 120_000 });
    await row.click();
    // Guidance starts collapsed so that the SPECs view has the room: open it as a user would.
    const header = workbench!.page.locator('.sidebar .pane-header', { hasText: 'Guidance' }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const guidance = await workbench!.webviewFrame('section.conventions', 180_000);
    const section = guidance.locator('section.conventions');
    assert.match((await section.locator('h3').textContent()) ?? '', /Conventions of backend \(FastAPI/);
    const groups = await section.locator('h4').allTextContents();
    for (const title of ['Layout', 'Data layer', 'Errors']) assert.ok(groups.includes(title), `${title} in ${groups.join(', ')}`);
    const source = section.locator('a.fact-source', { hasText: 'backend/app/api/users.py:20' }).first();
    await source.click();
    await workbench!.page.locator('.tabs-container .tab.active', { hasText: 'users.py' }).waitFor({ timeout: 60_000 });
  });
});
