import * as assert from 'node:assert/strict';
import { getRouteDefinition, getRouteHover, getRouteReferences } from '../../../server/src/service/features/routes';
import { getSpecTree } from '../../../server/src/service/features/specTree';
import { load, spec } from '../core/helpers';

const FILES = {
  'api/package.json': '{"dependencies":{"@nestjs/core":"^10.0.0","@nestjs/common":"^10.0.0"}}',
  'api/src/main.ts': "async function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n}\n",
  'api/src/pets/pets.controller.ts': "@Controller('pets')\nexport class PetsController {\n  @Get(':id')\n  findOne() {}\n\n  @Post()\n  create() {}\n}\n",
  'api/src/pets/pets.controller.spec.ts': "describe('pets', () => {});\n",
  '.moai/specs/SPEC-PET-001/spec.md': spec('PET-001', { status: 'completed', body: '### REQ-PET-001: Read a pet\nWHEN asked THE system SHALL answer `GET /api/pets/{petId}`.\n\nDELETE /api/pets/{petId}\n' }),
};

describe('routes: editor features in the engine', () => {
  it('the SPEC tree gives each endpoint its handlers and their tests, or none', async () => {
    const svc = await load(FILES);
    const tree = getSpecTree(svc.index, (p) => svc.diagnostics(p), svc.allDiagnostics(), undefined, svc)!;
    const endpoints = tree.specs[0]!.endpoints!;
    assert.deepEqual(
      endpoints.map((e) => ({ method: e.method, endpoint: e.endpoint, line: e.range.start.line, req: e.req, handlers: e.handlers.map((h) => `${h.path}:${h.range.start.line} ${h.route} tests=${h.tests.map((t) => t.path).join(',')}`) })),
      [
        { method: 'GET', endpoint: '/api/pets/{petId}', line: 13, req: 'REQ-PET-001', handlers: ['api/src/pets/pets.controller.ts:2 /api/pets/{id} tests=api/src/pets/pets.controller.spec.ts'] },
        { method: 'DELETE', endpoint: '/api/pets/{petId}', line: 15, req: 'REQ-PET-001', handlers: [] },
      ],
    );
  });

  it('definition from an endpoint in the SPEC goes to its handler; references from the handler come back', async () => {
    const svc = await load(FILES);
    const defs = getRouteDefinition(svc, '.moai/specs/SPEC-PET-001/spec.md', { line: 13, character: 45 });
    assert.deepEqual(defs.map((l) => `${l.path}:${l.range.start.line}`), ['api/src/pets/pets.controller.ts:2']);
    assert.deepEqual(getRouteDefinition(svc, '.moai/specs/SPEC-PET-001/spec.md', { line: 12, character: 2 }), []);
    // On the decorator, and on the handler's line below it.
    for (const position of [{ line: 2, character: 4 }, { line: 3, character: 3 }]) {
      const refs = getRouteReferences(svc, 'api/src/pets/pets.controller.ts', position, false);
      assert.deepEqual(refs.map((l) => `${l.path}:${l.range.start.line}`), ['.moai/specs/SPEC-PET-001/spec.md:13']);
    }
    assert.deepEqual(getRouteReferences(svc, 'api/src/pets/pets.controller.ts', { line: 5, character: 4 }, false), []);
  });

  it('hover on a route names the SPEC and REQ that specify it, or says none does', async () => {
    const svc = await load(FILES);
    const hover = getRouteHover(svc, 'api/src/pets/pets.controller.ts', { line: 2, character: 5 })!;
    assert.match(hover.markdown, /\*\*GET \/api\/pets\/\{id\}\*\* · nestjs/);
    assert.match(hover.markdown, /Specified by \*\*SPEC-PET-001\*\*: Title of PET-001 · REQ-PET-001/);
    const none = getRouteHover(svc, 'api/src/pets/pets.controller.ts', { line: 5, character: 4 })!;
    assert.match(none.markdown, /POST \/api\/pets\*\*[\s\S]*No SPEC names this endpoint\./);
    assert.equal(getRouteHover(svc, 'api/src/main.ts', { line: 0, character: 0 }), undefined);
  });
});
