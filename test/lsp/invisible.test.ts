import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { CodeAction, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { SERVER, TestClient, writeWorkspace } from './client';

const SPEC = '---\nid: PAY-001\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:PAY-001: Pay\n';
const SOFT = '// @API:PAY\u00ad-001\n// @TEST:PAY-001\n';

/** The edits of `uri` in a workspace edit, whichever form the server chose. */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const changes = edit?.changes?.[uri];
  if (changes) return changes;
  return (edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && (c as TextDocumentEdit).textDocument.uri === uri ? (c as TextDocumentEdit).edits : [])) as TextEdit[];
}

describe('language server: invisible characters in IDs', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  after(async () => client?.dispose());

  it('tag/invisible-char is published with the characters escaped, and its quick fix deletes them', async () => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace({ '.moai/specs/SPEC-PAY-001/spec.md': SPEC, 'src/pay.ts': SOFT }));
    await client.initialize();
    await client.open('src/pay.ts', SOFT, 'typescript');
    const diagnostics = await client.diagnosticsOf('src/pay.ts', (d) => d.some((x) => x.code === 'tag/invisible-char'), 20_000);
    const d = diagnostics.find((x) => x.code === 'tag/invisible-char')!;
    assert.match(typeof d.message === 'string' ? d.message : d.message.value, /^@API:PAY\\u\{ad\}-001 holds U\+00AD \(soft hyphen\)/);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: client.uri('src/pay.ts') }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Delete the invisible characters');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const [edit] = editsOf(fix.edit, client.uri('src/pay.ts'));
    assert.deepEqual(edit, { range: d.range, newText: '@API:PAY-001' });
    await client.change('src/pay.ts', 2, '// @API:PAY-001\n// @TEST:PAY-001\n');
    await client.diagnosticsOf('src/pay.ts', (x) => x.length === 0, 20_000);
  });
});
