import * as assert from 'node:assert/strict';
import type { Region } from '../../../server/src/service/lexer';

/** Checks the contract every answer must keep: sorted, disjoint, inside the text. */
export function assertWellFormed(text: string, found: readonly Region[]): void {
  let last = 0;
  for (const r of found) {
    assert.ok(r.start >= last && r.end > r.start && r.end <= text.length, `bad region ${JSON.stringify(r)} after ${last}`);
    last = r.end;
  }
}
