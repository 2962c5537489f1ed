#!/usr/bin/env node
// Node 22.1+ keeps the compiled bundle in its cache folder (under the system's temporary folder),
// which saves most of the bundle's start-up on the next run; older Node versions start without it.
require('node:module').enableCompileCache?.();
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(bundle)) {
  // A checkout before its first build: say what to do rather than print a module-loader stack.
  console.error(`specchain: ${bundle} is missing; run \`npm run build\` in ${join(__dirname, '..')} first`);
  process.exit(2);
}
require(bundle).main();
