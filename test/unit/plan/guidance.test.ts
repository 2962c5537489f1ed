import { strict as assert } from 'node:assert';
import { getGuidance, listGuidance, supportedFrameworks, toGuidanceView } from '../../../server/src/service/plan/guidance';
import { languageFamily } from '../../../server/src/service/stack/rules';
import { FRAMEWORK_IDS, findFramework } from '../../../server/src/service/stack/technologies';
import { TIME_ESTIMATE } from './helpers';

const ALL = ['fastapi', 'flask', 'django', 'express', 'fastify', 'nestjs', 'sails', 'gin', 'beego', 'axum', 'rocket', 'spring-boot', 'play', 'laravel', 'symfony'];

describe('plan: framework guidance data', () => {
  it('has one entry per supported framework, the same set stack detection knows', () => {
    assert.deepEqual([...supportedFrameworks()], ALL);
    assert.deepEqual([...supportedFrameworks()].sort(), [...FRAMEWORK_IDS].sort());
    for (const name of ALL) assert.equal(getGuidance(name)?.name, name, name);
  });

  it('fills every section of every entry, with an https official site and a coverage command taking the target', () => {
    for (const g of listGuidance()) {
      assert.match(g.docs, /^https:\/\/[a-z0-9.-]+\.[a-z]+\//, g.name);
      assert.equal(languageFamily(g.language), findFramework(g.name)!.language, g.name);
      assert.ok(g.middleware.length >= 4, `${g.name}: middleware`);
      for (const list of [g.keyPatterns, g.databaseIntegration, g.authentication, g.testing]) {
        assert.ok(list.length >= 2, `${g.name}: a section has fewer than two items`);
        for (const item of list) assert.ok(item.length > 30, `${g.name}: "${item}" is too thin`);
      }
      assert.ok(g.layout.some((l) => l.tag === 'API') && g.layout.some((l) => l.tag === 'DB') && g.layout.some((l) => l.tag === 'TEST'), g.name);
      assert.ok(g.coverageCommand.includes('{target}'), g.name);
      assert.ok(g.dataAccess.orm && g.dataAccess.migrations && g.dataAccess.pool && g.auditCommand && g.errorHandling, g.name);
    }
  });

  it('is distinct per framework: no shared docs link, pattern or testing advice', () => {
    const seen = new Map<string, string>();
    for (const g of listGuidance()) {
      for (const item of [g.docs, g.summary, ...g.keyPatterns, ...g.testing, ...g.authentication, ...g.databaseIntegration]) {
        const owner = seen.get(item);
        assert.ok(owner === undefined, `${g.name} repeats "${item}" of ${owner}`);
        seen.set(item, g.name);
      }
    }
  });

  it('names the idioms a backend team expects of each framework', () => {
    const expectations: Record<string, RegExp[]> = {
      fastapi: [/APIRouter/, /Depends/, /Pydantic/, /Alembic/],
      flask: [/Blueprint/, /create_app/, /Flask-Migrate/],
      django: [/ModelSerializer/, /makemigrations/, /simplejwt/],
      express: [/express\.Router\(\)/, /supertest/, /helmet/],
      fastify: [/JSON Schema/, /inject\(\)/, /fastify-plugin/],
      nestjs: [/ValidationPipe/, /createTestingModule/, /@Controller/],
      sails: [/Waterline/, /policies/, /actions2/],
      gin: [/ShouldBindJSON/, /httptest/, /GORM/],
      beego: [/web\.Controller/, /InsertFilter/, /RegisterModel/],
      axum: [/extractor/i, /tower/i, /sqlx/, /IntoResponse/],
      rocket: [/#\[get/, /FromRequest/, /rocket_db_pools/],
      'spring-boot': [/@RestController/, /Spring Data JPA|spring-boot-starter-data-jpa/, /@SpringBootTest/, /Flyway/],
      play: [/conf\/routes/, /play-json|Json\.format/, /evolutions/i],
      laravel: [/Eloquent/, /Sanctum/, /Form Requests?/],
      symfony: [/Doctrine/, /#\[Route/, /WebTestCase/],
    };
    for (const [name, patterns] of Object.entries(expectations)) {
      const g = getGuidance(name)!;
      const text = JSON.stringify(g);
      for (const p of patterns) assert.match(text, p, `${name} lacks ${p}`);
    }
  });

  it('never speaks in time estimates', () => {
    for (const g of listGuidance()) {
      const text = JSON.stringify(g);
      assert.doesNotMatch(text, TIME_ESTIMATE, g.name);
    }
  });

  it('resolves display names and aliases, and rejects unsupported frameworks', () => {
    assert.equal(getGuidance('Spring Boot')?.name, 'spring-boot');
    assert.equal(getGuidance('springboot')?.name, 'spring-boot');
    assert.equal(getGuidance('NestJS')?.name, 'nestjs');
    assert.equal(getGuidance('Express.js')?.name, 'express');
    assert.equal(getGuidance('koa'), undefined);
    assert.equal(getGuidance(''), undefined);
  });

  it('gives the sidebar a GuidanceView with the sections of the entry', () => {
    const g = getGuidance('axum')!;
    const view = toGuidanceView(g);
    assert.equal(view.framework, 'axum');
    assert.equal(view.displayName, 'Axum');
    assert.equal(view.docs, g.docs);
    assert.deepEqual(view.sections.map((s) => s.title), ['Key patterns', 'Database integration', 'Authentication', 'Testing', 'Middleware', 'Data access', 'Commands', 'Project layout']);
    assert.deepEqual(view.sections[0]!.items, g.keyPatterns);
    assert.ok(view.sections[7]!.items.some((i) => i.startsWith('`migrations/`')));
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view, 'plain data');
  });
});
