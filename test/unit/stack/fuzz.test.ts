import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { manifestKind, parseManifest } from '../../../server/src/service/stack/manifests';

/**
 * Every manifest parser, fed random text and text built from its own grammar's pieces, must
 * return (never throw) within a time budget, with every range inside the text. Grammar-shaped
 * pieces are also repeated into inputs of about a megabyte, where anything worse than linear
 * shows against the time a quarter of the same text takes.
 */

interface Format {
  readonly path: string;
  /** Pieces of the format's grammar, joined in random order to make grammar-shaped input. */
  readonly pieces: readonly string[];
}

const SPACE = [' ', '\n', '\t', '\r\n', '  '];
const JSON_PIECES = ['{', '}', '[', ']', ',', ':', '"dependencies"', '"devDependencies"', '"require"', '"packages"', '"default"', '"express"', '"^4.18.0"', '"node_modules/express"', '"version"', '"1.0.0"', '"name"', 'null', '1', '"\\u0000"', '"\\"'];
const TOML_PIECES = ['[project]', '[dependencies]', '[dev-dependencies]', '[workspace]', '[tool.poetry.dependencies]', '[[package]]', '[versions]', '[libraries]', '[plugins]', 'dependencies = [', ']', '"fastapi>=0.100"', 'x = "1.0"', 'y = { version = "2", features = ["postgres"] }', 'name = "axum"', 'version = "0.7.0"', 'v.ref = "v"', 'module = "g:a"', '"""', "'''", '#', '=', '"', "'", '{', '}', ','];
const GRADLE_PIECES = ['plugins {', 'dependencies {', 'buildscript {', 'ext {', '}', '{', "implementation 'g:a:1'", 'implementation("g:a:$v")', 'testImplementation(platform("g:bom:1"))', "id 'org.springframework.boot' version '3.0.0'", 'id("x") version "1" apply false', 'kotlin("jvm")', 'alias(libs.plugins.spring)', "include ':app', ':lib'", 'include("x")', '//', '/*', '*/', '"', "'", '(', ')', 'val v = "1"', "def v = '1'", 'group: "g", name: "a", version: "1"', '$', '${v}'];

const FORMATS: readonly Format[] = [
  { path: 'package.json', pieces: JSON_PIECES },
  { path: 'composer.json', pieces: JSON_PIECES },
  { path: 'package-lock.json', pieces: JSON_PIECES },
  { path: 'composer.lock', pieces: JSON_PIECES },
  { path: 'Pipfile.lock', pieces: JSON_PIECES },
  { path: 'requirements.txt', pieces: ['flask', 'Django', '==', '>=', '~=', '!=', '1.0', '2.*', ',', '\\', '#', '-r base.txt', '-e .', '--hash=sha256:ab', '[async]', ';', 'python_version < "3.9"', '@', 'https://x/y.whl', '(', ')', './local'] },
  { path: 'requirements/base.txt', pieces: ['fastapi', '>=0.1', '\\', '#', '-c constraints.txt'] },
  { path: 'pyproject.toml', pieces: TOML_PIECES },
  { path: 'Pipfile', pieces: ['[packages]', '[dev-packages]', 'flask = "*"', 'django = {version = ">=4"}', ...TOML_PIECES] },
  { path: 'poetry.lock', pieces: TOML_PIECES },
  { path: 'Cargo.toml', pieces: ['[dependencies.sqlx]', 'features = ["postgres", "runtime-tokio"]', 'members = ["a", "b"]', ...TOML_PIECES] },
  { path: 'Cargo.lock', pieces: TOML_PIECES },
  { path: 'gradle/libs.versions.toml', pieces: TOML_PIECES },
  { path: 'go.mod', pieces: ['module example.com/x', 'go 1.22', 'require (', ')', 'require', 'github.com/gin-gonic/gin v1.9.1', 'gorm.io/driver/mysql v1.5.0', '// indirect', 'replace a => b v1', 'exclude', '(', '//'] },
  { path: 'go.sum', pieces: ['github.com/gin-gonic/gin', 'v1.9.1', 'v1.9.1/go.mod', 'h1:abc=', 'h1:', '/go.mod'] },
  { path: 'pom.xml', pieces: ['<project>', '</project>', '<parent>', '</parent>', '<dependencies>', '</dependencies>', '<dependency>', '</dependency>', '<groupId>org.springframework.boot</groupId>', '<artifactId>spring-boot-starter-web</artifactId>', '<version>${v}</version>', '<version>&v;</version>', '<properties>', '</properties>', '<v>3.2.0</v>', '<packaging>pom</packaging>', '<modules>', '<module>api</module>', '</modules>', '<scope>test</scope>', '<!--', '-->', '<![CDATA[', ']]>', '<', '>', '&', '&#48;'] },
  { path: 'build.gradle', pieces: GRADLE_PIECES },
  { path: 'build.gradle.kts', pieces: GRADLE_PIECES },
  { path: 'build.sbt', pieces: ['"g" %% "a" % "1"', '"g" % "a" % v', '% Test', '% "test"', 'libraryDependencies ++= Seq(', 'libraryDependencies +=', ')', '(', ',', 'val v = "1"', '//', '/*', '*/', '"', 'enablePlugins(PlayScala)', 'lazy val root = (project in file("."))'] },
  { path: 'settings.gradle.kts', pieces: ['include(', 'include ', '":app"', "':lib'", ')', ',', 'rootProject.name = "x"', '//', '/*', '*/'] },
  { path: 'go.work', pieces: ['go 1.22', 'use (', ')', 'use', './api', '"./web"', '//'] },
  { path: 'uv.lock', pieces: TOML_PIECES },
  { path: 'yarn.lock', pieces: ['"express@^4.18.0", express@^4.17.1:', '@nestjs/core@npm:^10:', '  version "4.18.3"', '  version: 10.3.7', '  resolved "x"', '#', ':', '"', ','] },
  { path: 'pnpm-lock.yaml', pieces: ['packages:', 'importers:', '  /express@4.18.2:', "  '@fastify/jwt@8.0.0':", '  fastify@4.26.2(x@1):', '    resolution: {integrity: x}', '  /a/1.0.0:'] },
  { path: '.env.example', pieces: ['DATABASE_URL=', 'postgres://u:p@h/db', 'mysql+pymysql://h', 'redis://', 'mongodb+srv://', 'DB_CONNECTION=', 'pgsql', 'export ', '#', '=', '"'] },
  { path: 'docker-compose.yml', pieces: ['services:', '  db:', '    image: postgres:16', '    image: "redis:7"', '- image:', 'environment:', '      - DATABASE_URL=postgres://x', '#'] },
  { path: 'src/main/resources/application.properties', pieces: ['spring.datasource.url=', 'jdbc:postgresql://h/db', 'jdbc:mysql:', 'org.postgresql.Driver', 'r2dbc:postgresql://', '#', '='] },
  { path: 'config/database.php', pieces: ["'default' => env('DB_CONNECTION', 'mysql'),", "'default' => 'sqlite',", '<?php', 'return [', '];', '//'] },
  { path: 'prisma/schema.prisma', pieces: ['datasource db {', 'provider = "postgresql"', 'provider = "mongodb"', '}', 'generator client {', 'model User {', '//'] },
  { path: 'project/plugins.sbt', pieces: ['addSbtPlugin("org.playframework" % "sbt-plugin" % "3.0.0")', 'addSbtPlugin(', ')', '"', '%'] },
];

/** A parse of `text` as `path`: it returns in time and its ranges lie inside the text. */
function check(path: string, text: string, budgetMs: number): void {
  const started = performance.now();
  const facts = parseManifest(path, text);
  const took = performance.now() - started;
  assert.ok(took < budgetMs, `${path}: ${text.length} characters took ${Math.round(took)} ms (budget ${budgetMs} ms)`);
  if (!facts) return;
  assert.equal(facts.path, path);
  const lines = text.split('\n').length;
  for (const dep of facts.dependencies) {
    assert.equal(typeof dep.name, 'string');
    assert.ok(dep.range.start.line >= 0 && dep.range.end.line < lines, `${path}: range of ${dep.name} outside the text`);
  }
  for (const e of facts.errors ?? []) assert.ok(e.length < 400, `${path}: an error message of ${e.length} characters`);
}

/** Milliseconds `run` takes, the least of three runs (a busy machine adds, never takes away). */
function timed(run: () => void): number {
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    least = Math.min(least, performance.now() - started);
  }
  return least;
}

const grammar = (pieces: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...SPACE), fc.string({ maxLength: 6 })), { maxLength: 120 }).map((parts) => parts.join(''));

describe('manifest parsers under fuzzing', function () {
  this.timeout(60_000);

  for (const format of FORMATS) {
    describe(format.path, () => {
      it('is a manifest path', () => assert.ok(manifestKind(format.path) !== undefined));

      it('never throws or stalls on random text', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => check(format.path, text, 250)), { numRuns: 60, seed: 11 });
      });

      it('never throws or stalls on text made of its grammar', () => {
        fc.assert(fc.property(grammar(format.pieces), (text) => check(format.path, text, 250)), { numRuns: 80, seed: 12 });
      });

      it('grows linearly when a piece of grammar fills a megabyte', () => {
        fc.assert(
          fc.property(grammar(format.pieces).filter((s) => s.length > 0), fc.constantFrom('', '\n', ' '), (unit, glue) => {
            const copies = Math.ceil(1_000_000 / (unit.length + glue.length));
            // Timed against a quarter of the text, so that a busy machine slows both alike: a
            // linear parser takes about 4 times as long for the whole, a quadratic one 16 times.
            const quarter = timed(() => check(format.path, (unit + glue).repeat(Math.ceil(copies / 4)), 30_000));
            const whole = timed(() => check(format.path, (unit + glue).repeat(copies), 30_000));
            assert.ok(whole <= Math.max(10 * quarter, 500), `${format.path}: a megabyte took ${Math.round(whole)} ms, a quarter of it ${Math.round(quarter)} ms`);
          }),
          { numRuns: 3, seed: 13 },
        );
      });
    });
  }
});
