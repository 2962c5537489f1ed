import * as assert from 'node:assert/strict';
import { specEndpoints } from '../../../server/src/service/routes';
import { load, spec, where } from '../core/helpers';

const FASTAPI = {
  'backend/pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi>=0.110"]\n',
  'backend/app/main.py': 'from fastapi import FastAPI\nfrom app.routers import follows\n\napp = FastAPI()\napp.include_router(follows.router, prefix="/api")\n',
  'backend/app/routers/follows.py': 'from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/following")\n\n@router.post("/stocks")\ndef follow_stock():\n    ...\n\n@router.get("/stocks/{stock_id}")\ndef get_stock(stock_id: int):\n    ...\n',
  'backend/tests/test_follows.py': 'def test_follow():\n    ...\n',
};

describe('routes: SPEC endpoints bound to routes', () => {
  it('reads endpoints from prose, REQ lines, inline code and table cells, with their ranges', () => {
    const text = '---\nid: X-001\n---\n# X\n\nThe client calls `POST /api/following/stocks` to follow.\n\n| Method | Path |\n|---|---|\n| GET | `/api/news/:id/impact` |\n\nGET /api/health.\n';
    const found = specEndpoints(text).map((e) => `${e.method} ${e.path} ${e.range.start.line}:${e.range.start.character}`);
    assert.deepEqual(found, ['POST /api/following/stocks 5:18', 'GET /api/news/:id/impact 9:8', 'GET /api/health 11:0']);
  });

  it('binds endpoints with parameters in any form, and reports the one no route serves', async () => {
    const svc = await load({
      ...FASTAPI,
      '.moai/specs/SPEC-FOLLOW-001/spec.md': spec('FOLLOW-001', {
        status: 'completed',
        body: '- REQ-FOLLOW-001: WHEN a user follows a stock THEN `POST /api/following/stocks` SHALL store it.\n- GET /api/following/stocks/:id returns one.\n- DELETE /api/following/stocks/{id} removes one.\n',
      }),
    });
    const entry = svc.index.specs()[0]!;
    const bound = svc.endpointsOf(entry).endpoints.map((b) => `${b.endpoint.method} ${b.endpoint.path} -> ${b.routes.map((r) => `${r.file}:${r.line}`).join(',') || 'none'}${b.req ? ` (${b.req})` : ''}`);
    assert.deepEqual(bound, [
      'POST /api/following/stocks -> backend/app/routers/follows.py:5 (REQ-FOLLOW-001)',
      'GET /api/following/stocks/:id -> backend/app/routers/follows.py:9',
      'DELETE /api/following/stocks/{id} -> none',
    ]);
    const missing = svc.allDiagnostics().filter((d) => d.code === 'api/route-missing');
    assert.deepEqual(where(missing, 'api/route-missing'), ['.moai/specs/SPEC-FOLLOW-001/spec.md:15:3-15:36']);
    assert.equal(missing[0]!.severity, 'warning');
    assert.match(missing[0]!.message, /DELETE \/api\/following\/stocks\/\{id\}/);
  });

  it('api/route-missing is information while the SPEC is planned, and silent without code to look in', async () => {
    const planned = await load({ ...FASTAPI, '.moai/specs/SPEC-P-001/spec.md': spec('P-001', { status: 'planned', body: 'PUT /api/nothing/here\n' }) });
    assert.deepEqual(planned.allDiagnostics().filter((d) => d.code === 'api/route-missing').map((d) => d.severity), ['info']);
    const noCode = await load({ '.moai/specs/SPEC-P-001/spec.md': spec('P-001', { status: 'completed', body: 'PUT /api/nothing/here\n' }) });
    assert.deepEqual(noCode.allDiagnostics().filter((d) => d.code === 'api/route-missing'), []);
  });

  it('binds an endpoint written without the API base (`/users` for `/api/v1/users`), not one with another first segment', async () => {
    const svc = await load({
      'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/api/v1/users/:id', show);\n",
      'package.json': '{"dependencies":{"express":"^4.19.0"}}',
      '.moai/specs/SPEC-U-001/spec.md': spec('U-001', { status: 'completed', body: 'GET /users/{userId}\nGET /admin/users/{userId}\n' }),
    });
    const b = svc.endpointsOf(svc.index.specs()[0]!).endpoints;
    assert.deepEqual(b.map((x) => x.routes.length), [1, 0]);
  });

  it('looks in the service the SPEC names by its stack framework', async () => {
    const svc = await load({
      ...FASTAPI,
      'web/package.json': '{"dependencies":{"express":"^4.19.0"}}',
      'web/server.js': "const express = require('express');\nconst app = express();\napp.delete('/api/following/stocks/:id', remove);\n",
      '.moai/specs/SPEC-F-002/spec.md': spec('F-002', { status: 'completed', extra: 'stack:\n  backend:\n    framework: FastAPI\n', body: 'DELETE /api/following/stocks/{id}\n' }),
    });
    const binding = svc.endpointsOf(svc.index.specs()[0]!);
    assert.deepEqual(binding.services, ['backend']);
    assert.deepEqual(binding.endpoints[0]!.routes, []);
    assert.equal(svc.allDiagnostics().filter((d) => d.code === 'api/route-missing').length, 1);
  });

  it('the stack lists each service with its route count, and a route file change re-checks the SPECs', async () => {
    const svc = await load({ ...FASTAPI, '.moai/specs/SPEC-F-003/spec.md': spec('F-003', { status: 'completed', body: 'PUT /api/following/stocks/{id}\n' }) });
    assert.deepEqual(svc.stack().services.map((s) => `${s.root}:${s.routes}`), ['backend:2']);
    assert.equal(svc.diagnostics('.moai/specs/SPEC-F-003/spec.md').filter((d) => d.code === 'api/route-missing').length, 1);
    const affected = svc.update('backend/app/routers/follows.py', `${FASTAPI['backend/app/routers/follows.py']}\n@router.put("/stocks/{stock_id}")\ndef put_stock(stock_id: int):\n    ...\n`);
    assert.ok(affected.has('.moai/specs/SPEC-F-003/spec.md'));
    assert.equal(svc.diagnostics('.moai/specs/SPEC-F-003/spec.md').filter((d) => d.code === 'api/route-missing').length, 0);
  });
});
