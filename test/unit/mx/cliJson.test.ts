import * as assert from 'node:assert/strict';
import { collectCheck, formatJson, formatSarif, formatText } from '../../../server/src/cli/format';
import { load } from '../core/helpers';

describe('check --format json for the @MX dialect', () => {
  it('lists per SPEC its REQs with declaration line, code and test references, and ACs', async () => {
    const svc = await load({
      '.moai/specs/SPEC-S-001/spec.md': '---\nid: S-001\nstatus: draft\n---\n\n# S\n\n- REQ-S-001: a SHALL\n- REQ-S-002: b SHALL\n',
      '.moai/specs/SPEC-S-001/acceptance.md': '- AC-1: Given x (maps REQ-S-001)\n- AC-2: Given y (maps REQ-S-001)\n',
      'src/a.go': '// @MX:ANCHOR: a\n// @MX:REASON: r\n// @MX:SPEC: SPEC-S-001 REQ-S-001\n',
      'src/a_test.go': '// @MX:NOTE: t\n// @MX:TEST: SPEC-S-001 REQ-S-001\n',
    });
    const json = JSON.parse(formatJson({ ...collectCheck(svc, 4, 0), root: '/w', millis: 1 })) as { specs: { id: string; reqs?: unknown }[] };
    assert.deepEqual(json.specs[0]!.reqs, [
      { id: 'REQ-S-001', line: 8, refs: [{ file: 'src/a.go', line: 3 }], testRefs: [{ file: 'src/a_test.go', line: 2 }], acs: ['AC-1', 'AC-2'] },
      { id: 'REQ-S-002', line: 9, refs: [], testRefs: [], acs: [] },
    ]);
    assert.match(formatText({ ...collectCheck(svc, 4, 0), root: '/w', millis: 1 }, false), /, 0 tags, 5 @MX markers, 4 files read in 1 ms$/);
    const sarif = JSON.parse(formatSarif({ ...collectCheck(svc, 4, 0), root: '/w', millis: 1 }, '0.0.0')) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] };
    const rules = sarif.runs[0]!.tool.driver.rules;
    for (const code of ['mx/unknown-spec', 'mx/moai-invisible', 'spec/duplicate-req', 'spec/no-frontmatter']) {
      assert.notEqual(rules.find((r) => r.id === code)?.shortDescription.text, code, `${code} has a rule with a summary`);
    }
  });
});
