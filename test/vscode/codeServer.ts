/**
 * Starts an isolated code-server (a real VS Code workbench) and a headless Debian Chromium
 * driven by playwright-core. Shared by the extension-host runner and the browser end-to-end
 * harness. Everything lives under one temporary folder that `stop()` removes, and every child
 * process is killed by process group, also when the caller times out or is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The code-server release the install script puts in the cache (bundles Code 1.139.1). */
export const CODE_SERVER_VERSION = '4.139.1';

/** Repository root (this file is test/vscode/codeServer.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Folder for screenshots and logs; git-ignored. */
export const ARTIFACTS_DIR = join(REPO_ROOT, '.test-artifacts');

const INSTALL_HINT = 'run `bash scripts/install-test-deps.sh` (or `npm run test:deps`) first';

/** A tool the real-editor tests need is not installed. */
export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';
}

/** Cache folder used by scripts/install-test-deps.sh. */
export function cacheDir(): string {
  return process.env['SPECCHAIN_CACHE'] ?? join(homedir(), '.cache', 'specchain');
}

/** How to run code-server: `SPECCHAIN_CODE_SERVER` or the install script's wrapper. */
export function findCodeServer(): string {
  const candidate = process.env['SPECCHAIN_CODE_SERVER'] ?? join(cacheDir(), 'bin', 'code-server');
  if (!existsSync(candidate)) {
    throw new MissingToolError(`code-server ${CODE_SERVER_VERSION} not found at ${candidate}: ${INSTALL_HINT}`);
  }
  return candidate;
}

/** Chromium executable: `SPECCHAIN_CHROMIUM` or Debian's /usr/bin/chromium. */
export function findChromium(): string {
  const candidate = process.env['SPECCHAIN_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) throw new MissingToolError(`Chromium not found at ${candidate}: ${INSTALL_HINT}`);
  return candidate;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Copies `examples/` (or, while it is empty, a one-file placeholder) into a fresh folder so tests
 * can edit and write files without touching the repository.
 */
export function prepareWorkspace(parent: string, source = join(REPO_ROOT, 'examples')): string {
  const target = join(parent, 'workspace');
  const hasExamples = existsSync(source) && readdirSync(source).some((name) => name !== '.gitkeep');
  if (hasExamples) {
    cpSync(source, target, { recursive: true, filter: (path) => !path.split(sep).includes('node_modules') });
  } else {
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'README.md'), '# Test workspace\n\nPlaceholder used while examples/ is empty.\n');
  }
  return target;
}

/** Options for {@link startCodeServer}. */
export interface CodeServerOptions {
  /** Parent folder for all state; defaults to a new temp folder removed by `stop()`. */
  readonly tempRoot?: string;
  /** Packaged extensions to install before starting (`--install-extension`). */
  readonly vsixFiles?: readonly string[];
  /** Extra environment for code-server and therefore for the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /** User settings on top of the isolated defaults (a colour theme, say). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Called with each chunk of code-server's own output (default: written to a log file only). */
  readonly onOutput?: (text: string) => void;
}

/** A running isolated code-server. */
export interface CodeServer {
  /** `127.0.0.1:<port>`, also the authority of `vscode-remote://` URIs. */
  readonly authority: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Temp folder holding user data, extensions, config and the browser profile. */
  readonly tempRoot: string;
  /** code-server's log file. */
  readonly logFile: string;
  /** Kills code-server and its children and removes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: a crash or Ctrl+C in the test process must not leave code-server running.
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

function isolatedEnv(root: string, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(root, 'xdg-config'),
    XDG_DATA_HOME: join(root, 'xdg-data'),
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
    ...extra,
  };
}

/** Starts code-server on a free 127.0.0.1 port and resolves once /healthz answers. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const bin = findCodeServer();
  installExitHook();
  const tempRoot = options.tempRoot ?? mkdtempSync(join(tmpdir(), 'specchain-cs-'));
  const userDataDir = join(tempRoot, 'user-data');
  const extensionsDir = join(tempRoot, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const env = isolatedEnv(tempRoot, options.env);
  const dirArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of options.vsixFiles ?? []) {
    const result = spawnSync(bin, [...dirArgs, '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
  }

  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const configFile = join(tempRoot, 'config.yaml');
  writeFileSync(configFile, `bind-addr: ${authority}\nauth: none\ncert: false\n`);
  const logFile = join(tempRoot, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    bin,
    [
      '--config', configFile, ...dirArgs,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${bin}`);
  liveGroups.add(pid);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      options.onOutput?.(chunk.toString('utf8'));
    });
  }

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup(pid, 'SIGTERM');
    if (!(await waitForExit(child, 5_000))) killGroup(pid, 'SIGKILL');
    await waitForExit(child, 2_000);
    // Children that outlived the parent (extension host, watchers) share its process group.
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
    await new Promise<void>((done) => log.end(done));
    if (options.tempRoot === undefined) rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://${authority}`;
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { authority, url, tempRoot, logFile, stop };
}

async function waitForHealth(url: string, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${ms / 1000}s`);
}

/** A headless Chromium with one page. */
export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Closes the browser; safe to call twice. */
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Debian's Chromium with a fresh profile under `profileParent`. */
export async function launchChromium(profileParent: string, viewport = { width: 1400, height: 900 }): Promise<Browser> {
  const executablePath = findChromium();
  const profile = mkdtempSync(join(profileParent, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** `/?folder=…` URL, with a smoke-test-driver `payload` when given. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: ReadonlyArray<readonly [string, string]>): string {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** `vscode-remote://<authority><abs path>`: how the web workbench addresses server-side files. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://${server.authority}${absolutePath}`;
}
