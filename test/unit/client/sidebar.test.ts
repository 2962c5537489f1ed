import { strict as assert } from 'node:assert';
import { renderPageHtml, type PageResources } from '../../../client/src/sidebar/html';
import { parseFromWebview } from '../../../client/src/sidebar/messages';

const resources: PageResources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  codiconCss: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/codicons/codicon.css',
  css: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css',
  script: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/specs.js',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
};

describe('client: webview pages', () => {
  const html = renderPageHtml('specs', resources);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

  it('has a CSP that denies by default and allows only our styles, fonts and the nonce script', () => {
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${resources.nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [resources.cspSource]);
    assert.deepEqual(directives.get('font-src'), [resources.cspSource]);
    assert.equal(directives.get('connect-src'), undefined, 'no network');
    assert.ok(!csp.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
  });

  it('has exactly one script, external and nonce-tagged, and no inline handlers', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0]![1]!.includes(`nonce="${resources.nonce}"`));
    assert.ok(scripts[0]![1]!.includes(`src="${resources.script}"`));
    assert.equal(scripts[0]![2]!.trim(), '', 'no inline script text');
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /style="/);
  });

  it('escapes resource URIs into attributes', () => {
    const hostile = renderPageHtml('specs', { ...resources, css: 'x"><script>alert(1)</script>' });
    assert.equal([...hostile.matchAll(/<script/g)].length, 1);
    assert.match(hostile, /x&quot;&gt;&lt;script&gt;/);
  });

  it('is an accessible tree with a filter box first, so one Tab reaches the filter', () => {
    assert.match(html, /<ul id="tree" class="tree" role="tree" aria-label="SPECs">/);
    assert.match(html, /<input id="filter" type="search"[^>]*aria-label="Filter SPECs"/);
    assert.doesNotMatch(html.slice(0, html.indexOf('id="filter"')), /<button|tabindex/, 'nothing focusable before the filter');
  });

  it('gives every page the same strict CSP and its own bundle', () => {
    for (const page of ['guidance', 'graph'] as const) {
      const other = renderPageHtml(page, { ...resources, script: `https://x/dist/webview/${page}.js` });
      assert.match(other, new RegExp(`<script nonce="${resources.nonce}" src="https://x/dist/webview/${page}.js"></script>`));
      assert.ok(other.includes(csp), page);
    }
  });
});

describe('client: messages from the sidebar', () => {
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };

  it('accepts well-formed messages', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'select', specId: 'USER-001', extra: 1 }), { type: 'select', specId: 'USER-001' });
    assert.deepEqual(parseFromWebview({ type: 'open', uri: 'file:///w/a.py', range }), { type: 'open', uri: 'file:///w/a.py', range, toSide: false });
    const filter = { text: 'user', statuses: ['draft'], chains: ['partial', 'bogus'] };
    assert.deepEqual(parseFromWebview({ type: 'shown', shown: 10, total: 64, broken: 3, filter }), { type: 'shown', shown: 10, total: 64, broken: 3, filter: { text: 'user', statuses: ['draft'], chains: ['partial'] } });
    assert.deepEqual(parseFromWebview({ type: 'revealed', key: 'spec:USER-001' }), { type: 'revealed', key: 'spec:USER-001' });
    assert.deepEqual(parseFromWebview({ type: 'openExternal', url: 'https://fastapi.tiangolo.com/' }), { type: 'openExternal', url: 'https://fastapi.tiangolo.com/' });
  });

  it('drops malformed or unexpected ones', () => {
    for (const message of [
      null,
      'ready',
      [{ type: 'ready' }],
      { type: 'nope' },
      { type: 'select' },
      { type: 'select', specId: 42 },
      { type: 'generatePlan', specId: '' },
      { type: 'open', uri: 'file:///w/a.py' },
      { type: 'open', uri: 'file:///w/a.py', range: { start: { line: -1, character: 0 }, end: range.end } },
      { type: 'open', uri: 'file:///w/a.py', range: { start: { line: 0.5, character: 0 }, end: range.end } },
      { type: 'openExternal', url: 'command:workbench.action.terminal.new' },
      { type: 'openExternal', url: 'http://insecure.example' },
      { type: 'shown', shown: -1, total: 64, broken: 0, filter: { text: '', statuses: [], chains: [] } },
      { type: 'shown', shown: 1, total: 64, filter: { text: '', statuses: [], chains: [] } },
      { type: 'shown', shown: 1, total: 64, filter: { text: '', statuses: 'draft', chains: [] } },
      { type: 'revealed', key: '' },
    ]) {
      assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    }
  });
});
