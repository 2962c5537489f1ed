// Bundles the extension client, the language server, the CLI and the analysis worker with esbuild.
// `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { copyCodicons } from './copy-codicons.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // `yaml` and friends are ESM-only in places; esbuild converts them into the CommonJS bundles.
  mainFields: ['module', 'main'],
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/node/analyzeWorker.ts', out: 'dist/worker.js' },
].filter((e) => existsSync(e.in));

// The sidebar webview loads codicons from media/; copied from the npm package, not committed.
copyCodicons();

const contexts = await Promise.all(
  entries.map((e) => esbuild.context({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.length} bundles`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`built ${entries.map((e) => e.out).join(', ')}`);
}
