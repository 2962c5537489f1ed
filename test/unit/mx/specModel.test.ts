import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../server/src/service/specDoc';
import { frontmatterProblems } from '../../../server/src/service/specSchema';
import type { SpecProblem } from '../../../server/src/service/types';
import { load, where } from '../core/helpers';

const V2 = (id: string, status = 'completed', extra = ''): string =>
  `---\nid: ${id}\nversion: 0.1.0\nstatus: ${status}\ncreated: 2026-01-01\nupdated: 2026-01-02\nauthor: dev\npriority: high\n${extra}---\n\n# ${id}\n`;

describe('SPEC model for both dialects', () => {
  it('flat SPEC files and _archive/ SPECs are indexed and linkable; archived ones are marked', async () => {
    const svc = await load({
      '.moai/specs/SPEC-FLAT-001.md': V2('FLAT-001'),
      '.moai/specs/_archive/SPEC-OLD-001/spec.md': V2('OLD-001'),
      'src/a.ts': '// @MX:NOTE: n\n// @MX:SPEC: SPEC-FLAT-001, SPEC-OLD-001\n',
    });
    assert.deepEqual(svc.index.specs().map((s) => [s.id, s.doc.flat ?? false, s.doc.archived ?? false]), [['FLAT-001', true, false], ['OLD-001', false, true]]);
    assert.deepEqual(svc.index.mxLinks('src/a.ts').map((l) => l.specIds), [['FLAT-001'], ['OLD-001']]);
    assert.equal(svc.index.specOfFile('.moai/specs/SPEC-OTHER.txt'), undefined, 'a flat SPEC owns no folder');
  });

  it('loose real IDs come from the folder or flat file name', () => {
    for (const id of ['ADP-001a', 'AGENT-V2-REACT', '182', 'SEC-AUDIT-2026-04']) {
      assert.equal(parseSpec(`.moai/specs/SPEC-${id}/spec.md`, `# Title\n`).doc.id, id);
      assert.equal(parseSpec(`.moai/specs/SPEC-${id}.md`, `# Title\n`).doc.id, id);
    }
  });

  it('frontmatter id with or without SPEC- is the folder ID; a different one keeps the folder name as a second name', async () => {
    assert.deepEqual(parseSpec('.moai/specs/SPEC-OBS-001/spec.md', V2('OBS-001')).doc.problems, []);
    const svc = await load({ '.moai/specs/SPEC-GITHUB-WORKFLOW/spec.md': V2('GH-WORKFLOW-001'), 'src/a.ts': '// @MX:NOTE: n\n// @MX:SPEC: SPEC-GITHUB-WORKFLOW SPEC-GH-WORKFLOW-001\n' });
    assert.deepEqual(svc.index.mxLinks('src/a.ts').map((l) => l.specIds), [['GH-WORKFLOW-001'], ['GH-WORKFLOW-001']]);
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/id-mismatch'), ['.moai/specs/SPEC-GITHUB-WORKFLOW/spec.md:2:5-2:20']);
  });

  it('companion files belong to the SPEC; ACs come from acceptance.md', async () => {
    const svc = await load({
      '.moai/specs/SPEC-C-001/spec.md': `${V2('C-001')}\n- REQ-C-001: x SHALL\n`,
      '.moai/specs/SPEC-C-001/acceptance.md': '- AC-1: Given (maps REQ-C-001)\n- REQ-C-001: restated here\n',
      '.moai/specs/SPEC-C-001/tasks.md': '- REQ-C-009: a task, not a declaration\n',
    });
    for (const name of ['plan.md', 'acceptance.md', 'design.md', 'research.md', 'progress.md', 'tasks.md', 'spec-compact.md']) assert.equal(svc.index.specOfFile(`.moai/specs/SPEC-C-001/${name}`), 'C-001');
    assert.deepEqual(svc.index.reqsOf('C-001').map((r) => `${r.decl.kind}:${r.decl.id}`), ['REQ:REQ-C-001', 'AC:AC-1']);
  });

  it('the project\'s system.yaml names the MoAI release whose template SPECs are judged by', async () => {
    const spec = '---\nid: SPEC-M2-003\nversion: 1.0.0\nstatus: draft\ncreated_at: 2026-04-25\nupdated_at: 2026-04-26\nauthor: me\npriority: high\n---\n# SPEC-M2-003: m\n';
    const files = { '.moai/specs/SPEC-M2-003/spec.md': spec };
    const system = (v: string): string => `# System Configuration\nmoai:\n  version: "${v}"\n  template_version: "${v}"\n  update_check_frequency: daily\n`;
    const svc = await load({ ...files, '.moai/config/sections/system.yaml': system('v2.15.0') });
    assert.equal(svc.index.moaiVersion(), 'v2.15.0');
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/frontmatter-invalid'), []);
    const old = await load({ ...files, '.moai/config/sections/system.yaml': system('2.7.13') });
    assert.deepEqual(old.allDiagnostics().filter((d) => d.code === 'spec/frontmatter-invalid').map((d) => d.message), [
      'Missing fields "created", "updated" of the SPEC template of MoAI-ADK 2.7 (id, version, status, created, updated, author, priority).',
    ]);
  });

  it('one merged missing-fields warning per SPEC naming the shape; no frontmatter is info; statuses ignore case', () => {
    const judged = (text: string): SpecProblem[] => {
      const { doc } = parseSpec('.moai/specs/SPEC-A-001/spec.md', text);
      return [...doc.problems, ...frontmatterProblems(doc, undefined)];
    };
    assert.deepEqual(judged('---\nid: A-001\nstatus: Planned\n---\n# A\n').map((p) => [p.code, p.message]), [
      ['spec/frontmatter-invalid', 'Missing fields "version", "created", "updated", "author", "priority" of the v2 frontmatter template (id, version, status, created, updated, author, priority).'],
    ]);
    for (const status of ['implemented', 'In_Progress', 'COMPLETED', 'In Progress']) assert.deepEqual(judged(V2('A-001', status)), [], status);
    assert.match(judged(V2('A-001', 'shipped'))[0]!.message, /^Unknown status "shipped"/);
    const none = parseSpec('.moai/specs/SPEC-B-001/spec.md', '# B\n').doc;
    assert.deepEqual(none.problems.map((p) => [p.code, p.severity]), [['spec/no-frontmatter', 'info']]);
  });

  it('spec/title-mismatch on the title ID when the frontmatter gives another', async () => {
    const svc = await load({ '.moai/specs/SPEC-T-001/spec.md': V2('T-001').replace('# T-001', '# @SPEC:T-002: Title') });
    const d = svc.allDiagnostics().find((x) => x.code === 'spec/title-mismatch')!;
    assert.deepEqual([where([d], 'spec/title-mismatch'), d.data], [['.moai/specs/SPEC-T-001/spec.md:11:9-11:14'], { kind: 'replace-id', suggestion: 'T-001' }]);
  });

  it('module: paths (comma-separated or a list) own code for REQ lookups', async () => {
    const svc = await load({
      '.moai/specs/SPEC-M-001/spec.md': `${V2('M-001', 'draft', 'module: "internal/a, ./internal/b/"\n')}\n- REQ-1: x\n`,
      '.moai/specs/SPEC-N-001/spec.md': `${V2('N-001', 'draft', 'module:\n  - cmd/n\n')}\n- REQ-1: y\n`,
    });
    assert.deepEqual(['internal/a/x.go', 'internal/b/y.go', 'cmd/n/main.go', 'cmd/other.go'].map((p) => svc.index.moduleOwner(p)), ['M-001', 'M-001', 'N-001', undefined]);
  });
});
