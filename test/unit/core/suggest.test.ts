import * as assert from 'node:assert/strict';
import { Candidates, editDistance } from '../../../server/src/service/suggest';

describe('did you mean', () => {
  it('computes edit distances with transpositions, bounded', () => {
    assert.equal(editDistance('USER-001', 'USER-001'), 0);
    assert.equal(editDistance('USER-001', 'USR-001'), 1);
    assert.equal(editDistance('PYA-001', 'PAY-001'), 1, 'two neighbours swapped are one edit');
    assert.equal(editDistance('USER-001', 'USER-010'), 1);
    assert.equal(editDistance('PAY-01', 'PAY-001'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('CA', 'ABC'), 3, 'optimal string alignment: no edit of a transposed pair');
    assert.equal(editDistance('AAAAAAAA', 'BBBBBBBB', 2), 3);
    assert.equal(editDistance('ABCDEFGH', 'BADCFEHG', 3), 4, 'stops early past the bound, transpositions included');
    assert.equal(editDistance('ABCDEFGH', 'BADCFEHG'), 4);
  });

  it('suggests the closest SPEC ID only when it is a plausible typo', () => {
    const ids = new Candidates(['USER-001', 'USER-002', 'AUTH-001', 'ORDER-014', 'E2E-INIT-001', 'PAY-001']);
    assert.equal(ids.closest('USR-001'), 'USER-001');
    assert.equal(ids.closest('USRE-001'), 'USER-001');
    assert.equal(ids.closest('PYA-001'), 'PAY-001', 'a transposition');
    assert.equal(ids.closest('PAY-01'), 'PAY-001', 'a missing digit');
    assert.equal(ids.closest('USER-0002'), 'USER-002');
    assert.equal(ids.closest('ORDER-41'), 'ORDER-014');
    assert.equal(ids.closest('E2E-INT-001'), 'E2E-INIT-001');
    assert.equal(ids.closest('GHOST-12345'), undefined);
    assert.equal(ids.closest('SHIP-001'), undefined);
  });

  it('guesses nothing between equally close IDs: a gap in sparse numbering is no typo of either neighbour', () => {
    const ids = new Candidates(['LOTTO-002', 'LOTTO-029', 'LOTTO-038', 'LOTTO-117']);
    assert.equal(ids.closest('LOTTO-032'), undefined, '002 and 038 are both one edit away');
    assert.equal(ids.closest('LOTTO-039'), undefined, '029 and 038 are both one edit away');
    assert.equal(ids.closest('LOTTO-118'), 'LOTTO-117');
    assert.equal(ids.closest('lotto-002'), 'LOTTO-002', 'case alone is no tie');
  });

  it('ignores case: user-001 finds USER-001, usre-001 too', () => {
    const ids = new Candidates(['USER-001', 'PAY-001']);
    assert.equal(ids.closest('user-001'), 'USER-001');
    assert.equal(ids.closest('usre-001'), 'USER-001');
    assert.equal(ids.closest('Pay-001'), 'PAY-001');
  });
});
