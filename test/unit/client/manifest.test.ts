import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, DEFAULT_CONFIG } from '../../../server/src/service/config';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown; properties?: Record<string, { enum: string[] }> }>;

describe('client: extension manifest', () => {
  it('offers a severity setting for every diagnostic code of the service, and only those', () => {
    const rules = properties['specchain.rules']!.properties!;
    assert.deepEqual(Object.keys(rules).sort(), [...ALL_CODES].sort());
    for (const [code, schema] of Object.entries(rules)) assert.deepEqual(schema.enum, ['error', 'warning', 'info', 'hint', 'off'], code);
  });

  it('has setting defaults equal to the service defaults', () => {
    assert.deepEqual(properties['specchain.specGlobs']!.default, DEFAULT_CONFIG.specGlobs);
    assert.deepEqual(properties['specchain.tagTypes']!.default, DEFAULT_CONFIG.tagTypes);
    assert.deepEqual(properties['specchain.exclude']!.default, DEFAULT_CONFIG.exclude);
    assert.equal(properties['specchain.maxFileSize']!.default, DEFAULT_CONFIG.maxFileSize);
  });

  it('writes nothing in untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const commands = manifest.contributes.commands as { command: string; enablement?: string }[];
    for (const id of ['specchain.generatePlan', 'specchain.createSpec']) {
      assert.equal(commands.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
    }
  });

  it('gives the SPECs view the sidebar: Stack and Guidance start collapsed', () => {
    const views = manifest.contributes.views.specchain as { id: string; visibility?: string }[];
    assert.deepEqual(views.map((v) => [v.id, v.visibility]), [['specchain.sidebar', undefined], ['specchain.stack', 'collapsed'], ['specchain.guidance', 'collapsed']]);
  });

  it('activates on a MoAI workspace and points at the client bundle', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.ok(manifest.activationEvents.includes('workspaceContains:.moai/specs'));
    const views = manifest.contributes.views.specchain as { id: string; type: string }[];
    assert.deepEqual(views.map((v) => [v.id, v.type]), [['specchain.sidebar', 'webview'], ['specchain.stack', undefined], ['specchain.guidance', 'webview']]);
  });

  it('offers every SPECs-view context-menu command through webview/context, for its rows only', () => {
    const menu = manifest.contributes.menus['webview/context'] as { command: string; when: string }[];
    const ids = menu.map((m) => m.command);
    for (const id of ['specchain.sidebar.openToSide', 'specchain.sidebar.copyId', 'specchain.sidebar.copyTag', 'specchain.generatePlan', 'specchain.sidebar.revealInExplorer']) assert.ok(ids.includes(id), id);
    for (const item of menu) assert.match(item.when, /webviewId == 'specchain\.sidebar' && .*webviewSection == '(spec|broken)'/, item.command);
    const broken = menu.filter((m) => /webviewSection == 'broken'/.test(m.when)).map((m) => m.command);
    assert.deepEqual(broken, ['specchain.sidebar.open', 'specchain.sidebar.openToSide', 'specchain.sidebar.revealInExplorer', 'specchain.sidebar.quickFix', 'specchain.sidebar.copyId'], 'a broken link opens, fixes and copies its ID');
    const registered = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));
    for (const id of ids) assert.ok(registered.has(id), `${id} is contributed`);
  });

  it('ships only the bundles, media and grammar in the .vsix', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', 'everything is excluded first');
    for (const kept of ['!dist/client.js', '!dist/server.js', '!dist/webview/*.js', '!media/codicons/codicon.ttf', '!syntaxes/**']) assert.ok(lines.includes(kept), kept);
    assert.ok(!lines.some((l) => /node_modules|\.map|src/.test(l)), 'no sources, maps or node_modules');
    assert.ok(lines.includes('!LICENSE'), 'the license');
    assert.ok(!lines.includes('!dist/cli.js'), 'the CLI bundle is not used by the extension');
  });

  it('names its repository and its marketplace page, which the package script packs as the README', () => {
    assert.equal(manifest.repository.url, 'https://github.com/specchain/specchain');
    assert.match(manifest.scripts.package, /--readme-path media\/marketplace\/README\.md/);
    assert.doesNotMatch(manifest.scripts.package, /--skip-license/);
  });
});
