import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { SERVER, TestClient, applyEdits, editsFor, writeWorkspace } from './client';

// Unknown IDs explained from git history in the editor: the published message, the hover, and
// the retarget fix rewriting every file that names a renamed SPEC, through a real LSP client.

const spec = (id: string): string => `---\nid: ${id}\nversion: 0.1.0\nstatus: draft\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: dev\npriority: high\n---\n\n# SPEC-${id}: ${id}\n\nThe system SHALL do ${id}.\n`;

const CODE: Readonly<Record<string, string>> = {
  'src/alert.py': '# @MX:NOTE: alerts\n# @MX:SPEC: SPEC-ALERT-001\ndef alert(): pass\n',
  'src/send.go': '// @MX:NOTE: sending\n// @MX:SPEC: SPEC-ALERT-001\nfunc Send() {}\n',
  'src/old.ts': '// @MX:NOTE: old\n// @MX:SPEC: SPEC-OLD-001\n// @MX:NOTE: invented\n// @MX:SPEC: SPEC-NEVER-001\nexport const x = 1;\n',
};

/** A repository where SPEC-ALERT-001 was renamed to SPEC-NOTIFY-001 and SPEC-OLD-001 deleted; returns the two commits. */
function makeRepository(root: string): { renamed: string; deleted: string } {
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  git('init', '-q');
  write('.moai/specs/SPEC-ALERT-001/spec.md', spec('ALERT-001'));
  write('.moai/specs/SPEC-OLD-001/spec.md', spec('OLD-001'));
  git('add', '-A');
  git('commit', '-q', '-m', 'Add the alert and old SPECs');
  mkdirSync(join(root, '.moai/specs/SPEC-NOTIFY-001'), { recursive: true });
  git('mv', '.moai/specs/SPEC-ALERT-001/spec.md', '.moai/specs/SPEC-NOTIFY-001/spec.md');
  writeFileSync(join(root, '.moai/specs/SPEC-NOTIFY-001/spec.md'), readFileSync(join(root, '.moai/specs/SPEC-NOTIFY-001/spec.md'), 'utf8').replace(/ALERT-001/g, 'NOTIFY-001'));
  git('commit', '-q', '-am', 'Alerts become notifications');
  const renamed = git('rev-parse', 'HEAD');
  rmSync(join(root, '.moai/specs/SPEC-OLD-001'), { recursive: true });
  git('commit', '-q', '-am', 'Drop the old SPEC');
  const deleted = git('rev-parse', 'HEAD');
  for (const [path, text] of Object.entries(CODE)) write(path, text);
  git('add', '-A');
  git('commit', '-q', '-m', 'Code');
  return { renamed, deleted };
}

const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : (d.message as MarkupContent).value);

describe('language server: unknown IDs explained from git history', function () {
  this.timeout(90_000);
  let client: TestClient;
  let commits: { renamed: string; deleted: string };

  before(async () => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    const root = writeWorkspace({});
    commits = makeRepository(root);
    client = new TestClient(root);
    await client.initialize();
  });

  after(async () => client?.dispose());

  it('publishes what became of each unknown ID: renamed (with the retarget data), deleted, never existed', async () => {
    const alert = await client.diagnosticsOf('src/alert.py', (d) => d.some((x) => /was renamed/.test(message(x))), 40_000);
    assert.equal(message(alert[0]!).endsWith(`SPEC-ALERT-001 was renamed to SPEC-NOTIFY-001 in ${commits.renamed.slice(0, 7)}.`), true, message(alert[0]!));
    assert.deepEqual(alert[0]!.data, { kind: 'retarget-id', from: 'SPEC-ALERT-001', to: 'SPEC-NOTIFY-001' });
    const old = await client.diagnosticsOf('src/old.ts', (d) => d.length === 2 && d.every((x) => /git history|deleted/.test(message(x))), 40_000);
    assert.deepEqual(old.map((d) => message(d).replace(/^.*?(SPEC-\w+-001 (was deleted|never existed))/, '$1')).sort(), [`SPEC-NEVER-001 never existed in the git history.`, `SPEC-OLD-001 was deleted in ${commits.deleted.slice(0, 7)}.`]);
  });

  it('hover on a broken ID shows its history: the new ID, the commit, its date and subject', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('src/alert.py') }, position: { line: 1, character: 18 } })) as Hover | null;
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /\*\*SPEC-ALERT-001\*\* was renamed to \*\*SPEC-NOTIFY-001\*\*/);
    assert.ok(text.includes(`\`${commits.renamed.slice(0, 7)}\``), text);
    assert.match(text, /“Alerts become notifications”/);
    const deleted = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('src/old.ts') }, position: { line: 1, character: 18 } })) as Hover | null;
    assert.match((deleted?.contents as MarkupContent | undefined)?.value ?? '', /\*\*SPEC-OLD-001\*\* was deleted in `[0-9a-f]{7}`/);
    const plain = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('src/alert.py') }, position: { line: 2, character: 5 } })) as Hover | null;
    assert.equal(plain, null, 'no history where no broken ID is');
  });

  it('a reference typed in an open document is explained at once, from the history already read', async () => {
    const text = '// @MX:NOTE: typed\n// @MX:SPEC: SPEC-OLD-001\n';
    await client.open('src/typed.ts', text, 'typescript');
    const d = await client.diagnosticsOf('src/typed.ts', (list) => list.some((x) => x.code === 'mx/unknown-spec'), 20_000);
    assert.match(message(d[0]!), /SPEC-OLD-001 was deleted in [0-9a-f]{7}\.$/);
  });

  it('the retarget fix rewrites every file naming the old ID; once written, their diagnostics go', async () => {
    const [d] = (client.diagnostics.get(client.uri('src/send.go')) ?? []).filter((x) => x.code === 'mx/unknown-spec');
    assert.ok(d);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: client.uri('src/send.go') }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [
      'Retarget all 2 references to SPEC-ALERT-001 to SPEC-NOTIFY-001 (2 files)',
      'Mark the broken link to SPEC-ALERT-001 as MoAI does (@MX:LEGACY + @MX:TODO)',
      'Disable mx/unknown-spec for this line',
    ]);
    assert.equal(actions[0]!.isPreferred, true);
    for (const path of ['src/alert.py', 'src/send.go']) {
      const after = applyEdits(CODE[path]!, editsFor(actions[0]!.edit, client.uri(path)));
      assert.equal(after, CODE[path]!.replace('SPEC-ALERT-001', 'SPEC-NOTIFY-001'), path);
      writeFileSync(join(client.root, path), after);
    }
    assert.deepEqual(editsFor(actions[0]!.edit, client.uri('src/old.ts')), [], 'other files are left alone');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: ['src/alert.py', 'src/send.go'].map((p) => ({ uri: client.uri(p), type: 2 })) });
    for (const path of ['src/alert.py', 'src/send.go']) await client.diagnosticsOf(path, (list) => list.length === 0, 20_000);
  });
});

describe('language server: specchain.onlyNewSince', function () {
  this.timeout(90_000);
  const clients: TestClient[] = [];
  after(async () => Promise.all(clients.map((c) => c.dispose())));

  /** main holds an old broken link; the branch moves it down two lines and adds a new one in another file, uncommitted. */
  function branchWorkspace(): string {
    const root = writeWorkspace({ '.moai/specs/SPEC-PAY-001/spec.md': spec('PAY-001'), 'src/old.ts': '// @MX:NOTE: old\n// @MX:SPEC: SPEC-GONE-001\nexport const a = 1;\n' });
    const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'main');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(root, 'src/old.ts'), '// moved\n// down\n// @MX:NOTE: old\n// @MX:SPEC: SPEC-GONE-001\nexport const a = 1;\n');
    git('commit', '-q', '-am', 'feature');
    writeFileSync(join(root, 'src/new.ts'), '// @MX:NOTE: new\n// @MX:SPEC: SPEC-NEW-404\nexport const b = 1;\n');
    return root;
  }

  it('shows only the findings the branch and the working tree introduced', async () => {
    const client = new TestClient(branchWorkspace());
    clients.push(client);
    client.settings = { onlyNewSince: 'main' };
    await client.initialize({ onlyNewSince: 'main' });
    await client.until(() => client.notifications.some((n) => n.method === 'window/logMessage' && /showing only the findings new since main \(merge base [0-9a-f]{7}/.test((n.params as { message: string }).message)) || undefined, 40_000, 'the base read');
    await client.diagnosticsOf('src/new.ts', (d) => d.some((x) => x.code === 'mx/unknown-spec'), 40_000);
    // The old link (moved down two lines) may be published before the base is read; then it is withdrawn.
    await client.until(() => (client.diagnostics.get(client.uri('src/old.ts')) ?? []).length === 0 || undefined, 40_000, 'the old finding withdrawn');
    assert.deepEqual((client.diagnostics.get(client.uri('src/new.ts')) ?? []).map((d) => d.code), ['mx/unknown-spec']);
    // A new broken link typed into the old file is shown; the old one beside it stays hidden.
    await client.open('src/old.ts', '// @MX:NOTE: typed\n// @MX:SPEC: SPEC-TYPED-404\n// @MX:NOTE: old\n// @MX:SPEC: SPEC-GONE-001\n', 'typescript');
    const typed = await client.diagnosticsOf('src/old.ts', (d) => d.length > 0, 20_000);
    assert.deepEqual(typed.map((d) => [d.code, d.range.start.line]), [['mx/unknown-spec', 1]]);
  });

  it('an unknown ref: every finding is shown, and the log says why', async () => {
    const client = new TestClient(branchWorkspace());
    clients.push(client);
    client.settings = { onlyNewSince: 'origin/nope' };
    await client.initialize({ onlyNewSince: 'origin/nope' });
    await client.until(() => client.notifications.some((n) => n.method === 'window/logMessage' && /onlyNewSince: .*no such branch.*every finding is shown/.test((n.params as { message: string }).message)) || undefined, 40_000, 'the log line');
    await client.diagnosticsOf('src/old.ts', (d) => d.some((x) => x.code === 'mx/unknown-spec'), 20_000);
    await client.diagnosticsOf('src/new.ts', (d) => d.some((x) => x.code === 'mx/unknown-spec'), 20_000);
  });
});
