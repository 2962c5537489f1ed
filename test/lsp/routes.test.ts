import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Hover, Location } from 'vscode-languageserver-protocol/node';
import { SpecTreeRequest, StackRequest } from '../../server/src/protocol';
import { SERVER, TestClient, writeWorkspace } from './client';

const SPEC = '.moai/specs/SPEC-SHOP-001/spec.md';
const ROUTES = 'shop/app/routers/carts.py';
const FILES: Record<string, string> = {
  'shop/requirements.txt': 'fastapi==0.110.0\n',
  'shop/app/main.py': 'from fastapi import FastAPI\nfrom app.routers import carts\n\napp = FastAPI()\napp.include_router(carts.router, prefix="/api")\n',
  [ROUTES]: 'from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/carts")\n\n@router.get("/{cart_id}")\ndef read_cart(cart_id: int):\n    ...\n\n@router.post("/")\ndef create_cart():\n    ...\n',
  'shop/tests/test_carts.py': 'def test_read():\n    ...\n',
  [SPEC]: '---\nid: SHOP-001\nversion: 0.1.0\nstatus: completed\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:SHOP-001: Carts\n\n- REQ-SHOP-001: The client reads a cart with `GET /api/carts/:cartId`.\n- `DELETE /api/carts/{cartId}` empties it.\n',
};

describe('language server over stdio: routes bound to SPEC endpoints', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(FILES));
    await client.initialize();
    await client.diagnosticsOf(SPEC, (d) => d.some((x) => x.code === 'api/route-missing'));
  });
  after(async () => client?.dispose());

  it('publishes api/route-missing on the endpoint no route serves', async () => {
    const d = (await client.diagnosticsOf(SPEC, (x) => x.some((y) => y.code === 'api/route-missing'))).filter((x) => x.code === 'api/route-missing');
    assert.deepEqual(d.map((x) => [x.range.start.line, x.severity]), [[13, 2]]);
    assert.match(String(d[0]!.message), /DELETE \/api\/carts\/\{cartId\}/);
  });

  it('the SPEC tree carries each endpoint with its handler (and its tests) or none', async () => {
    const tree = (await client.connection.sendRequest(SpecTreeRequest.method, {})) as SpecTreeRequest.Result;
    const endpoints = tree.specs.find((s) => s.id === 'SHOP-001')!.endpoints!;
    assert.deepEqual(
      endpoints.map((e) => [e.method, e.endpoint, e.req ?? null, e.handlers.map((h) => `${h.uri.endsWith(ROUTES)}:${h.range.start.line}:${h.route}:${h.tests.map((t) => t.path).join(',')}`)]),
      [
        ['GET', '/api/carts/:cartId', 'REQ-SHOP-001', ['true:4:/api/carts/{cart_id}:shop/tests/test_carts.py']],
        ['DELETE', '/api/carts/{cartId}', null, []],
      ],
    );
    assert.equal(endpoints[0]!.uri, client.uri(SPEC));
  });

  it('definition from the endpoint goes to the handler, references from the handler come back', async () => {
    const defs = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: client.uri(SPEC) }, position: { line: 12, character: 50 } })) as Location[];
    assert.deepEqual(defs.map((l) => [l.uri, l.range.start.line]), [[client.uri(ROUTES), 4]]);
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: client.uri(ROUTES) }, position: { line: 5, character: 6 }, context: { includeDeclaration: false } })) as Location[];
    assert.deepEqual(refs.map((l) => [l.uri, l.range.start.line]), [[client.uri(SPEC), 12]]);
  });

  it('hover on the route names the SPEC and REQ that specify it', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(ROUTES) }, position: { line: 4, character: 3 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*GET \/api\/carts\/\{cart\\_id\}\*\* · fastapi/);
    assert.match(value, /Specified by \*\*SPEC-SHOP-001\*\*: Carts · REQ-SHOP-001/);
  });

  it('the stack lists the service with its route count', async () => {
    const stack = (await client.connection.sendRequest(StackRequest.method, {})) as StackRequest.Result;
    assert.deepEqual(stack.services.map((s) => [s.root, s.routes]), [['shop', 2]]);
  });
});
