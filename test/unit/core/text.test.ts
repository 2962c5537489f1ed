import * as assert from 'node:assert/strict';
import { Candidates, LineIndex, joinPath, levenshtein } from '../../../server/src/service/text';

describe('text helpers', () => {
  it('computes edit distances, bounded', () => {
    assert.equal(levenshtein('USER-001', 'USER-001'), 0);
    assert.equal(levenshtein('USER-001', 'USR-001'), 1);
    assert.equal(levenshtein('USER-001', 'USER-010'), 2);
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(levenshtein('AAAAAAAA', 'BBBBBBBB', 2), 3);
  });

  it('suggests the closest SPEC ID only when it is a plausible typo', () => {
    const ids = new Candidates(['USER-001', 'USER-002', 'AUTH-001', 'ORDER-014', 'E2E-INIT-001']);
    assert.equal(ids.closest('USR-001'), 'USER-001');
    assert.equal(ids.closest('USER-0002'), 'USER-002');
    assert.equal(ids.closest('ORDER-41'), 'ORDER-014');
    assert.equal(ids.closest('E2E-INT-001'), 'E2E-INIT-001');
    assert.equal(ids.closest('GHOST-12345'), undefined);
    assert.equal(ids.closest('PAY-001'), undefined);
  });

  it('maps offsets and positions both ways', () => {
    const lines = new LineIndex('ab\ncd\r\nef');
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(lines.lineText(1), 'cd');
  });

  it('joins paths without leaving the root', () => {
    assert.equal(joinPath('a/b', '../c/./d.md'), 'a/c/d.md');
    assert.equal(joinPath('.', '../x'), undefined);
  });
});
