import * as assert from 'node:assert/strict';
import { scanDeclarations } from '../../../server/src/service/mx/reqs';

const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): string =>
  `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** `KIND ID form line:col-line:col "text" [maps]` per declaration. */
function decls(md: string): string[] {
  return scanDeclarations(md).reqs.map((r) => `${r.id} ${r.form} ${at(r.range)} "${r.text}"${r.maps.length ? ` [${r.maps.map((m) => m.id).join(' ')}]` : ''}`);
}

describe('REQ/AC declarations', () => {
  it('reads headings, with the section as the text', () => {
    assert.deepEqual(decls('# T\n\n### REQ-API-111: Login\nThe system SHALL log in.\n\n### REQ-008 [Unwanted]\nIf x, then the system SHALL NOT y.\n## Next\n'), [
      'REQ-API-111 heading 3:5-3:16 "Login The system SHALL log in."',
      'REQ-008 heading 6:5-6:12 "[Unwanted] If x, then the system SHALL NOT y."',
    ]);
  });

  it('reads list items (MoAI strict form, bold IDs, numbered, checkboxes) to the end of the item', () => {
    assert.deepEqual(decls('- REQ-ABC-001-002: The system SHALL x\n  and y.\n- **REQ-SCHED-021** (Event-Driven): When a job ends\n1. REQ-N-001: numbered\n- [ ] AC-7: open\n'), [
      'REQ-ABC-001-002 list 1:3-1:18 "The system SHALL x and y."',
      'REQ-SCHED-021 list 3:5-3:18 "(Event-Driven): When a job ends"',
      'REQ-N-001 list 4:4-4:13 "numbered"',
      'AC-7 list 5:7-5:11 "open"',
    ]);
  });

  it('reads a list item whose bold EARS keyword comes before its bold ID', () => {
    assert.deepEqual(decls('- **While** it reads files, **REQ-TA-004** (State-driven): it shall not write.\n- **When** x happens the **REQ-TA-005** rule\n'), [
      'REQ-TA-004 list 1:31-1:41 "(State-driven): it shall not write."',
    ]);
  });

  it('leaves a line that is a sentence about IDs: `- REQ-A-4 and REQ-A-5 are …`, `**AC-016 script**`', () => {
    assert.deepEqual(decls('- **REQ-A-4** (Where): x SHALL\n  - REQ-A-4 and REQ-A-5 are exclusive.\n\n**AC-016 script** (run it):\n\n**AC-017** Given y\n'), [
      'REQ-A-4 list 1:5-1:12 "(Where): x SHALL"',
      'AC-017 bold 6:3-6:9 "Given y"',
    ]);
  });

  it('reads bold paragraphs and table rows whose first cell is the ID', () => {
    assert.deepEqual(decls('**REQ-LOG-001** (Event-Driven):\nWHEN a service logs, THEN it SHALL emit JSON.\n\n| ID | Text |\n|---|---|\n| REQ-T-001 | The table SHALL hold. |\n| **AC-1** | REQ-T-001, REQ-LOG-001 | Given x |\n'), [
      'REQ-LOG-001 bold 1:3-1:14 "(Event-Driven): WHEN a service logs, THEN it SHALL emit JSON."',
      'REQ-T-001 table 6:3-6:12 "The table SHALL hold."',
      'AC-1 table 7:5-7:9 "REQ-T-001, REQ-LOG-001 | Given x" [REQ-T-001 REQ-LOG-001]',
    ]);
  });

  it('maps an AC to the REQs of its line, its `maps` lines, and expanded ranges', () => {
    const md = '- AC-X-001-01.a: Given x, When y, Then z (maps REQ-API-111)\n\n### AC-HAL-01-01: REQ-HAL-003~005 hold\nGiven a header `X-Request-ID: REQ-FIXED-123`\nMaps: REQ-HAL-009\n';
    const reqs = scanDeclarations(md).reqs;
    assert.deepEqual(reqs.map((r) => [r.id, r.maps.map((m) => `${m.id}${m.expanded ? '*' : ''}@${at(m.range)}`)]), [
      ['AC-X-001-01.a', ['REQ-API-111@1:48-1:59']],
      ['AC-HAL-01-01', ['REQ-HAL-003@3:19-3:30', 'REQ-HAL-004*@3:19-3:34', 'REQ-HAL-005@3:31-3:34', 'REQ-HAL-009@5:7-5:18']],
    ]);
  });

  it('maps only the `maps` clause of a line that has one, and never an ID quoted in backticks', () => {
    const md = '- AC-02: Given a SPEC with REQ-X-001-007 declared, Then lint names REQ-X-001-007. (maps REQ-SPC-005) (maps REQ-SPC-051)\n| AC-03 | `REQ-UN-007` is quoted, REQ-SPC-009 is not |\n| `REQ-UN-007` | a quoted row |\n';
    assert.deepEqual(scanDeclarations(md).reqs.map((r) => [r.id, r.maps.map((m) => m.id)]), [
      ['AC-02', ['REQ-SPC-005', 'REQ-SPC-051']],
      ['AC-03', ['REQ-SPC-009']],
    ]);
  });

  it('reads a heading that numbers its section before the ID', () => {
    assert.deepEqual(decls('## 3. Requirements\n### 3.5 REQ-RPT-004 — Draft the report\nThe system SHALL draft it.\n#### 2. AC-RPT-4: drafted\n'), [
      'REQ-RPT-004 heading 2:9-2:20 "Draft the report The system SHALL draft it."',
      'AC-RPT-4 heading 4:9-4:17 "drafted"',
    ]);
  });

  it('does not map the former name of a renamed REQ (`REQ-P-057 → REQ-P-056`)', () => {
    const md = '| AC-P-9 | RG-2 (REQ-P-056) | cwd falls back | note: REQ-P-057 → REQ-P-056 after review |\n';
    assert.deepEqual(scanDeclarations(md).reqs.map((r) => [r.id, r.maps.map((m) => m.id)]), [['AC-P-9', ['REQ-P-056', 'REQ-P-056']]]);
  });

  it('skips fenced code and prose lines that only mention an ID', () => {
    assert.deepEqual(decls('```\n- REQ-NO-001: in code\n```\nSee REQ-X-001 for details.\n  REQ-4 and events are thorough.\n'), []);
  });

  it('records the section each declaration stands in', () => {
    const reqs = scanDeclarations('## Requirements\n- REQ-1: a\n## Traceability\n| REQ-1 | AC-1 |\n').reqs;
    assert.deepEqual(reqs.map((r) => [r.id, r.form, r.section]), [['REQ-1', 'list', 0], ['REQ-1', 'table', 2]]);
  });
});
