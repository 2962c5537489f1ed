import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

describe('extension host', () => {
  it('is a real VS Code with the API', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof vscode.workspace.openTextDocument, 'function');
  });

  it('opened the test workspace as the first folder', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const expected = process.env['SPECCHAIN_TEST_WORKSPACE'];
    assert.ok(expected, 'the runner sets SPECCHAIN_TEST_WORKSPACE');
    assert.equal(folder.uri.fsPath, expected);
    assert.ok(existsSync(folder.uri.fsPath));
  });

  it('loaded the extension under development from the repository', () => {
    const dev = vscode.extensions.all.find((ext) => ext.id.toLowerCase() === 'specchain.specchain');
    assert.ok(dev, 'extension specchain.specchain is not loaded');
    assert.ok(existsSync(join(dev.extensionPath, 'package.json')));
  });
});
