// Copies the codicon stylesheet and font from the @vscode/codicons package into media/codicons/
// so the sidebar webview can load them from its only resource root. The copies are build output
// (git-ignored), never committed.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Copies codicon.css and codicon.ttf; returns the folder written. */
export function copyCodicons() {
  const source = dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const target = join(root, 'media', 'codicons');
  mkdirSync(target, { recursive: true });
  for (const name of ['codicon.css', 'codicon.ttf']) {
    const from = join(source, name);
    if (!existsSync(from)) throw new Error(`@vscode/codicons has no ${name}; run npm install`);
    copyFileSync(from, join(target, name));
  }
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`copied codicons to ${copyCodicons()}`);
}
