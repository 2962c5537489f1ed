/**
 * Runs the extension-host mocha suite inside code-server: the web workbench, started with the
 * smoke-test driver, honours a `payload` that names the extension under development and the
 * compiled test index, and reports the suite's log and exit code through two page functions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium, prepareWorkspace, REPO_ROOT, remoteUri, startCodeServer, workbenchUrl, type Browser, type CodeServer } from './codeServer';

const OFFLINE_NOISE = /ENOTFOUND|open-vsx\.org|marketplace/;

/** Options for {@link runExtensionTestsInCodeServer}. */
export interface ExtensionTestRun {
  /** Absolute path of the compiled test index (out/test/vscode/suite/index.js). */
  readonly testsIndex: string;
  /** Extension under development; defaults to the repository root. */
  readonly extensionPath?: string;
  /** Folder to open; defaults to a temp copy of examples/. */
  readonly workspace?: string;
  /** Whole-run limit in milliseconds. */
  readonly timeoutMs?: number;
  /** Receives every log line of the suite. */
  readonly write?: (line: string) => void;
}

/** Exit code of the suite (0 = all passed); 1 on timeout or infrastructure failure. */
export async function runExtensionTestsInCodeServer(run: ExtensionTestRun): Promise<number> {
  const write = run.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const timeoutMs = run.timeoutMs ?? 240_000;
  const tempRoot = mkdtempSync(join(tmpdir(), 'specchain-exthost-'));
  const workspace = run.workspace ?? prepareWorkspace(tempRoot);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  const recent: string[] = [];
  const remember = (line: string): void => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  try {
    const started = Date.now();
    server = await startCodeServer({
      tempRoot,
      env: { SPECCHAIN_TEST_WORKSPACE: workspace },
      onOutput: (text) => text.split('\n').forEach((line) => line && remember(`[code-server] ${line}`)),
    });
    write(`[vscode-tests] code-server ${server.url} ready in ${Date.now() - started} ms; workspace ${workspace}`);
    browser = await launchChromium(tempRoot);
    const exitCode = new Promise<number>((resolve) => {
      void browser!.page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
    });
    await browser.page.exposeFunction('codeAutomationLog', (_type: unknown, args: unknown) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      // The workbench cannot reach the extension gallery offline; that is noise, not a result.
      const noise = OFFLINE_NOISE.test(text);
      for (const line of text.split('\n')) {
        if (!noise) write(line);
        remember(line);
      }
    });
    browser.page.on('pageerror', (error) => remember(`[page error] ${error.message}`));
    const url = workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', remoteUri(server, run.extensionPath ?? REPO_ROOT)],
      ['extensionTestsPath', remoteUri(server, run.testsIndex)],
    ]);
    // A busy machine loads the workbench slowly: as generous as the browser tests (e2e harness).
    await browser.page.goto(url, { timeout: 120_000 });
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        write(`[vscode-tests] TIMEOUT: the extension tests did not finish within ${timeoutMs / 1000}s; last output:`);
        for (const line of recent) write(`  ${line}`);
        resolve(1);
      }, timeoutMs - (Date.now() - started));
    });
    const code = await Promise.race([exitCode, timedOut]);
    write(`[vscode-tests] extension host exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } catch (error) {
    write(`[vscode-tests] ERROR: ${error instanceof Error ? error.message : String(error)}`);
    for (const line of recent) write(`  ${line}`);
    return 1;
  } finally {
    if (timer) clearTimeout(timer);
    await browser?.close();
    await server?.stop();
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  }
}
