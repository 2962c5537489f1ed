import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecChainApi } from '../../../client/src/extension';
import { SpecTreeRequest, type SpecTreeResult } from '../../../server/src/protocol';
import { waitFor } from './wait';
import { activateSpecChain, workspaceFile } from './workspace';

// The SpecChain views on the example workspace (examples/README.md): USER-001 is carried by
// backend/app/api/users.py, whose line 1 holds @API:USER-001.

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('SpecChain views', function () {
  // Longer than the longest wait (wait.ts): a busy machine is slow, not broken.
  this.timeout(300_000);
  let api: SpecChainApi;
  let tree: SpecTreeResult;

  before(async () => {
    api = await activateSpecChain();
    tree = await waitFor('a SPEC tree', async () => {
      const result = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
      return result.specs.length > 0 && result.totals.brokenLinks > 0 ? result : undefined;
    });
    await vscode.commands.executeCommand('specchain.sidebar.focus');
    await waitFor('the SPECs view to show the tree', () => (api.specsView()?.total === tree.specs.length ? true : undefined));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('specchain.sidebar').update('followEditor', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], []);
  });

  it('counts broken links the same in the status bar, the badge, the tree, its group, its filter and Problems', async () => {
    const links = new Set(['tag/unknown-spec', 'tag/broken-path', 'mx/unknown-spec', 'mx/unknown-req', 'spec/unknown-dependency', 'spec/ac-unknown-req']);
    const inProblems = (): number =>
      vscode.languages
        .getDiagnostics()
        .flatMap(([, ds]) => ds)
        .filter((d) => d.source === 'specchain' && links.has(codeOf(d)) && d.severity <= vscode.DiagnosticSeverity.Warning).length;
    // Earlier suites' files may still be leaving the index: wait until every count has settled on one number.
    let seen: (number | undefined)[] = [];
    const settled = await waitFor(
      () => `tree, group, Problems, badge, status bar and view to agree (they say ${JSON.stringify(seen)})`,
      async () => {
        const now = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
        const status = /([\d,]+) broken/.exec(api.statusText())?.[1];
        seen = [now.totals.brokenLinks, now.broken.length, inProblems(), api.badge(), status === undefined ? undefined : Number(status.replace(/,/g, '')), api.specsView()?.broken];
        return seen.every((v) => v === seen[0]) ? now : undefined;
      },
    );
    tree = settled;
    for (const id of ['PAY-001', 'USRE-001', 'test/login.test.ts']) assert.ok(tree.broken.some((b) => b.id === id), `the example's ${id} is broken (${tree.broken.map((b) => b.id).join(', ')})`);
    const n = tree.totals.brokenLinks;
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], ['errors']);
    const filtered = await waitFor(() => `the errors filter (${JSON.stringify(api.specsView())})`, () => (api.specsView()?.filter.chains.join() === 'errors' ? api.specsView() : undefined));
    assert.equal(filtered.broken, n, 'the filter keeps every broken link in view');
    assert.equal(filtered.shown, tree.specs.filter((s) => s.problems.errors > 0 || s.problems.broken > 0).length);
    assert.ok(filtered.shown >= 1, 'ORDER-001 names the unknown PAY-001');
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], []);
  });

  it('paints a missing declared link with the severity Problems shows', async () => {
    const order = tree.specs.find((s) => s.id === 'ORDER-001')!;
    const declared = vscode.languages.getDiagnostics(vscode.Uri.parse(order.uri)).find((d) => codeOf(d) === 'chain/declared-missing');
    assert.ok(declared, 'ORDER-001 declares @TEST:ORDER-001 that no code carries');
    const names: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info', [vscode.DiagnosticSeverity.Hint]: 'hint' };
    assert.equal(order.gaps.declared, names[declared.severity]);
  });

  it('runs the Broken links rows\' context menu: open, quick fix, copy ID', async () => {
    const link = tree.broken.find((b) => b.id === 'USRE-001')!;
    const row = { webviewSection: 'broken', id: link.id, uri: link.uri, line: link.range.start.line, character: link.range.start.character, preventDefaultContextMenuItems: true };
    assert.equal(await vscode.commands.executeCommand('specchain.sidebar.copyId', row), 'USRE-001');
    assert.equal(await vscode.env.clipboard.readText(), 'USRE-001');
    assert.equal(await vscode.commands.executeCommand('specchain.sidebar.copyId', { webviewSection: 'brokenId', id: 'PAY-001' }), 'PAY-001');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('specchain.sidebar.quickFix', row);
    const editor = await waitFor('the broken link\'s line in an editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === vscode.Uri.parse(link.uri).toString() && active.selection.active.line === link.range.start.line ? active : undefined;
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(link.range.start.line, link.range.start.character, link.range.end.line, link.range.end.character), vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => /USER-001/.test(a.title)), `the server offers the fix there: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('specchain.sidebar.open', row);
    await waitFor('the broken link opened', () => (vscode.window.activeTextEditor?.document.uri.toString() === vscode.Uri.parse(link.uri).toString() ? true : undefined));
  });

  it('says "Indexing N files…" while the index is read again, then the counts', async () => {
    const seen: { files?: number; status: string }[] = [];
    const subscription = api.onDidChangeIndexing((indexing) => {
      // The status bar hears the same event; read it once its handler ran.
      setTimeout(() => seen.push({ ...(indexing?.files !== undefined ? { files: indexing.files } : {}), status: indexing ? api.statusText() : 'ready' }), 0);
    });
    try {
      const result = await vscode.commands.executeCommand<{ files: number } | undefined>('specchain.refreshIndex');
      assert.ok(result);
      await waitFor(() => `indexing to end (seen ${JSON.stringify(seen)})`, () => (seen.at(-1)?.status === 'ready' ? true : undefined));
      const counted = seen.find((s) => s.files !== undefined);
      assert.ok(counted && counted.files! > 0, JSON.stringify(seen));
      assert.match(counted.status, /^\$\(sync~spin\) Indexing \d[\d,]* files…$/);
      // Earlier suites' SPECs may have left the index meanwhile: compare with the tree as it is now.
      let specs = tree.totals.specs;
      await waitFor(
        () => `the counts back in the status bar (it shows ${api.statusText()}, the tree has ${specs} SPECs)`,
        async () => {
          specs = (await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {})).totals.specs;
          return api.statusText().startsWith(`$(link) ${specs} SPECs`) ? true : undefined;
        },
      );
    } finally {
      subscription.dispose();
    }
  });

  it('filters by chain state and reports "N of M"', async () => {
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], ['complete']);
    // Earlier tests read the workspace again: compare with the tree as it is now, once the view shows it.
    let tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    const shown = await waitFor(
      () => `the filter to apply to the tree of ${tree.specs.length} SPECs (${JSON.stringify(api.specsView())})`,
      async () => {
        tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
        const view = api.specsView();
        return view && view.filter.chains.join() === 'complete' && view.total === tree.specs.length ? view : undefined;
      },
    );
    const complete = tree.specs.filter((s) => s.completeness === 'complete').length;
    assert.equal(shown.shown, complete);
    assert.equal(shown.total, tree.specs.length);
    assert.ok(shown.shown < shown.total, 'the example has SPECs with partial chains');
    const status = tree.specs[0]!.status;
    await vscode.commands.executeCommand('specchain.sidebar.filter', [status], []);
    const byStatus = await waitFor('the status filter', () => (api.specsView()?.filter.statuses.join() === status ? api.specsView() : undefined));
    assert.equal(byStatus.shown, tree.specs.filter((s) => s.status === status).length);
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], []);
    await waitFor('the filter to clear', () => (api.specsView()?.shown === tree.specs.length ? true : undefined));
  });

  it('follows the active editor to the tag under the cursor, and stops when the setting is off', async () => {
    const users = workspaceFile('backend', 'app', 'api', 'users.py');
    const editor = await vscode.window.showTextDocument(users);
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    const revealed = await waitFor(() => `the view to follow (${JSON.stringify(api.specsView())})`, () => {
      const key = api.specsView()?.revealed;
      return key?.startsWith('file:USER-001:API:backend/app/api/users.py') ? key : undefined;
    });
    assert.equal(revealed, 'file:USER-001:API:backend/app/api/users.py:1');

    await vscode.workspace.getConfiguration('specchain.sidebar').update('followEditor', false, vscode.ConfigurationTarget.Workspace);
    const other = tree.specs.find((s) => s.id !== 'USER-001')!;
    const spec = await vscode.window.showTextDocument(vscode.Uri.parse(other.uri));
    const title = new vscode.Position(other.range.start.line, other.range.start.character);
    spec.selection = new vscode.Selection(title, title);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(api.specsView()?.revealed, revealed, 'nothing followed with the setting off');
    await vscode.workspace.getConfiguration('specchain.sidebar').update('followEditor', undefined, vscode.ConfigurationTarget.Workspace);
    spec.selection = new vscode.Selection(title.translate(0, 1), title.translate(0, 1));
    await waitFor('following again', () => (api.specsView()?.revealed === `spec:${other.id}` ? true : undefined));
  });

  it('runs the context-menu commands with the row\'s data-vscode-context', async () => {
    const row = { webviewSection: 'tag', specId: 'USER-001', tag: '@API:USER-001', uri: workspaceFile('backend', 'app', 'api', 'users.py').toString(), line: 0, character: 2, preventDefaultContextMenuItems: true };
    assert.equal(await vscode.commands.executeCommand('specchain.sidebar.copyId', row), 'USER-001');
    assert.equal(await vscode.env.clipboard.readText(), 'USER-001');
    assert.equal(await vscode.commands.executeCommand('specchain.sidebar.copyTag', row), '@API:USER-001');
    assert.equal(await vscode.env.clipboard.readText(), '@API:USER-001');
    assert.equal(await vscode.commands.executeCommand('specchain.sidebar.copyTag', { webviewSection: 'spec', specId: 'USER-001' }), '@SPEC:USER-001');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(vscode.Uri.parse(tree.specs[0]!.uri));
    await vscode.commands.executeCommand('specchain.sidebar.openToSide', row);
    const editor = await waitFor('users.py beside', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/backend/app/api/users.py') ? active : undefined;
    });
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two);
    await vscode.commands.executeCommand('specchain.sidebar.revealInExplorer', row);

    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri } | undefined>('specchain.generatePlan', { webviewSection: 'spec', specId: 'USER-001' }, { open: false });
    assert.ok(result?.uri.path.endsWith('/.moai/docs/backend-architecture-USER-001.md'));
  });
});
