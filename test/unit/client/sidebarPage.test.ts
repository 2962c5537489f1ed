import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderSidebarHtml } from '../../../client/src/sidebar/html';
import type { SpecNode, SpecTreeResult } from '../../../server/src/protocol';

// The sidebar script in a real browser engine, served under the same CSP as in VS Code, with
// the webview API replaced by a recorder. Needs Chromium (scripts/install-test-deps.sh).
const root = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env['SPECCHAIN_CHROMIUM'] ?? '/usr/bin/chromium';
const ORIGIN = 'https://webview.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const tag = (type: string, id: string, path: string, line: number) => ({ type, id, role: 'claim' as const, uri: `file:///ws/${path}`, path, range: range(line, 2, 2 + type.length + id.length + 2) });
const spec = (id: string, title: string, extra: Partial<SpecNode> = {}): SpecNode => ({
  id,
  title,
  status: 'active',
  uri: `file:///ws/.moai/specs/SPEC-${id}/spec.md`,
  path: `.moai/specs/SPEC-${id}/spec.md`,
  range: range(12, 0, 20),
  tags: [],
  counts: {},
  missing: [],
  completeness: 'none',
  problems: { errors: 0, warnings: 0 },
  ...extra,
});

const HOSTILE = '<img src=x onerror="window.__pwned=1">Users & "roles"';
const tree: SpecTreeResult = {
  unknownSpec: [],
  specs: [
    spec('AUTH-001', 'Login', {
      tags: [tag('API', 'AUTH-001', 'src/auth.py', 3), tag('TEST', 'AUTH-001', 'tests/test_auth.py', 0), tag('API', 'AUTH-001', 'src/routes.py', 9)],
      counts: { API: 2, TEST: 1 },
      completeness: 'complete',
      framework: 'fastapi',
    }),
    spec('USER-001', HOSTILE, { tags: [tag('CODE', 'USER-001', 'src/users.ts', 1)], missing: ['@DB:USER-001'], completeness: 'partial', problems: { errors: 1, warnings: 2 } }),
    spec('PAY-001', 'Payments', { status: 'draft' }),
  ],
  totals: { specs: 3, tags: 4, brokenLinks: 1, errors: 1, warnings: 2 },
};

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate(`window.dispatchEvent(new MessageEvent('message', { data: ${JSON.stringify(message)} }))`);
}
// Page-side code is passed as strings: this project type-checks without the DOM library.
const posted = (page: Page) => page.evaluate('window.__posted') as Promise<{ type: string }[]>;
const focusedKey = (page: Page) => page.evaluate('document.activeElement && document.activeElement.dataset.key') as Promise<string | undefined>;

describe('client: sidebar page in Chromium', function () {
  this.timeout(30_000);
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    if (!existsSync(join(root, 'media', 'codicons', 'codicon.css'))) throw new Error('media/codicons is missing: run npm run build');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/index.html') {
        const html = renderSidebarHtml({
          cspSource: ORIGIN,
          codiconCss: `${ORIGIN}/media/codicons/codicon.css`,
          css: `${ORIGIN}/media/sidebar.css`,
          script: `${ORIGIN}/media/sidebar.js`,
          nonce: NONCE,
        });
        return route.fulfill({ contentType: 'text/html', body: html });
      }
      const file = join(root, decodeURIComponent(path));
      if (!path.startsWith('/media/') || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'font/ttf';
      return route.fulfill({ contentType: type, body: readFileSync(file) });
    });
    // A string, not a function: the TS transpiler may wrap functions in helpers the page lacks.
    await page.addInitScript(`
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
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction('window.__posted.length > 0');
  });

  after(async () => {
    await browser?.close();
  });

  it('says ready, then renders the tree from a message with every SPEC string as text', async () => {
    assert.deepEqual((await posted(page))[0], { type: 'ready' });
    await send(page, { type: 'server', state: 'running' });
    await send(page, { type: 'tree', tree });
    const items = await page.locator('#tree > [role="treeitem"]').count();
    assert.equal(items, 3);
    const user = page.locator('[data-key="spec:USER-001"] > .row .description');
    assert.equal(await user.textContent(), HOSTILE);
    assert.equal(await page.locator('#tree img').count(), 0);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('#specs-count').textContent(), '3');
    assert.equal(await page.locator('[data-key="spec:AUTH-001"] .pill.chain').textContent(), 'complete');
  });

  it('moves with the arrow keys, expands with ArrowRight and opens a tag with Enter', async () => {
    await page.locator('[data-key="spec:AUTH-001"]').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedKey(page), 'spec:USER-001');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('[data-key="spec:AUTH-001"]').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await page.locator('[data-key="spec:AUTH-001"] [role="group"] > [role="treeitem"] > .row .label').allTextContents(), ['API', 'TEST']);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedKey(page), 'group:AUTH-001:API');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedKey(page), 'tag:AUTH-001:API:0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const last = (await posted(page)).at(-1);
    assert.deepEqual(last, { type: 'open', uri: 'file:///ws/src/routes.py', range: tree.specs[0]!.tags[2]!.range });
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedKey(page), 'group:AUTH-001:API');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('[data-key="group:AUTH-001:API"]').getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('End');
    assert.equal(await focusedKey(page), 'spec:PAY-001');
    assert.equal(await page.locator('[role="treeitem"][tabindex="0"]').count(), 1, 'one tab stop (roving tabindex)');
  });

  it('selects a SPEC with Enter: opens its title and shows its guidance with a plan button', async () => {
    await page.locator('[data-key="spec:AUTH-001"]').focus();
    await page.keyboard.press('Enter');
    const messages = await posted(page);
    assert.deepEqual(messages.slice(-2), [
      { type: 'select', specId: 'AUTH-001' },
      { type: 'open', uri: tree.specs[0]!.uri, range: tree.specs[0]!.range },
    ]);
    assert.equal(await page.locator('[data-key="spec:AUTH-001"]').getAttribute('aria-selected'), 'true');
    await send(page, {
      type: 'plan',
      specId: 'AUTH-001',
      markdown: '# Backend plan\n\n## Endpoints\n\n- POST /login\n\n```py\n<b>x</b>\n```\n',
      guidance: { framework: 'fastapi', displayName: 'FastAPI', docs: 'https://fastapi.tiangolo.com/', sections: [{ title: 'Key patterns', items: ['Depends() for <auth>', 'One `APIRouter()` per <b>resource</b>'] }] },
    });
    assert.match((await page.locator('#guidance-body .guidance-title').textContent()) ?? '', /FastAPI/);
    assert.deepEqual(await page.locator('#guidance-body > ul.md-list li').allTextContents(), ['Depends() for <auth>', 'One APIRouter() per <b>resource</b>']);
    assert.deepEqual(await page.locator('#guidance-body > ul.md-list li code').allTextContents(), ['APIRouter()'], 'code spans become code elements, markup stays text');
    assert.equal(await page.locator('.plan-preview pre.code').textContent(), '<b>x</b>');
    assert.equal(await page.locator('.plan-preview b').count(), 0);
    await page.locator('#guidance-body button.primary').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'generatePlan', specId: 'AUTH-001' });
    await page.locator('#guidance-body button.link').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'openExternal', url: 'https://fastapi.tiangolo.com/' });
  });

  it('filters by ID, title or status and keeps the filter and expansion in the webview state', async () => {
    await page.locator('#filter').fill('draft');
    assert.deepEqual(await page.locator('#tree > [role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['spec:PAY-001']);
    await page.locator('#filter').fill('nothing matches this');
    assert.equal(await page.locator('#tree-empty').textContent(), 'No SPEC matches the filter.');
    const state = (await page.evaluate('window.__state')) as { filter: string; expanded: string[]; selected: string };
    assert.equal(state.filter, 'nothing matches this');
    assert.equal(state.selected, 'AUTH-001');
    assert.ok(state.expanded.includes('spec:AUTH-001'));
    await page.locator('#filter').fill('');
  });

  it('reveals a SPEC: clears a hiding filter, expands and focuses it', async () => {
    await page.locator('#filter').fill('Login');
    await send(page, { type: 'reveal', specId: 'USER-001' });
    assert.equal(await page.locator('#filter').inputValue(), '');
    assert.equal(await focusedKey(page), 'spec:USER-001');
    assert.equal(await page.locator('[data-key="spec:USER-001"]').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await page.locator('[data-key="spec:USER-001"] [role="group"] > [role="treeitem"] > .row .label').allTextContents(), ['CODE', 'Declared, not in code']);
  });

  it('shows the stack per service and disables writing when the workspace is untrusted', async () => {
    await send(page, {
      type: 'stack',
      stack: {
        services: [
          {
            root: 'services/api',
            language: 'python',
            manifests: ['services/api/pyproject.toml'],
            frameworks: [{ name: 'fastapi', version: '>=0.110', resolved: '0.115.0', manifest: 'services/api/pyproject.toml', line: 3, range: range(2, 0, 10) }],
            databases: ['postgresql'],
            orms: ['sqlalchemy'],
            auth: [],
            testing: ['pytest'],
          },
        ],
      },
    });
    assert.match((await page.locator('#stack-body .service').textContent()) ?? '', /services\/api.*python.*fastapi 0\.115\.0.*postgresql.*sqlalchemy.*pytest/s);
    await send(page, { type: 'trust', trusted: false });
    assert.equal(await page.locator('#guidance-body button.primary').isDisabled(), true);
    await send(page, { type: 'trust', trusted: true });
  });

  it('opens an @MX SPEC into its REQs, each into its code, test and AC references, beside a tag SPEC, with unknown-SPEC links apart', async () => {
    const ref = (id: string, path: string, line: number, test = false) => ({ id, uri: `file:///ws/${path}`, path, range: range(line, 12, 12 + id.length), test });
    const decl = (id: string, text: string, path: string, line: number) => ({ id, text, uri: `file:///ws/${path}`, path, range: range(line, 4, 4 + id.length) });
    const specPath = '.moai/specs/SPEC-ORDER-001/spec.md';
    const mxTree: SpecTreeResult = {
      ...tree,
      specs: [
        tree.specs[0]!,
        spec('ORDER-001', 'Orders', {
          completeness: 'partial',
          mx: {
            reqs: [
              { ...decl('REQ-ORDER-001', 'The system SHALL <b>create</b> orders.', specPath, 20), code: [ref('REQ-ORDER-001', 'src/orders/api.ts', 2)], tests: [ref('REQ-ORDER-001', 'tests/test_orders.py', 1, true)], acs: [decl('AC-ORDER-001', 'Given a cart, Then an order', '.moai/specs/SPEC-ORDER-001/acceptance.md', 2)] },
              { ...decl('REQ-ORDER-002', 'The system SHALL read orders.', specPath, 23), code: [], tests: [], acs: [] },
            ],
            coverage: { referenced: 1, declared: 2 },
            specRefs: [],
            broken: [ref('REQ-ORDER-009', 'src/orders/broken.py', 2)],
          },
        }),
      ],
      unknownSpec: [ref('SPEC-ORDR-001', 'src/orders/broken.py', 1)],
    };
    await send(page, { type: 'tree', tree: mxTree });
    assert.deepEqual(await page.locator('#tree > [role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['spec:AUTH-001', 'spec:ORDER-001', 'unknown-spec']);
    assert.equal(await page.locator('[data-key="spec:ORDER-001"] .pill.reqs').textContent(), 'REQ 1/2');
    await page.locator('[data-key="spec:ORDER-001"] > .row .twistie').click();
    const reqRows = page.locator('[data-key="spec:ORDER-001"] > [role="group"] > [role="treeitem"] > .row');
    assert.deepEqual(await reqRows.locator('.label').allTextContents(), ['REQ-ORDER-001', 'REQ-ORDER-002', 'Broken references']);
    assert.equal(await reqRows.first().locator('.count').textContent(), '1 code · 1 test · 1 AC');
    assert.equal(await reqRows.first().locator('.description').textContent(), 'The system SHALL <b>create</b> orders.');
    await page.locator('[data-key="req:ORDER-001:REQ-ORDER-001"] > .row .twistie').click();
    const refs = page.locator('[data-key="req:ORDER-001:REQ-ORDER-001"] [role="treeitem"] > .row');
    assert.deepEqual(await refs.locator('.label').allTextContents(), ['src/orders/api.ts:3', 'tests/test_orders.py:2', 'AC-ORDER-001']);
    assert.deepEqual(await refs.locator('.description').allTextContents(), ['code · REQ-ORDER-001', 'test · REQ-ORDER-001', 'Given a cart, Then an order']);
    assert.deepEqual(await refs.locator('.codicon:not(.twistie)').evaluateAll((els) => els.map((e) => e.className.replace(/.*codicon-/, ''))), ['code', 'beaker', 'pass']);
    await page.locator('[data-key="req:ORDER-001:REQ-ORDER-001:test:0"]').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'open', uri: 'file:///ws/tests/test_orders.py', range: range(1, 12, 25) });
    await page.locator('[data-key="unknown-spec"] > .row .twistie').click();
    assert.deepEqual(await page.locator('[data-key="unknown-spec"] [role="treeitem"] > .row').allTextContents(), ['SPEC-ORDR-001src/orders/broken.py:2']);
    assert.equal(await page.locator('#tree b').count(), 0);
    mkdirSync(join(root, '.test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(root, '.test-artifacts', 'sidebar-page-mx.png'), fullPage: true });
    await page.locator('#filter').fill('req-order-002');
    assert.deepEqual(await page.locator('#tree > [role="treeitem"].spec').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['spec:ORDER-001']);
    await page.locator('#filter').fill('');
    await send(page, { type: 'tree', tree });
  });

  it('loads the codicon font and breaks no CSP rule', async () => {
    await page.evaluate('document.fonts.ready');
    // fonts.check() is also true when no face is declared at all: look for the loaded face itself.
    const codicon = await page.evaluate(`[...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'codicon').map((f) => f.status)`);
    assert.deepEqual(codicon, ['loaded']);
    const cspViolations = (await page.evaluate('window.__violations')) as string[];
    assert.deepEqual([...violations, ...cspViolations], []);
    mkdirSync(join(root, '.test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(root, '.test-artifacts', 'sidebar-page.png'), fullPage: true });
  });
});
