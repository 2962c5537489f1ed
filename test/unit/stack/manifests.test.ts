import { strict as assert } from 'node:assert';
import { isManifestPath, parseManifest } from '../../../server/src/service/stack/manifests';
import type { ParsedDependency } from '../../../server/src/service/stack/parse/common';
import { parseRequirement } from '../../../server/src/service/stack/parse/python';
import type { ManifestFacts } from '../../../server/src/service/types';

const parse = (path: string, text: string): ManifestFacts => {
  const facts = parseManifest(path, text);
  assert.ok(facts, `${path} is a manifest`);
  return facts;
};
/** name, version, 0-based line (and dev when set) of every dependency. */
const rows = (facts: ManifestFacts): (string | number | boolean | undefined)[][] =>
  facts.dependencies.map((d) => (d.dev ? [d.name, d.version, d.line, true] : [d.name, d.version, d.line]));
/** The text a dependency's version range covers. */
const versionText = (text: string, dep: ParsedDependency | undefined): string | undefined => {
  if (!dep?.versionRange) return undefined;
  const line = text.split('\n')[dep.versionRange.start.line]!;
  return line.slice(dep.versionRange.start.character, dep.versionRange.end.character);
};

describe('isManifestPath', () => {
  it('matches manifests and lockfiles by file name', () => {
    for (const p of ['package.json', 'api/requirements.txt', 'requirements-dev.txt', 'requirements.prod.txt', 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'go.mod', 'go.sum', 'Cargo.toml', 'Cargo.lock', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'build.sbt', 'project/plugins.sbt', 'svc/project/plugins.sbt', 'composer.json', 'composer.lock', 'package-lock.json', 'poetry.lock']) {
      assert.ok(isManifestPath(p), p);
    }
    for (const p of ['README.md', 'requirements.in', 'src/package.json.bak', 'plugins.sbt', 'tools/plugins.sbt', 'settings.gradle.bak', 'yarn.lock.orig', 'dev-requirements.txt', '.env', 'src/application.yml']) {
      assert.ok(!isManifestPath(p), p);
    }
    assert.equal(parseManifest('notes.txt', 'x'), undefined);
  });

  it('reads the files of a requirements/ folder when they read as requirements, and nothing else there', () => {
    for (const p of ['requirements/base.txt', 'backend/requirements/production.txt']) assert.ok(isManifestPath(p), p);
    for (const p of ['requirements/notes.md', 'docs/requirements.md', 'requirements/sub/base.txt']) assert.ok(!isManifestPath(p), p);
    const base = parseManifest('backend/requirements/base.txt', '# shared\nDjango==5.0.4  # web\n-r common.txt\n--index-url https://pypi.org/simple\npsycopg[binary]>=3.1\n')!;
    assert.deepEqual(base.dependencies.map((d) => [d.name, d.version]), [['Django', '==5.0.4'], ['psycopg', '>=3.1']]);
    assert.equal(base.errors, undefined);
    assert.equal(parseManifest('docs/requirements/overview.txt', 'The system SHALL answer within 200 ms.\nDjango==5.0\n'), undefined, 'prose is not a manifest');
    assert.equal(parseManifest('docs/requirements/empty.txt', '# nothing yet\n'), undefined);
    assert.deepEqual(parseManifest('requirements/requirements-ci.txt', 'flask=3\n')!.errors, ['requirements/requirements-ci.txt: line 1: not a requirement: flask=3'], 'a file named requirements*.txt is one, errors and all');
  });
});

describe('requirements*.txt (PEP 508)', () => {
  it('reads names, extras, specifiers and markers; skips comments, options, -r lines, URLs and paths', () => {
    const text = [
      '# core',
      '-r base.txt',
      '-c constraints.txt',
      '-e git+https://github.com/acme/lib.git#egg=lib',
      '--extra-index-url https://example.com/simple',
      'uvicorn[standard] >= 0.24.0 ; python_version >= "3.8"',
      'requests  # inline comment',
      'Django (>=4.2,<5)',
      'my_pkg.name==1.0 --hash=sha256:abcd',
      'wheel @ https://example.com/wheel-0.42.0-py3-none-any.whl',
      'https://example.com/pkg.tar.gz',
      './vendor/localpkg',
      'gunicorn==21.2.0 \\',
      '    --hash=sha256:3213aa5e8c24949e792bcacfc176fef362e7aac80b76c56f6b5122bf350722f0',
      '',
    ].join('\n');
    const facts = parse('requirements.txt', text);
    assert.equal(facts.errors, undefined);
    assert.deepEqual(rows(facts), [
      ['uvicorn', '>= 0.24.0', 5],
      ['requests', undefined, 6],
      ['Django', '>=4.2,<5', 7],
      ['my_pkg.name', '==1.0', 8],
      ['wheel', undefined, 9],
      ['gunicorn', '==21.2.0', 12],
    ]);
    assert.equal(versionText(text, facts.dependencies[2]), '>=4.2,<5');
    assert.deepEqual(facts.dependencies[0]!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 53 } });
  });

  it('marks requirements-dev.txt dependencies as dev', () => {
    assert.deepEqual(rows(parse('requirements-dev.txt', 'pytest==8.0.0\n')), [['pytest', '==8.0.0', 0, true]]);
  });

  it('reports a line that is not a requirement and keeps the others', () => {
    const facts = parse('requirements.txt', 'flask=3.0.2\nfastapi==0.110.0\n');
    assert.deepEqual(facts.errors, ['requirements.txt: line 1: not a requirement: flask=3.0.2']);
    assert.deepEqual(rows(facts), [['fastapi', '==0.110.0', 1]]);
  });

  it('parses a PEP 508 string with extras and marker', () => {
    const r = parseRequirement('psycopg[binary,pool]>=3.1.12 ; sys_platform != "win32"')!;
    assert.deepEqual([r.name, r.extras, r.specifier, r.marker], ['psycopg', ['binary', 'pool'], '>=3.1.12', 'sys_platform != "win32"']);
  });
});

describe('pyproject.toml and Pipfile', () => {
  it('reads PEP 621 dependencies, optional groups and PEP 735 groups with their lines', () => {
    const text = '[project]\nname = "x"\ndependencies = [\n  "fastapi[all]>=0.110",\n  \'pydantic>=2\',\n]\n\n[project.optional-dependencies]\ndev = ["pytest>=8"]\n\n[dependency-groups]\nlint = ["ruff==0.3.0"]\n';
    const facts = parse('pyproject.toml', text);
    assert.deepEqual(rows(facts), [
      ['fastapi', '>=0.110', 3],
      ['pydantic', '>=2', 4],
      ['pytest', '>=8', 8, true],
      ['ruff', '==0.3.0', 11, true],
    ]);
    assert.equal(versionText(text, facts.dependencies[0]), '>=0.110');
  });

  it('reads Poetry dependencies: strings, tables, multiple constraints, groups; python is no dependency', () => {
    const text = [
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'fastapi = "^0.110.0"',
      'uvicorn = { version = "^0.29.0", extras = ["standard"] }',
      'numpy = [',
      '  { version = "<1.25", python = "<3.9" },',
      '  { version = "^1.26", python = ">=3.9" },',
      ']',
      '',
      '[tool.poetry.group.test.dependencies]',
      'pytest = "^8.1"',
      '',
      '[tool.poetry.dependencies.sqlalchemy]',
      'version = "^2.0.29"',
      'extras = ["asyncio"]',
    ].join('\n');
    const facts = parse('pyproject.toml', text);
    assert.deepEqual(rows(facts), [
      ['fastapi', '^0.110.0', 2],
      ['uvicorn', '^0.29.0', 3],
      ['numpy', '<1.25 || ^1.26', 4],
      ['pytest', '^8.1', 10, true],
      ['sqlalchemy', '^2.0.29', 12],
    ]);
    assert.equal(versionText(text, facts.dependencies[1]), '^0.29.0');
    assert.equal(versionText(text, facts.dependencies[4]), '^2.0.29');
  });

  it('reads a Pipfile and resolves from Pipfile.lock', () => {
    const facts = parse('Pipfile', '[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\nflask = "==3.0.2"\nflask_sqlalchemy = {version = "*", extras = ["asyncio"]}\n\n[dev-packages]\npytest = "*"\n');
    assert.deepEqual(rows(facts), [['flask', '==3.0.2', 4], ['flask_sqlalchemy', '*', 5], ['pytest', '*', 8, true]]);
    const lock = parse('Pipfile.lock', '{"_meta": {}, "default": {"flask": {"version": "==3.0.2"}, "Flask_SQLAlchemy": {"version": "==3.1.1"}}, "develop": {}}');
    assert.deepEqual(lock.resolved, { flask: '3.0.2', 'flask-sqlalchemy': '3.1.1' });
    assert.deepEqual(lock.dependencies, []);
  });

  it('reports broken TOML without throwing', () => {
    const facts = parse('pyproject.toml', '[project\ndependencies = ["x"]\n');
    assert.equal(facts.dependencies.length, 0);
    assert.equal(facts.errors?.length, 1);
    assert.match(facts.errors![0]!, /^pyproject\.toml: invalid TOML: /);
  });
});

describe('Cargo.toml', () => {
  it('reads strings, inline tables, [dependencies.x] sections, renames and target sections', () => {
    const text = [
      '[package]',
      'name = "svc"',
      '',
      '[dependencies]',
      'axum = { version = "0.7.5", features = ["ws"] }',
      'serde = "1"',
      'cache = { package = "redis", version = "0.25" }',
      'shared = { path = "../shared" }',
      '',
      '[dependencies.sea-orm]',
      'version = "0.12.15"',
      'features = ["sqlx-postgres"]',
      '',
      '[dev-dependencies]',
      'rstest = "0.18.2"',
      '',
      "[target.'cfg(windows)'.dependencies]",
      'winapi = "0.3"',
    ].join('\n');
    const facts = parse('Cargo.toml', text);
    assert.deepEqual(rows(facts), [
      ['axum', '0.7.5', 4],
      ['serde', '1', 5],
      ['redis', '0.25', 6],
      ['shared', undefined, 7],
      ['sea-orm', '0.12.15', 9],
      ['rstest', '0.18.2', 14, true],
      ['winapi', '0.3', 17],
    ]);
    assert.equal(versionText(text, facts.dependencies[0]), '0.7.5');
    assert.deepEqual((facts.dependencies[4] as ParsedDependency).versionRange, { start: { line: 10, character: 11 }, end: { line: 10, character: 18 } });
  });

  it('reads Cargo.lock, keeping the first version of a package', () => {
    const lock = parse('Cargo.lock', 'version = 3\n\n[[package]]\nname = "Axum"\nversion = "0.7.5"\n\n[[package]]\nname = "axum"\nversion = "0.6.20"\n');
    assert.deepEqual(lock.resolved, { axum: '0.7.5' });
  });
});

describe('go.mod and go.sum', () => {
  it('reads single-line requires and require blocks, marking indirect ones', () => {
    const text = 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n\nrequire (\n\tgorm.io/gorm v1.25.10 // pinned for the migration\n\tgithub.com/x/y v0.1.0 // indirect\n)\n';
    const facts = parse('go.mod', text);
    assert.equal(facts.errors, undefined);
    assert.deepEqual(rows(facts), [['github.com/gin-gonic/gin', 'v1.10.0', 4], ['gorm.io/gorm', 'v1.25.10', 7], ['github.com/x/y', 'v0.1.0', 8]]);
    assert.deepEqual(facts.dependencies.map((d) => d.indirect ?? false), [false, false, true]);
    assert.deepEqual(facts.module, { id: 'example.com/svc' });
    assert.equal(versionText(text, facts.dependencies[0]), 'v1.10.0');
    assert.deepEqual(facts.dependencies[1]!.range, { start: { line: 7, character: 1 }, end: { line: 7, character: 22 } });
  });

  it('takes the highest version in go.sum as resolved', () => {
    const sum = parse('go.sum', 'github.com/gin-gonic/gin v1.9.1 h1:a=\ngithub.com/gin-gonic/gin v1.10.0 h1:b=\ngithub.com/gin-gonic/gin v1.10.0/go.mod h1:c=\n');
    assert.deepEqual(sum.resolved, { 'github.com/gin-gonic/gin': 'v1.10.0' });
  });

  it('reports an unclosed block and a missing module line', () => {
    const facts = parse('go.mod', 'require (\n\tgithub.com/gin-gonic/gin v1.10.0\n');
    assert.deepEqual(facts.errors, ['go.mod: unclosed "require (" block', 'go.mod: no module directive']);
    assert.equal(facts.dependencies.length, 1);
  });
});

describe('pom.xml', () => {
  const pom = (body: string): string => `<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n${body}\n</project>\n`;

  it('reads the parent, dependencies, imported BOMs and plugins; fills ${x} from properties', () => {
    const text = pom([
      '  <parent>',
      '    <groupId>org.springframework.boot</groupId>',
      '    <artifactId>spring-boot-starter-parent</artifactId>',
      '    <version>3.3.0</version>',
      '  </parent>',
      '  <properties>',
      '    <pg.version>42.7.3</pg.version>',
      '  </properties>',
      '  <dependencyManagement><dependencies>',
      '    <dependency><groupId>org.testcontainers</groupId><artifactId>testcontainers-bom</artifactId><version>1.19.8</version><type>pom</type><scope>import</scope></dependency>',
      '    <dependency><groupId>com.fasterxml</groupId><artifactId>managed-only</artifactId><version>1.0</version></dependency>',
      '  </dependencies></dependencyManagement>',
      '  <dependencies>',
      '    <!-- <dependency><groupId>x</groupId><artifactId>commented</artifactId></dependency> -->',
      '    <dependency>',
      '      <groupId>org.postgresql</groupId>',
      '      <artifactId>postgresql</artifactId>',
      '      <version>${pg.version}</version>',
      '    </dependency>',
      '    <dependency>',
      '      <groupId>org.springframework.boot</groupId>',
      '      <artifactId>spring-boot-starter-test</artifactId>',
      '      <scope>test</scope>',
      '    </dependency>',
      '  </dependencies>',
      '  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin></plugins></build>',
    ].join('\n'));
    const facts = parse('pom.xml', text);
    assert.equal(facts.errors, undefined);
    assert.deepEqual(rows(facts), [
      ['org.springframework.boot:spring-boot-starter-parent', '3.3.0', 4],
      ['org.testcontainers:testcontainers-bom', '1.19.8', 11],
      ['org.postgresql:postgresql', '42.7.3', 18],
      ['org.springframework.boot:spring-boot-starter-test', undefined, 23, true],
      ['org.apache.maven.plugins:maven-surefire-plugin', '3.2.5', 27],
    ]);
    // The version of a ${property} lives in <properties>: that is where an update goes.
    assert.equal(versionText(text, facts.dependencies[2]), '42.7.3');
    assert.equal((facts.dependencies[2] as ParsedDependency).versionRange!.start.line, 8);
    assert.equal(versionText(text, facts.dependencies[0]), '3.3.0');
  });

  it('reports an undefined property and invalid XML without throwing', () => {
    const undef = parse('pom.xml', pom('<dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>${missing}</version></dependency></dependencies>'));
    assert.deepEqual(undef.errors, ['pom.xml: a: version property ${missing} is not defined in this pom']);
    const broken = parse('pom.xml', '<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n');
    assert.equal(broken.dependencies.length, 0);
    assert.match(broken.errors![0]!, /^pom\.xml: invalid XML at line \d+: /);
  });
});

describe('Gradle', () => {
  it('reads a Groovy build: plugins block, apply plugin, string, map and platform forms, ext variables', () => {
    const text = [
      'plugins {',
      "    id 'java'",
      "    id 'org.springframework.boot' version '3.1.11'",
      '}',
      "apply plugin: 'io.spring.dependency-management'",
      'ext {',
      "    jjwtVersion = '0.12.5'",
      '}',
      'dependencies {',
      "    implementation 'org.springframework.boot:spring-boot-starter-web'",
      '    implementation "io.jsonwebtoken:jjwt-api:${jjwtVersion}"',
      "    implementation platform('org.springframework.cloud:spring-cloud-dependencies:2023.0.1')",
      "    runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.3'",
      "    // implementation 'org.mongodb:mongodb-driver-sync:5.0.0'",
      "    testImplementation('org.springframework.boot:spring-boot-starter-test')",
      '}',
    ].join('\n');
    const facts = parse('build.gradle', text);
    assert.equal(facts.errors, undefined);
    assert.deepEqual(rows(facts), [
      ['java', undefined, 1],
      ['org.springframework.boot', '3.1.11', 2],
      ['io.spring.dependency-management', undefined, 4],
      ['org.springframework.boot:spring-boot-starter-web', undefined, 9],
      ['io.jsonwebtoken:jjwt-api', '0.12.5', 10],
      ['org.springframework.cloud:spring-cloud-dependencies', '2023.0.1', 11],
      ['org.postgresql:postgresql', '42.7.3', 12],
      ['org.springframework.boot:spring-boot-starter-test', undefined, 14, true],
    ]);
    assert.equal(versionText(text, facts.dependencies[1]), '3.1.11');
    assert.equal(versionText(text, facts.dependencies[6]), '42.7.3');
    assert.equal(versionText(text, facts.dependencies[5]), '2023.0.1');
  });

  it('reads a Kotlin DSL plugins block with kotlin("…") ids', () => {
    const facts = parse('build.gradle.kts', 'plugins {\n    kotlin("jvm") version "2.0.0"\n    id("org.springframework.boot") version "3.3.0"\n}\n');
    assert.deepEqual(rows(facts), [['org.jetbrains.kotlin.jvm', '2.0.0', 1], ['org.springframework.boot', '3.3.0', 2]]);
  });

  it('reports unbalanced braces and keeps what it read', () => {
    const facts = parse('build.gradle', "plugins {\n  id 'org.springframework.boot' version '3.2.0'\n");
    assert.deepEqual(facts.errors, ['build.gradle: unbalanced braces (1 unclosed)']);
    assert.deepEqual(rows(facts), [['org.springframework.boot', '3.2.0', 1]]);
  });
});

describe('Gradle version catalog', () => {
  const CATALOG = [
    '[versions]',
    'spring-boot = "3.2.5"',
    'jjwt = { strictly = "0.12.5" }',
    '',
    '[libraries]',
    'boot-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "spring-boot" }',
    'jjwt-api = { group = "io.jsonwebtoken", name = "jjwt-api", version.ref = "jjwt" }',
    'postgres = "org.postgresql:postgresql:42.7.3"',
    'flyway = { module = "org.flywaydb:flyway-core", version = "10.11.0" }',
    'bom = { module = "org.springframework.cloud:spring-cloud-dependencies" }',
    'broken = "no-colon"',
    '',
    '[plugins]',
    'spring-boot = { id = "org.springframework.boot", version.ref = "spring-boot" }',
    'kotlin-jvm = "org.jetbrains.kotlin.jvm:1.9.23"',
  ].join('\n');

  it('is gradle/*.versions.toml', () => {
    for (const p of ['gradle/libs.versions.toml', 'app/gradle/deps.versions.toml']) assert.ok(isManifestPath(p), p);
    for (const p of ['libs.versions.toml', 'gradle/libs.toml', 'app/config/libs.versions.toml']) assert.ok(!isManifestPath(p), p);
  });

  it('reads libraries and plugins in every form, versions through version.ref, where each version stands', () => {
    const facts = parse('app/gradle/libs.versions.toml', CATALOG);
    assert.equal(facts.kind, 'libs.versions.toml');
    assert.deepEqual(rows(facts), [
      ['org.springframework.boot:spring-boot-starter-web', '3.2.5', 5],
      ['io.jsonwebtoken:jjwt-api', '0.12.5', 6],
      ['org.postgresql:postgresql', '42.7.3', 7],
      ['org.flywaydb:flyway-core', '10.11.0', 8],
      ['org.springframework.cloud:spring-cloud-dependencies', undefined, 9],
      ['org.springframework.boot', '3.2.5', 13],
      ['org.jetbrains.kotlin.jvm', '1.9.23', 14],
    ]);
    const by = (name: string): ParsedDependency | undefined => facts.dependencies.find((d) => d.name === name) as ParsedDependency | undefined;
    assert.deepEqual(by('org.springframework.boot')!.versionRange, { start: { line: 1, character: 15 }, end: { line: 1, character: 20 } }, 'a version.ref stands in [versions]');
    assert.equal(versionText(CATALOG, by('org.postgresql:postgresql')), '42.7.3');
    assert.equal(versionText(CATALOG, by('org.flywaydb:flyway-core')), '10.11.0');
    assert.equal(by('io.jsonwebtoken:jjwt-api')!.versionRange, undefined, 'a rich version is not edited in place');
    assert.deepEqual(parse('gradle/libs.versions.toml', '[libraries\n').errors?.length, 1);
  });
});

describe('sbt', () => {
  it('reads coordinates with %% and %, val versions, test scope; plugins.sbt addSbtPlugin', () => {
    const text = 'val pekkoVersion = "1.0.2"\nlibraryDependencies ++= Seq(\n  "org.apache.pekko" %% "pekko-stream" % pekkoVersion,\n  "org.scalatest" %% "scalatest" % "3.2.18" % "test"\n)\n';
    assert.deepEqual(rows(parse('build.sbt', text)), [['org.apache.pekko:pekko-stream', '1.0.2', 2], ['org.scalatest:scalatest', '3.2.18', 3, true]]);
    const plugins = parse('project/plugins.sbt', 'addSbtPlugin("com.typesafe.play" % "sbt-plugin" % "2.9.2")\n');
    assert.equal(plugins.kind, 'plugins.sbt');
    assert.deepEqual(rows(plugins), [['com.typesafe.play:sbt-plugin', '2.9.2', 0]]);
    assert.equal(versionText('addSbtPlugin("com.typesafe.play" % "sbt-plugin" % "2.9.2")', plugins.dependencies[0]), '2.9.2');
  });

  it('reports unbalanced parentheses', () => {
    assert.deepEqual(parse('build.sbt', 'libraryDependencies ++= Seq(\n  "a" %% "b" % "1.0"\n').errors, ['build.sbt: unbalanced parentheses (1 "(" and 0 ")")']);
  });
});

describe('package.json, composer.json and their lockfiles', () => {
  it('reads every dependency section with positions and version ranges', () => {
    const text = '{\n  "dependencies": { "Express": "^4.19.2" },\n  "devDependencies": {\n    "jest": "^29.7.0"\n  }\n}\n';
    const facts = parse('package.json', text);
    assert.deepEqual(rows(facts), [['Express', '^4.19.2', 1], ['jest', '^29.7.0', 3, true]]);
    assert.deepEqual(facts.dependencies[0]!.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 40 } });
    assert.equal(versionText(text, facts.dependencies[0]), '^4.19.2');
  });

  it('reads package-lock v1 and v3, top-level packages only', () => {
    assert.deepEqual(parse('package-lock.json', '{"lockfileVersion":1,"dependencies":{"express":{"version":"4.17.1"}}}').resolved, { express: '4.17.1' });
    assert.deepEqual(parse('package-lock.json', '{"packages":{"node_modules/@nestjs/core":{"version":"10.3.8"},"node_modules/a/node_modules/@nestjs/core":{"version":"9.0.0"}}}').resolved, { '@nestjs/core': '10.3.8' });
  });

  it('reads composer.json and composer.lock', () => {
    assert.deepEqual(rows(parse('composer.json', '{"require": {"php": ">=8.2", "symfony/framework-bundle": "7.1.*"}, "require-dev": {"phpunit/phpunit": "^11"}}')), [
      ['php', '>=8.2', 0],
      ['symfony/framework-bundle', '7.1.*', 0],
      ['phpunit/phpunit', '^11', 0, true],
    ]);
    assert.deepEqual(parse('composer.lock', '{"packages":[{"name":"Laravel/Framework","version":"v11.9.2"}],"packages-dev":[]}').resolved, { 'laravel/framework': '11.9.2' });
  });

  it('reports broken JSON with its place and never throws', () => {
    const facts = parse('package.json', '{\n  "dependencies": {\n    "express": "^4.19.2",\n  }\n}\n');
    assert.equal(facts.errors?.[0], 'package.json: invalid JSON at line 4, column 3: PropertyNameExpected');
    for (const [path, text] of [['package.json', '[1, 2]'], ['composer.json', ''], ['package-lock.json', '{'], ['Pipfile', '[packages'], ['pom.xml', ''], ['Cargo.lock', 'x']] as const) {
      const f = parse(path, text);
      assert.ok(Array.isArray(f.dependencies), path);
      assert.ok((f.errors?.length ?? 0) > 0, `${path} gives an error`);
    }
  });
});
