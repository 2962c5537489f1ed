import * as assert from 'node:assert/strict';
import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findResultFiles } from '../../../server/src/node/testResults';
import { readResultFile } from '../../../server/src/service/evidence/results';
import { composeRoutes, extractRouteFacts } from '../../../server/src/service/routes';
import { contextPath } from '../../../server/src/service/routes/frameworks/spring';
import { EVIDENCE_FILES } from '../../fixtures/evidence';
import { load } from '../core/helpers';
import { cpuTimed, cpuTimedAsync } from '../cpuTime';
import { filesUnder, legacySpec, specchain, tempWorkspace } from '../../fixtures/cli';

/** The routes of in-memory files, as `METHOD /path`, each file read within `budgetMs` of CPU time. */
function routesWithin(budgetMs: number, files: Readonly<Record<string, string>>, frameworks: readonly string[]): string[] {
  const facts = Object.entries(files).flatMap(([path, text]) => {
    const routes = within(budgetMs, () => extractRouteFacts(path, text));
    return routes ? [{ path, routes }] : [];
  });
  return composeRoutes(facts, [{ root: '.', frameworks }]).map((r) => `${r.method} ${r.path}`);
}

/** `f`'s value, failing when it takes more than `budgetMs` of CPU time. */
function within<T>(budgetMs: number, f: () => T): T {
  const { value, ms } = cpuTimed(f);
  assert.ok(ms < budgetMs, `took ${ms.toFixed(0)} ms of CPU, over ${budgetMs} ms`);
  return value;
}

describe('hostile: the inputs and outputs of check --results, --baseline and report --html', function () {
  this.timeout(120_000);

  describe('result files', () => {
    it('a DOCTYPE of many [] pairs and no end is refused at once (it once took 2^n steps)', () => {
      for (const text of ['<!DOCTYPE ' + '[]'.repeat(32), '<!DOCTYPE ' + '[]'.repeat(200_000), '<!DOCTYPE x [' + ']'.repeat(200_000)]) {
        const read = within(2_000, () => readResultFile('r.xml', text));
        assert.deepEqual(read.cases, []);
        assert.match(read.problem ?? '', /not well-formed XML|no root element/);
      }
      // A real DOCTYPE with an internal subset is still passed over to the root element.
      const ok = readResultFile('r.xml', '<?xml version="1.0"?><!DOCTYPE testsuites [<!ENTITY a "b">]><testsuites><testsuite name="s"><testcase name="t"/></testsuite></testsuites>');
      assert.equal(ok.problem, undefined);
      assert.equal(ok.cases.length, 1);
    });

    it('a file cut off 100,000 elements deep is one short line naming the first few and counting the rest', () => {
      const read = within(5_000, () => readResultFile('r.xml', '<testsuites>' + '<testsuite>'.repeat(100_000)));
      assert.ok((read.problem ?? '').length < 300, `${read.problem?.length} characters`);
      assert.match(read.problem!, /ends with <testsuites>, <testsuite>, .* and 99996 more still open/);
    });

    it('a device or a folder named as a result file is said to be one, not missing', () => {
      assert.deepEqual(findResultFiles('/', '/', ['/dev/zero', '/tmp', '/no/such/result.xml']).problems, [
        '/dev/zero: not a regular file',
        '/tmp: a folder, not a file (give a glob such as DIR/**/*.xml)',
        '/no/such/result.xml: no such file',
      ]);
    });

    it('a megabyte-long element name is quoted clipped', () => {
      for (const text of [`<testsuites><testsuite name="s"><${'x'.repeat(1_000_000)}>`, `<testsuites><testsuite ${'x'.repeat(1_000_000)}="1" ${'x'.repeat(1_000_000)}="2"></testsuite></testsuites`]) {
        const read = readResultFile('r.xml', text);
        assert.ok(read.problem !== undefined && read.problem.length < 300, `${read.problem?.length} characters: ${read.problem?.slice(0, 300)}`);
      }
    });
  });

  describe('test titles with placeholders', () => {
    it('a title of thirty placeholders is matched against a long reported name in linear time, and still binds', async () => {
      const title = `AC-001: charges ${'%s '.repeat(30)}card`;
      const files = { ...EVIDENCE_FILES, 'web/src/pay/charge.test.ts': `// @MX:TEST: SPEC-PAY-001\nimport { describe, it } from 'vitest';\n\ndescribe('charge', () => {\n  it('${title}', () => {});\n});\n` };
      const service = await load(files);
      const testcase = (name: string): string => `<testcase classname="src/pay/charge.test.ts" name="charge &gt; ${name}" time="0.001"/>`;
      const xml = `<testsuites name="vitest tests"><testsuite name="src/pay/charge.test.ts">${testcase(`AC-001: charges ${'a '.repeat(3000)}`)}${testcase(`AC-001: charges ${'a '.repeat(30)}card`)}</testsuite></testsuites>`;
      const { ms } = await cpuTimedAsync(() => {
        service.setTestResults([readResultFile('web/junit.xml', xml)]);
        return service.evidence();
      });
      assert.ok(ms < 5_000, `took ${ms.toFixed(0)} ms of CPU`);
      const ac = service.evidence()!.item('PAY-001', 'AC-001');
      assert.equal(ac.state, 'verified');
      assert.equal(ac.tests[0]!.result?.cases, 1);
    });
  });

  describe('route files', () => {
    const blanks = ' \t'.repeat(100_000);
    it('a Play routes line ending in 200,000 blanks is read at once, its handler trimmed', () => {
      assert.deepEqual(routesWithin(2_000, { 'conf/routes': `GET /orders controllers.Orders.list()${blanks}\nPOST /orders controllers.Orders.add()${blanks}x\n` }, ['play']), ['GET /orders', 'POST /orders']);
    });

    it("Spring's context path behind 200,000 blanks and a comment is read at once", () => {
      const path = within(2_000, () => contextPath(`server:\n  servlet:\n    context-path: /shop${blanks}# the shop\n  port: 8080${blanks}x\n`));
      assert.equal(path, '/shop');
    });

    it("100,000 Django 'class X(' without a ')' and a comment of 100,000 '@Route(' are passed over at once", () => {
      assert.deepEqual(routesWithin(2_000, { 'app/views.py': 'class A('.repeat(100_000) }, ['django']), []);
      const php = `<?php\nnamespace App\\Controller;\n/** ${'@Route('.repeat(100_000)} */\nclass A {}\n`;
      assert.deepEqual(routesWithin(2_000, { 'src/Controller/A.php': php }, ['symfony']), []);
      const annotated = '<?php\nnamespace App\\Controller;\n/** @Route("/b") */\nclass B extends AbstractController\n{\n    /** @Route("/list", methods={"GET"}) */\n    public function list(): Response {}\n}\n';
      assert.deepEqual(routesWithin(2_000, { 'src/Controller/B.php': annotated }, ['symfony']), ['GET /b/list']);
    });
  });

  describe('files the user names', () => {
    let t: ReturnType<typeof tempWorkspace>;
    beforeEach(() => {
      t = tempWorkspace('named', { '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'), 'src/pay.ts': '// @API:PAY-001\n' });
    });
    afterEach(() => t.remove());

    it('--write-baseline to a link outside the workspace writes the file it names and keeps the link', () => {
      const real = path.join(t.base, 'real.json');
      const link = path.join(t.base, 'baseline.json');
      writeFileSync(real, 'old\n');
      symlinkSync(real, link);
      const r = specchain(['check', t.ws, '--no-cache', '--fail-on', 'never', '--write-baseline', link], { env: t.env });
      assert.equal(r.code, 0, r.err);
      assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.equal(JSON.parse(readFileSync(real, 'utf8')).tool, 'specchain');
    });

    it('--write-baseline /dev/stdout writes to the pipe', () => {
      const r = specchain(['check', t.ws, '--no-cache', '--fail-on', 'never', '--format', 'json', '--write-baseline', '/dev/stdout'], { env: t.env });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^\{\n {2}"tool": "specchain"/);
      assert.ok(lstatSync('/dev/stdout').isSymbolicLink());
    });

    it('report --html through a link out of the workspace is refused and writes nothing there', () => {
      const outside = path.join(t.base, 'outside');
      writeFileSync(path.join(t.base, 'marker'), '');
      symlinkSync(t.base, path.join(t.ws, 'out'));
      const r = specchain(['report', '--html', path.join(t.ws, 'out', 'report'), t.ws], { env: t.env });
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /specchain report: out is a link that leads outside the workspace/);
      assert.deepEqual(filesUnder(path.join(t.base, 'report')), []);
      assert.deepEqual(filesUnder(outside), []);
    });

    it('report --html with a SPEC ID of 250 characters writes its page under a name the file system takes', () => {
      const long = `${'A'.repeat(250)}-001`;
      writeFileSync(path.join(t.ws, '.moai/specs/SPEC-PAY-001/spec.md'), legacySpec(long));
      const r = specchain(['report', '--html', path.join(t.base, 'site'), t.ws], { env: t.env });
      assert.equal(r.code, 0, r.err);
      const pages = filesUnder(path.join(t.base, 'site'));
      assert.equal(pages.length, 3, pages.join(', '));
      const page = pages.find((p) => p.startsWith('SPEC-'))!;
      assert.ok(page.length < 160, page);
      assert.ok(readFileSync(path.join(t.base, 'site', 'index.html'), 'utf8').includes(`href="${page}"`));
    });

    it('report --html into a folder inside the workspace writes every page there', () => {
      const r = specchain(['report', '--html', path.join(t.ws, 'site'), t.ws], { env: t.env });
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(filesUnder(path.join(t.ws, 'site')), ['SPEC-PAY-001.html', 'badge.json', 'index.html']);
    });
  });
});
