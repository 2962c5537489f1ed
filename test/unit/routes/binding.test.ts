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
    const planned = await load({ ...FASTAPI, '.moai/specs/SPEC-P-001/spec.md': spec('P-001', { status: 'planned', body: 'POST /api/following/stocks\nPUT /api/nothing/here\n' }) });
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
    const svc = await load({ ...FASTAPI, '.moai/specs/SPEC-F-003/spec.md': spec('F-003', { status: 'completed', body: 'POST /api/following/stocks\nPUT /api/following/stocks/{id}\n' }) });
    assert.deepEqual(svc.stack().services.map((s) => `${s.root}:${s.routes}`), ['backend:2']);
    assert.equal(svc.diagnostics('.moai/specs/SPEC-F-003/spec.md').filter((d) => d.code === 'api/route-missing').length, 1);
    const affected = svc.update('backend/app/routers/follows.py', `${FASTAPI['backend/app/routers/follows.py']}\n@router.put("/stocks/{stock_id}")\ndef put_stock(stock_id: int):\n    ...\n`);
    assert.ok(affected.has('.moai/specs/SPEC-F-003/spec.md'));
    assert.equal(svc.diagnostics('.moai/specs/SPEC-F-003/spec.md').filter((d) => d.code === 'api/route-missing').length, 0);
  });
});

describe('routes: the layout facts for the plan', () => {
  it('names, per service, the folders holding routes, most first, with an example to cite', async () => {
    const svc = await load({
      ...FASTAPI,
      'backend/app/admin/stats.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get("/stats")\ndef stats():\n    ...\n',
    });
    const layout = svc.routeLayout().map((f) => `${f.service} ${f.folder} ${f.frameworks.join(',')} ${f.routes} ${f.files.join(',')} ${f.example.file}:${f.example.line}`);
    assert.deepEqual(layout, ['backend backend/app/routers fastapi 2 backend/app/routers/follows.py backend/app/routers/follows.py:5', 'backend backend/app/admin fastapi 1 backend/app/admin/stats.py backend/app/admin/stats.py:5']);
  });
});

describe('routes: api/route-missing only where absence is evidence', () => {
  const missing = (svc: Awaited<ReturnType<typeof load>>): string[] => svc.allDiagnostics().filter((d) => d.code === 'api/route-missing').map((d) => d.message);
  const EXPRESS = {
    'api/package.json': '{"dependencies":{"express":"^4.19.0"}}',
    'api/server.js':
      "const express = require('express');\nconst app = express();\napp.post('/api/admin/users/:id/suspend', suspend);\napp.delete('/api/orgs/:org/kbs/:kb', dropKb);\napp.put('/api/servers/:id', putServer);\napp.get('/internal/users/:id/products', products);\napp.post('/api/admin/widgets', createWidget);\n",
  };

  it('reads method lists as one endpoint per method, and no method list as a path', () => {
    const text = '# X\n\nCRUD: `GET/POST /api/groups`, `PATCH/DELETE /api/groups/{id}`.\nValidated in POST/PATCH | and GET/LIST endpoints.\n';
    assert.deepEqual(
      specEndpoints(text).map((e) => `${e.method} ${e.path}`),
      ['GET /api/groups', 'POST /api/groups', 'PATCH /api/groups/{id}', 'DELETE /api/groups/{id}'],
    );
    assert.deepEqual(specEndpoints('POST /api/kb/{slug}/sources/{url|youtube|text}\n'), []);
  });

  it('marks endpoints the SPEC calls on a host, removes, or puts out of scope', () => {
    const text = '# X\n\nThe extractor calls `POST http://crawl4ai:11235/crawl`.\n- Remove `GET /api/admin/docs-libraries`\n- `GET /api/kept`\n\n## Exclusions (What NOT to Build)\n\n### Streaming\n\n- `POST /tokenize/stream` later.\n\n## Next\n\n- `GET /api/back`\n';
    assert.deepEqual(
      specEndpoints(text).map((e) => `${e.method} ${e.path} ${e.mention ?? '-'}`),
      ['POST /crawl call', 'GET /api/admin/docs-libraries excluded', 'GET /api/kept -', 'POST /tokenize/stream excluded', 'GET /api/back -'],
    );
  });

  it('a SPEC naming no service, none of whose endpoints any code serves, gets no finding', async () => {
    const svc = await load({ ...FASTAPI, '.moai/specs/SPEC-EXT-001/spec.md': spec('EXT-001', { status: 'completed', body: 'GET /rest/v1/courses\nPOST /rest/v1/courses\n' }) });
    assert.deepEqual(missing(svc), []);
  });

  it('takes the service from the code when one service serves its endpoints, and reports only in that service\'s namespaces', async () => {
    const body = 'POST /api/following/stocks\nGET /api/following/history\nPOST /team/new\nPOST http://litellm:4000/api/key/generate\n\n## Out of Scope\n\nGET /api/following/export\n';
    const svc = await load({ ...FASTAPI, '.moai/specs/SPEC-F-010/spec.md': spec('F-010', { status: 'completed', body }) });
    const binding = svc.endpointsOf(svc.index.specs()[0]!);
    assert.deepEqual([binding.services, binding.declared, binding.scoped], [['backend'], false, true]);
    assert.deepEqual(missing(svc), ['No route in the code serves GET /api/following/history.']);
  });

  it('says nothing when two services serve its endpoints and it names neither', async () => {
    const svc = await load({ ...FASTAPI, ...EXPRESS, '.moai/specs/SPEC-F-011/spec.md': spec('F-011', { status: 'completed', body: 'POST /api/following/stocks\nPOST /api/admin/widgets\nGET /api/nowhere\n' }) });
    assert.deepEqual(missing(svc), []);
  });

  it('says nothing for a service whose framework SpecChain reads no routes of (Go net/http)', async () => {
    const files = {
      ...FASTAPI,
      'gateway/go.mod': 'module example.com/gateway\n\ngo 1.22\n',
      'gateway/main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/deep", deep)\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      '.moai/specs/SPEC-G-001/spec.md': spec('G-001', { status: 'completed', extra: 'module: gateway/\n', body: 'POST /deep\n' }),
    };
    const svc = await load(files);
    const binding = svc.endpointsOf(svc.index.specs()[0]!);
    assert.deepEqual([binding.services, binding.scoped], [['gateway'], false]);
    assert.deepEqual(missing(svc), []);
  });

  it('binds paths written relative to a prefix, by example, against the collection, or with an /api the service lacks', async () => {
    const svc = await load({
      ...EXPRESS,
      '.moai/specs/SPEC-R-001/spec.md': spec('R-001', {
        status: 'completed',
        body: '| R6 | POST /users/{id}/suspend |\n- DELETE /api/orgs/{slug}/kbs/personal\n- PUT /api/servers\n- GET /api/internal/users/{user_id}/products\n- GET /api/{a}/{b}\n',
      }),
    });
    const bound = svc.endpointsOf(svc.index.specs()[0]!).endpoints.map((b) => `${b.endpoint.method} ${b.endpoint.path} -> ${b.routes.map((r) => r.path).join(',') || 'none'}`);
    assert.deepEqual(bound, [
      'POST /users/{id}/suspend -> /api/admin/users/{id}/suspend',
      'DELETE /api/orgs/{slug}/kbs/personal -> /api/orgs/{org}/kbs/{kb}',
      'PUT /api/servers -> /api/servers/{id}',
      'GET /api/internal/users/{user_id}/products -> /internal/users/{id}/products',
      'GET /api/{a}/{b} -> none',
    ]);
  });

  it('binds a Spring route with a whole `*` segment to the endpoint with a parameter there', async () => {
    const svc = await load({
      'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
      'src/main/java/pets/PetResource.java': 'package pets;\n\n@RestController\nclass PetResource {\n    @GetMapping("owners/*/pets/{petId}")\n    public Pet findPet(@PathVariable("petId") int petId) { return null; }\n}\n',
      '.moai/specs/SPEC-S-001/spec.md': spec('S-001', { status: 'completed', body: 'GET /owners/{ownerId}/pets/{petId}\n' }),
    });
    const b = svc.endpointsOf(svc.index.specs()[0]!).endpoints;
    assert.deepEqual(b.map((x) => x.routes.map((r) => `${r.path} ${r.line}`)), [['/owners/*/pets/{petId} 5']]);
  });

  it('names the route the SPEC most likely means when its path adds segments', async () => {
    const svc = await load({ ...EXPRESS, '.moai/specs/SPEC-W-001/spec.md': spec('W-001', { status: 'completed', body: 'POST /api/admin/widgets\nPOST /api/widgets\n' }) });
    assert.deepEqual(missing(svc), ['No route in the code serves POST /api/widgets; the code serves POST /api/admin/widgets (api/server.js:7).']);
  });
});
