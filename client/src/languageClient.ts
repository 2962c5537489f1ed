import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { HOVER_COMMANDS } from '../../server/src/protocol';
import { configurationItems, readSettings } from './settings';

/** Client id; also the prefix of the `specchain.trace.server` setting the library reads. */
export const CLIENT_ID = 'specchain';

/**
 * Creates (does not start) the language client for the bundled server `dist/server.js`,
 * spoken to over Node IPC.
 */
export function createLanguageClient(extensionUri: vscode.Uri, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every file document: the server decides what it indexes (SPECs, sources, manifests).
    documentSelector: [{ scheme: 'file' }],
    synchronize: {
      configurationSection: 'specchain',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
    // Wrapped, so the server also learns that hovers may carry `command:` links.
    initializationOptions: () => ({ specchain: readSettings(), commandLinks: true }),
    markdown: { isTrusted: { enabledCommands: [...HOVER_COMMANDS] } },
    middleware: {
      workspace: {
        configuration: (params, token, next) => (vscode.workspace.isTrusted ? next(params, token) : configurationItems(params.items)),
      },
    },
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, 'SpecChain Language Server', serverOptions, clientOptions);
}
