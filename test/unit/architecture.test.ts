import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/**
 * The layering rule of the project, checked on every import: the service is pure (no editor,
 * no LSP connection, no Node built-ins, no adapters), the client reaches the server only through
 * the shared protocol.
 */
const ROOT = path.resolve(__dirname, '../..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('architecture', () => {
  it('the service imports no editor, connection, Node built-in or adapter', () => {
    const offending: string[] = [];
    for (const file of sources('server/src/service')) {
      for (const spec of imports(file)) {
        const resolved = spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec;
        if (BUILTINS.has(spec) || /^vscode(-languageserver|-languageclient|-jsonrpc)?(\/|$)/.test(spec) || /^server\/src\/(node|lsp|cli)(\/|$)/.test(resolved)) {
          offending.push(`${file}: ${spec}`);
        }
      }
    }
    assert.deepEqual(offending, []);
  });

  /**
   * What the client may share with the server: the protocol, its data types, the ID syntax, the
   * SPEC template, and the checked writer of files into the workspace (the CLI's plan uses it too).
   */
  const SHARED = ['server/src/protocol', 'server/src/service/types', 'server/src/service/tags', 'server/src/service/specTemplate', 'server/src/node/workspaceFiles'];

  it('the client talks to the server only through the protocol and shared pure modules', () => {
    const offending: string[] = [];
    for (const file of sources('client/src')) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const resolved = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
        if (resolved.startsWith('server/') && !SHARED.includes(resolved)) offending.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });
});
