import * as assert from 'node:assert/strict';
import { MAX_RANGE_MEMBERS, findIds } from '../../../server/src/service/mx/ids';

/** `ID@start-end`, with `*` for a member not written out. */
const ids = (text: string): string[] => findIds(text).ids.map((i) => `${i.kind === 'SPEC' ? 'SPEC:' : ''}${i.id}@${i.start}-${i.end}${i.expanded ? '*' : ''}`);

describe('@MX IDs and ranges', () => {
  it('reads loose SPEC IDs, bare, and stops at punctuation', () => {
    assert.deepEqual(ids('SPEC-ADP-001a, SPEC-AGENT-V2-REACT (SPEC-182) SPEC-SEC-AUDIT-2026-04. SPEC-X-001.md'), [
      'SPEC:ADP-001a@0-13',
      'SPEC:AGENT-V2-REACT@15-34',
      'SPEC:182@36-44',
      'SPEC:SEC-AUDIT-2026-04@46-68',
      'SPEC:X-001@70-80',
    ]);
  });

  it('reads REQ/AC IDs with dots and lowercase sub-IDs, and not words without digits', () => {
    assert.deepEqual(ids('REQ-2.3 AC-X-001-01.a. | REQ-ID | AC-N01'), ['REQ-2.3@0-7', 'AC-X-001-01.a@8-21', 'AC-N01@34-40']);
  });

  it('expands `..` and `~` ranges, the written ends keeping their own ranges', () => {
    assert.deepEqual(ids('REQ-ADP1B-011..013'), ['REQ-ADP1B-011@0-13', 'REQ-ADP1B-012@0-18*', 'REQ-ADP1B-013@15-18']);
    assert.deepEqual(ids('REQ-AI-001 ~ REQ-AI-003'), ['REQ-AI-001@0-10', 'REQ-AI-002@0-23*', 'REQ-AI-003@13-23']);
    assert.deepEqual(ids('AC-014~AC-016'), ['AC-014@0-6', 'AC-015@0-13*', 'AC-016@7-13']);
    assert.equal(findIds('REQ-ODA-010~062').ids.length, 53);
    assert.equal(findIds('REQ-ODA-010~062').ids[52]!.id, 'REQ-ODA-062');
  });

  it('expands slash and comma lists of bare numbers as wide as the ID before them', () => {
    assert.deepEqual(ids('REQ-SCHED-024/025/026'), ['REQ-SCHED-024@0-13', 'REQ-SCHED-025@14-17', 'REQ-SCHED-026@18-21']);
    assert.deepEqual(ids('(REQ-PCCP-021~023, 015, 024)'), ['REQ-PCCP-021@1-13', 'REQ-PCCP-022@1-17*', 'REQ-PCCP-023@14-17', 'REQ-PCCP-015@19-22', 'REQ-PCCP-024@24-27']);
    // `-050` after a full ID in a list continues it (`(maps REQ-V3R2-RT-003-005, -050)`).
    assert.deepEqual(ids('(maps REQ-V3R2-RT-003-005, -050)'), ['REQ-V3R2-RT-003-005@6-25', 'REQ-V3R2-RT-003-050@28-31']);
    // A number of another width is free text (an issue number, a count).
    assert.deepEqual(ids('REQ-X-001, 2 more'), ['REQ-X-001@0-9']);
  });

  it('ends an ID before a hyphenated lowercase word (`REQ-AA2-012-enumerated`)', () => {
    assert.deepEqual(ids('the four REQ-AA2-012-enumerated surfaces, AC-X-001-01.a-based, REQ-b-cd-ef'), ['REQ-AA2-012@9-20', 'AC-X-001-01.a@42-55']);
    assert.deepEqual(ids('REQ-AA2-012-enumerated/013'), ['REQ-AA2-012@0-11']);
  });

  it('keeps a range of another prefix as two IDs, and a backwards range as its ends', () => {
    assert.deepEqual(ids('REQ-A-001~REQ-B-003'), ['REQ-A-001@0-9', 'REQ-B-003@10-19']);
    assert.deepEqual(ids('REQ-A-005~REQ-A-002'), ['REQ-A-005@0-9', 'REQ-A-002@10-19']);
  });

  it('cuts a huge range at the bound and says how many were asked', () => {
    const found = findIds('REQ-X-001..999999');
    assert.equal(found.ids.length, MAX_RANGE_MEMBERS);
    assert.deepEqual(found.cut, [{ start: 0, end: 17, asked: 999999 }]);
  });

  it('stays linear on a line of 10,000 IDs', () => {
    const line = Array.from({ length: 10_000 }, (_, i) => `REQ-X-${String(i).padStart(5, '0')}`).join(' ');
    const started = Date.now();
    assert.equal(findIds(line).ids.length, 10_000);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
