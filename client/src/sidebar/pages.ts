import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderPageHtml, type WebviewPage } from './html';
import { parseFromWebview, type FromWebview } from './messages';

/**
 * Loads a page into a webview: scripts on, resources only from media/ and dist/webview/, the
 * page's HTML with a fresh nonce. Returns the subscription to its checked messages.
 */
export function loadPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage, onMessage: (message: FromWebview) => void): vscode.Disposable {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const bundles = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media, bundles] };
  const uri = (base: vscode.Uri, ...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(base, ...parts)).toString();
  webview.html = renderPageHtml(page, {
    cspSource: webview.cspSource,
    codiconCss: uri(media, 'codicons', 'codicon.css'),
    css: uri(media, 'webview.css'),
    script: uri(bundles, `${page}.js`),
    nonce: randomBytes(18).toString('base64'),
  });
  return webview.onDidReceiveMessage((raw: unknown) => {
    const message = parseFromWebview(raw);
    if (message) onMessage(message);
  });
}

/** Opens a file of the workspace at a range; anything outside the workspace is refused. */
export async function openInWorkspace(uri: vscode.Uri, range: { start: { line: number; character: number }; end: { line: number; character: number } }, toSide = false): Promise<void> {
  if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(uri, { selection, preserveFocus: false, ...(toSide ? { viewColumn: vscode.ViewColumn.Beside } : {}) });
}
