import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from './test/lsp/client';
(async () => {
  for (const project of process.argv.slice(2)) {
    const root = join(mkdtempSync(join(tmpdir(), 'front-real-')), 'ws');
    cpSync(project, root, { recursive: true });
    const client = new TestClient(root);
    await client.initialize({});
    await client.until(() => client.notifications.some((n) => n.method === 'specchain/indexChanged' && (n.params as { specs: number }).specs > 0), 120_000, 'index');
    await new Promise((r) => setTimeout(r, 3000));
    const byKind = new Map<string, { diagnostics: number; withFix: number; titles: Set<string> }>();
    let total = 0;
    for (const [uri, ds] of client.diagnostics) {
      for (const d of ds as Diagnostic[]) {
        total++;
        const kind = (d.data as { kind?: string } | undefined)?.kind;
        if (!kind) continue;
        const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
        const fixes = actions.filter((a) => !a.title.startsWith('Disable '));
        const e = byKind.get(kind) ?? { diagnostics: 0, withFix: 0, titles: new Set() };
        e.diagnostics++;
        if (fixes.length > 0) e.withFix++;
        else console.log('NOFIX', d.code, uri.slice(-60), d.range.start.line, JSON.stringify(d.data), d.message.slice(0, 120));
        for (const f of fixes.slice(0, 2)) e.titles.add(f.title.replace(/SPEC-[\w-]+|[A-Z]+-[A-Z0-9-]+\d/g, '<ID>').replace(/\(.*\)/, '(…)'));
        byKind.set(kind, e);
      }
    }
    console.log(project, 'diagnostics', total);
    for (const [k, e] of byKind) console.log('  ', k, `${e.withFix}/${e.diagnostics} with a fix beyond Disable`, [...e.titles].slice(0, 3).join(' | '));
    await client.dispose();
  }
  process.exit(0);
})();
