import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecChainApi } from '../../../client/src/extension';
import { SpecTreeRequest, type SpecNode, type SpecTreeResult } from '../../../server/src/protocol';
import { waitFor } from './wait';
import { activateSpecChain, workspaceFile, writeWorkspaceFiles } from './workspace';

// The @MX dialect beside the example workspace's @TAG SPECs: the test writes one @MX SPEC and
// the code and test that cite its REQs, and removes them again at the end.

const FILES: Readonly<Record<string, string>> = {
  '.moai/specs/SPEC-MXDEMO-001/spec.md': `---
id: MXDEMO-001
title: Invoices
version: 1.0.0
status: in-progress
created: 2026-03-01
updated: 2026-03-02
author: dev
priority: high
phase: build
module: backend/app/invoices
lifecycle: active
tags: [invoices]
---

# SPEC-MXDEMO-001: Invoices

- REQ-MXDEMO-001 [Event-Driven]: **WHEN** an order is paid, the system **SHALL** issue an invoice.
- REQ-MXDEMO-002: The system SHALL void an invoice on refund.
`,
  '.moai/specs/SPEC-MXDEMO-001/acceptance.md': `# Acceptance

- AC-MXDEMO-001: Given a paid order, When it settles, Then one invoice exists (maps REQ-MXDEMO-001)
`,
  'backend/app/invoices/issue.py': `# @MX:ANCHOR: invoice entry point
# @MX:REASON: billing depends on it
# @MX:SPEC: SPEC-MXDEMO-001 REQ-MXDEMO-001
def issue():
    pass
`,
  'backend/tests/test_invoices.py': `# @MX:NOTE: acceptance
# @MX:TEST: SPEC-MXDEMO-001 AC-MXDEMO-001 REQ-MXDEMO-001
def test_issue():
    pass
`,
};

describe('SpecChain and the @MX dialect', function () {
  // Longer than the longest wait (wait.ts): a busy machine is slow, not broken.
  this.timeout(300_000);
  let api: SpecChainApi;
  let spec: SpecNode;

  before(async () => {
    api = await activateSpecChain();
    await writeWorkspaceFiles(FILES);
    spec = await waitFor('the @MX SPEC with its code and test references', async () => {
      const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
      const found = tree.specs.find((s) => s.id === 'MXDEMO-001');
      return found?.mx?.reqs[0]?.code.length && found.mx.reqs[0].tests.length ? found : undefined;
    });
  });

  after(async () => {
    await vscode.workspace.fs.delete(workspaceFile('.moai', 'specs', 'SPEC-MXDEMO-001'), { recursive: true });
    for (const path of ['backend/app/invoices', 'backend/tests/test_invoices.py']) await vscode.workspace.fs.delete(workspaceFile(...path.split('/')), { recursive: true });
    await waitFor('the @MX SPEC to leave the index', async () => {
      const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
      return tree.specs.some((s) => s.id === 'MXDEMO-001') ? undefined : true;
    });
  });

  it('gives the sidebar the SPEC\'s REQs with their code, test and AC references, beside the @TAG SPECs', async () => {
    assert.deepEqual(spec.mx!.coverage, { referenced: 1, declared: 2 });
    const [first, second] = spec.mx!.reqs;
    assert.equal(first!.id, 'REQ-MXDEMO-001');
    assert.equal(first!.text, 'WHEN an order is paid, the system SHALL issue an invoice.', 'plain text: EARS keywords kept, markup and label gone');
    assert.deepEqual(first!.code.map((r) => r.uri), [workspaceFile('backend', 'app', 'invoices', 'issue.py').toString()]);
    assert.deepEqual(first!.tests.map((r) => r.uri), [workspaceFile('backend', 'tests', 'test_invoices.py').toString()]);
    assert.deepEqual(first!.acs.map((a) => a.id), ['AC-MXDEMO-001']);
    assert.deepEqual([second!.id, second!.code.length], ['REQ-MXDEMO-002', 0]);
    const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    assert.ok(tree.specs.some((s) => s.mx === undefined && s.tags.length > 0), 'a @TAG SPEC of the example shows its chain beside it');
    const revealed = await vscode.commands.executeCommand<string | undefined>('specchain.revealSpec', 'MXDEMO-001');
    assert.equal(revealed, 'MXDEMO-001', 'the sidebar reveals the @MX SPEC');
  });

  it('hovers and goes to the definition of a REQ ID of an @MX line', async () => {
    const uri = workspaceFile('backend', 'app', 'invoices', 'issue.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = 2;
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('REQ-MXDEMO-001') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /REQ-MXDEMO-001[\s\S]*1 code · 1 test · 1 AC/);
    assert.ok(text.includes('> WHEN an order is paid, the system SHALL issue an invoice.'), `the hover shows the row's plain text: ${text}`);
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
    const target = definitions[0]!;
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    const targetRange = 'targetRange' in target ? target.targetRange : target.range;
    assert.equal(targetUri.toString(), workspaceFile('.moai', 'specs', 'SPEC-MXDEMO-001', 'spec.md').toString());
    assert.equal(targetRange.start.line, 17);
  });

  it('the sidebar page follows the editor from an @MX line to that reference, under its REQ', async () => {
    const editor = await vscode.window.showTextDocument(workspaceFile('backend', 'app', 'invoices', 'issue.py'));
    editor.selection = new vscode.Selection(2, 30, 2, 30);
    const revealed = await waitFor('the SPECs page to reveal the reference', () => {
      const key = api.specsView()?.revealed;
      return key?.startsWith('req:MXDEMO-001') ? key : undefined;
    });
    assert.equal(revealed, 'req:MXDEMO-001:REQ-MXDEMO-001:code:0', 'the page expanded the SPEC, its REQ and the code group to the row of this line');
  });
});
