#!/usr/bin/env node
// Starts the CLI bundle. Most of a short check's start-up is V8 compiling the bundle: Node 22.1+
// keeps compiled code in its own cache (module.enableCompileCache); on older Node versions the
// bundle is compiled through vm.Script with V8's code cache, kept beside the facts cache and keyed
// by the bundle's hash, the Node version and V8's flags. Without a usable cache folder it starts
// as a plain require.
const nodeModule = require('node:module');
const { existsSync, readFileSync, writeFileSync, renameSync, mkdirSync, rmSync } = require('node:fs');
const { join, dirname } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(bundle)) {
  // A checkout before its first build: say what to do rather than print a module-loader stack.
  console.error(`specchain: ${bundle} is missing; run \`npm run build\` in ${join(__dirname, '..')} first`);
  process.exit(2);
}

/** The cache folder of cacheFiles.ts (`cacheDirectory`), which this file cannot import. */
function cacheDirectory() {
  return process.env.SPECCHAIN_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(require('node:os').homedir(), '.cache'), 'specchain', 'facts');
}

/** The bundle compiled with V8's code cache, as a function of Node's module wrapper; throws when it cannot be. */
function compileWithCodeCache() {
  const vm = require('node:vm');
  const source = readFileSync(bundle, 'utf8');
  const key = require('node:crypto').createHash('sha1').update(`${process.version}\0${process.execArgv.join(' ')}\0`).update(source).digest('hex').slice(0, 20);
  // The name matches the cache files that the check leaves out when the cache folder is inside the workspace.
  const file = join(cacheDirectory(), `${key}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(nodeModule.wrap(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  if (!cachedData || script.cachedDataRejected) {
    // Written when the process ends, so that it holds the functions this run compiled as well.
    process.once('exit', () => {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, file);
      } catch {
        // A read-only or full cache folder only costs the next run its compile time.
        try {
          rmSync(tmp, { force: true });
        } catch {
          // Not ours to remove any more: nothing else to do.
        }
      }
    });
  }
  return script.runInThisContext();
}

/** Runs the compiled bundle as the module `dist/cli.js`, as `require` would; returns its exports. */
function run(compiled) {
  const mod = new nodeModule(bundle, module);
  mod.filename = bundle;
  mod.paths = nodeModule._nodeModulePaths(dirname(bundle));
  compiled.call(mod.exports, mod.exports, nodeModule.createRequire(bundle), mod, bundle, dirname(bundle));
  mod.loaded = true;
  return mod.exports;
}

let compiled;
if (nodeModule.enableCompileCache) nodeModule.enableCompileCache();
else {
  try {
    compiled = compileWithCodeCache();
  } catch {
    compiled = undefined;
  }
}
(compiled ? run(compiled) : require(bundle)).main();
