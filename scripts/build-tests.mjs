// Bundles the extension-host test suite (test/vscode/suite) into out/test/vscode/suite: the index
// plus one file per *.test.ts, so mocha inside VS Code can load each one. `vscode` is provided by
// the host and mocha is loaded from node_modules at run time.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = join(root, 'test', 'vscode', 'suite');
const outDir = join(root, 'out', 'test', 'vscode', 'suite');

function testEntries(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testEntries(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Builds the suite; returns the absolute path of the compiled index. */
export async function buildTests() {
  rmSync(outDir, { recursive: true, force: true });
  const entryPoints = [join(suiteDir, 'index.ts'), ...testEntries(suiteDir)];
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    outbase: suiteDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const index = await buildTests();
  console.log(`built extension-host tests: ${relative(root, index)}`);
}
