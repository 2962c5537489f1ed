/**
 * A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks to it
 * with vscode-languageserver-protocol over the child's stdio.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = resolve(__dirname, '..', '..', 'dist', 'server.js');

/** Writes `files` under a new temp folder and returns its absolute path. */
export function writeWorkspace(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'specchain-lsp-'));
  for (const [path, text] of Object.entries(files)) {
    const abs = join(root, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    rename: { prepareSupport: true },
  },
};

/** A running server with the client end of its connection and everything it published. */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly root: string;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publication in order. */
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: unknown[] = [];
  settings: unknown = null;
  stderr = '';
  #waiters: (() => void)[] = [];

  /** `node` options go before the script (`--max-old-space-size=64`), `args` after `--stdio`. */
  constructor(root: string, options: { args?: string[]; node?: string[] } = {}) {
    this.root = root;
    this.child = spawn(process.execPath, [...(options.node ?? []), SERVER, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publications.push(params);
      this.#wake();
    });
    for (const method of ['specchain/indexChanged', 'specchain/indexProgress', 'window/logMessage', 'window/showMessage']) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.#wake();
      });
    }
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, ...path.split('/'))).href;
  }

  async initialize(initializationOptions?: unknown, capabilities: ClientCapabilities = CAPABILITIES): Promise<unknown> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'ws' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(path: string, text: string, languageId = 'plaintext'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId, version: 1, text } });
  }

  async change(path: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  /** Resolves when `test` holds (checked on every message), rejects after `ms`. */
  until<T>(test: () => T | undefined | false, ms = 10_000, what = 'condition'): Promise<T> {
    return new Promise((done, fail) => {
      const check = (): boolean => {
        const value = test();
        if (value !== undefined && value !== false) {
          clearTimeout(timer);
          done(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr.slice(-2000)}`)), ms);
      if (check()) return;
      const waiter = (): void => {
        if (!check()) this.#waiters.push(waiter);
      };
      this.#waiters.push(waiter);
    });
  }

  /** Waits for diagnostics of `path` that satisfy `test`. */
  diagnosticsOf(path: string, test: (d: Diagnostic[]) => boolean = (d) => d.length > 0, ms = 10_000): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    return this.until(() => {
      const d = this.diagnostics.get(uri);
      return d && test(d) ? d : undefined;
    }, ms, `diagnostics of ${path}`);
  }

  #wake(): void {
    const waiting = this.#waiters;
    this.#waiters = [];
    for (const w of waiting) w();
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may be gone already.
    }
    await new Promise((r) => setTimeout(r, 50));
    this.connection.dispose();
    this.child.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}
