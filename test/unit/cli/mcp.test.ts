import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { writeFiles as write } from '../../fixtures/gitRepo';
import { MX_FILES } from '../../fixtures/mx';
import { sharedPath } from '../shared';
import { BIN, ensureBuilt } from '../../fixtures/cli';


interface ToolAnswer {
  readonly isError?: boolean;
  readonly content: readonly { readonly type: string; readonly text?: string }[];
}

/** A real MCP client (the SDK's) talking to `node bin/specchain.js mcp` over stdio. */
async function connect(root: string, cacheDir: string): Promise<{ client: Client; call: (name: string, args?: Record<string, unknown>) => Promise<ToolAnswer>; json: <T>(name: string, args?: Record<string, unknown>) => Promise<T> }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--root', root], env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir } as Record<string, string>, stderr: 'ignore' });
  const client = new Client({ name: 'specchain-test', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> => (await client.callTool({ name, arguments: args })) as ToolAnswer;
  const json = async <T>(name: string, args: Record<string, unknown> = {}): Promise<T> => {
    const r = await call(name, args);
    assert.ok(!r.isError, `${name} ${JSON.stringify(args)}: ${r.content[0]?.text}`);
    return JSON.parse(r.content[0]!.text!) as T;
  };
  return { client, call, json };
}

/** Asks again until `done` holds: the server's watcher reads a change in its own time. */
async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean, what: string, limitMs = 90_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await ask();
    if (done(value)) return value;
    if (Date.now() > until) assert.fail(`${what}: last answer ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Place {
  file: string;
  line: number;
}

describe('specchain mcp through the SDK client', function () {
  this.timeout(180_000);
  let ws: string;
  let cacheDir: string;
  let session: Awaited<ReturnType<typeof connect>>;

  before(async () => {
    ensureBuilt();
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-mcp-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-mcp-cache-'));
    write(ws, MX_FILES);
    session = await connect(ws, cacheDir);
  });
  after(async () => {
    await session?.client.close();
    rmSync(ws, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('lists its tools, each with a description and an input schema', async () => {
    const { tools } = await session.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['check', 'plan', 'spec', 'stack', 'uncovered', 'where']);
    for (const t of tools) {
      assert.ok((t.description ?? '').length > 40, t.name);
      assert.equal(t.inputSchema.type, 'object', t.name);
    }
    assert.deepEqual(tools.find((t) => t.name === 'where')!.inputSchema.required, ['id']);
  });

  it('where: the SPEC declared in its document, referenced from code and from tests', async () => {
    const w = await session.json<{ kind: string; declarations: Place[]; code: Place[]; tests: Place[] }>('where', { id: 'SPEC-ORDER-001' });
    assert.equal(w.kind, 'SPEC');
    assert.ok(w.declarations.some((d) => d.file === '.moai/specs/SPEC-ORDER-001/spec.md'));
    assert.ok(w.code.some((p) => p.file === 'src/orders/api.ts' && p.line === 3), JSON.stringify(w.code));
    assert.ok(w.tests.some((p) => p.file === 'tests/test_orders.py' && p.line === 2), JSON.stringify(w.tests));
    const req = await session.json<{ kind: string; specs: string[]; code: Place[] }>('where', { id: 'REQ-ORDER-001' });
    assert.deepEqual([req.kind, req.specs], ['REQ', ['ORDER-001']]);
    assert.ok(req.code.some((p) => p.file === 'src/orders/api.ts'));
  });

  it('check: a file with a broken link, as the CLI JSON gives it', async () => {
    const r = await session.json<{ diagnostics: { code: string; file: string; line: number; message: string; fingerprint: string }[] }>('check', { paths: ['src/orders/broken.py'] });
    const broken = r.diagnostics.find((d) => d.code === 'mx/unknown-spec');
    assert.ok(broken, JSON.stringify(r));
    assert.deepEqual([broken.file, broken.line], ['src/orders/broken.py', 2]);
    assert.match(broken.message, /SPEC-ORDR-001.*Did you mean SPEC-ORDER-001\?/);
    assert.match(broken.fingerprint, /^[0-9a-f]+$/);
    const all = await session.json<{ specs: { id: string }[]; diagnostics: unknown[] }>('check');
    assert.equal(all.specs.length, 3);
    assert.ok(all.diagnostics.length >= 3);
  });

  it('spec: REQs and ACs with their text and coverage; uncovered: what has no code or no test', async () => {
    const s = await session.json<{ title: string; status: string; reqs: { id: string; text: string; code: Place[]; acs: string[] }[]; acs: { id: string; text: string; maps: string[] }[]; coverage: { reqs: number } }>('spec', { id: 'ORDER-001' });
    assert.deepEqual([s.title, s.status, s.coverage.reqs], ['Orders', 'in-progress', 3]);
    assert.deepEqual(s.reqs.map((r) => r.id), ['REQ-ORDER-001', 'REQ-ORDER-002', 'REQ-ORDER-003']);
    assert.match(s.reqs[2]!.text, /cart is empty.*refuse/);
    assert.deepEqual(s.reqs[0]!.acs, ['AC-ORDER-001']);
    assert.ok(s.reqs[0]!.code.some((p) => p.file === 'src/orders/api.ts'));
    assert.deepEqual(s.acs.map((a) => [a.id, a.maps]), [['AC-ORDER-001', ['REQ-ORDER-001']], ['AC-ORDER-002', ['REQ-ORDER-003']]]);
    const u = await session.json<{ spec: string; noCode: { id: string }[]; noTest: { id: string }[] }[]>('uncovered', { spec: 'SPEC-ORDER-001' });
    assert.equal(u.length, 1);
    assert.ok(u[0]!.noCode.some((r) => r.id === 'REQ-ORDER-003'), JSON.stringify(u));
    assert.ok(!u[0]!.noCode.some((r) => r.id === 'REQ-ORDER-001'));
  });

  it('plan and stack answer; SPEC documents are resources', async () => {
    const plan = await session.call('plan', { spec: 'SPEC-ORDER-001' });
    assert.ok(!plan.isError, plan.content[0]?.text);
    assert.match(plan.content[0]!.text!, /ORDER-001/);
    assert.ok(!existsSync(path.join(ws, '.moai/docs')), 'nothing written');
    const stack = await session.json<{ services: unknown[] }>('stack');
    assert.ok(Array.isArray(stack.services));
    const { resources } = await session.client.listResources();
    assert.ok(resources.some((r) => r.uri === 'specchain://spec/ORDER-001'), JSON.stringify(resources));
    const read = await session.client.readResource({ uri: 'specchain://spec/ORDER-001' });
    assert.match(String((read.contents[0] as { text?: string }).text), /# SPEC-ORDER-001: Orders/);
  });

  it('bad arguments are tool errors, an unknown tool is a protocol error, and the server keeps going', async () => {
    await assert.rejects(session.client.callTool({ name: 'no-such-tool', arguments: {} }), (e: { code?: number; message?: string }) => e.code === -32602 && /no-such-tool/.test(e.message ?? ''));
    const bad = await session.call('where', { id: 42 });
    assert.equal(bad.isError, true);
    const missing = await session.call('spec', {});
    assert.equal(missing.isError, true);
    const unknown = await session.call('spec', { id: 'SPEC-ORDR-001' });
    assert.equal(unknown.isError, true);
    assert.match(unknown.content[0]!.text!, /no SPEC has the ID ORDR-001; did you mean SPEC-ORDER-001\?/);
    const outside = await session.call('check', { paths: ['../../etc/passwd'] });
    assert.equal(outside.isError, true);
    assert.match(outside.content[0]!.text!, /not a file inside the workspace/);
    const w = await session.json<{ code: Place[] }>('where', { id: 'SPEC-ORDER-001' });
    assert.ok(w.code.length > 0);
  });

  it('follows a file changed on disk while it runs', async () => {
    writeFileSync(path.join(ws, 'src/orders/refuse.ts'), '// @MX:NOTE: refusal\n// @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-003\nexport function refuse(): void {}\n');
    const w = await eventually(
      () => session.json<{ code: Place[] }>('where', { id: 'REQ-ORDER-003' }),
      (a) => a.code.some((p) => p.file === 'src/orders/refuse.ts'),
      'the new file is indexed',
    );
    assert.ok(w.code.some((p) => p.file === 'src/orders/refuse.ts' && p.line === 2));
    writeFileSync(path.join(ws, 'src/orders/broken.py'), '# @MX:NOTE: legacy path\n# @MX:SPEC: SPEC-ORDER-001\n');
    await eventually(
      () => session.json<{ diagnostics: { code: string }[] }>('check', { paths: ['src/orders/broken.py'] }),
      (a) => !a.diagnostics.some((d) => d.code === 'mx/unknown-spec'),
      'the fixed link is no longer reported',
    );
  });

  it('ends quietly when its stdin closes', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp', '--root', ws], { env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, err);
    assert.doesNotMatch(err, /Error|error:/);
  });
});

describe('specchain mcp on a real @MX project', function () {
  this.timeout(180_000);
  it('answers where, spec and uncovered from the corpus project', async function () {
    const corpus = sharedPath(this, 'corpus/mx/elymas+universal-search');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-mcp-cache-'));
    const session = await connect(corpus, cacheDir);
    try {
      const all = await session.json<{ specs: { id: string; reqs?: { id: string; refs: Place[] }[] }[] }>('check', { limit: 5 });
      assert.ok(all.specs.length >= 60, `${all.specs.length} SPECs`);
      // A SPEC whose REQs code references: where, spec and uncovered agree on it.
      const withCode = all.specs.find((s) => (s.reqs ?? []).some((r) => r.refs.length > 0));
      assert.ok(withCode, 'a SPEC with REQs referenced from code');
      const w = await session.json<{ code: Place[]; declarations: Place[] }>('where', { id: `SPEC-${withCode.id}` });
      assert.ok(w.code.length > 0 && w.declarations.length > 0);
      const spec = await session.json<{ reqs: { id: string; text: string; code: Place[] }[] }>('spec', { id: withCode.id });
      assert.ok(spec.reqs.length > 0 && spec.reqs.every((r) => r.text.length > 0));
      const covered = spec.reqs.filter((r) => r.code.length > 0).map((r) => r.id);
      const u = await session.json<{ noCode: { id: string }[] }[]>('uncovered', { spec: withCode.id });
      for (const id of covered) assert.ok(!u[0]!.noCode.some((r) => r.id === id), `${id} has code`);
      assert.equal(u[0]!.noCode.length, spec.reqs.length - covered.length);
    } finally {
      await session.client.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
