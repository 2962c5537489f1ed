import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER, writeWorkspace } from '../lsp/client';
import { MX_FILES, positionOf } from '../fixtures/mx';
import { FILES } from '../lsp/fixture';
import { collectDiagnostics, hasNvim } from './harness';

describe('SpecChain language server in Neovim', function () {
  this.timeout(60_000);
  let workspace: string;

  before(function () {
    if (!hasNvim()) throw new Error('nvim is not installed: run scripts/install-test-deps.sh');
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    workspace = writeWorkspace(FILES);
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('delivers the diagnostic of a broken tag to nvim', async () => {
    const result = await collectDiagnostics({ serverCommand: [process.execPath, SERVER, '--stdio'], workspace, file: 'src/user.py', minDiagnostics: 1, settleMs: 300 });
    assert.equal(result.reached, true, result.stderr);
    assert.equal(result.initialized, true);
    const found = result.diagnostics.map((d) => [d.lnum, d.col, d.end_col, d.severity, d.code, d.source]);
    assert.deepEqual(found, [[4, 2, 15, 1, 'tag/unknown-spec', 'specchain']]);
    assert.match(result.diagnostics[0]!.message, /@API:USER-002 belongs to no SPEC.*Did you mean USER-001\?/);
  });

  it('runs as `specchain lsp --stdio` too, with settings from init options', async () => {
    const cli = SERVER.replace(/server\.js$/, 'cli.js');
    const result = await collectDiagnostics({
      serverCommand: [process.execPath, cli, 'lsp', '--stdio'],
      workspace,
      file: '.moai/specs/SPEC-USER-001/spec.md',
      minDiagnostics: 1,
      settleMs: 300,
      initializationOptions: { rules: { 'spec/frontmatter-invalid': 'error' } },
    });
    assert.equal(result.reached, true, result.stderr);
    const quirk = result.diagnostics.find((d) => d.code === 'spec/frontmatter-invalid');
    assert.ok(quirk, JSON.stringify(result.diagnostics));
    assert.equal(quirk.severity, 1, 'the rule setting from initializationOptions raised it to an error');
    assert.equal(quirk.lnum, 6);
  });

  it('delivers an mx/* diagnostic of an @MX line to nvim, at the ID', async () => {
    const mxWorkspace = writeWorkspace(MX_FILES);
    try {
      const result = await collectDiagnostics({ serverCommand: [process.execPath, SERVER, '--stdio'], workspace: mxWorkspace, file: 'src/orders/broken.py', minDiagnostics: 2, settleMs: 300 });
      assert.equal(result.reached, true, result.stderr);
      const at = positionOf(MX_FILES, 'src/orders/broken.py', 'SPEC-ORDR-001');
      const unknown = result.diagnostics.find((d) => d.code === 'mx/unknown-spec');
      assert.ok(unknown, JSON.stringify(result.diagnostics));
      assert.deepEqual([unknown.lnum, unknown.col, unknown.end_col, unknown.severity, unknown.source], [at.line, at.character, at.character + 'SPEC-ORDR-001'.length, 1, 'specchain']);
      assert.match(unknown.message, /SPEC-ORDR-001.*Did you mean SPEC-ORDER-001\?/);
      assert.ok(result.diagnostics.some((d) => d.code === 'mx/unknown-req'), JSON.stringify(result.diagnostics));
    } finally {
      rmSync(mxWorkspace, { recursive: true, force: true });
    }
  });

  // Neovim has no file watching of its own on Linux: the server's watcher is all it gets.
  it('follows a SPEC folder deleted and made again on disk while nvim has a file open', async () => {
    const spec = (id: string): string => `---\nid: ${id}\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: Watched\n`;
    const root = writeWorkspace({ '.moai/specs/SPEC-ORDER-001/spec.md': spec('ORDER-001'), 'src/a.py': '# @API:ORDER-001\n# @API:SHIP-001\n' });
    const write = (path: string, text: string): void => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      const result = await collectDiagnostics({
        serverCommand: [process.execPath, SERVER, '--stdio'],
        workspace: root,
        file: 'src/a.py',
        minDiagnostics: 1,
        timeoutMs: 20_000,
        steps: [
          {
            // A checkout: the SPEC folders go and come back with other SPECs, within a moment.
            act: () => {
              rmSync(join(root, '.moai/specs'), { recursive: true });
              write('.moai/specs/SPEC-BILL-001/spec.md', spec('BILL-001'));
            },
            diagnostics: 2,
          },
          // Written later into the folder made again: seen only through a new watch on it.
          { act: () => write('.moai/specs/SPEC-SHIP-001/spec.md', spec('SHIP-001')), diagnostics: 1 },
        ],
      });
      assert.equal(result.reached, true, JSON.stringify(result));
      assert.deepEqual(result.steps, [true, true], `diagnostics at the end: ${JSON.stringify(result.diagnostics)}`);
      assert.match(result.diagnostics[0]!.message, /@API:ORDER-001 belongs to no SPEC/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
