import * as assert from 'node:assert/strict';
import { extractEndpoints } from '../../../server/src/service/plan/endpoints';
import { extractRequirements } from '../../../server/src/service/plan/requirements';
import { parseSpec } from '../../../server/src/service/specDoc';

/**
 * The shapes the real MoAI SPECs of ../shared/corpus show (test/unit/core/corpus.test.ts), in the
 * project's own fixtures: a clone without ../shared still tests each of them.
 */
describe('shapes of real SPECs, in own fixtures', () => {
  it('takes the ID from the alias key spec_id', () => {
    const { doc } = parseSpec('.moai/specs/SPEC-BAAS-001/spec.md', '---\nspec_id: BAAS-001\nstatus: draft\n---\n# BaaS\n');
    assert.deepEqual([doc.id, doc.idSource, doc.status], ['BAAS-001', 'frontmatter', 'draft']);
  });

  it('names a bare folder without frontmatter by the folder, and reads frontmatter quoted in a code block as text', () => {
    assert.equal(parseSpec('.moai/specs/PAY-001/spec.md', '# Payments\n\nNo frontmatter at all.\n').doc.id, 'PAY-001');
    const text = '```yaml\n---\nid: OTHER-001\nstatus: active\n---\n```\n\n# @SPEC:SESSION-002: Cleanup\n';
    const { doc } = parseSpec('.moai/specs/SPEC-SESSION-002/spec.md', text);
    assert.deepEqual([doc.id, doc.idSource, doc.status], ['SESSION-002', 'title', undefined]);
  });

  it('finds endpoints in prose of another language, and EARS sentences in bold with REQ labels', () => {
    const korean = '## 요구사항\n\n- 시스템은 `POST /api/sync/full` 요청으로 전체 동기화를 시작해야 한다.\n- 상태는 GET /api/sync/status 로 조회한다.\n';
    assert.deepEqual(extractEndpoints(korean).map((e) => `${e.method} ${e.path}`), ['POST /api/sync/full', 'GET /api/sync/status']);
    const text = '- REQ-TST-001-001: The system SHALL log.\n- REQ-TST-001-010: **When** a job fails, the system SHALL retry it.\n\n**Where** audit is on, the system SHALL keep a trail.\n';
    assert.deepEqual(extractRequirements(text).map((r) => [r.id ?? '-', r.kind]), [['REQ-TST-001-001', 'ubiquitous'], ['REQ-TST-001-010', 'event'], ['-', 'optional']]);
  });
});
