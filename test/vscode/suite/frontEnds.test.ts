import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecChainApi } from '../../../client/src/extension';
import { rowContexts } from '../../../client/webview/specs/model';
import { COMMAND_ARGUMENTS, HOVER_COMMANDS, SpecTreeRequest, type RowMenuContext, type SpecTreeResult } from '../../../server/src/protocol';
import { DIALECT_FILES, QUICK_FIXES, type ExpectedFix } from '../../fixtures/quickFixes';
import { exists, waitFor } from './wait';
import { activateSpecChain, workspaceFile, writeWorkspaceFiles } from './workspace';

// What a user clicks, in the real editor: every @TAG and @MX quick fix through the editor's
// code-action provider, and every command a code lens, a hover link or a SPECs-view row runs,
// with the arguments the server and the page really give it.

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
/** The diagnostics of a file as comparable text. */
const snapshot = (uri: vscode.Uri): string => JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.character]).sort());

/** How long to wait for the server on a busy machine: generous, since each wait ends on the event. */
const WAIT = 180_000;

// The fixes of the dialect files (the retarget fix needs the fixture's git history, which the example workspace has not).
const DIALECT_FIXES = QUICK_FIXES.filter((f) => (f.code.startsWith('tag/') || f.code.startsWith('mx/')) && f.path in DIALECT_FILES);

describe('every quick fix and command, where the user meets them', function () {
  this.timeout(600_000);
  let api: SpecChainApi;

  before(async () => {
    api = await activateSpecChain();
    await writeWorkspaceFiles(DIALECT_FILES);
    // Open, as a user fixing them has them: the server reads their text from the editor.
    for (const path of Object.keys(DIALECT_FILES)) await vscode.workspace.openTextDocument(workspaceFile(path));
    await waitFor(
      () => `the diagnostics of every @TAG and @MX fix (${DIALECT_FIXES.filter((f) => !diagnosticOf(f)).map((f) => `${f.code} ${f.path}:${f.line + 1}`).join(', ')})`,
      () => (DIALECT_FIXES.every((f) => diagnosticOf(f)) ? true : undefined),
      WAIT,
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of ['qf', '.moai/specs/SPEC-MEMBER-001', '.moai/specs/SPEC-CART-001']) await vscode.workspace.fs.delete(workspaceFile(path), { recursive: true, useTrash: false });
  });

  function diagnosticOf(f: ExpectedFix): vscode.Diagnostic | undefined {
    return vscode.languages.getDiagnostics(workspaceFile(f.path)).find((d) => codeOf(d) === f.code && d.range.start.line === f.line);
  }

  it('offers and applies each @TAG and @MX quick fix from the code-action menu, and the file reads as expected', async () => {
    const seen = new Set<string>();
    for (const f of DIALECT_FIXES) {
      const uri = workspaceFile(f.path);
      const document = await vscode.workspace.openTextDocument(uri);
      const original = document.getText();
      assert.equal(original, DIALECT_FILES[f.path], `${f.path} is as written`);
      const before = snapshot(uri);
      const diagnostic = await waitFor(`${f.code} on ${f.path}:${f.line + 1}`, () => diagnosticOf(f), WAIT);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      const expected = DIALECT_FIXES.filter((e) => e.code === f.code && e.path === f.path && e.line === f.line).map((e) => e.title);
      for (const title of [...expected, `Disable ${f.code} for this line`]) assert.ok(titles.includes(title), `"${title}" in the menu of ${f.code} at ${f.path}:${f.line + 1}: ${titles.join(' | ')}`);
      const action = actions.find((a) => a.title === f.title)!;
      assert.ok(action.edit, `${f.title} carries its edit`);
      assert.ok(await vscode.workspace.applyEdit(action.edit), `${f.title} applies`);
      for (const [path, [from, to]] of Object.entries(f.edits ?? {})) {
        assert.equal((await vscode.workspace.openTextDocument(workspaceFile(path))).getText(), DIALECT_FILES[path]!.replace(from, to), f.title);
      }
      if (f.creates) {
        const created = workspaceFile(f.creates.path);
        assert.ok(await exists(created), `${f.creates.path} created`);
        const text = (await vscode.workspace.openTextDocument(created)).getText();
        assert.ok(text.split('\n').includes(f.creates.holds), text);
        await vscode.window.showTextDocument(created);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(created, '..'), { recursive: true, useTrash: false });
      }
      // Back to the file as written, and to its diagnostics, for the next fix.
      const restore = new vscode.WorkspaceEdit();
      restore.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      assert.ok(await vscode.workspace.applyEdit(restore));
      await document.save();
      await waitFor(() => `the diagnostics of ${f.path} as before (${snapshot(uri)} vs ${before})`, () => (snapshot(uri) === before ? true : undefined), WAIT);
      seen.add(f.title);
    }
    assert.equal(seen.size, new Set(DIALECT_FIXES.map((f) => f.title)).size);
    assert.deepEqual(api.commandErrors(), []);
  });

  it('runs every code lens of a SPEC with the arguments the server sends: the references peek opens on the SPEC, at the lens, with its locations', async () => {
    const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    const withCode = tree.specs.find((s) => s.tags.length > 0)!;
    let run = 0;
    for (const specUri of [vscode.Uri.parse(withCode.uri), workspaceFile('.moai/specs/SPEC-CART-001/spec.md')]) {
      const editor = await vscode.window.showTextDocument(specUri);
      const lenses = await waitFor(`the code lenses of ${specUri.path}`, async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', specUri, 100);
        return found.length > 0 ? found : undefined;
      }, WAIT);
      for (const lens of lenses) {
        assert.equal(lens.command?.command, 'specchain.showReferences', lens.command?.title);
        const args = lens.command.arguments ?? [];
        const shown = await vscode.commands.executeCommand<vscode.Location[] | undefined>(lens.command.command, ...args);
        assert.deepEqual(api.commandErrors(), [], `${lens.command.title}: VS Code took the arguments`);
        assert.ok(Array.isArray(shown) && shown.every((l) => l instanceof vscode.Location), `${lens.command.title}: shows VS Code locations`);
        assert.deepEqual(shown.map((l) => l.uri.toString()), (args[2] as { uri: string }[]).map((l) => vscode.Uri.parse(l.uri).toString()));
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), specUri.toString(), 'the peek opens in the SPEC');
        assert.ok(editor.visibleRanges.some((r) => r.contains(lens.range.start)), 'at the lens');
        await vscode.commands.executeCommand('closeReferenceSearch');
        run++;
      }
    }
    assert.ok(run >= 3, `${run} lenses run`);
  });

  it('runs every command link of a hover with its arguments', async () => {
    // examples: gateway/src/orders.ts carries @API:ORDER-001, a SPEC whose code has no test.
    const uri = workspaceFile('gateway/src/orders.ts');
    await vscode.window.showTextDocument(uri);
    const markdown = await waitFor('a hover with command links on @API:ORDER-001', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 6));
      const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      return text.includes('command:') ? text : undefined;
    }, WAIT);
    const links = [...markdown.matchAll(/\]\(command:([\w.]+)\?([^)\s]*)\)/g)].map(([, id, encoded]) => ({ id: id!, args: JSON.parse(decodeURIComponent(encoded!)) as unknown[] }));
    assert.deepEqual(links.map((l) => l.id).sort(), [...HOVER_COMMANDS].sort());
    for (const { id, args } of links) {
      const result = await vscode.commands.executeCommand<unknown>(id, ...args);
      assert.deepEqual(api.commandErrors(), [], id);
      if (id === 'specchain.openSpec') assert.match(String(result), /\/\.moai\/specs\/SPEC-ORDER-001\/spec\.md$/);
      else if (id === 'specchain.revealSpec') assert.equal(result, 'ORDER-001');
      else {
        assert.ok((result as vscode.TextDocument).isUntitled);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });

  it('runs every context-menu command of the SPECs view with each kind of row it is offered on, as the page builds the row', async () => {
    const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    const spec = tree.specs.find((s) => s.tags.length > 0)!;
    const mx = tree.specs.find((s) => s.id === 'CART-001')!;
    const ref = [...(mx.mx?.reqs.flatMap((r) => [...r.code, ...r.tests]) ?? []), ...(mx.mx?.specRefs ?? []), ...(mx.mx?.broken ?? [])][0];
    assert.ok(ref, `an @MX reference row under SPEC-CART-001: ${JSON.stringify(mx.mx)}`);
    const broken = tree.broken.find((b) => b.specId === undefined) ?? tree.broken[0]!;
    const rows: Readonly<Record<string, readonly RowMenuContext[]>> = {
      spec: [rowContexts.spec(spec)],
      tag: [rowContexts.tag(spec, spec.tags[0]!), rowContexts.mxRef(mx, ref)],
      broken: [rowContexts.broken(broken)],
      brokenId: [rowContexts.brokenId(broken.id)],
    };
    const menus = (vscode.extensions.getExtension('specchain.specchain')!.packageJSON as { contributes: { menus: { 'webview/context': { command: string; when: string }[] } } }).contributes.menus['webview/context'];
    let run = 0;
    for (const { command, when } of menus) {
      assert.ok(command in COMMAND_ARGUMENTS, `${command} checks its arguments against the protocol`);
      for (const section of [...when.matchAll(/webviewSection == '(\w+)'/g)].map((m) => m[1]!)) {
        for (const row of rows[section] ?? assert.fail(`no row of section ${section}`)) {
          const result = await vscode.commands.executeCommand<unknown>(command, row);
          assert.deepEqual(api.commandErrors(), [], `${command} on a ${section} row`);
          if (command === 'specchain.sidebar.copyId') assert.equal(result, row.id ?? row.specId);
          if (command === 'specchain.sidebar.copyTag') assert.equal(result, row.tag ?? `@SPEC:${row.specId}`);
          if (command === 'specchain.sidebar.open' || command === 'specchain.sidebar.openToSide') {
            assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.parse(row.uri!).toString(), `${command} opens the row's file`);
            assert.equal(vscode.window.activeTextEditor?.selection.active.line, row.line);
          }
          if (command === 'specchain.generatePlan') assert.ok((result as { uri: vscode.Uri }).uri.path.endsWith(`/backend-architecture-${row.specId}.md`));
          run++;
        }
      }
    }
    assert.ok(run >= 12, `${run} row commands run`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
