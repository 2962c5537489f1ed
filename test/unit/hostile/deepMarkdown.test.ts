import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { boundNesting, specBlocks } from '../../../server/src/service/plan/markdown';
import { ensureBuilt, specchain, writeFiles } from '../../fixtures/cli';

const HEAD = '---\nid: DEEP-001\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:DEEP-001: Deep\n\nThe system SHALL create a user with `POST /api/v1/users`.\n\n';
const DEEP = `${'> '.repeat(10_000)}quoted deep\n\n${'>'.repeat(10_000)} packed\n\n- ${'  - '.repeat(3_000)}item\n\n${Array.from({ length: 600 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n')}\n\nThe system SHALL delete a user with \`DELETE /api/v1/users/{id}\`.\n`;

describe('hostile: plan on a SPEC nested 10,000 deep', function () {
  this.timeout(120_000);

  it('the markdown reader cuts nesting back, keeps every line, and leaves ordinary SPECs as they are', () => {
    const bounded = boundNesting(HEAD + DEEP);
    assert.equal(bounded.split('\n').length, (HEAD + DEEP).split('\n').length);
    assert.ok(bounded.length < 150_000, `${bounded.length}`);
    const ordinary = `${HEAD}> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n    code\n`;
    assert.equal(boundNesting(ordinary), ordinary);
    const blocks = specBlocks(HEAD + DEEP);
    assert.ok(blocks.some((b) => b.parts.some((p) => p.text.includes('DELETE /api/v1/users/{id}'))));
    assert.ok(blocks.some((b) => b.parts.some((p) => p.text.includes('quoted deep'))));
  });

  it('specchain plan produces its plan, with the endpoints after the deep part', () => {
    ensureBuilt();
    const base = mkdtempSync(path.join(tmpdir(), 'specchain-deep-'));
    try {
      writeFiles(base, { '.moai/specs/SPEC-DEEP-001/spec.md': HEAD + DEEP });
      const r = specchain(['plan', 'DEEP-001', base, '--stdout'], { env: { SPECCHAIN_CACHE_DIR: path.join(base, '.c') } });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /POST \/api\/v1\/users/);
      assert.match(r.out, /DELETE \/api\/v1\/users\/\{id\}/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
