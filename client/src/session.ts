import type * as vscode from 'vscode';
import type { IndexChangedNotification } from '../../server/src/protocol';

/** Where the server is in its life, for the status bar and the sidebar. */
export type ServerState =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'running' }
  | { readonly kind: 'failed'; readonly message: string };

/** The index is being read (`files` once the server has listed them), or undefined when it is ready. */
export type Indexing = { readonly files?: number } | undefined;

/**
 * What the views (status bar, SPECs, Stack and Guidance views) read of the extension's life:
 * the server's state, the index, and requests to the server. `Ctx` implements it; the views
 * depend on this interface and not on `Ctx`, which builds them (so no import goes both ways).
 */
export interface Session {
  readonly extensionContext: vscode.ExtensionContext;
  readonly outputChannel: vscode.LogOutputChannel;
  readonly state: ServerState;
  /** Whether the first (or a refreshing) index is still being read. */
  readonly indexing: Indexing;
  /** The latest counts the server reported, or undefined before the first report. */
  readonly counts: IndexChangedNotification.Params | undefined;
  readonly onDidChangeState: vscode.Event<ServerState>;
  readonly onDidChangeIndex: vscode.Event<IndexChangedNotification.Params>;
  readonly onDidChangeIndexing: vscode.Event<Indexing>;
  /** Fires when the server has read a folder: its SPECs are known, its diagnostics follow. */
  readonly onDidLoadFolder: vscode.Event<void>;
  /** Starts the server unless it runs or is starting. */
  start(): Promise<unknown>;
  /** Sends a custom request (see `server/src/protocol.ts`), starting the server if needed. */
  sendRequest<R>(method: string, params: object, token?: vscode.CancellationToken): Promise<R>;
  /** Converts a protocol URI to a VS Code URI the way the client does. */
  asUri(uri: string): vscode.Uri;
}
