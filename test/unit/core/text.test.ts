import * as assert from 'node:assert/strict';
import { LineIndex, joinPath } from '../../../server/src/service/text';

describe('text helpers', () => {
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
