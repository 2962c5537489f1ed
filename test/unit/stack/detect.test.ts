import { strict as assert } from 'node:assert';
import { detectStack, serviceRootOf } from '../../../server/src/service/stack/detect';
import { parseManifest } from '../../../server/src/service/stack/manifests';
import type { ManifestFacts } from '../../../server/src/service/types';
import { fixtureFiles, fixtureManifests, lineOf } from './fixtures';

describe('detectStack on a fixture service per framework', () => {
  const files = fixtureFiles();
  const report = detectStack(fixtureManifests());
  const service = (root: string) => {
    const found = report.services.find((s) => s.root === root);
    assert.ok(found, `no service ${root}`);
    return found;
  };

  // root, framework, manifest, text that declares it, declared version, resolved version
  const cases: readonly [string, string, string, string, string | null, string | null][] = [
    ['fastapi', 'fastapi', 'fastapi/requirements.txt', 'fastapi==0.104.1', '==0.104.1', null],
    ['flask', 'flask', 'flask/pyproject.toml', 'Flask = "^3.0.2"', '^3.0.2', '3.0.2'],
    ['django', 'django', 'django/pyproject.toml', '"Django>=5.0,<5.1"', '>=5.0,<5.1', null],
    ['express', 'express', 'express/package.json', '"express": "^4.18.2"', '^4.18.2', '4.19.2'],
    ['fastify', 'fastify', 'fastify/package.json', '"fastify": "^4.26.0"', '^4.26.0', null],
    ['nestjs', 'nestjs', 'nestjs/package.json', '"@nestjs/core": "^10.3.0"', '^10.3.0', null],
    ['sails', 'sails', 'sails/package.json', '"sails": "^1.5.9"', '^1.5.9', null],
    ['gin', 'gin', 'gin/go.mod', 'require github.com/gin-gonic/gin v1.9.1', 'v1.9.1', 'v1.9.1'],
    ['beego', 'beego', 'beego/go.mod', 'github.com/beego/beego/v2 v2.1.4', 'v2.1.4', null],
    ['axum', 'axum', 'axum/Cargo.toml', 'axum = { version = "0.7.4"', '0.7.4', '0.7.5'],
    ['rocket', 'rocket', 'rocket/Cargo.toml', 'rocket = { version = "=0.5.0"', '=0.5.0', null],
    ['spring-boot', 'spring-boot', 'spring-boot/pom.xml', '<artifactId>spring-boot-starter-parent</artifactId>', '3.2.5', null],
    ['spring-boot-gradle', 'spring-boot', 'spring-boot-gradle/build.gradle.kts', 'id("org.springframework.boot") version "3.2.4"', '3.2.4', null],
    ['play', 'play', 'play/project/plugins.sbt', '"org.playframework" % "sbt-plugin" % "3.0.1"', '3.0.1', null],
    ['laravel', 'laravel', 'laravel/composer.json', '"laravel/framework": "^11.0"', '^11.0', '11.5.0'],
    ['symfony', 'symfony', 'symfony/composer.json', '"symfony/framework-bundle": "7.0.*"', '7.0.*', null],
  ];

  for (const [root, name, manifest, needle, version, resolved] of cases) {
    it(`finds ${name} in ${manifest} with its version and line`, () => {
      const s = service(root);
      assert.equal(s.frameworks.length, 1, JSON.stringify(s.frameworks));
      const fw = s.frameworks[0]!;
      assert.equal(fw.name, name);
      assert.equal(fw.manifest, manifest);
      assert.equal(fw.line, lineOf(files.get(manifest)!, needle));
      assert.equal(fw.range.start.line, fw.line - 1);
      assert.equal(fw.version, version);
      assert.equal(fw.resolved, resolved);
    });
  }

  it('covers all 15 frameworks and lists one service per folder, sorted by root', () => {
    assert.equal(new Set(report.services.flatMap((s) => s.frameworks.map((f) => f.name))).size, 15);
    const roots = report.services.map((s) => s.root);
    assert.deepEqual(roots, [...new Set(cases.map((c) => c[0]))].sort());
  });

  it('puts project/plugins.sbt in the service of the folder above project/', () => {
    assert.deepEqual(service('play').manifests, ['play/build.sbt', 'play/project/plugins.sbt']);
    assert.equal(serviceRootOf('project/plugins.sbt'), '.');
    assert.equal(serviceRootOf('apps/web/project/plugins.sbt'), 'apps/web');
  });

  it('tells the language from the manifests', () => {
    const lang = Object.fromEntries(report.services.map((s) => [s.root, s.language]));
    assert.deepEqual(
      [lang.fastapi, lang.express, lang.fastify, lang.nestjs, lang.gin, lang.axum, lang['spring-boot'], lang['spring-boot-gradle'], lang.play, lang.laravel],
      ['python', 'javascript', 'typescript', 'typescript', 'go', 'rust', 'java', 'kotlin', 'scala', 'php'],
    );
  });

  it('detects databases, ORMs and migrations, auth and test frameworks', () => {
    const fastapi = service('fastapi');
    assert.deepEqual([fastapi.databases, fastapi.orms, fastapi.auth, fastapi.testing], [['postgresql', 'redis'], ['sqlalchemy', 'alembic'], ['python-jose', 'passlib'], ['pytest']]);
    const spring = service('spring-boot');
    assert.deepEqual([spring.databases, spring.orms, spring.auth], [['postgresql'], ['spring-data-jpa', 'hibernate', 'flyway'], ['spring-security', 'jjwt']]);
    // The MongoDB driver in an XML comment and the Mongo starter in a // comment are not dependencies.
    assert.ok(!spring.databases.includes('mongodb'));
    assert.deepEqual(service('spring-boot-gradle').databases, ['mysql', 'redis']);
    assert.deepEqual(service('spring-boot-gradle').orms, ['liquibase']);
    assert.deepEqual(service('play').orms, ['slick']);
    assert.deepEqual(service('gin').orms, ['gorm']);
    assert.deepEqual(service('axum').orms, ['sqlx']);
    assert.deepEqual(service('axum').databases, ['postgresql', 'redis'], 'sqlx with the postgres feature; a renamed crate (package = "redis") counts as redis');
    assert.deepEqual(service('rocket').orms, ['diesel']);
    assert.deepEqual(service('laravel').orms, ['eloquent']);
    assert.deepEqual(service('symfony').orms, ['doctrine']);
    assert.deepEqual(service('nestjs').orms, ['typeorm']);
    assert.deepEqual(service('express').testing, ['jest', 'supertest']);
  });

  it('does not list Express beside NestJS, which builds on it', () => {
    assert.ok(files.get('nestjs/package.json')!.includes('"express"'));
    assert.deepEqual(service('nestjs').frameworks.map((f) => f.name), ['nestjs']);
  });
});

describe('detectStack grouping', () => {
  const parse = (files: Record<string, string>): ManifestFacts[] => Object.entries(files).map(([p, t]) => parseManifest(p, t)!);

  it('names the workspace root "." and lists each service of a monorepo', () => {
    const report = detectStack(parse({
      'package.json': '{ "private": true, "devDependencies": { "prettier": "^3.2.0" } }',
      'services/api/requirements.txt': 'Flask==3.0.2\n',
      'services/web/package.json': '{ "dependencies": { "express": "4.19.2" } }',
      'services/web/package-lock.json': '{ "lockfileVersion": 3, "packages": { "node_modules/express": { "version": "4.19.2" } } }',
    }));
    assert.deepEqual(report.services.map((s) => [s.root, s.language, s.frameworks.map((f) => f.name)]), [
      ['.', 'javascript', []],
      ['services/api', 'python', ['flask']],
      ['services/web', 'javascript', ['express']],
    ]);
    assert.deepEqual(report.services[2]!.manifests, ['services/web/package-lock.json', 'services/web/package.json']);
    assert.equal(report.services[2]!.frameworks[0]!.resolved, '4.19.2');
  });

  it('puts a requirements/ folder in the service above it, dev files as dev', () => {
    const report = detectStack(parse({
      'backend/requirements/base.txt': 'Django==5.0.4\npsycopg[binary]>=3.1\n',
      'backend/requirements/dev.txt': '-r base.txt\npytest-django==4.8.0\n',
      'backend/manage.py': '',
    }).filter(Boolean));
    assert.deepEqual(report.services.map((s) => [s.root, s.language, s.frameworks.map((f) => [f.name, f.manifest]), s.databases, s.testing]), [
      ['backend', 'python', [['django', 'backend/requirements/base.txt']], ['postgresql'], ['pytest']],
    ]);
    assert.ok(parseManifest('backend/requirements/dev.txt', 'pytest-django==4.8.0\n')!.dependencies[0]!.dev);
  });

  it('reads a Gradle build through its version catalog, for the folder above gradle/', () => {
    const report = detectStack(parse({
      'orders/build.gradle.kts': 'plugins {\n    alias(libs.plugins.spring.boot)\n}\ndependencies {\n    implementation(libs.boot.web)\n}\n',
      'orders/gradle/libs.versions.toml': '[versions]\nboot = "3.2.5"\n[libraries]\nboot-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "boot" }\n[plugins]\nspring-boot = { id = "org.springframework.boot", version.ref = "boot" }\n',
    }));
    assert.deepEqual(report.services.map((s) => [s.root, s.language, s.manifests, s.frameworks.map((f) => [f.name, f.version, f.manifest])]), [
      ['orders', 'java', ['orders/build.gradle.kts', 'orders/gradle/libs.versions.toml'], [['spring-boot', '3.2.5', 'orders/gradle/libs.versions.toml']]],
    ]);
  });

  it('matches package names case-insensitively and keeps their case', () => {
    const facts = parseManifest('requirements.txt', 'Flask==3.0.2\n')!;
    assert.equal(facts.dependencies[0]!.name, 'Flask');
    const fw = detectStack([facts]).services[0]!.frameworks[0]!;
    assert.deepEqual([fw.name, fw.version, fw.line], ['flask', '==3.0.2', 1]);
  });

  it('takes resolved versions only from a lockfile in the same folder', () => {
    const report = detectStack(parse({
      'a/Cargo.toml': '[dependencies]\naxum = "0.7"\n',
      'b/Cargo.lock': '[[package]]\nname = "axum"\nversion = "0.7.9"\n',
      'b/Cargo.toml': '[dependencies]\naxum = "0.7"\n',
    }));
    assert.deepEqual(report.services.map((s) => s.frameworks[0]!.resolved), [null, '0.7.9']);
  });

  it('gives a service with no framework an empty list, and no service for a lone lockfile', () => {
    const report = detectStack(parse({ 'tools/go.mod': 'module x\n\ngo 1.22\n', 'orphan/go.sum': '' }));
    assert.deepEqual(report.services.map((s) => [s.root, s.frameworks.length]), [['tools', 0]]);
  });

  it('keeps the JSON contract shape', () => {
    const report = detectStack(parse({ 'backend/requirements.txt': 'fastapi==0.104.0\nsqlalchemy\npsycopg2-binary\npytest\n' }));
    const s = report.services[0]!;
    assert.deepEqual(
      { root: s.root, language: s.language, manifests: s.manifests, frameworks: s.frameworks.map(({ name, version, resolved, manifest, line }) => ({ name, version, resolved, manifest, line })), databases: s.databases, orms: s.orms, auth: s.auth, testing: s.testing },
      { root: 'backend', language: 'python', manifests: ['backend/requirements.txt'], frameworks: [{ name: 'fastapi', version: '==0.104.0', resolved: null, manifest: 'backend/requirements.txt', line: 1 }], databases: ['postgresql'], orms: ['sqlalchemy'], auth: [], testing: ['pytest'] },
    );
  });
});
