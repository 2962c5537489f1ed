import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { SERVER, TestClient, writeWorkspace } from './client';

const FILES = 3_000;
const GITIGNORE_EVENTS = 50;
const REFRESHES = 20;

/** A workspace large enough that a load takes a while: three SPECs and 3,000 tagged files. */
function bigWorkspace(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const id of ['REL-001', 'REL-002', 'REL-003']) {
    files[`.moai/specs/SPEC-${id}/spec.md`] = `---\nid: ${id}\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: Reload\n`;
  }
  for (let i = 0; i < FILES; i++) {
    files[`src/m${Math.floor(i / 100)}/f${i}.py`] = `# @CODE:REL-00${(i % 3) + 1}\ndef f${i}():\n    return ${i}\n\n# @CODE:GONE-${String(i).padStart(3, '0')}\n`;
  }
  files['.gitignore'] = 'build/\n';
  return files;
}

/** Peak resident memory of a process, worker threads included (Linux). */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Loads started: each says how many files it listed before it reads them. */
const loadsStarted = (client: TestClient): number => client.notifications.filter((n) => n.method === 'specchain/indexProgress' && (n.params as { done: boolean }).done === false).length;

describe('language server: a burst of reloads', function () {
  this.timeout(300_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(bigWorkspace()));
    await client.initialize();
    await client.open('src/m0/f0.py', '# @CODE:REL-001\n', 'python');
    await client.diagnosticsOf('src/m1/f100.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'), 120_000);
  });
  after(async () => client?.dispose());

  it(`runs one reload at a time for ${GITIGNORE_EVENTS} .gitignore events and ${REFRESHES} Refresh requests, and answers hovers meanwhile`, async () => {
    assert.equal(loadsStarted(client), 1);
    const peakBefore = peakRssMb(client.child.pid!);
    const hoverAt = { textDocument: { uri: client.uri('src/m0/f0.py') }, position: { line: 0, character: 10 } };
    const refreshes: Promise<unknown>[] = [];
    const hovers: Promise<{ hover: Hover | null; millis: number }>[] = [];
    // One burst: every message is sent before any answer is awaited, as an editor's file watcher
    // sends a burst (awaiting the hovers in between would let a fast machine finish loads between them).
    for (let i = 0; i < GITIGNORE_EVENTS; i++) {
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('.gitignore'), type: FileChangeType.Changed }] });
      if (i % 3 === 0 && refreshes.length < REFRESHES) refreshes.push(client.connection.sendRequest('specchain/refresh'));
      if (i % 10 === 5) {
        const started = Date.now();
        hovers.push(client.connection.sendRequest(HoverRequest.type, hoverAt).then((hover: Hover | null) => ({ hover, millis: Date.now() - started })));
      }
    }
    while (refreshes.length < REFRESHES) refreshes.push(client.connection.sendRequest('specchain/refresh'));
    const hoverMillis: number[] = [];
    for (const { hover, millis } of await Promise.all(hovers)) {
      assert.match(JSON.stringify(hover?.contents ?? ''), /REL-001/, 'the index answers while it reloads');
      hoverMillis.push(millis);
    }
    const reports = (await Promise.all(refreshes)) as { files: number }[];
    assert.ok(reports.every((r) => r.files === FILES + 4), JSON.stringify(reports.slice(0, 3)));
    const grown = peakRssMb(client.child.pid!) - peakBefore;
    if (process.env['SPECCHAIN_TEST_VERBOSE']) console.log(`loads ${loadsStarted(client)}, peak ${peakBefore.toFixed(0)} -> +${grown.toFixed(0)} MB, hovers ${hoverMillis.join(' ')} ms`);
    // Loads never overlap: each one that starts is read to its end before the next starts.
    const flags = client.notifications.filter((n) => n.method === 'specchain/indexProgress').map((n) => ((n.params as { done: boolean }).done ? 'done' : 'start'));
    assert.ok(flags.every((f, i) => f === (i % 2 === 0 ? 'start' : 'done')), `loads overlapped: ${flags.join(' ')}`);
    // Every ask made while a load runs joins the one queued behind it: the first load, the one the
    // burst started, one queued for the rest, and at most a few more where the burst reached the
    // server in pieces on a slow machine; never one per ask.
    const asks = GITIGNORE_EVENTS + REFRESHES;
    assert.ok(loadsStarted(client) <= 6, `${loadsStarted(client)} loads for one burst of ${asks} asks`);
    assert.ok(grown < 200, `peak memory grew by ${grown.toFixed(0)} MB over the burst`);
    // Hovers wait behind at most one indexing step, not behind dozens of loads side by side.
    assert.ok(Math.max(...hoverMillis) < 5_000, `hovers took ${hoverMillis.join(', ')} ms`);
    await client.diagnosticsOf('src/m1/f100.py', (d) => d.some((x) => x.code === 'tag/unknown-spec'));
  });
});
