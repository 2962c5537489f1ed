/**
 * The dependency graph's tab survives a window reload: VS Code keeps the tab, and the extension's
 * serializer loads the graph into it again (without one the tab came back empty or not at all).
 */
import * as assert from 'node:assert/strict';
import { openWorkbench, type Workbench } from './harness';

describe('e2e: the dependency graph comes back after a window reload', function () {
  this.timeout(600_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await workbench?.close();
  });

  /** The graph page's list of SPECs (one button per node), once all `count` are drawn. */
  const graphButtons = async (count: number): Promise<string[]> => {
    const graph = await workbench!.webviewFrame('#graph-list', 120_000);
    await graph.locator('#graph-list button').nth(count - 1).waitFor({ state: 'attached', timeout: 120_000 });
    return (await graph.locator('#graph-list button').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['id'] ?? ''))).sort();
  };

  it('shows the same SPECs in the restored tab', async () => {
    const page = workbench!.page;
    await workbench!.runCommand('SpecChain: Show dependency graph');
    const before = await graphButtons(5);
    const tab = page.locator('.tabs-container .tab', { hasText: 'SPEC dependency graph' });
    await tab.waitFor({ timeout: 30_000 });
    // As a user reloads: the workbench saves its open tabs on the way out (a bare page reload may beat that save).
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 120_000 });
    await workbench!.runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await tab.waitFor({ timeout: 60_000 });
    assert.deepEqual(await graphButtons(before.length), before);
  });
});
