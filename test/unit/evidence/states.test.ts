import * as assert from 'node:assert/strict';
import { readResultFile } from '../../../server/src/service/evidence/results';
import { EVIDENCE_FILES, GO_JSON, PYTEST_XML, SUREFIRE_XML, VITEST_XML } from '../../fixtures/evidence';
import { load, where } from '../core/helpers';

const RESULTS = [
  readResultFile('backend/junit.xml', PYTEST_XML),
  readResultFile('web/junit.xml', VITEST_XML),
  readResultFile('go-test.json', GO_JSON),
  readResultFile('orders/target/surefire-reports/TEST-com.acme.orders.OrderTest.xml', SUREFIRE_XML),
];

async function loaded() {
  const service = await load(EVIDENCE_FILES);
  service.setTestResults(RESULTS);
  return service;
}

describe('evidence: states of SPECs, REQs and ACs', () => {
  it('reads every result file in its tool\'s format', () => {
    assert.deepEqual(RESULTS.map((r) => [r.format, r.cases.length, r.problem]), [['pytest', 4, undefined], ['vitest', 2, undefined], ['go', 2, undefined], ['java', 1, undefined]]);
  });

  it('an AC verified through a short ID in a pytest docstring, under the SPEC its module docstring names', async () => {
    const report = (await loaded()).evidence()!;
    const ac = report.item('AUTH-001', 'AC-AUTH-001');
    assert.equal(ac.state, 'verified');
    assert.deepEqual(ac.tests.map((t) => [t.name, t.route, t.outcome]), [['TestLogin > test_valid_password', 'doc', 'passed']]);
    // The REQ the AC maps is verified through it.
    const req = report.item('AUTH-001', 'REQ-AUTH-001');
    assert.equal(req.state, 'verified');
    assert.equal(req.tests[0]!.via, 'AC-AUTH-001');
  });

  it('a REQ failing through one parametrised case of its test', async () => {
    const e = (await loaded()).evidence()!.item('AUTH-001', 'REQ-AUTH-002');
    assert.equal(e.state, 'failing');
    assert.equal(e.tests[0]!.result?.caseName, 'test_rejects_bad_password[x]');
    assert.equal(e.tests[0]!.result?.cases, 2);
    assert.match(e.tests[0]!.result!.message!, /^AssertionError: assert 'x' == ''\n/);
  });

  it('a REQ reached only through its acceptance.md traceability row', async () => {
    const e = (await loaded()).evidence()!.item('AUTH-001', 'REQ-AUTH-003');
    assert.equal(e.state, 'verified');
    assert.deepEqual(e.tests.map((t) => [t.path, t.name, t.route]), [['backend/tests/test_tokens.py', 'test_refresh', 'table']]);
  });

  it('a REQ whose test exists but did not run, and a REQ with no test', async () => {
    const report = (await loaded()).evidence()!;
    assert.equal(report.item('AUTH-001', 'REQ-AUTH-004').state, 'not-run');
    assert.equal(report.item('AUTH-001', 'REQ-AUTH-005').state, 'untested');
    assert.equal(report.spec('AUTH-001').state, 'failing');
  });

  it("an AC verified through it('AC-001: …') under the file's @MX:TEST marker", async () => {
    const report = (await loaded()).evidence()!;
    const ac = report.item('PAY-001', 'AC-001');
    assert.equal(ac.state, 'verified');
    assert.deepEqual(ac.tests.map((t) => [t.path, t.name, t.route]), [['web/src/pay/charge.test.ts', 'charge > AC-001: charges a valid card', 'title']]);
    assert.equal(report.spec('PAY-001').state, 'verified');
  });

  it('a REQ failing through a file-level marker of a Go test file, its package found through go.mod', async () => {
    const e = (await loaded()).evidence()!.item('SHIP-001', 'REQ-SHIP-002');
    assert.equal(e.state, 'failing');
    assert.deepEqual(e.tests.map((t) => [t.name, t.route, t.outcome]), [['TestTrackStops', 'file-marker', 'failed'], ['TestTrackMoves', 'file-marker', 'passed']]);
    assert.equal(e.tests[0]!.result?.message, 'ship_test.go:10: parcel lost');
  });

  it('a Java test bound by its Javadoc, its Surefire result found by class', async () => {
    assert.equal((await loaded()).evidence()!.item('ORD-001', 'REQ-ORD-001').state, 'verified');
  });

  it('with no result file every linked test is not run', async () => {
    const service = await load(EVIDENCE_FILES);
    service.setTestResults([]);
    assert.equal(service.evidence()!.item('PAY-001', 'AC-001').state, 'not-run');
  });

  it('evidence/failing names the failing test at the REQ declaration; evidence/status-unproven at a completed SPEC and a verified draft', async () => {
    const service = await loaded();
    const all = service.allDiagnostics();
    assert.deepEqual(where(all, 'evidence/failing'), ['.moai/specs/SPEC-AUTH-001/spec.md:17:5-17:17', '.moai/specs/SPEC-SHIP-001/spec.md:6:5-6:17']);
    const failing = all.find((d) => d.code === 'evidence/failing')!;
    assert.equal(failing.severity, 'warning');
    assert.match(failing.message, /^REQ-AUTH-002 is failing: test TestLogin > test_rejects_bad_password \(backend\/tests\/test_login\.py:11\) failed: AssertionError: assert 'x' == ''\.$/);
    const unproven = all.filter((d) => d.code === 'evidence/status-unproven');
    assert.deepEqual(unproven.map((d) => [d.path, d.severity]), [['.moai/specs/SPEC-AUTH-001/spec.md', 'warning'], ['.moai/specs/SPEC-PAY-001/spec.md', 'hint']]);
    assert.match(unproven[0]!.message, /REQ-AUTH-002 failing; REQ-AUTH-004 with tests that did not run; REQ-AUTH-005 with no test/);
  });

  it('without result files there is no evidence and no evidence/* finding', async () => {
    const service = await load(EVIDENCE_FILES);
    assert.equal(service.evidence(), undefined);
    assert.deepEqual(service.allDiagnostics().filter((d) => d.code.startsWith('evidence/')), []);
  });
});
