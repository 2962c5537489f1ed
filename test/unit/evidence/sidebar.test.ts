import { strict as assert } from 'node:assert';
import { chainStatesOf, evidenceBadge, rowBadge, specMatches } from '../../../client/webview/specs/model';
import { specNode } from '../client/specFixture';

describe('evidence in the SPECs view', () => {
  const failing = { state: 'failing', stale: false, tests: 3, failed: 1, notRun: 0 } as const;

  it('a SPEC row badge adds its test state, and a failing one alarms', () => {
    const badge = rowBadge(specNode('PAY-001', 'Payments', { evidence: failing }));
    assert.match(badge.text, / · tests failing$/);
    assert.match(badge.words, /Tests failing: 3 linked tests, 1 failing, 0 not run/);
    assert.equal(badge.alarm, true);
    assert.equal(rowBadge(specNode('PAY-001', 'Payments')).text.includes('tests'), false);
  });

  it('the filter offers the evidence state of each SPEC', () => {
    const spec = specNode('PAY-001', 'Payments', { evidence: failing });
    assert.deepEqual(chainStatesOf(spec), ['none', 'tests-failing']);
    assert.equal(specMatches(spec, { text: '', statuses: [], chains: ['tests-failing'] }), true);
    assert.equal(specMatches(spec, { text: '', statuses: [], chains: ['tests-verified'] }), false);
  });

  it('a stale or untested state says so', () => {
    assert.deepEqual(evidenceBadge({ state: 'untested', stale: false, tests: 0, failed: 0, notRun: 0 }), { text: 'tests untested', words: 'Tests untested: no linked test', alarm: false });
    assert.equal(evidenceBadge({ state: 'verified', stale: true, tests: 1, failed: 0, notRun: 0 })!.text, 'tests verified (stale)');
  });
});
