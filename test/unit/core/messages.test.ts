import * as assert from 'node:assert/strict';
import { getCodeActions } from '../../../server/src/service/features/codeActions';
import { planInputFor } from '../../../server/src/service/plan/planInput';
import { load, spec } from './helpers';

/** A newcomer's typos: each gets told what is wrong and what it likely means. */
describe('messages: did you mean', () => {
  const FILES = {
    '.moai/specs/SPEC-PAY-001/spec.md': spec('PAY-001'),
    '.moai/specs/SPEC-USER-001/spec.md': spec('USER-001'),
    'src/pay.py': '# @API:PYA-001\n# @SERVICE:PAY-01\n# @APi:PAY-001\n# @api:user-01:SUB\n# @API:usre-001\n# @API:ship_order-001\n# @api:user-002\n',
  };

  it('suggests across a transposition, a missing digit and the type case', async () => {
    const svc = await load(FILES);
    const messages = svc.diagnostics('src/pay.py').map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);
    assert.deepEqual(messages, [
      '1 tag/unknown-spec: @API:PYA-001 belongs to no SPEC: no SPEC has the ID PYA-001. Did you mean PAY-001?',
      '2 tag/malformed: @SERVICE:PAY-01 is not a valid tag: IDs look like USER-001 (capitals, dashes, at least three final digits). Did you mean @SERVICE:PAY-001?',
      '3 tag/malformed: @APi:PAY-001 is not a valid tag: tag types are written in capitals (API, not APi); the ID PAY-001 is fine. Did you mean @API:PAY-001?',
      '4 tag/malformed: @api:user-01:SUB is not a valid tag: tag types are written in capitals (API, not api); IDs look like USER-001 (capitals, dashes, at least three final digits). Did you mean @API:USER-001:SUB?',
      '5 tag/malformed: @API:usre-001 is not a valid tag: IDs look like USER-001 (capitals, dashes, at least three final digits). Did you mean @API:USRE-001?',
      '6 tag/malformed: @API:ship_order-001 is not a valid tag: IDs look like USER-001 (capitals, dashes, at least three final digits). Did you mean @API:SHIP-ORDER-001?',
      '7 tag/malformed: @api:user-002 is not a valid tag: tag types are written in capitals (API, not api); IDs look like USER-001 (capitals, dashes, at least three final digits). Did you mean @API:USER-002?',
    ]);
  });

  it('offers the fixes as quick fixes: the ID alone, or the whole marker when the type changes', async () => {
    const svc = await load(FILES);
    const text = FILES['src/pay.py'];
    const diagnostics = svc.diagnostics('src/pay.py').filter((d) => d.code === 'tag/malformed');
    const fixes = await getCodeActions({ index: svc.index, path: 'src/pay.py', text, diagnostics, today: new Date('2026-01-02T12:00:00Z'), readText: async () => undefined });
    const preferred = fixes.filter((f) => f.isPreferred).map((f) => [f.title, f.edit.edits.get('src/pay.py')!.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.character + 1} ${e.newText}`).join()]);
    assert.deepEqual(preferred, [
      ['Replace @SERVICE:PAY-01 with @SERVICE:PAY-001', '2:12-18 PAY-001'],
      ['Replace @APi:PAY-001 with @API:PAY-001', '3:3-15 @API:PAY-001'],
      ['Replace @api:user-01:SUB with @API:USER-001:SUB', '4:3-19 @API:USER-001:SUB'],
      ['Replace @API:usre-001 with @API:USRE-001', '5:8-16 USRE-001'],
      ['Replace @API:ship_order-001 with @API:SHIP-ORDER-001', '6:8-22 SHIP-ORDER-001'],
      ['Replace @api:user-002 with @API:USER-002', '7:3-16 @API:USER-002'],
    ]);
  });

  it('plan: an ID in the wrong case is pointed at the SPEC, as is a transposition', async () => {
    const svc = await load(FILES);
    assert.deepEqual(await planInputFor(svc, 'user-001'), { kind: 'unknown', suggestion: 'USER-001' });
    assert.deepEqual(await planInputFor(svc, 'APY-001'), { kind: 'unknown', suggestion: 'PAY-001' });
    assert.deepEqual(await planInputFor(svc, 'ship-001'), { kind: 'unknown' });
  });
});
