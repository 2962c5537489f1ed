import * as assert from 'node:assert/strict';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { DATA_KINDS } from '../../server/src/service/diagnosticData';
import { QUICK_FIXES, QUICK_FIX_FILES, QUICK_FIX_RULES, writeQuickFixHistory } from '../fixtures/quickFixes';
import { TestClient, applyEdits, editsFor, writeWorkspace } from './client';

// Every quick fix the engine can produce, asked for through the protocol with the diagnostics
// exactly as the server published them, and applied: what the adapter drops fails here.

describe('every quick fix through the protocol', function () {
  this.timeout(60_000);
  let client: TestClient;
  const files = Object.keys(QUICK_FIX_FILES);

  before(async () => {
    const root = writeWorkspace(QUICK_FIX_FILES);
    // A repository whose history renamed SPEC-BASKET-001 to SPEC-CART-001: the server reads it for the retarget fix.
    writeQuickFixHistory(root);
    client = new TestClient(root);
    client.settings = { rules: QUICK_FIX_RULES };
    await client.initialize({ specchain: { rules: QUICK_FIX_RULES } });
    await client.until(() => QUICK_FIXES.every((f) => client.diagnostics.get(client.uri(f.path))?.some((d) => d.code === f.code && d.range.start.line === f.line)), 30_000, 'the diagnostics of every fix');
    // The history is read once the first unknown ID is diagnosed; the files naming one are published again with it.
    await client.until(() => client.diagnostics.get(client.uri('qf/basket/checkout.go'))?.some((d) => (d.data as { kind?: string } | undefined)?.kind === 'retarget-id'), 30_000, 'the retarget data from git history');
  });

  after(async () => {
    await client.dispose();
  });

  const published = (): { path: string; diagnostic: Diagnostic }[] =>
    files.flatMap((path) => (client.diagnostics.get(client.uri(path)) ?? []).map((diagnostic) => ({ path, diagnostic })));

  const actionsFor = async (path: string, diagnostic: Diagnostic): Promise<CodeAction[]> =>
    (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri(path) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];

  it('publishes data of every kind, as the one definition has them', () => {
    const kinds = new Set(published().flatMap(({ diagnostic }) => ((diagnostic.data as { kind?: string } | undefined)?.kind ? [(diagnostic.data as { kind: string }).kind] : [])));
    assert.deepEqual([...kinds].sort(), [...DATA_KINDS].sort());
  });

  it('offers every fix of every diagnostic with data, and each edit leaves the expected text', async () => {
    let applied = 0;
    for (const { path, diagnostic } of published()) {
      const expected = QUICK_FIXES.filter((f) => f.code === diagnostic.code && f.path === path && f.line === diagnostic.range.start.line);
      // Diagnostics with data, and those whose fix reads the text alone (tag/invisible-char).
      if (diagnostic.data === undefined && expected.length === 0) continue;
      const where = `${diagnostic.code} at ${path}:${diagnostic.range.start.line + 1}`;
      const actions = await actionsFor(path, diagnostic);
      assert.deepEqual(actions.map((a) => a.title), [...expected.map((f) => f.title), `Disable ${diagnostic.code} for this line`], where);
      for (const action of actions) {
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [diagnostic], `${where}: the fix names the diagnostic as it was sent`);
      }
      for (const f of expected) {
        const action = actions.find((a) => a.title === f.title)!;
        for (const [file, [before, after]] of Object.entries(f.edits ?? {})) {
          const original = QUICK_FIX_FILES[file]!;
          assert.equal(applyEdits(original, editsFor(action.edit, client.uri(file))), original.replace(before, after), `${where}: ${f.title}`);
        }
        const touched = (action.edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [(c as TextDocumentEdit).textDocument.uri] : []));
        const creates = (action.edit?.documentChanges ?? []).filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');
        if (f.creates) {
          const uri = client.uri(f.creates.path);
          assert.deepEqual(creates.map((c) => c.uri), [uri], `${where}: ${f.title} creates the SPEC`);
          assert.ok(applyEdits('', editsFor(action.edit, uri)).split('\n').includes(f.creates.holds), `${where}: the new SPEC holds ${f.creates.holds}`);
        } else {
          assert.deepEqual(creates, [], `${where}: ${f.title} creates nothing`);
          assert.deepEqual([...new Set(touched)].sort(), Object.keys(f.edits ?? {}).map((p) => client.uri(p)).sort(), `${where}: ${f.title} edits only these files`);
        }
        applied++;
      }
      const disable = actions.at(-1)!;
      assert.match(applyEdits(QUICK_FIX_FILES[path]!, editsFor(disable.edit, client.uri(path))), new RegExp(`specchain-disable-next-line ${diagnostic.code}`));
    }
    assert.equal(applied, QUICK_FIXES.length, 'every expected fix was offered and applied');
  });

  it('drops forged data instead of turning it into an edit', async () => {
    const { path, diagnostic } = published().find(({ diagnostic }) => (diagnostic.data as { kind?: string } | undefined)?.kind === 'mx-broken-link')!;
    const forged = { ...diagnostic, data: { kind: 'mx-broken-link', id: '../../../etc/X' } };
    assert.deepEqual((await actionsFor(path, forged)).map((a) => a.title), [`Disable ${diagnostic.code} for this line`]);
  });
});
