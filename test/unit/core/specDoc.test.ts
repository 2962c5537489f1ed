import * as assert from 'node:assert/strict';
import { parseSpec, parsedShape, plainShape } from '../../../server/src/service/specDoc';
import { frontmatterProblems } from '../../../server/src/service/specSchema';
import { LineIndex } from '../../../server/src/service/text';

const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): string =>
  `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

describe('SPEC parser', () => {
  it('takes the title from the heading that names the SPEC when a # HISTORY table comes first', () => {
    const fm = '---\nid: SPEC-KB-025\nversion: 1.0.0\nstatus: draft\n---\n\n';
    const { doc } = parseSpec('.moai/specs/SPEC-KB-025/spec.md', `${fm}# HISTORY\n\n| Version | Date |\n|---|---|\n| 1.0.0 | 2026-04-13 |\n\n---\n\n# SPEC-KB-025: OAuth Connectors\n\n## Goal\n`);
    assert.equal(doc.title, 'OAuth Connectors');
    assert.equal(doc.titleRange.start.line, 14);
    // A heading quoting another SPEC is no title of this one; a code block is no heading.
    const other = parseSpec('.moai/specs/SPEC-KB-025/spec.md', `${fm}# Overview\n\n\`\`\`\n# SPEC-KB-025: in a fence\n\`\`\`\n\n# SPEC-KB-001: the SPEC this one extends\n`).doc;
    assert.equal(other.title, 'Overview');
  });

  it('reads the status a SPEC without frontmatter states under its title, as written', () => {
    const status = (text: string): string | undefined => parseSpec('.moai/specs/SPEC-KB-001/spec.md', text).doc.status;
    assert.equal(status('# SPEC-KB-001: Ingest\n\n> Status: COMPLETED (2026-03-26)\n> Priority: HIGH\n\n## Context\n'), 'COMPLETED');
    assert.equal(status('# SPEC-KB-001: Ingest\n\n> Status: ✅ DONE — all core phases complete\n'), 'DONE');
    assert.equal(status('# SPEC-KB-001: Ingest\n\n**Status:** In Progress\n'), 'In Progress');
    assert.equal(status('# SPEC-KB-001: Ingest\n\n- **Status**: Completed and deployed\n'), 'Completed');
    // A YAML block under the title, as older SPECs wrote their fields.
    assert.equal(status('# SPEC-KB-001: Ingest\n\n## YAML Frontmatter\n\n```yaml\nid: KB-001\nstatus: completed\n```\n'), 'completed');
    // A block quoting another SPEC's fields is an example, not this SPEC's status.
    assert.equal(status('# SPEC-KB-001: Ingest\n\n```yaml\nid: OTHER-001\nstatus: completed\n```\n'), undefined);
    // Prose that starts with "Status:", a status too far down, and none at all: no status.
    assert.equal(status('# SPEC-KB-001: Ingest\n\nStatus: the endpoint answers 200 when healthy.\n'), undefined);
    assert.equal(status(`# SPEC-KB-001: Ingest\n${'\ntext'.repeat(60)}\n> Status: Completed\n`), undefined);
    assert.equal(status('# SPEC-KB-001: Ingest\n\nNo status here.\n'), undefined);
    // Frontmatter decides where there is one.
    assert.equal(status('---\nid: KB-001\nstatus: draft\n---\n# SPEC-KB-001: Ingest\n\n> Status: Completed\n'), 'draft');
    assert.equal(status('---\nid: KB-001\n---\n# SPEC-KB-001: Ingest\n\n> Status: Completed\n'), undefined);
  });

  it('takes the ID from frontmatter, dropping a leading SPEC-', () => {
    const { doc } = parseSpec('.moai/specs/SPEC-USER-001/spec.md', '---\nid: SPEC-USER-001\nstatus: active\n---\n\n# @SPEC:USER-001: Users\n');
    assert.equal(doc.id, 'USER-001');
    assert.equal(doc.idSource, 'frontmatter');
    assert.equal(at(doc.idRange), '2:5-2:18');
    assert.equal(doc.title, 'Users');
    assert.equal(at(doc.titleRange), '6:1-6:24');
  });

  it('falls back to the title, then to the folder', () => {
    const title = parseSpec('.moai/specs/PAY-001/spec.md', '# SPEC @SPEC:PAY-001 — TBD\n\nbody\n').doc;
    assert.deepEqual([title.id, title.idSource, at(title.idRange)], ['PAY-001', 'title', '1:14-1:21']);
    const lead = parseSpec('.moai/specs/x/spec.md', '# SPEC-V3R2-CYC-001: Cycle A\n').doc;
    assert.deepEqual([lead.id, lead.idSource, lead.title], ['V3R2-CYC-001', 'title', 'Cycle A']);
    const folder = parseSpec('.moai/specs/SPEC-ORDER-002/spec.md', 'No heading here.\n').doc;
    assert.deepEqual([folder.id, folder.idSource], ['ORDER-002', 'folder']);
  });

  it('recovers an unquoted @author with a warning and a quote fix', () => {
    const text = '---\nid: CLI-001\nversion: 0.1.0\nstatus: completed\ncreated: 2025-10-15\nupdated: 2025-10-15\nauthor: @Goos\npriority: high\n---\n# @SPEC:CLI-001: CLI\n';
    const { doc } = parseSpec('.moai/specs/SPEC-CLI-001/spec.md', text);
    assert.equal(doc.id, 'CLI-001');
    assert.equal(doc.status, 'completed');
    assert.equal(doc.fields.author?.value, '@Goos');
    assert.equal(doc.fields.priority?.value, 'high');
    assert.equal(at(doc.fields.priority!.valueRange), '8:11-8:15');
    assert.deepEqual(
      doc.problems.map((p) => [p.code, p.severity, at(p.range), p.data]),
      [['spec/frontmatter-invalid', 'warning', '7:9-7:14', { kind: 'quote-yaml', replacement: '"@Goos"' }]],
    );
  });

  it('reports unrecoverable YAML as an error on the bad line and still finds the ID', () => {
    const text = '---\nid: SPEC-V3R2-TST-004\ntitle: "Malformed YAML\n  this: is: broken: yaml: frontmatter\n  [invalid bracket without close\n---\n\n# Some content\n';
    const { doc } = parseSpec('.moai/specs/x/spec.md', text);
    assert.equal(doc.id, 'V3R2-TST-004');
    const errors = doc.problems.filter((p) => p.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.code, 'spec/frontmatter-invalid');
    assert.match(errors[0]!.message, /not valid YAML/);
  });

  it('checks required fields, statuses and dates per schema', () => {
    const current = '---\nid: SPEC-TST-INV-001\ntitle: "x"\nversion: "0.1.0"\nstatus: draft\ncreated_at: 2026-05-16\nupdated_at: 2026-05-16\nauthor: A\npriority: P1\nphase: "v3"\nmodule: "m"\nlifecycle: spec-anchored\nlabels: [a]\n---\n# SPEC-TST-INV-001: x\n';
    const cur = parseSpec('.moai/specs/SPEC-TST-INV-001/spec.md', current).doc;
    assert.equal(cur.schema, 'current');
    assert.deepEqual(frontmatterProblems(cur, 'v3.1.2').map((p) => p.message), [
      'Missing fields "created", "updated", "tags" of the v3 frontmatter schema (the 12 fields of MoAI v3, with phase, module and lifecycle).',
    ]);
    const legacy = '---\nid: A-001\nversion: 1\nstatus: shipping\ncreated: 2025-13-01\nupdated: 2025-10-01\nauthor: x\npriority: low\n---\n# @SPEC:A-001: a\n';
    const leg = parseSpec('.moai/specs/SPEC-A-001/spec.md', legacy).doc;
    assert.equal(leg.schema, 'legacy');
    assert.deepEqual(frontmatterProblems(leg, undefined).map((p) => [p.message.split(';')[0], at(p.range)]), [
      ['Unknown status "shipping"', '4:9-4:17'],
      ['"created" must be a date written YYYY-MM-DD, not "2025-13-01".', '5:10-5:20'],
    ]);
  });

  it('judges a SPEC by the template of the project\'s MoAI release and the fields it has, not one stray v3 field', () => {
    const judge = (fm: string, version: string | undefined): string[] => frontmatterProblems(parseSpec('.moai/specs/SPEC-B-001/spec.md', `---\n${fm}---\n# SPEC-B-001: b\n`).doc, version).map((p) => p.message);
    const v2 = 'id: SPEC-B-001\nversion: 0.1.0\nstatus: draft\ncreated: 2026-03-20\nupdated: 2026-03-20\nauthor: me\npriority: high\nissue_number: 0\n';
    // v2 fields with `tags` and `lifecycle` (both in v2's SPEC skill) or a stray `module`: the v2 template, complete.
    assert.deepEqual(judge(`${v2}tags: [a]\nlifecycle: spec-anchored\n`, '2.9.1'), []);
    assert.deepEqual(judge(`${v2}module: src/b\n`, '2.14.0'), []);
    assert.deepEqual(judge(`${v2}lifecycle: spec-first\ntracker: X\n`, undefined), [], 'lifecycle alone is no v3 mark');
    // Both `phase` and `module` in a v2 project, or either in a v3 one: the v3 schema.
    assert.deepEqual(judge(`${v2}phase: build\nmodule: src/b\n`, '2.14.0'), ['Missing fields "title", "lifecycle", "tags" of the v3 frontmatter schema (the 12 fields of MoAI v3, with phase, module and lifecycle).']);
    assert.deepEqual(judge(`${v2}module: src/b\n`, 'v3.1.2').length, 1);
    // From v2.12 the plan auditor writes `created_at`/`updated_at`; before, they stand for nothing.
    const audited = 'id: SPEC-B-001\nversion: 1.0.0\nstatus: draft\ncreated_at: 2026-04-25\nupdated_at: 2026-05-04\nauthor: me\npriority: high\nlabels: [x]\n';
    assert.deepEqual(judge(audited, 'v2.15.0'), []);
    assert.deepEqual(judge(audited, '2.9.1'), ['Missing fields "created", "updated" of the SPEC template of MoAI-ADK 2.9 (id, version, status, created, updated, author, priority).']);
    assert.deepEqual(judge(audited.replace('2026-05-04', '4 May'), '2.14.0'), ['"updated_at" must be a date written YYYY-MM-DD, not "4 May".']);
    // A date with its ISO 8601 time (taewook486/rhymix-ts) is a date; an impossible one with a time is not.
    assert.deepEqual(judge(v2.replace('created: 2026-03-20', 'created: "2026-02-28T12:30:00Z"').replace('updated: 2026-03-20', 'updated: 2026-03-01 09:15:00+09:00'), '2.6.0'), []);
    assert.deepEqual(judge(v2.replace('created: 2026-03-20', 'created: 2026-02-30T12:30:00Z'), '2.6.0'), ['"created" must be a date written YYYY-MM-DD, not "2026-02-30T12:30:00Z".']);
  });

  it('reads dependency lists with positions and the stack block', () => {
    const text = '---\nid: USER-001\ndepends_on: [AUTH-001, SPEC-DB-002]\nblocks:\n  - PAY-001\nstack:\n  backend:\n    language: python\n    framework: fastapi\n    version: "0.115.0"\n    database: postgresql\n---\n# @SPEC:USER-001: u\n';
    const { doc } = parseSpec('.moai/specs/SPEC-USER-001/spec.md', text);
    assert.deepEqual(doc.references.map((r) => [r.field, r.id, at(r.range)]), [
      ['depends_on', 'AUTH-001', '3:14-3:22'],
      ['depends_on', 'DB-002', '3:24-3:35'],
      ['blocks', 'PAY-001', '5:5-5:12'],
    ]);
    assert.equal(doc.stack?.framework?.value, 'fastapi');
    assert.equal(doc.stack?.version?.value, '0.115.0');
    assert.equal(at(doc.stack!.version!.valueRange), '10:14-10:23');
  });

  it('reports a folder and ID that disagree', () => {
    const { doc } = parseSpec('.moai/specs/SPEC-AUTH-001/spec.md', '# SPEC @SPEC:AUTH-004 — JWT\n');
    assert.deepEqual(doc.problems.map((p) => [p.code, at(p.range), p.data]), [
      ['spec/id-mismatch', '1:14-1:22', { kind: 'replace-id', suggestion: 'AUTH-001' }],
      ['spec/no-frontmatter', '1:1-1:28', undefined],
    ]);
    assert.deepEqual(doc.aliases, ['AUTH-001'], 'the folder name stays a second name of the SPEC');
  });

  it('reads a frontmatter block that stands after the title, with a warning', () => {
    const text = '# @SPEC:LANG-001: Detection\n\n---\ntitle: Detection\nid: LANG-001\nversion: v0.1.0\nstatus: completed\n---\n\n## HISTORY\n';
    const { doc } = parseSpec('.moai/specs/SPEC-LANG-001/spec.md', text);
    assert.equal(doc.status, 'completed');
    assert.equal(doc.idSource, 'frontmatter');
    assert.match(doc.problems[0]!.message, /should open the file/);
  });

  it('finds the title even when a code fence comes first', () => {
    const text = '```\n# not a title\n```\n\n# @SPEC:ORD-001: Orders\n';
    const { doc, titleLine } = parseSpec('.moai/specs/x/spec.md', text);
    assert.equal(doc.id, 'ORD-001');
    assert.equal(titleLine, 4);
  });
});

describe('SPEC parser: the plain shape and the markdown parser agree', () => {
  const cases = [
    '---\nid: A-001\nstatus: draft\n---\n\n# @SPEC:A-001: Plain\n\nbody\n',
    '---\r\nid: A-001\r\n---\r\n# SPEC-A-001: CRLF title #\r\n',
    '---\nid: A-001\n---\n\n\n#\tTabbed title\n',
    '---\n---\n# Empty frontmatter\n',
  ];
  for (const text of cases) {
    it(`reads ${JSON.stringify(text.slice(0, 36))} as remark does`, () => {
      const lines = new LineIndex(text);
      const plain = plainShape(text, lines);
      assert.ok(plain, 'recognised as the plain shape');
      assert.deepEqual(plain, parsedShape(text, lines));
    });
  }
  for (const text of ['---\nid: A\n---\ntext\n# Title\n', '    # indented\n', '---\nid: A\n---\n#NoSpace\n']) {
    it(`leaves ${JSON.stringify(text.slice(0, 36))} to remark`, () => {
      assert.equal(plainShape(text, new LineIndex(text)), undefined);
    });
  }
});
