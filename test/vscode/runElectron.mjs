#!/usr/bin/env node
// Runs the same extension-host suite in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code or have one (VSCODE_EXECUTABLE_PATH). Offline machines use
// runCodeServer.mjs instead. Builds the suite first; the extension itself must be built.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { require as tsxRequire } from 'tsx/cjs/api';
import { buildTests } from '../../scripts/build-tests.mjs';

const { prepareWorkspace, REPO_ROOT } = tsxRequire('./codeServer.ts', import.meta.url);

const tempRoot = mkdtempSync(join(tmpdir(), 'specchain-electron-'));
let code = 1;
try {
  const workspace = prepareWorkspace(tempRoot);
  const extensionTestsPath = await buildTests();
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  code = await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath,
    extensionTestsEnv: { SPECCHAIN_TEST_WORKSPACE: workspace },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(tempRoot, 'user-data'),
      '--extensions-dir', join(tempRoot, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`[vscode-tests] @vscode/test-electron failed: ${error instanceof Error ? error.message : String(error)}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(String(error))) {
    console.error('[vscode-tests] VS Code cannot be downloaded here; set VSCODE_EXECUTABLE_PATH or use `npm run test:vscode`');
  }
} finally {
  rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(code);
