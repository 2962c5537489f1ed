// Bundles the extension client, the language server, the CLI, the analysis worker and the webview pages with esbuild.
// `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyCodicons } from './copy-codicons.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** A hash of the analyser's sources: the facts cache never reuses results of another build. */
function buildId() {
  const hash = createHash('sha1');
  for (const dir of ['server/src/service', 'server/src/node']) {
    for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort()) {
      hash.update(file).update(readFileSync(`${dir}/${file}`));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** @type {esbuild.BuildOptions} */
const common = {
  define: { SPECCHAIN_VERSION: JSON.stringify(pkg.version), SPECCHAIN_BUILD: JSON.stringify(buildId()) },
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

// The webview pages (SPECs view, Guidance view, dependency graph): browser bundles, one per page.
const pages = ['specs', 'guidance', 'graph'].map((page) => ({ in: `client/webview/${page}/main.ts`, out: `dist/webview/${page}.js` }));
/** @type {esbuild.BuildOptions} */
const browser = { bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', sourcemap: !production, minify: production, logLevel: 'warning' };

// The webviews load codicons from media/; copied from the npm package, not committed.
copyCodicons();

const contexts = await Promise.all([
  ...entries.map((e) => esbuild.context({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [], metafile: true })),
  ...pages.map((p) => esbuild.context({ ...browser, entryPoints: [p.in], outfile: p.out })),
]);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.length + pages.length} bundles`);
} else {
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  // bin/specchain.js runs dist/cli.js through vm.Script with V8's code cache, where Node 20 has no
  // loader for import(): a dynamic import left in the bundle (a built-in module's, say) would throw.
  const dynamic = Object.entries(results[entries.findIndex((e) => e.out === 'dist/cli.js')]?.metafile?.outputs ?? {})
    .flatMap(([, output]) => output.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path));
  if (dynamic.length > 0) throw new Error(`dist/cli.js must not import() at run time (${dynamic.join(', ')}): import it statically`);
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`built ${[...entries, ...pages].map((e) => e.out).join(', ')}`);
}
