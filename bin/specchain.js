#!/usr/bin/env node
// Node 22.1+ keeps the compiled bundle in its cache folder (under the system's temporary folder),
// which saves most of the bundle's start-up on the next run; older Node versions start without it.
require('node:module').enableCompileCache?.();
require('../dist/cli.js').main();
