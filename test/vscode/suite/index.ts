/**
 * Entry point VS Code loads as `extensionTestsPath`: runs every bundled `*.test.js` next to it
 * with mocha inside the extension host, under code-server or @vscode/test-electron alike.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Marker of the machine-readable summary line the runners parse. */
export const RESULT_MARKER = 'SPECCHAIN_MOCHA_RESULT';

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(path));
    else if (entry.name.endsWith('.test.js')) found.push(path);
  }
  return found.sort();
}

/** Called by VS Code; rejects when a test fails so the host exits non-zero. */
export async function run(): Promise<void> {
  // mocha is ESM and stays external: loaded from the repository's node_modules at run time.
  const { default: Mocha } = await import('mocha');
  const grep = process.env['SPECCHAIN_TEST_GREP'];
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env['SPECCHAIN_TEST_TIMEOUT_MS'] ?? 300_000),
    ...(grep ? { grep } : {}),
  });
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats | undefined>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  const summary = { passes: stats?.passes ?? 0, failures: stats?.failures ?? 0, pending: stats?.pending ?? 0 };
  console.log(`${RESULT_MARKER} ${JSON.stringify(summary)}`);
  if (summary.failures > 0) throw new Error(`${summary.failures} extension-host test(s) failed`);
}
