import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BIN, ensureBuilt } from '../../fixtures/cli';


describe('specchain routes and check --format json endpoints', function () {
  this.timeout(90_000);
  let ws: string;
  let cacheDir: string;
  const run = (...args: string[]): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, NO_COLOR: '1' } });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  before(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-routes-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-cache-'));
    const files: Record<string, string> = {
      'api/go.mod': 'module example.com/api\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
      'api/main.go': 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.Default()\n\tv1 := r.Group("/v1")\n\tv1.GET("/orders/:id", getOrder)\n\tv1.POST(prefix()+"/x", h)\n}\n',
      '.moai/specs/SPEC-ORD-001/spec.md': '---\nid: ORD-001\nversion: 0.1.0\nstatus: completed\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:ORD-001: Orders\n\n- REQ-ORD-001: `GET /v1/orders/{orderId}` returns an order.\n- `DELETE /v1/orders/{orderId}` cancels it.\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      writeFileSync(path.join(ws, rel), text);
    }
  });

  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('prints { routes: [{ method, path, framework, file, line, static }] } with --format json', () => {
    const r = run('routes', ws, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { routes: { method: string; path: string; framework: string; file: string; line: number; static: boolean; reason?: string }[] };
    assert.deepEqual(
      json.routes.map(({ method, path: p, framework, file, line, static: s }) => ({ method, path: p, framework, file, line, static: s })),
      [
        { method: 'GET', path: '/v1/orders/{id}', framework: 'gin', file: 'api/main.go', line: 8, static: true },
        { method: 'POST', path: '/v1', framework: 'gin', file: 'api/main.go', line: 9, static: false },
      ],
    );
    assert.match(json.routes[1]!.reason!, /prefix\(\)\+"\/x"` is computed at run time/);
  });

  it('prints one line per route in text, with the count per service', () => {
    const r = run('routes', ws);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^GET +\/v1\/orders\/\{id\} +api\/main\.go:8 +gin$/m);
    assert.match(r.out, /2 routes \(api: 2\)/);
  });

  it('check --format json gives each SPEC its endpoints with the bound routes', () => {
    const r = run('check', ws, '--format', 'json', '--no-cache');
    const json = JSON.parse(r.out) as { specs: { id: string; endpoints?: { method: string; path: string; line: number; req?: string; routes: { file: string; line: number }[] }[] }[]; diagnostics: { code: string; line: number }[] };
    const endpoints = json.specs[0]!.endpoints!;
    assert.deepEqual(
      endpoints.map((e) => [e.method, e.path, e.line, e.req ?? null, e.routes.map((x) => `${x.file}:${x.line}`)]),
      [
        ['GET', '/v1/orders/{orderId}', 13, 'REQ-ORD-001', ['api/main.go:8']],
        ['DELETE', '/v1/orders/{orderId}', 14, null, []],
      ],
    );
    assert.deepEqual(json.diagnostics.filter((d) => d.code === 'api/route-missing').map((d) => d.line), [14]);
  });

  it('refuses a bad --format with exit 2', () => {
    const r = run('routes', ws, '--format', 'xml');
    assert.equal(r.code, 2);
    assert.match(r.err, /--format must be text or json/);
  });
});
