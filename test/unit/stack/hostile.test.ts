import { strict as assert } from 'node:assert';
import { parseManifest } from '../../../server/src/service/stack/manifests';
import { toRange, versionsAgree } from '../../../server/src/service/stack/versions';
import type { ManifestFacts } from '../../../server/src/service/types';
import { cpuTimed } from '../cpuTime';

/** Parses and times one manifest; fails past `budgetMs` of CPU time. */
function timed(path: string, text: string, budgetMs = 5000): ManifestFacts {
  const { value: facts, ms: took } = cpuTimed(() => parseManifest(path, text));
  assert.ok(facts, `${path} is a manifest`);
  assert.ok(took < budgetMs, `${path} (${text.length} characters) took ${Math.round(took)} ms`);
  return facts;
}

/** The shapes of the hostile-input catalogue that once hung a manifest parser, at the size that showed it. */
describe('manifests a user could commit that once hung a parser', function () {
  this.timeout(60_000);

  it('a requirements line padded with spaces is read in linear time, its version without the padding', () => {
    const pad = ' '.repeat(200_000);
    const facts = timed('requirements.txt', `flask==${pad}3.0,${pad}<4\nrequests${pad}!\n`);
    assert.deepEqual(facts.dependencies.map((d) => [d.name, d.version]), [['flask', '== 3.0, <4']]);
    assert.equal(facts.errors?.length, 1);
    assert.ok(facts.errors![0]!.length < 200, 'the bad line is quoted, not echoed whole');
  });

  it('300,000 backslash-continued requirement lines are one logical line', () => {
    const facts = timed('requirements.txt', `django==5.0 \\\n${'    --hash=sha256:00ff \\\n'.repeat(300_000)}    --hash=sha256:ab\nflask\n`);
    assert.deepEqual(facts.dependencies.map((d) => [d.name, d.version, d.line]), [['django', '==5.0', 0], ['flask', undefined, 300_002]]);
  });

  it('build.gradle and build.sbt with a million blank lines', () => {
    const blank = '\n'.repeat(1_000_000);
    const gradle = timed('build.gradle', `def springVersion = '6.1.0'\n${blank}dependencies {\n${blank}  implementation "org.springframework:spring-web:$springVersion"\n}\n`);
    assert.deepEqual(gradle.dependencies.map((d) => [d.name, d.version]), [['org.springframework:spring-web', '6.1.0']]);
    const sbt = timed('build.sbt', `val playV = "3.0.1"\n${blank}libraryDependencies += "org.playframework" %% "play" % playV\n${blank}`);
    assert.deepEqual(sbt.dependencies.map((d) => [d.name, d.version]), [['org.playframework:play', '3.0.1']]);
  });

  it('build.gradle with 200,000 blocks', () => {
    const facts = timed('build.gradle', `${'configurations { compileOnly { } }\n'.repeat(200_000)}dependencies { implementation 'io.ktor:ktor-server-core:2.3.0' }\n`);
    assert.deepEqual(facts.dependencies.map((d) => d.name), ['io.ktor:ktor-server-core']);
    const nested = timed('build.gradle', `${'a {\n'.repeat(100_000)}${'}\n'.repeat(100_000)}`);
    assert.equal(nested.errors, undefined);
  });

  it('Cargo.toml with 60,000 dependencies, each found at its own line', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `crate${i} = "1.${i}"`);
    const facts = timed('Cargo.toml', `[package]\nname = "big"\n\n[dependencies]\n${lines.join('\n')}\n`);
    assert.equal(facts.dependencies.length, 60_000);
    assert.deepEqual([facts.dependencies[59_999]!.name, facts.dependencies[59_999]!.line], ['crate59999', 60_003]);
  });

  it('an unexpanded XML entity is not taken as a version; numeric references are read', () => {
    const pom = (version: string): string =>
      `<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>${version}</version></dependency></dependencies></project>`;
    const named = timed('pom.xml', pom('&bootVersion;'));
    assert.equal(named.dependencies[0]!.version, undefined);
    assert.match(named.errors![0]!, /XML entity &bootVersion;.*not expanded/);
    assert.equal(timed('pom.xml', pom('3.2.&#48;')).dependencies[0]!.version, '3.2.0');
  });

  it('a version of a hundred thousand characters is no range and compares as text, at once', () => {
    const long = `1${'.1'.repeat(50_000)}!`;
    const { ms } = cpuTimed(() => {
      assert.equal(toRange(long, 'npm'), undefined);
      assert.equal(versionsAgree('1.0', long, null, 'npm'), false);
    });
    assert.ok(ms < 1000, `took ${Math.round(ms)} ms of CPU`);
  });

  it('a file of broken lines reports the first few problems and counts the rest', () => {
    const facts = timed('go.mod', `module x\n${'what is this\n'.repeat(50_000)}`);
    assert.equal(facts.errors!.length, 11);
    assert.match(facts.errors![10]!, /49990 more problems/);
  });
});
