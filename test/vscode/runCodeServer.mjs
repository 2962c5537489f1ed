#!/usr/bin/env node
// Runs the extension-host suite (test/vscode/suite) in code-server + Chromium and exits with its
// code. Builds the suite first; the extension itself must be built (`npm run build`).
// Environment: SPECCHAIN_TEST_GREP (mocha grep), SPECCHAIN_VSCODE_TIMEOUT_MS (default 240000).
import { require as tsxRequire } from 'tsx/cjs/api';
import { buildTests } from '../../scripts/build-tests.mjs';

const { runExtensionTestsInCodeServer } = tsxRequire('./extensionTests.ts', import.meta.url);
const { MissingToolError, findChromium, findCodeServer } = tsxRequire('./codeServer.ts', import.meta.url);

try {
  findCodeServer();
  findChromium();
} catch (error) {
  if (!(error instanceof MissingToolError)) throw error;
  console.error(`[vscode-tests] ${error.message}`);
  process.exit(1);
}

const testsIndex = await buildTests();
const code = await runExtensionTestsInCodeServer({
  testsIndex,
  timeoutMs: Number(process.env.SPECCHAIN_VSCODE_TIMEOUT_MS ?? 1_200_000),
});
process.exit(code);
