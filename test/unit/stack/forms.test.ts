import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryWorkspace } from '../../../server/src/service/inMemoryWorkspace';
import { detectStack } from '../../../server/src/service/stack/detect';
import { isManifestPath, parseManifest } from '../../../server/src/service/stack/manifests';
import { readStack } from '../../../server/src/service/stack/readStack';
import type { ServiceStack, StackReport } from '../../../server/src/service/types';
import { cpuTimedAsync } from '../cpuTime';

const FORMS_DIR = join(__dirname, '../../fixtures/stack/forms');

/** The stack of one fixture folder, read as a workspace of its own (manifests and file paths). */
function stackOf(folder: string): StackReport {
  const root = join(FORMS_DIR, folder);
  const paths = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1).split('\\').join('/'));
  const manifests = paths.filter(isManifestPath).flatMap((p) => parseManifest(p, readFileSync(join(root, p), 'utf8')) ?? []);
  return detectStack(manifests, paths);
}

const serviceAt = (report: StackReport, root: string): ServiceStack => {
  const s = report.services.find((x) => x.root === root);
  assert.ok(s, `a service at ${root}; found ${report.services.map((x) => x.root).join(', ')}`);
  return s;
};

describe('stack forms: databases wherever a project names them', () => {
  const report = stackOf('databases');
  const sources = (root: string): string[] => serviceAt(report, root).databaseSources.map((d) => `${d.id} ${d.file}:${d.line}`);

  it('a Prisma datasource provider, with its file and line; @keyv/redis is Redis', () => {
    assert.deepEqual(sources('nest-prisma'), ['redis nest-prisma/package.json:6', 'postgresql nest-prisma/prisma/schema.prisma:6']);
    assert.deepEqual(serviceAt(report, 'nest-prisma').databases, ['postgresql', 'redis']);
    assert.deepEqual(serviceAt(report, 'nest-prisma').testing, ['playwright']);
  });

  it('Cargo features of rocket_sync_db_pools; jsonwebtoken and oauth2 crates', () => {
    assert.deepEqual(sources('rocket-sqlite'), ['sqlite rocket-sqlite/Cargo.toml:10']);
    assert.deepEqual(serviceAt(report, 'rocket-sqlite').auth, ['jsonwebtoken', 'oauth2-rs']);
  });

  it('a Go driver required only // indirect behind GORM; golang-jwt, jwt-go and x/oauth2', () => {
    const gin = serviceAt(report, 'gin-gorm');
    assert.deepEqual(sources('gin-gorm'), ['mysql gin-gorm/go.mod:13']);
    assert.deepEqual(gin.orms, ['gorm']);
    assert.deepEqual(gin.auth, ['golang-jwt', 'x-oauth2'], 'an indirect jwt-go is no choice of the service');
  });

  it('Laravel config/database.php default and .env.example URLs, comments left alone; Socialite and Mockery', () => {
    assert.deepEqual(sources('laravel'), ['redis laravel/.env.example:3', 'postgresql laravel/config/database.php:5']);
    assert.deepEqual(serviceAt(report, 'laravel').auth, ['laravel-socialite']);
    assert.deepEqual(serviceAt(report, 'laravel').testing, ['phpunit', 'mockery']);
  });

  it('Spring application.yml; Boot 4 test starters are JUnit and Mockito; Ebean', () => {
    const spring = serviceAt(report, 'spring');
    assert.deepEqual(sources('spring'), ['postgresql spring/src/main/resources/application.yml:3']);
    assert.deepEqual(spring.testing, ['junit', 'mockito']);
    assert.deepEqual(spring.orms, ['ebean']);
    assert.equal(spring.frameworks[0]!.version, '4.0.0');
  });

  it('Compose images; fastify-redis and bull are Redis; @fastify/jwt', () => {
    assert.deepEqual(sources('fastify'), ['redis fastify/package.json:5', 'postgresql fastify/docker-compose.yml:5', 'redis fastify/docker-compose.yml:7']);
    assert.deepEqual(serviceAt(report, 'fastify').auth, ['fastify-jwt']);
  });

  it('express-jwt, Flask-HTTPAuth and a Celery redis extra', () => {
    assert.deepEqual(sources('express'), ['mongodb express/.env.example:1']);
    assert.deepEqual(serviceAt(report, 'express').auth, ['express-jwt']);
    assert.deepEqual(serviceAt(report, 'flask').auth, ['flask-httpauth']);
    assert.deepEqual(serviceAt(report, 'flask').databases, ['redis']);
  });
});

describe('stack forms: multi-module builds', () => {
  it('Maven: the aggregator is set apart, modules take versions along their parent chain and BOM imports', () => {
    const report = stackOf('maven-multi');
    assert.deepEqual(report.aggregators, [{ root: '.', manifest: 'pom.xml' }, { root: 'platform', manifest: 'platform/pom.xml' }]);
    const api = serviceAt(report, 'api');
    assert.deepEqual(api.frameworks.map((f) => [f.name, f.version, f.manifest]), [['spring-boot', '3.2.5', 'api/pom.xml']]);
    assert.deepEqual(api.auth, ['jjwt']);
    assert.deepEqual(serviceAt(report, 'billing').frameworks.map((f) => [f.name, f.version]), [['spring-boot', '3.3.1']], 'a relativePath parent importing spring-boot-dependencies');
    assert.equal(serviceAt(report, 'core').role, 'library');
    assert.equal(api.role, 'service');
  });

  it('Gradle: only included projects, catalog aliases resolved, apply false not counted, Kotlin from sources', () => {
    const report = stackOf('gradle-multi');
    assert.deepEqual(report.services.map((s) => s.root), ['app', 'lib']);
    assert.deepEqual(report.aggregators, [{ root: '.', manifest: 'settings.gradle.kts' }]);
    const app = serviceAt(report, 'app');
    assert.deepEqual(app.frameworks.map((f) => [f.name, f.version]), [['spring-boot', '3.2.5']]);
    assert.deepEqual([app.language, app.role, app.testing], ['kotlin', 'service', ['kotest', 'mockk']]);
    assert.deepEqual([serviceAt(report, 'lib').language, serviceAt(report, 'lib').role], ['kotlin', 'library']);
  });

  it('go.work: a module gets the web framework of the member module it requires', () => {
    const report = stackOf('go-work');
    assert.deepEqual(report.services.map((s) => [s.root, s.frameworks.map((f) => [f.name, f.manifest])]), [
      ['api', [['gin', 'httpkit/go.mod']]],
      ['httpkit', [['gin', 'httpkit/go.mod']]],
    ]);
  });

  it('Cargo workspace: the virtual root apart, the root Cargo.lock resolving members, a lib-only crate a library', () => {
    const report = stackOf('cargo-workspace');
    assert.deepEqual(report.aggregators, [{ root: '.', manifest: 'Cargo.toml' }]);
    assert.deepEqual(serviceAt(report, 'server').frameworks.map((f) => [f.name, f.version, f.resolved]), [['axum', '0.7', '0.7.5']]);
    assert.equal(serviceAt(report, 'server').role, 'service');
    assert.equal(serviceAt(report, 'shared').role, 'library');
  });

  it('a uv project with a package.json for tooling is Python, resolved by uv.lock', () => {
    const root = serviceAt(stackOf('uv-root'), '.');
    assert.deepEqual([root.language, root.frameworks.map((f) => [f.name, f.resolved])], ['python', [['fastapi', '0.110.1']]]);
    assert.deepEqual([root.databases, root.orms], [['postgresql'], ['sqlalchemy']]);
  });

  it('yarn.lock (classic and Berry) and pnpm-lock.yaml give resolved versions', () => {
    const report = stackOf('lockfiles');
    assert.deepEqual(report.services.map((s) => [s.root, s.frameworks.map((f) => f.resolved)]), [
      ['berry-app', ['10.3.7']],
      ['pnpm-app', ['4.26.2']],
      ['yarn-app', ['4.18.3']],
    ]);
  });

  it('a framework only in devDependencies or peerDependencies makes a library, not a service', () => {
    const report = stackOf('dev-only');
    assert.deepEqual(report.services.map((s) => [s.root, s.role, s.frameworks.length]), [['mock-server', 'library', 0], ['nest-lib', 'library', 0]]);
  });

  it('Play written in Java: Java from its sources, specs2 % Test, Ebean, Anorm and the database of application.conf', () => {
    const play = serviceAt(stackOf('play-java'), '.');
    assert.deepEqual([play.language, play.frameworks.map((f) => [f.name, f.version])], ['java', [['play', '3.0.2']]]);
    assert.deepEqual([play.testing, play.orms, play.databases], [['specs2'], ['ebean', 'anorm'], ['postgresql']]);
  });
});

describe('stack on a 30-module build', () => {
  it('reads a Maven parent with 30 modules and a Gradle build with 30 projects in under a second', async () => {
    const files: Record<string, string> = {};
    const modules = Array.from({ length: 30 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    files['pom.xml'] = `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version><relativePath/></parent><groupId>com.example</groupId><artifactId>big</artifactId><version>1</version><packaging>pom</packaging><modules>${modules.map((m) => `<module>${m}</module>`).join('')}</modules><properties><jjwt.version>0.12.5</jjwt.version></properties></project>`;
    files['gradle/settings.gradle.kts'] = modules.map((m) => `include("${m}")`).join('\n');
    files['gradle/gradle/libs.versions.toml'] = '[versions]\nktor = "2.3.11"\n[libraries]\nkotest = "io.kotest:kotest-runner-junit5:5.8.1"\n[plugins]\nspring-boot = { id = "org.springframework.boot", version = "3.3.0" }\n';
    files['gradle/build.gradle.kts'] = 'plugins {\n  alias(libs.plugins.spring.boot) apply false\n}\n';
    for (const m of modules) {
      files[`${m}/pom.xml`] = `<project><parent><groupId>com.example</groupId><artifactId>big</artifactId><version>1</version></parent><artifactId>${m}</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>io.jsonwebtoken</groupId><artifactId>jjwt-api</artifactId><version>\${jjwt.version}</version></dependency></dependencies></project>`;
      files[`${m}/src/main/java/App.java`] = 'class App {}\n';
      files[`gradle/${m}/build.gradle.kts`] = 'plugins {\n  alias(libs.plugins.spring.boot)\n}\ndependencies {\n  testImplementation(libs.kotest)\n}\n';
    }
    const { value: { report }, ms: took } = await cpuTimedAsync(() => readStack(new InMemoryWorkspace(files)));
    console.log(`      stack on 30 Maven modules + 30 Gradle projects: ${took.toFixed(0)} ms`);
    assert.ok(took < 1000, `took ${Math.round(took)} ms`);
    assert.equal(report.services.length, 60, report.services.map((s) => `${s.root}:${s.frameworks[0]?.version}`).join(" "));
    assert.ok(report.services.every((s) => s.frameworks[0]?.name === 'spring-boot' && s.frameworks[0].version === '3.3.0'));
  });
});

describe('stack roles without a framework', () => {
  it('a folder with a program entry point stays a service; one without is a library', () => {
    const manifests = [
      parseManifest('web/package.json', '{ "dependencies": { "react": "^18.2.0" } }')!,
      parseManifest('tools/package.json', '{ "dependencies": { "lodash": "^4.17.21" } }')!,
    ];
    const report = detectStack(manifests, ['web/package.json', 'web/index.html', 'web/src/App.tsx', 'tools/package.json', 'tools/src/strings.ts']);
    assert.deepEqual(report.services.map((s) => [s.root, s.role, s.language]), [['tools', 'library', 'typescript'], ['web', 'service', 'typescript']]);
  });
});

describe('stack per service: databases where they are used, libraries apart, the locked version of each member', () => {
  const db = (report: StackReport, root: string): string[] => serviceAt(report, root).databaseSources.map((d) => `${d.id} ${d.file}:${d.line}`);

  it('Compose: each service gets the databases it depends on, links or reaches, not every database of the file', () => {
    const report = stackOf('compose-services');
    // depends_on db (a postgres image), and the root .env.example for the one service with an ORM.
    assert.deepEqual(db(report, 'api'), ['postgresql .env.example:1', 'postgresql docker-compose.yml:25']);
    // A redis:// URL naming the cache host, and an image-only file running acme/shop_worker; the test file's db is not the worker's.
    assert.deepEqual(serviceAt(report, 'worker').databases, ['redis']);
    assert.deepEqual(db(report, 'worker').map((s) => s.split(' ')[1]!.split(':')[0]), ['docker-compose.images.yml', 'docker-compose.yml']);
    // links to a service built from a folder named mysql.
    assert.deepEqual(serviceAt(report, 'legacy').databases, ['mysql']);
    // Built through dockerfile: web/Dockerfile, depends only on the api.
    assert.deepEqual(serviceAt(report, 'web').databases, []);
  });

  it('pnpm workspace: versions from the member\'s importers entry, databases through workspace:* packages, the package a library', () => {
    const report = stackOf('pnpm-workspace');
    const express = (root: string): unknown => serviceAt(report, root).frameworks.map((f) => [f.name, f.version, f.resolved]);
    assert.deepEqual(express('apps/api'), [['express', '^4.21.0', '4.21.2']]);
    assert.deepEqual(express('apps/admin'), [['express', '^4.18.0', '4.18.3']]);
    assert.deepEqual(db(report, 'apps/api'), ['postgresql packages/db/package.json:6']);
    assert.deepEqual(serviceAt(report, 'apps/api').orms, ['drizzle']);
    assert.deepEqual(serviceAt(report, 'apps/admin').databases, []);
    assert.equal(serviceAt(report, 'packages/db').role, 'library');
    assert.equal(serviceAt(report, 'apps/api').role, 'service');
  });

  it('Maven: a module the app depends on is a library; the app runs its framework and databases', () => {
    const report = stackOf('maven-libs');
    assert.equal(serviceAt(report, 'common').role, 'library');
    const app = serviceAt(report, 'app');
    assert.equal(app.role, 'service');
    assert.deepEqual(app.frameworks.map((f) => [f.name, f.manifest]), [['spring-boot', 'common/pom.xml']]);
    assert.deepEqual(app.databases, ['mysql', 'redis']);
  });

  it('Gradle: java-library and project(\':lib\') make a library; the app reaches its driver', () => {
    const report = stackOf('gradle-libs');
    assert.equal(serviceAt(report, 'lib').role, 'library');
    assert.equal(serviceAt(report, 'app').role, 'service');
    assert.deepEqual(db(report, 'app'), ['postgresql lib/build.gradle:7']);
  });

  it('a JVM module with no main class is a library under Maven or Gradle, not a Play app started by an ApplicationLoader', () => {
    const manifests = [
      parseManifest('play/build.sbt', 'lazy val root = (project in file(".")).enablePlugins(PlayJava)\nlibraryDependencies += guice\n')!,
      parseManifest('play/project/plugins.sbt', 'addSbtPlugin("org.playframework" % "sbt-plugin" % "3.0.5")\n')!,
      parseManifest('util/pom.xml', '<project><groupId>x</groupId><artifactId>util</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.3.4</version></dependency></dependencies></project>')!,
    ];
    const report = detectStack(manifests, ['play/app/MyApplicationLoader.java', 'play/conf/application.conf', 'util/src/main/java/x/Strings.java']);
    assert.deepEqual(report.services.map((s) => [s.root, s.role, s.frameworks[0]?.name]), [['play', 'service', 'play'], ['util', 'library', 'spring-boot']]);
  });

  it('Cargo: [features] that switch on database drivers of a dependency', () => {
    const report = stackOf('cargo-features');
    assert.deepEqual(serviceAt(report, '.').databases, ['postgresql', 'sqlite']);
  });

  it('npm: a member\'s nested node_modules version in package-lock.json wins over the hoisted one', () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/express': { version: '4.18.3' }, 'apps/api/node_modules/express': { version: '4.21.2' } } });
    const manifests = [
      parseManifest('package-lock.json', lock)!,
      parseManifest('apps/api/package.json', '{ "dependencies": { "express": "^4.21.0" } }')!,
      parseManifest('apps/admin/package.json', '{ "dependencies": { "express": "^4.18.0" } }')!,
    ];
    const report = detectStack(manifests, ['apps/api/src/main.ts', 'apps/admin/src/main.ts']);
    assert.deepEqual(report.services.map((s) => [s.root, s.frameworks[0]?.resolved]), [['apps/admin', '4.18.3'], ['apps/api', '4.21.2']]);
  });
});
