import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderPageHtml, type WebviewPage } from '../../../client/src/sidebar/html';
import type { SpecNode, SpecTreeResult } from '../../../server/src/protocol';
import { AXE_SERIOUS, FIT_PROBE } from '../../e2e/fit';
import { range, specNode } from './specFixture';
import { withUris } from '../../../server/src/lsp/convert';
import { getSpecTree } from '../../../server/src/service/features/specTree';
import { sharedPath } from '../shared';
import { openFolder } from '../../../server/src/node/folder';
import { LanguageService } from '../../../server/src/service/languageService';

// The webview pages (dist/webview/*.js) in a real browser engine, served under the same CSP as
// in VS Code, with the webview API replaced by a recorder. Needs Chromium
// (scripts/install-test-deps.sh) and a build (npm run build).
const root = join(__dirname, '..', '..', '..');
const REPO = root;
const CHROMIUM = process.env['SPECCHAIN_CHROMIUM'] ?? '/usr/bin/chromium';
const ORIGIN = 'https://webview.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';

const tag = (type: string, id: string, path: string, line: number, extra: object = {}) => ({ type, id, role: 'claim' as const, uri: `file:///ws/${path}`, path, range: range(line, 2, 2 + type.length + id.length + 2), ...extra });
const spec = specNode;

const HOSTILE = '<img src=x onerror="window.__pwned=1">Users & "roles"';
const LONG = 'A very long SPEC title that cannot possibly fit into a narrow sidebar at all, however it is cut';
const tree: SpecTreeResult = {
  broken: [],
  specs: [
    spec('AUTH-001', 'Login', {
      status: 'completed',
      tags: [
        tag('TEST', 'AUTH-001', 'tests/test_auth.py', 0),
        tag('API', 'AUTH-001', 'src/auth.py', 3),
        tag('API', 'AUTH-001', 'src/auth.py', 9),
        tag('API', 'AUTH-001', 'src/routes.py', 9),
        tag('SERVICE', 'USER-001', 'src/services/very/deeply/nested/folder/structure/user_service_implementation.py', 41, { borrowed: true }),
      ],
      counts: { API: 3, SERVICE: 1, TEST: 1 },
      completeness: 'complete',
      framework: 'fastapi',
      mentions: [tag('API', 'AUTH-001', 'tests/fixtures.py', 7, { role: 'mention' })],
    }),
    spec('USER-001', HOSTILE, { tags: [tag('CODE', 'USER-001', 'src/users.ts', 1)], missing: ['@DB:USER-001', '@API:USER-001'], completeness: 'partial', problems: { errors: 1, warnings: 2, broken: 0 }, gaps: { declared: 'error', test: 'warning' } }),
    spec('PAY-001', `@SPEC:PAY-001 \`Payments\` ${LONG}`, { status: 'draft' }),
    spec('ORDER-001', 'Orders', { completeness: 'partial', tags: [tag('API', 'ORDER-001', 'src/orders.py', 4)] }),
  ],
  totals: { specs: 4, tags: 6, brokenLinks: 1, errors: 1, warnings: 2 },
};

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate(`window.dispatchEvent(new MessageEvent('message', { data: ${JSON.stringify(message)} }))`);
}
// Page-side code is passed as strings, so the TS transpiler adds no helpers the page lacks.
const posted = (page: Page) => page.evaluate('window.__posted') as Promise<{ type: string; [k: string]: unknown }[]>;
const lastPosted = async (page: Page, type: string) => (await posted(page)).filter((m) => m.type === type).at(-1);
const focusedKey = (page: Page) => page.evaluate('document.activeElement && document.activeElement.dataset.key') as Promise<string | undefined>;
const labels = (page: Page, selector: string) => page.locator(`${selector} > .row > .label`).allTextContents();

async function openPage(browser: Browser, page: WebviewPage, width: number): Promise<{ page: Page; errors: string[] }> {
  const tab = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  await tab.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') {
      const html = renderPageHtml(page, {
        cspSource: ORIGIN,
        codiconCss: `${ORIGIN}/media/codicons/codicon.css`,
        css: `${ORIGIN}/media/webview.css`,
        script: `${ORIGIN}/dist/webview/${page}.js`,
        nonce: NONCE,
      });
      return route.fulfill({ contentType: 'text/html', body: html });
    }
    const file = join(root, decodeURIComponent(path));
    if (!/^\/(media|dist\/webview)\//.test(path) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'font/ttf';
    return route.fulfill({ contentType: type, body: readFileSync(file) });
  });
  await tab.addInitScript(`
    window.__posted = [];
    window.__state = undefined;
    window.__violations = [];
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  tab.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await tab.goto(`${ORIGIN}/index.html`);
  await tab.waitForFunction('window.__posted.length > 0');
  return { page: tab, errors };
}

/** axe-core's serious and critical violations on the page (injected over the debugger, not through the CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return (await page.evaluate(AXE_SERIOUS)) as string[];
}

describe('client: SPECs and Guidance pages in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    for (const file of ['media/codicons/codicon.css', 'dist/webview/specs.js', 'dist/webview/guidance.js', 'dist/webview/graph.js']) {
      if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    ({ page, errors } = await openPage(browser, 'specs', 400));
  });

  after(async () => {
    await browser?.close();
  });

  it('says ready, shows indexing progress, then renders the tree with every SPEC string as text', async () => {
    assert.deepEqual((await posted(page))[0], { type: 'ready' });
    await send(page, { type: 'server', state: 'running' });
    await send(page, { type: 'indexing', active: true });
    assert.equal(await page.locator('#server-status').textContent(), 'Indexing…', 'no file count before the server has one');
    await send(page, { type: 'indexing', active: true, files: 1441 });
    assert.equal(await page.locator('#server-status').textContent(), 'Indexing 1,441 files…');
    assert.equal(await page.locator('#progress').isVisible(), true);
    assert.equal(await page.locator('#tree-empty').textContent(), 'Indexing 1,441 files…');
    await send(page, { type: 'indexing', active: false });
    await send(page, { type: 'tree', tree });
    assert.equal(await page.locator('#progress').isVisible(), false);
    assert.equal(await page.locator('#tree > [role="treeitem"]').count(), 4);
    assert.equal(await page.locator('[data-key="spec:USER-001"] > .row .description').textContent(), HOSTILE);
    assert.equal(await page.locator('#tree img').count(), 0);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('[data-key="spec:PAY-001"] > .row .description').textContent(), `Payments ${LONG}`, 'no @SPEC marker, no backticks');
  });

  it('gives each SPEC one status glyph, a compact coverage badge and its meaning in the tooltip', async () => {
    const auth = page.locator('[data-key="spec:AUTH-001"] > .row');
    assert.equal(await auth.locator('.glyph').count(), 1);
    assert.equal(await auth.locator('.badge').textContent(), '3/3 links');
    assert.equal(await page.locator('[data-key="spec:USER-001"] > .row .badge').textContent(), '1/4 links · 2 missing');
    assert.equal(await page.locator('[data-key="spec:USER-001"] > .row .badge').getAttribute('title'), '1 of 4 chain links present, 2 declared tags not in code');
    assert.match((await page.locator('[data-key="spec:USER-001"] > .row .badge').getAttribute('class')) ?? '', /broken/);
    assert.match((await page.locator('[data-key="spec:USER-001"] > .row .glyph').getAttribute('class')) ?? '', /codicon-error/);
    assert.equal(await page.locator('.pill').count(), 0, 'no status and chain pill pair');
    const tooltip = (await auth.getAttribute('title')) ?? '';
    assert.match(tooltip, /Status: completed · chain complete/);
    assert.match(tooltip, /\.moai\/specs\/SPEC-AUTH-001\/spec\.md:13/);
  });

  it('fits every row at 400 px: nothing clipped, no horizontal scroll', async () => {
    await page.locator('[data-key="spec:AUTH-001"]').focus();
    await page.keyboard.press('*');
    assert.deepEqual(await page.evaluate(FIT_PROBE), { horizontalScroll: false, clipped: [] });
  });

  it('shows the chain in fixed order with a slot for each missing link, tags grouped by file', async () => {
    assert.equal(await page.locator('[data-key="spec:USER-001"]').getAttribute('aria-expanded'), 'true', '* expanded the siblings');
    assert.deepEqual(await labels(page, '[data-parent=\"spec:AUTH-001\"]'), ['API', 'SERVICE', 'TEST', 'Mentions']);
    assert.deepEqual(await labels(page, '[data-parent=\"spec:USER-001\"]'), ['API', 'DB', 'CODE', 'TEST']);
    // Slots are painted as Problems reports them: USER-001's declared tags are errors, its test a warning.
    assert.equal(await page.locator('[data-key^="slot:USER-001:"] .row.slot.broken').count(), 2);
    assert.equal(await page.locator('[data-key^="slot:USER-001:TEST"] .glyph.codicon-warning').count(), 1);
    await page.locator('[data-key="spec:PAY-001"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await labels(page, '[data-parent=\"spec:PAY-001\"]'), ['CODE', 'TEST']);
    assert.equal(await page.locator('[data-key^="slot:PAY-001:"] .row.slot.broken').count(), 0);
    assert.equal(await page.locator('[data-key^="slot:PAY-001:"] .row.slot').count(), 2);
    assert.match((await page.locator('[data-parent="spec:AUTH-001"] .row.muted .label').textContent()) ?? '', /Mentions/);

    await page.locator('[data-key="stage:AUTH-001:API"]').focus();
    await page.keyboard.press('ArrowRight');
    const files = '[data-parent=\"stage:AUTH-001:API\"]';
    assert.deepEqual(await labels(page, files), ['auth.py', 'routes.py:10'], 'two markers in auth.py under one row; the only one of routes.py is the row');
    assert.equal(await page.locator(`${files} >> nth=0`).locator(':scope > .row .badge').textContent(), '2');
    await page.locator('[data-key="stage:AUTH-001:SERVICE"]').focus();
    await page.keyboard.press('ArrowRight');
    const borrowed = page.locator('[data-parent="stage:AUTH-001:SERVICE"]').first();
    assert.match((await borrowed.locator(':scope > .row .description').textContent()) ?? '', /borrowed$/);
    assert.match((await borrowed.locator(':scope > .row').getAttribute('title')) ?? '', /user_service_implementation\.py:42\nBorrowed: another SPEC's marker/);
  });

  it('fits every row at 220 px, with long paths ellipsised and readable in tooltips', async () => {
    await page.setViewportSize({ width: 220, height: 900 });
    assert.deepEqual(await page.evaluate(FIT_PROBE), { horizontalScroll: false, clipped: [] });
    const badge = page.locator('[data-key="spec:USER-001"] > .row .badge');
    const [badgeBox, rowBox] = [await badge.boundingBox(), await page.locator('[data-key="spec:USER-001"] > .row').boundingBox()];
    assert.ok(badgeBox && rowBox && badgeBox.x + badgeBox.width <= rowBox.x + rowBox.width, 'the badge ends inside its row');
    mkdirSync(join(root, '.test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(root, '.test-artifacts', 'specs-page-220.png'), fullPage: true });
    await page.setViewportSize({ width: 400, height: 900 });
  });

  it('moves with the keyboard as a native tree: Home/End, type-to-jump, Enter opens', async () => {
    await send(page, { type: 'collapseAll' });
    await page.locator('[data-key="spec:AUTH-001"]').focus();
    await page.keyboard.press('End');
    assert.equal(await focusedKey(page), 'spec:ORDER-001');
    await page.keyboard.press('Home');
    assert.equal(await focusedKey(page), 'spec:AUTH-001');
    await page.keyboard.press('p');
    assert.equal(await focusedKey(page), 'spec:PAY-001');
    await page.waitForTimeout(800);
    await page.keyboard.type('or');
    assert.equal(await focusedKey(page), 'spec:ORDER-001');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).slice(-2), [
      { type: 'select', specId: 'ORDER-001' },
      { type: 'open', uri: tree.specs[3]!.uri, range: tree.specs[3]!.range },
    ]);
    assert.equal(await page.locator('[role="treeitem"][tabindex="0"]').count(), 1, 'one tab stop (roving tabindex)');
  });

  it('carries the context of each row for the webview/context menu', async () => {
    await send(page, { type: 'reveal', specId: 'AUTH-001', focus: true, uri: 'file:///ws/src/routes.py', line: 9 });
    assert.equal(await focusedKey(page), 'file:AUTH-001:API:src/routes.py:10', 'Reveal SPEC selects and focuses the tag on the line');
    const specContext = JSON.parse((await page.locator('[data-key="spec:AUTH-001"]').getAttribute('data-vscode-context')) ?? '{}');
    assert.equal(specContext.webviewSection, 'spec');
    assert.equal(specContext.specId, 'AUTH-001');
    assert.equal(specContext.preventDefaultContextMenuItems, true);
    const tagContext = JSON.parse((await page.locator('[data-key^="file:AUTH-001:API:src/routes.py"]').getAttribute('data-vscode-context')) ?? '{}');
    assert.deepEqual(tagContext, { webviewSection: 'tag', specId: 'AUTH-001', tag: '@API:AUTH-001', uri: 'file:///ws/src/routes.py', line: 9, character: 2, preventDefaultContextMenuItems: true });
  });

  it('filters by text, status and chain state, and reports "N of M"', async () => {
    await page.locator('#filter').fill('order');
    assert.deepEqual(await lastPosted(page, 'shown'), { type: 'shown', shown: 1, total: 4, broken: 0, filter: { text: 'order', statuses: [], chains: [] } });
    await page.locator('#filter').fill('');
    await send(page, { type: 'filter', statuses: [], chains: ['partial'] });
    assert.deepEqual(await page.locator('#tree > [aria-level="1"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['spec:USER-001', 'spec:ORDER-001']);
    assert.match((await page.locator('#tree').getAttribute('aria-label')) ?? '', /2 of 4/);
    assert.deepEqual(await page.locator('#filter-chips button').allTextContents(), ['partial']);
    await send(page, { type: 'filter', statuses: ['draft'], chains: [] });
    assert.deepEqual(await page.locator('#tree > [aria-level="1"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['spec:PAY-001']);
    await page.locator('#filter-chips button').click();
    assert.equal(await page.locator('#tree > [aria-level="1"]').count(), 4, 'removing the chip clears it');
    const state = (await page.evaluate('window.__state')) as { filter: object };
    assert.deepEqual(state.filter, { text: '', statuses: [], chains: [] });
  });

  it('follows the editor: selects the tag on a line without taking focus, expanding its parents', async () => {
    await send(page, { type: 'collapseAll' });
    assert.equal(await page.locator('[aria-expanded="true"]').count(), 0);
    await page.locator('#filter').focus();
    await send(page, { type: 'reveal', specId: 'AUTH-001', focus: false, uri: 'file:///ws/src/auth.py', line: 9 });
    assert.deepEqual(await lastPosted(page, 'revealed'), { type: 'revealed', key: 'file:AUTH-001:API:src/auth.py:10' });
    assert.equal(await page.locator('[data-key="file:AUTH-001:API:src/auth.py:10"]').getAttribute('aria-selected'), 'true');
    assert.equal(await page.evaluate('document.activeElement.id'), 'filter', 'focus stays where it was');
  });

  it('shows a welcome with Create SPEC and the docs when there is no SPEC', async () => {
    await send(page, { type: 'tree', tree: { specs: [], broken: [], totals: { specs: 0, tags: 0, brokenLinks: 0, errors: 0, warnings: 0 } } });
    assert.match((await page.locator('#tree-empty').textContent()) ?? '', /No SPEC documents yet/);
    await page.locator('#tree-empty button.primary').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'createSpec' });
    await page.locator('#tree-empty button.link').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'openDocs' });
    await send(page, { type: 'trust', trusted: false });
    assert.equal(await page.locator('#tree-empty button.primary').isDisabled(), true);
    await send(page, { type: 'trust', trusted: true });
    await send(page, { type: 'tree', tree });
  });

  it('opens an @MX SPEC into its REQs, each into code, tests and ACs, with every broken link in one group', async () => {
    const ref = (id: string, path: string, line: number, test = false) => ({ id, uri: `file:///ws/${path}`, path, range: range(line, 12, 12 + id.length), test });
    const decl = (id: string, text: string, path: string, line: number) => ({ id, text, uri: `file:///ws/${path}`, path, range: range(line, 4, 4 + id.length) });
    const specPath = '.moai/specs/SPEC-MXO-001/spec.md';
    const mxTree: SpecTreeResult = {
      ...tree,
      specs: [
        ...tree.specs,
        spec('MXO-001', 'Orders in the @MX dialect', {
          completeness: 'partial',
          mx: {
            reqs: [
              { ...decl('REQ-MXO-001', 'The system SHALL <b>create</b> orders.', specPath, 20), code: [ref('REQ-MXO-001', 'src/orders/api.ts', 2)], tests: [ref('REQ-MXO-001', 'tests/test_orders.py', 1, true)], acs: [decl('AC-MXO-001', 'Given a cart, Then an order', '.moai/specs/SPEC-MXO-001/acceptance.md', 2)] },
              { ...decl('REQ-MXO-002', 'The system SHALL read orders.', specPath, 23), code: [], tests: [], acs: [] },
            ],
            coverage: { referenced: 1, declared: 2 },
            specRefs: [],
            broken: [ref('REQ-MXO-009', 'src/orders/broken.py', 2)],
          },
        }),
      ],
      broken: [
        { id: 'REQ-MXO-009', code: 'mx/unknown-req', severity: 'warning', message: 'REQ-MXO-009 is not declared in SPEC-MXO-001.', uri: 'file:///ws/src/orders/broken.py', path: 'src/orders/broken.py', range: range(2, 30, 41), specId: 'MXO-001', fixable: false },
        { id: 'SPEC-ORDR-001', code: 'mx/unknown-spec', severity: 'error', message: '@MX:NOTE names SPEC-ORDR-001, which is no SPEC in this workspace.', uri: 'file:///ws/src/orders/broken.py', path: 'src/orders/broken.py', range: range(1, 12, 25), fixable: true },
      ],
    };
    await send(page, { type: 'collapseAll' });
    await send(page, { type: 'tree', tree: mxTree });
    assert.deepEqual((await page.locator('#tree > [aria-level="1"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).slice(-2), ['spec:MXO-001', 'broken']);
    assert.equal(await page.locator('[data-key="spec:MXO-001"] > .row .badge').textContent(), 'REQs 1/2');
    await page.locator('[data-key="spec:MXO-001"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await labels(page, '[data-parent="spec:MXO-001"]'), ['REQ-MXO-001', 'REQ-MXO-002', 'Broken references'], 'the REQ level only: no CODE/TEST slots of the tag dialect');
    assert.equal(await page.locator('[data-key="req:MXO-001:REQ-MXO-001"] > .row .description').textContent(), 'The system SHALL <b>create</b> orders.');
    assert.equal(await page.locator('[data-key="req:MXO-001:REQ-MXO-001"] > .row .badge').textContent(), '3/3');
    await page.locator('[data-key="req:MXO-001:REQ-MXO-001"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await labels(page, '[data-parent="req:MXO-001:REQ-MXO-001"]'), ['Code', 'Tests', 'AC-MXO-001']);
    await page.locator('[data-key="req:MXO-001:REQ-MXO-002"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await labels(page, '[data-parent="req:MXO-001:REQ-MXO-002"]'), ['Code', 'Tests']);
    assert.equal(await page.locator('[data-parent="req:MXO-001:REQ-MXO-002"] .row.slot').count(), 2, 'a slot for each missing reference');
    await page.locator('[data-key="req:MXO-001:REQ-MXO-001:test"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'open', uri: 'file:///ws/tests/test_orders.py', range: range(1, 12, 23) });
    await page.locator('[data-key="broken"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await labels(page, '[data-parent="broken"]'), ['REQ-MXO-009', 'SPEC-ORDR-001'], 'every broken link by ID');
    assert.equal(await page.locator('[data-key="broken"] > .row .badge').textContent(), '2');
    await page.locator('[data-key="broken:SPEC-ORDR-001"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await labels(page, '[data-parent="broken:SPEC-ORDR-001"]'), ['broken.py:2'], 'then by file');
    const leaf = page.locator('[data-parent="broken:SPEC-ORDR-001"]');
    assert.deepEqual(JSON.parse((await leaf.getAttribute('data-vscode-context')) ?? '{}'), { webviewSection: 'broken', id: 'SPEC-ORDR-001', uri: 'file:///ws/src/orders/broken.py', line: 1, character: 12, preventDefaultContextMenuItems: true });
    assert.equal(await page.locator('#tree b').count(), 0);
    assert.deepEqual(await page.evaluate(FIT_PROBE), { horizontalScroll: false, clipped: [] });
    await page.screenshot({ path: join(root, '.test-artifacts', 'specs-page-mx.png'), fullPage: true });
    await send(page, { type: 'tree', tree });
  });

  it('has no serious accessibility violations (axe-core), with rows expanded', async () => {
    await page.locator('[data-key="spec:AUTH-001"]').focus();
    await page.keyboard.press('*');
    assert.deepEqual(await axeViolations(page), []);
  });

  it('breaks no CSP rule and loads the codicon font', async () => {
    await page.evaluate('document.fonts.ready');
    const codicon = await page.evaluate(`[...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'codicon').map((f) => f.status)`);
    assert.deepEqual(codicon, ['loaded']);
    assert.deepEqual([...errors, ...((await page.evaluate('window.__violations')) as string[])], []);
    await page.screenshot({ path: join(root, '.test-artifacts', 'specs-page-400.png'), fullPage: true });
  });

  describe('Guidance page', () => {
    let guidance: Page;
    let guidanceErrors: string[];

    before(async function () {
      if (!browser) this.skip();
      ({ page: guidance, errors: guidanceErrors } = await openPage(browser, 'guidance', 300));
    });

    it('renders the plan as Markdown, sanitised: no raw syntax, no markup from the SPEC', async () => {
      await send(guidance, { type: 'spec', specId: 'AUTH-001', title: 'Login' });
      await send(guidance, {
        type: 'plan',
        specId: 'AUTH-001',
        markdown: '# Backend plan\n\n> Plan for [SPEC-AUTH-001](../../spec.md), **written** by SpecChain.\n\n| Layer | File |\n|:--|--:|\n| API | `auth.py` |\n\n<img src=x onerror="window.__pwned=1">\n\n[x](javascript:alert(1))\n',
        guidance: { framework: 'fastapi', displayName: 'FastAPI', docs: 'https://fastapi.tiangolo.com/', sections: [{ title: 'Key patterns', items: ['One `APIRouter()` per <b>resource</b>'] }] },
      });
      const preview = guidance.locator('.plan .markdown');
      assert.equal(await preview.locator('h1').textContent(), 'Backend plan');
      assert.equal(await preview.locator('blockquote strong').textContent(), 'written');
      assert.equal(await preview.locator('table td code').textContent(), 'auth.py');
      const text = (await preview.textContent()) ?? '';
      assert.doesNotMatch(text, /\*\*|\|:--|^>/m, 'no raw Markdown syntax');
      assert.equal(await preview.locator('img').count(), 0);
      assert.equal(await preview.locator('a[href^="javascript"]').count(), 0);
      assert.equal(await guidance.evaluate('window.__pwned'), undefined);
      assert.deepEqual(await guidance.locator('.guidance-list li code').allTextContents(), ['APIRouter()']);
      await guidance.locator('button.primary').click();
      assert.deepEqual((await posted(guidance)).at(-1), { type: 'generatePlan', specId: 'AUTH-001' });
      await guidance.locator('details.plan summary').click();
      await preview.locator('a').first().click();
      assert.equal(guidance.url(), `${ORIGIN}/index.html`, 'a relative link does not navigate the page');
    });

    it('shows the conventions found for the SPEC\'s service, each source a link that opens its line', async () => {
      await send(guidance, {
        type: 'plan',
        specId: 'AUTH-001',
        markdown: '# Backend plan\n',
        guidance: null,
        conventions: {
          service: 'mall-admin',
          framework: 'Spring Boot 2.7.5',
          groups: [
            { title: 'Layout', facts: [{ label: 'Handlers', text: '`mall-admin/controller/<Name>Controller.java` (31 files)', sources: [{ path: 'mall-admin/controller/BrandController.java', uri: 'file:///ws/mall-admin/controller/BrandController.java', line: 0 }] }] },
            { title: 'Paging', facts: [{ label: 'Parameters', text: '`pageNum`, `pageSize` <b>x</b>', sources: [{ path: 'mall-admin/controller/OrderController.java', uri: 'file:///ws/mall-admin/controller/OrderController.java', line: 43 }] }] },
          ],
        },
      });
      const section = guidance.locator('section.conventions');
      assert.match((await section.locator('h3').textContent()) ?? '', /Conventions of mall-admin \(Spring Boot 2\.7\.5\)/);
      assert.deepEqual(await section.locator('h4').allTextContents(), ['Layout', 'Paging']);
      assert.deepEqual(await section.locator('li code').allTextContents(), ['mall-admin/controller/<Name>Controller.java', 'pageNum', 'pageSize']);
      assert.match((await section.locator('li').nth(1).textContent()) ?? '', /<b>x<\/b>/, 'text stays text');
      await section.locator('a.fact-source', { hasText: 'OrderController.java:43' }).click();
      assert.deepEqual((await posted(guidance)).at(-1), { type: 'open', uri: 'file:///ws/mall-admin/controller/OrderController.java', range: { start: { line: 42, character: 0 }, end: { line: 42, character: 0 } } });
      assert.equal(guidance.url(), `${ORIGIN}/index.html`, 'a source link does not navigate the page');
    });

    it('has no serious accessibility violations and breaks no CSP rule', async () => {
      assert.deepEqual(await axeViolations(guidance), []);
      assert.deepEqual([...guidanceErrors, ...((await guidance.evaluate('window.__violations')) as string[])], []);
    });
  });

  describe('dependency graph page', () => {
    const graphTree = (extra: SpecNode[] = []): SpecTreeResult => ({
      ...tree,
      specs: [
        ...tree.specs.map((s) =>
          s.id === 'ORDER-001' ? { ...s, references: [{ field: 'depends_on', id: 'USER-001' }, { field: 'related_specs', id: 'PAY-001' }, { field: 'depends_on', id: 'NOPE-404' }] } : s.id === 'USER-001' ? { ...s, references: [{ field: 'depends_on', id: 'AUTH-001' }] } : s,
        ),
        ...extra,
      ],
    });
    const boxes = (graph: Page) =>
      graph.locator('#graph-list button').evaluateAll((els) => els.map((e) => ({ id: (e as HTMLElement).dataset.id!, x: Number((e as HTMLElement).dataset.x), y: Number((e as HTMLElement).dataset.y) })));

    it('draws the SPECs in layers with dagre, dependencies flowing one way, under the CSP', async () => {
      const { page: graph, errors: graphErrors } = await openPage(browser, 'graph', 800);
      await send(graph, { type: 'tree', tree: graphTree() });
      await graph.waitForFunction(`document.getElementById('graph-status').textContent.startsWith('4 SPECs')`);
      assert.equal(await graph.locator('#graph-status').textContent(), '4 SPECs, 3 dependencies; 1 reference names a SPEC the workspace does not have. Click a SPEC to open it.', 'an unknown SPEC draws no edge, and is counted');
      assert.ok((await graph.locator('#graph canvas').count()) > 0, 'cytoscape drew on a canvas');
      const at = Object.fromEntries((await boxes(graph)).map((b) => [b.id, b]));
      // ORDER-001 depends on USER-001, which depends on AUTH-001: three layers, left to right.
      assert.ok(at['ORDER-001']!.x < at['USER-001']!.x && at['USER-001']!.x < at['AUTH-001']!.x, JSON.stringify(at));
      assert.deepEqual(await graph.locator('.graph-states label').allTextContents(), ['errors or broken links', 'chain complete', 'chain partial', 'no code yet']);
      assert.deepEqual([...graphErrors, ...((await graph.evaluate('window.__violations')) as string[])], []);
      await graph.close();
    });

    it('puts SPECs without dependencies in a readable grid under the layers, not in one column', async () => {
      const base = tree.specs.find((s) => s.id === 'PAY-001')!;
      const alone = Array.from({ length: 120 }, (_, i) => ({ ...base, id: `SOLO-${String(i).padStart(3, '0')}`, references: [] }));
      const { page: graph } = await openPage(browser, 'graph', 800);
      await send(graph, { type: 'tree', tree: graphTree(alone) });
      await graph.waitForFunction(`document.querySelectorAll('#graph-list button').length === 124`);
      const at = await boxes(graph);
      const solo = at.filter((b) => b.id.startsWith('SOLO-'));
      const columns = new Set(solo.map((b) => b.x)).size;
      assert.ok(columns >= 4, `${columns} columns for 120 SPECs without dependencies`);
      // Rows far enough apart on screen to read a 22 px box: the picture was not shrunk to a column of slivers.
      const rows = [...new Set(solo.map((b) => b.y))].sort((a, b) => a - b);
      assert.ok(rows[1]! - rows[0]! >= 14, `rows ${rows[1]! - rows[0]!} px apart`);
      // The layered SPECs stay above the grid.
      const layers = at.filter((b) => ['ORDER-001', 'USER-001', 'AUTH-001'].includes(b.id));
      assert.ok(Math.max(...layers.map((b) => b.y)) < Math.min(...solo.map((b) => b.y)), JSON.stringify(layers));
      await graph.close();
    });

    it('keeps boxes readable in a narrow tab: a long chain is not shrunk below its labels, it is dragged', async () => {
      const base = tree.specs.find((s) => s.id === 'PAY-001')!;
      // 30 SPECs each depending on the next: 30 layers left to right.
      const chain = Array.from({ length: 30 }, (_, i) => ({ ...base, id: `STEP-${String(i).padStart(3, '0')}`, references: i < 29 ? [{ field: 'depends_on', id: `STEP-${String(i + 1).padStart(3, '0')}` }] : [] }));
      const { page: graph } = await openPage(browser, 'graph', 500);
      await send(graph, { type: 'tree', tree: { ...tree, specs: chain } });
      await graph.waitForFunction(`document.querySelectorAll('#graph-list button').length === 30`);
      const heights = await graph.locator('#graph-list button').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.h)));
      assert.ok(Math.min(...heights) >= 15, `boxes ${Math.min(...heights)} px high`);
      assert.match((await graph.locator('#graph-status').textContent()) ?? '', /Drag the picture or scroll to zoom for the rest\.$/);
      // The first layer is in view.
      const first = (await boxes(graph)).find((b) => b.id === 'STEP-000')!;
      assert.ok(first.x > 0 && first.x < 500, `STEP-000 at ${first.x}`);
      await graph.close();
    });

    it('lays out the same SPECs the same way every time, and a new tree of them moves nothing', async () => {
      const first = await openPage(browser, 'graph', 800);
      await send(first.page, { type: 'tree', tree: graphTree() });
      await first.page.waitForFunction(`document.querySelectorAll('#graph-list button').length === 4`);
      const before = await boxes(first.page);
      await send(first.page, { type: 'tree', tree: { ...graphTree(), specs: [...graphTree().specs].reverse() } });
      assert.deepEqual(await boxes(first.page), before, 'the same SPECs in another order: the same picture');
      const second = await openPage(browser, 'graph', 800);
      await send(second.page, { type: 'tree', tree: graphTree() });
      await second.page.waitForFunction(`document.querySelectorAll('#graph-list button').length === 4`);
      assert.deepEqual(await boxes(second.page), before, 'a fresh page draws the same picture');
      await first.page.close();
      await second.page.close();
    });

    it('opens a SPEC on the first click on its box, beside the graph', async () => {
      const { page: graph } = await openPage(browser, 'graph', 800);
      await send(graph, { type: 'tree', tree: graphTree() });
      await graph.waitForFunction(`document.querySelectorAll('#graph-list button').length === 4`);
      const user = (await boxes(graph)).find((b) => b.id === 'USER-001')!;
      const canvas = (await graph.locator('#graph').boundingBox())!;
      await graph.mouse.click(canvas.x + user.x, canvas.y + user.y);
      assert.deepEqual((await posted(graph)).at(-1), { type: 'open', uri: 'file:///ws/.moai/specs/SPEC-USER-001/spec.md', range: range(12, 0, 0), toSide: true });
      await graph.close();
    });

    it('draws a real 67-SPEC project (elymas+universal-search) with no two boxes overlapping', async function () {
      const root = sharedPath(this, 'corpus/mx/elymas+universal-search');
      const folder = openFolder(root, { cache: false });
      const service = new LanguageService({ workspace: folder.workspace, config: folder.config });
      await service.load();
      const built = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics())!;
      const real: SpecTreeResult = { specs: built.specs.map((s) => withUris<SpecNode>(s, (p) => `file:///ws/${p}`)), broken: [], totals: built.totals };
      const { page: graph } = await openPage(browser, 'graph', 1400);
      await send(graph, { type: 'tree', tree: real });
      await graph.waitForFunction(`document.querySelectorAll('#graph-list button').length === ${real.specs.length}`);
      const drawn = (await graph.locator('#graph-list button').evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })))) as Record<string, string>[];
      const box = (d: Record<string, string>) => ({ id: d.id!, x: Number(d.x), y: Number(d.y), w: Number(d.w), h: Number(d.h) });
      const all = drawn.map(box);
      assert.equal(all.length, 67);
      const overlaps: string[] = [];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const a = all[i]!;
          const b = all[j]!;
          if (Math.abs(a.x - b.x) * 2 < a.w + b.w - 1 && Math.abs(a.y - b.y) * 2 < a.h + b.h - 1) overlaps.push(`${a.id}/${b.id}`);
        }
      await graph.screenshot({ path: join(REPO, '.test-artifacts', 'graph-elymas.png') });
      assert.deepEqual(overlaps, [], JSON.stringify(all.filter((b) => overlaps.some((o) => o.split('/').includes(b.id)))));
      await graph.locator('.graph-focus').fill(real.specs.find((s) => (s.references ?? []).length > 0)!.id);
      await graph.locator('.graph-focus').dispatchEvent('change');
      await graph.screenshot({ path: join(REPO, '.test-artifacts', 'graph-elymas-focus.png') });
      await graph.close();
    });

    it('focuses a SPEC with its neighbours, filters by state, and keeps both across reloads', async () => {
      const { page: graph } = await openPage(browser, 'graph', 800);
      await send(graph, { type: 'tree', tree: graphTree() });
      await graph.waitForFunction(`document.querySelectorAll('#graph-list button').length === 4`);
      await graph.locator('.graph-focus').fill('AUTH-001');
      await graph.locator('.graph-focus').dispatchEvent('change');
      assert.deepEqual((await boxes(graph)).map((b) => b.id), ['AUTH-001', 'USER-001'], 'AUTH-001 and the SPEC depending on it');
      assert.match((await graph.locator('#graph-status').textContent()) ?? '', /^2 of 4 SPECs, 1 dependency around AUTH-001/);
      await graph.locator('button.link', { hasText: 'Show all' }).click();
      await graph.locator('.graph-states label', { hasText: 'no code yet' }).locator('input').uncheck();
      assert.deepEqual((await boxes(graph)).map((b) => b.id).sort(), ['AUTH-001', 'ORDER-001', 'USER-001'], 'PAY-001 has no code');
      assert.deepEqual(await graph.evaluate('window.__state'), { focus: null, states: ['errors', 'complete', 'partial'] });
      await graph.locator('#graph-list button').first().focus();
      await graph.keyboard.press('Enter');
      assert.equal((await posted(graph)).at(-1)?.type, 'open', 'the list opens a SPEC from the keyboard');
      await graph.close();
    });
  });
});
