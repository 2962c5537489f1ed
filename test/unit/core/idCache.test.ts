import * as assert from 'node:assert/strict';
import { IdCache } from '../../../server/src/service/idCache';

describe('IdCache', () => {
  it('computes an answer once while it is kept, undefined answers included', () => {
    let computed = 0;
    const cache = new IdCache<string | undefined>(() => 10);
    const compute = (id: string): string | undefined => (computed++, id.endsWith('1') ? undefined : id.toLowerCase());
    assert.equal(cache.get('A-001', compute), undefined);
    assert.equal(cache.get('A-002', compute), 'a-002');
    assert.equal(cache.get('A-001', compute), undefined);
    assert.equal(cache.get('A-002', compute), 'a-002');
    assert.equal(computed, 2);
  });

  it('never holds more answers than its limit, however many IDs pass through it', () => {
    let limit = 100;
    const cache = new IdCache<number>(() => limit);
    for (let i = 0; i < 20_000; i++) {
      assert.equal(cache.get(`GROW-${i}`, () => i), i);
      assert.ok(cache.size <= limit, `${cache.size} answers kept at ${i}`);
    }
    limit = 1_000;
    let most = 0;
    for (let i = 0; i < 5_000; i++) {
      cache.get(`MORE-${i}`, () => i);
      most = Math.max(most, cache.size);
    }
    assert.equal(most, 1_000, 'the limit is read again when the cache fills');
  });
});
