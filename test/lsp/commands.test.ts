import * as assert from 'node:assert/strict';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol/node';
import { HOVER_COMMANDS, isCommandId, parseCommandArguments } from '../../server/src/protocol';
import { MX_FILES } from '../fixtures/mx';
import { TestClient, writeWorkspace } from './client';

// Every command the server hands the client (code lenses, `command:` links of hovers) names a
// command of COMMAND_ARGUMENTS with arguments its schema accepts, exactly as the client checks them.

const FILES: Readonly<Record<string, string>> = {
  ...MX_FILES,
  'src/auth.py': '# @API:AUTH-001\ndef login():\n    pass\n',
  '.moai/specs/SPEC-AUTH-001/spec.md': '---\nid: AUTH-001\nversion: 0.1.0\nstatus: draft\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "dev"\npriority: high\n---\n\n# @SPEC:AUTH-001: Login (and logout)\n',
};

describe('commands the server sends, checked as the client checks them', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient(writeWorkspace(FILES));
    await client.initialize({ commandLinks: true, specchain: { rules: { 'spec/no-frontmatter': 'off' } } });
    await client.diagnosticsOf('src/orders/broken.py', (d) => d.some((x) => x.code === 'mx/unknown-spec'), 30_000);
  });
  after(async () => client?.dispose());

  it('every code lens of every SPEC file runs specchain.showReferences with a URI, a position and locations', async () => {
    let lenses = 0;
    for (const path of Object.keys(FILES).filter((p) => p.startsWith('.moai/specs/'))) {
      for (const lens of (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(path) } })) as CodeLens[]) {
        assert.equal(lens.command?.command, 'specchain.showReferences', path);
        const checked = parseCommandArguments('specchain.showReferences', lens.command.arguments ?? []);
        assert.ok('ok' in checked, `${path}: ${'error' in checked ? checked.error : ''}`);
        assert.deepEqual(checked.ok.slice(0, 2), [client.uri(path), lens.range.start]);
        lenses++;
      }
    }
    assert.ok(lenses >= 4, `${lenses} lenses`);
  });

  it('every command link of a hover names a hover command with arguments it takes, parentheses and all', async () => {
    const seen = new Set<string>();
    // A marker of a SPEC without tests (all three links), and a SPEC ID of an @MX line.
    for (const [path, line, character] of [['src/auth.py', 0, 6], ['src/orders/api.ts', 2, 16]] as const) {
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(path) }, position: { line, character } })) as Hover | null;
      const markdown = (hover?.contents as { value: string } | undefined)?.value ?? '';
      for (const [, id, encoded] of markdown.matchAll(/\]\(command:([\w.]+)\?([^)\s]*)\)/g)) {
        assert.ok(isCommandId(id!) && HOVER_COMMANDS.includes(id), `${id} is a hover command`);
        const checked = parseCommandArguments(id, JSON.parse(decodeURIComponent(encoded!)) as unknown[]);
        assert.ok('ok' in checked, 'error' in checked ? checked.error : '');
        seen.add(id!);
      }
    }
    assert.deepEqual([...seen].sort(), [...HOVER_COMMANDS].sort(), 'the hovers link to every hover command');
  });

  it('the client refuses arguments of the wrong shape with a sentence, and takes absent trailing ones', () => {
    const wrong = parseCommandArguments('specchain.showReferences', ['file:///a', { line: -1, character: 0 }, []]);
    assert.ok('error' in wrong && /argument 2 \(line\)/.test(wrong.error), JSON.stringify(wrong));
    assert.ok('error' in parseCommandArguments('specchain.createMissingTest', ['python', 'x'.repeat(10_001)]));
    assert.deepEqual(parseCommandArguments('specchain.openSpec', [undefined]), { ok: [] });
    assert.deepEqual(parseCommandArguments('specchain.sidebar.copyId', [{ webviewSection: 'spec', specId: 'USER-001', preventDefaultContextMenuItems: true }]), { ok: [{ specId: 'USER-001' }] });
  });
});
