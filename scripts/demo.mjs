#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example workspace.
// 1. Builds, then runs `specchain check examples` and prints what it finds.
// 2. Opens examples/ with the extension in VS Code: the desktop `code` command when there is one,
//    otherwise a local code-server on 127.0.0.1 (installed by scripts/install-test-deps.sh), whose
//    URL it prints. `--no-editor` stops after step 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });

if (run('npm', ['run', '--silent', 'build']).status !== 0) process.exit(2);
console.log(`\n$ specchain check examples\n`);
const check = run(process.execPath, [join(ROOT, 'bin', 'specchain.js'), 'check', EXAMPLES, '--no-cache']);
if (check.status === 2) process.exit(2);
if (process.argv.includes('--no-editor')) process.exit(0);

const has = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
if (has('code')) {
  console.log('\nOpening examples/ in VS Code with SpecChain loaded from this folder.');
  run('code', ['--extensionDevelopmentPath', ROOT, EXAMPLES]);
  process.exit(0);
}

const codeServer = process.env.SPECCHAIN_CODE_SERVER ?? join(process.env.SPECCHAIN_CACHE ?? join(homedir(), '.cache', 'specchain'), 'bin', 'code-server');
if (!existsSync(codeServer)) {
  console.log(`\nNo VS Code here: neither \`code\` on PATH nor code-server at ${codeServer}.`);
  console.log('Install code-server with `npm run test:deps`, or open examples/ in VS Code with this folder as the extension.');
  process.exit(0);
}
if (run('npm', ['run', '--silent', 'package']).status !== 0) process.exit(2);
const port = await new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = server.address();
    server.close(() => done(p));
  });
});
const home = mkdtempSync(join(tmpdir(), 'specchain-demo-'));
const config = join(home, 'config.yaml');
writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'xdg-config'), XDG_DATA_HOME: join(home, 'xdg-data') };
const common = ['--config', config, '--user-data-dir', join(home, 'user'), '--extensions-dir', join(home, 'extensions')];
if (run(codeServer, [...common, '--install-extension', join(ROOT, 'specchain.vsix')], { env, stdio: 'ignore' }).status !== 0) {
  console.error('demo: code-server could not install specchain.vsix');
  process.exit(2);
}
const server = spawn(codeServer, [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', EXAMPLES], { env, stdio: 'ignore' });
console.log(`\nSpecChain on the example workspace: http://127.0.0.1:${port}/?folder=${encodeURIComponent(EXAMPLES)}`);
console.log('Press Ctrl+C to stop code-server.');
const stop = () => {
  server.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
