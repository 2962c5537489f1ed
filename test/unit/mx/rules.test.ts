import * as assert from 'node:assert/strict';
import { load, where } from '../core/helpers';

/** A v2-template SPEC folder with REQs in spec.md and ACs in acceptance.md. */
function specFolder(id: string, reqs: string, acceptance?: string, extra = ''): Record<string, string> {
  const files: Record<string, string> = {
    [`.moai/specs/SPEC-${id}/spec.md`]: `---\nid: ${id}\nversion: 0.1.0\nstatus: completed\ncreated: 2026-01-01\nupdated: 2026-01-02\nauthor: dev\npriority: high\n${extra}---\n\n# ${id}\n\n## Requirements\n\n${reqs}`,
  };
  if (acceptance !== undefined) files[`.moai/specs/SPEC-${id}/acceptance.md`] = acceptance;
  return files;
}

const SCHED = specFolder('SCHED-001', '### REQ-SCHED-024: Run\nThe scheduler SHALL run.\n\n### REQ-SCHED-025: Stop\nIt SHALL stop.\n', '- AC-001: Given x (maps REQ-SCHED-024)\n- AC-002: Given y (maps REQ-SCHED-025)\n');

describe('@MX diagnostics', () => {
  it('links SPEC and REQ IDs, and mx/unknown-spec names the closest SPEC on the ID', async () => {
    const svc = await load({ ...SCHED, 'src/a.ts': '// @MX:NOTE: runner\n// @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-024\n// @MX:NOTE: x\n// @MX:SPEC: SPEC-SCHED-01\n' });
    const ds = svc.diagnostics('src/a.ts');
    assert.deepEqual(where(ds, 'mx/unknown-spec'), ['src/a.ts:4:14-4:27']);
    const d = ds.find((x) => x.code === 'mx/unknown-spec')!;
    assert.equal(d.severity, 'error');
    assert.match(d.message, /Did you mean SPEC-SCHED-001\?/);
    assert.deepEqual(d.data, { kind: 'replace-id', suggestion: 'SPEC-SCHED-001' });
    assert.deepEqual(svc.index.mxRefsTo('SCHED-001', 'REQ-SCHED-024').map((l) => `${l.path}:${l.ref.range.start.line + 1}`), ['src/a.ts:2']);
  });

  it('mx/unknown-spec suggests the SPEC declaring the REQs the same line names, and no guess between equally close spellings', async () => {
    const svc = await load({
      ...specFolder('DRAW-014', '- REQ-014-001: buy SHALL\n'),
      ...specFolder('DRAW-117', '### REQ-HM-001 — collect\nIt SHALL.\n\n### REQ-HM-002 — score\nIt SHALL.\n'),
      'web/data.py': '# @MX:ANCHOR: heat map\n# @MX:REASON: pages\n# @MX:SPEC: SPEC-DRAW-114 REQ-HM-001~002\n# @MX:NOTE: n\n# @MX:SPEC: SPEC-DRAW-114\n',
    });
    const ds = svc.diagnostics('web/data.py').filter((d) => d.code === 'mx/unknown-spec');
    assert.deepEqual(ds.map((d) => [d.range.start.line + 1, d.data]), [
      [3, { kind: 'replace-id', suggestion: 'SPEC-DRAW-117' }],
      // 014 and 117 are both one edit from 114, and this line names no REQ: a pick would be a guess.
      [5, { kind: 'mx-broken-link', id: 'DRAW-114' }],
    ]);
    assert.match(ds[0]!.message, /Did you mean SPEC-DRAW-117\?/);
    assert.doesNotMatch(ds[1]!.message, /Did you mean/);
  });

  it('mx/unknown-spec without a close ID offers MoAI broken-link rule', async () => {
    const svc = await load({ ...SCHED, 'src/a.py': '# @MX:NOTE: x\n# @MX:SPEC: SPEC-KB-CONNECTORS-001\n' });
    const d = svc.diagnostics('src/a.py').find((x) => x.code === 'mx/unknown-spec')!;
    assert.deepEqual([d.range.start.character, d.range.end.character, d.data], [12, 34, { kind: 'mx-broken-link', id: 'KB-CONNECTORS-001' }]);
  });

  it('mx/unknown-req on the ID, scoped to the SPECs named on the line, with expanded members', async () => {
    const svc = await load({ ...SCHED, ...specFolder('OTHER-001', '- REQ-SCHED-026: elsewhere SHALL\n'), 'src/a.go': '// @MX:NOTE: x\n// @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-024/025/026\n// @MX:NOTE: y\n// @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-O24\n' });
    const ds = svc.diagnostics('src/a.go');
    assert.deepEqual(where(ds, 'mx/unknown-req'), ['src/a.go:2:47-2:50', 'src/a.go:4:29-4:42']);
    assert.match(ds.find((x) => x.range.start.line === 3 && x.code === 'mx/unknown-req')!.message, /not declared in SPEC-SCHED-001\. Did you mean REQ-SCHED-024\?/);
  });

  it('resolves a REQ on a line naming no SPEC by module ownership, then by the one SPEC declaring it', async () => {
    const svc = await load({
      ...specFolder('OWN-001', '- REQ-1: own SHALL\n', undefined, 'module: src/own, lib/x\n'),
      ...specFolder('ELSE-001', '- REQ-1: else SHALL\n- REQ-ONLY-001: only here\n'),
      'src/own/a.ts': '// @MX:NOTE: n\n// @MX:SPEC: REQ-1\n',
      'src/own/b.ts': '// @MX:NOTE: n\n// @MX:SPEC: REQ-ONLY-001 REQ-9\n',
      'src/b.ts': '// @MX:NOTE: n\n// @MX:SPEC: REQ-ONLY-001 REQ-1\n',
    });
    assert.deepEqual(svc.index.mxLinks('src/own/a.ts').map((l) => l.specIds), [['OWN-001']]);
    assert.deepEqual(svc.index.mxLinks('src/own/b.ts').map((l) => [l.ref.id, l.specIds]), [['REQ-ONLY-001', ['ELSE-001']], ['REQ-9', []]], 'the owner lends its scope only to IDs it declares; an ID no SPEC declares stays unknown in the owner');
    assert.deepEqual(svc.index.mxLinks('src/b.ts').map((l) => l.specIds), [['ELSE-001'], []]);
    assert.deepEqual(where(svc.allDiagnostics(), 'mx/unknown-req'), ['src/own/b.ts:2:27-2:32'], 'an ID two SPECs declare is ambiguous, not unknown');
  });

  it('mx/dangling-spec, mx/missing-reason, mx/missing-upgrade, mx/unknown-kind on the marker or kind', async () => {
    const svc = await load({ ...SCHED, 'src/a.ts': '// @MX:SPEC: SPEC-SCHED-001\n// @MX:WARN: w\n\n\n\n// @MX:REASON: too far\n// @MX:DEBT: d\n// @MX:TASK: t\n// @MX:ANCHOR: a\n// @MX:REASON: r\n' });
    const ds = svc.diagnostics('src/a.ts');
    assert.deepEqual(where(ds, 'mx/dangling-spec'), ['src/a.ts:1:4-1:12']);
    assert.deepEqual(where(ds, 'mx/missing-reason'), ['src/a.ts:2:4-2:12']);
    assert.deepEqual(where(ds, 'mx/missing-upgrade'), ['src/a.ts:7:4-7:12']);
    assert.deepEqual(where(ds, 'mx/unknown-kind'), ['src/a.ts:8:8-8:12']);
    assert.deepEqual(ds.find((d) => d.code === 'mx/missing-reason')!.data, { kind: 'mx-add-reason' });
  });

  it('an @MX:REASON (or SPEC) on the tag\'s own line counts as its sub-line; quoted without a colon it stays text', async () => {
    const text = '// @MX:ANCHOR: entry @MX:REASON: every route calls it\n// @MX:WARN: [AUTO] Secret. @MX:REASON: never logged @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-024\n// @MX:WARN: see @MX:REASON in the docs\n';
    const svc = await load({ ...SCHED, 'src/a.ts': text });
    const markers = svc.index.facts('src/a.ts')!.mx!;
    assert.deepEqual(markers.map((m) => [m.kind, m.value, m.parent]), [
      ['ANCHOR', 'entry', -1],
      ['REASON', 'every route calls it', 0],
      ['WARN', 'Secret.', -1],
      ['REASON', 'never logged', 2],
      ['SPEC', 'SPEC-SCHED-001 REQ-SCHED-024', 2],
      ['WARN', 'see @MX:REASON in the docs', -1],
    ]);
    assert.deepEqual(where(svc.diagnostics('src/a.ts'), 'mx/missing-reason'), ['src/a.ts:3:4-3:12']);
    assert.deepEqual(svc.index.mxRefsTo('SCHED-001', 'REQ-SCHED-024').map((l) => `${l.path}:${l.ref.range.start.line + 1}`), ['src/a.ts:2'], 'the chained SPEC line links');
  });

  it('an empty @MX:REASON is no reason; one whose text continues on the next comment lines is', async () => {
    const text = '// @MX:WARN: w\n// @MX:REASON:\nx()\n// @MX:ANCHOR: a\n// @MX:REASON:\n//   every route calls it\ny()\n';
    const svc = await load({ 'src/a.ts': text });
    assert.deepEqual(where(svc.diagnostics('src/a.ts'), 'mx/missing-reason'), ['src/a.ts:1:4-1:12']);
  });

  it('counts the three lines to a REASON from the end of the comment lines continuing the tag', async () => {
    const text = '# @MX:ANCHOR: validate_url — used by\n#   the connector,\n#   the portal\n#   and ingest.\n# @MX:REASON: one guard\n\n# @MX:WARN: w\nx = 1\n\n\n# @MX:REASON: too far, code between\n';
    const svc = await load({ 'app/a.py': text });
    assert.deepEqual(svc.index.facts('app/a.py')!.mx!.map((m) => m.continued), [3, 0, 0, 0]);
    assert.deepEqual(where(svc.diagnostics('app/a.py'), 'mx/missing-reason'), ['app/a.py:7:3-7:11']);
  });

  it('mx/over-limit on the first tag past the limit; mx.yaml replaces limits and reasons, and a broken one says so', async () => {
    const notes = (n: number): string => Array.from({ length: n }, (_, i) => `// @MX:ANCHOR: a${i}\n// @MX:REASON: r\n`).join('');
    const plain = await load({ ...SCHED, 'src/a.ts': notes(4) });
    assert.deepEqual(where(plain.diagnostics('src/a.ts'), 'mx/over-limit'), ['src/a.ts:7:4-7:14']);
    const yaml = 'mx:\n  limits:\n    anchor_per_file: 5\n  require_reason_for: [NOTE]\n  exclude: ["gen/**"]\n';
    const set = await load({ ...SCHED, '.moai/config/sections/mx.yaml': yaml, 'src/a.ts': `${notes(4)}// @MX:NOTE: n\n// @MX:WARN: w\n`, 'gen/b.ts': '// @MX:NOTE: n\n' });
    const ds = set.diagnostics('src/a.ts');
    assert.deepEqual([where(ds, 'mx/over-limit'), where(ds, 'mx/missing-reason')], [[], ['src/a.ts:9:4-9:12']]);
    assert.deepEqual(set.diagnostics('gen/b.ts'), [], 'excluded by mx.yaml');
    const broken = await load({ ...SCHED, '.moai/config/sections/mx.yaml': 'mx:\n  limits: [1, 2\n', 'src/a.ts': notes(4) });
    assert.deepEqual(where(broken.allDiagnostics(), 'mx/config-invalid').length, 1);
    assert.deepEqual(where(broken.diagnostics('src/a.ts'), 'mx/over-limit'), ['src/a.ts:7:4-7:14'], 'the defaults apply');
    const wrong = await load({ ...SCHED, '.moai/config/sections/mx.yaml': 'mx:\n  limits:\n    anchor_per_file: lots\n  exclude: 3\n', 'src/a.ts': notes(4) });
    assert.deepEqual(wrong.allDiagnostics().filter((d) => d.code === 'mx/config-invalid').map((d) => d.range.start.line + 1), [3, 4]);
  });

  it('mx/moai-invisible states what `moai mx scan` misses, by its rules', async () => {
    const svc = await load({
      ...SCHED,
      ...specFolder('UX-003', '- REQ-UX-1: x\n'),
      ...specFolder('ADP-001b', '- REQ-ADP-1: x\n'),
      'src/a.ts': '// @MX:NOTE: n\n// @MX:SPEC SPEC-SCHED-001\n/**\n * @MX:NOTE: n\n * @MX:SPEC: SPEC-SCHED-001\n */\n// @MX:SPEC: SPEC-UX-003, SPEC-SCHED-001\n// @MX:SPEC: SPEC-SCHED-001\n',
      'src/b.tsx': '// @MX:NOTE: n\n// @MX:SPEC: SPEC-SCHED-001\n',
      'app/svc.py': '"""Service.\n\n# @MX:ANCHOR: entry\n# @MX:REASON: callers\n# @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-024\n"""\ndef f():\n    """Run.\n\n    @MX:NOTE: bare\n    @MX:SPEC: SPEC-SCHED-001\n    """\n',
      'app/t.go': '// @MX:NOTE: n\n// @MX:TEST: SPEC-SCHED-001\n// @MX:NOTE: m\n// @MX:SPEC: SPEC-ADP-001b\n// @MX:NOTE: o\n// @MX:SPEC: REQ-SCHED-024 SPEC-SCHED-001\n',
      'web/x.php': '<?php\n// @MX:NOTE: n\n# @MX:SPEC: SPEC-SCHED-001\n',
      'coverage/meter.py': '# @MX:NOTE: n\n# @MX:SPEC: SPEC-SCHED-001\n',
    });
    const ds = svc.allDiagnostics().filter((d) => d.code === 'mx/moai-invisible');
    const got = ds.map((d) => `${d.path}:${d.range.start.line + 1} ${d.message.replace("MoAI's own scanner (moai mx scan) ", '')}`);
    assert.deepEqual(got, [
      'app/svc.py:11 reads a tag only where # comes before @MX: on the line; this docstring line is not read.',
      'app/t.go:2 reads no link from @MX:TEST lines; an @MX:SPEC line under the tag links the SPEC.',
      'app/t.go:4 reads SPEC-ADP-001 from this line, not SPEC-ADP-001b.',
      'app/t.go:6 links a line only when an upper-case SPEC ID comes first after @MX:SPEC:, so it does not see this link.',
      'coverage/meter.py:2 skips the coverage/ folder, so it does not see this link.',
      'src/a.ts:2 needs a colon after @MX:SPEC; without one it does not see this link.',
      'src/a.ts:5 reads a tag only where // comes before @MX: on the line; this block or JSDoc comment is not read.',
      'src/a.ts:7 keeps one @MX:SPEC per tag, and a later @MX:SPEC line naming another SPEC under the same tag replaces this link.',
      'src/b.tsx:2 does not read .tsx files, so it does not see this link.',
      'web/x.php:3 reads a tag only where // comes before @MX: on the line; this comment is not read.',
    ]);
  });

  it('mx/moai-invisible: a second SPEC ID, a link under a tag MoAI does not see; a later line naming the same SPEC loses nothing', async () => {
    const svc = await load({
      ...SCHED,
      ...specFolder('UX-003', '- REQ-UX-1: x\n'),
      'src/a.go': '/* @MX:NOTE: block */\n// @MX:SPEC: SPEC-SCHED-001\n// @MX:NOTE: n\n// @MX:SPEC: SPEC-UX-003 REQ-UX-1, SPEC-SCHED-001\n// @MX:NOTE: p\n// @MX:SPEC: SPEC-SCHED-001\nfunc f() {\n  // @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-024\n}\n// @MX:NOTE: guards SPEC-UX-003 too\n// @MX:SPEC: SPEC-SCHED-001, SPEC-UX-003\n',
    });
    assert.deepEqual(svc.diagnostics('src/a.go').filter((d) => d.code === 'mx/moai-invisible').map((d) => `${d.range.start.line + 1} ${d.message}`), [
      "2 MoAI's own scanner (moai mx scan) keeps no @MX tag above this line (it does not read the one above, or drops a WARN whose REASON is more than three lines below), so it drops the link.",
      "4 MoAI's own scanner (moai mx scan) links only SPEC-UX-003 from this line; SPEC-SCHED-001 is not linked.",
    ]);
  });

  it('markers in markdown are mentions: never errors, never links', async () => {
    const svc = await load({ ...SCHED, 'docs/guide.md': 'Write `// @MX:SPEC: SPEC-NOPE-001` under an anchor.\n' });
    assert.deepEqual(svc.diagnostics('docs/guide.md'), []);
    assert.deepEqual(svc.index.mxRefsTo('SCHED-001'), []);
  });

  it('mx/range-cut when a range asks for more than the bound', async () => {
    const svc = await load({ ...SCHED, 'src/a.ts': '// @MX:NOTE: n\n// @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-001..999999\n' });
    assert.deepEqual(where(svc.diagnostics('src/a.ts'), 'mx/range-cut'), ['src/a.ts:2:29-2:50']);
  });

  it('spec/no-implementation counts @MX references; test files give test references', async () => {
    const svc = await load({ ...SCHED, ...specFolder('IDLE-001', '- REQ-IDLE-1: x\n'), 'tests/test_run.py': '# @MX:NOTE: t\n# @MX:SPEC: SPEC-SCHED-001 REQ-SCHED-025\n' });
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/no-implementation'), ['.moai/specs/SPEC-IDLE-001/spec.md:11:1-11:11']);
    assert.deepEqual(svc.index.mxRefsTo('SCHED-001', 'REQ-SCHED-025').map((l) => l.test), [true]);
  });

  it('specchain-disable-next-line silences an @MX finding', async () => {
    const svc = await load({ ...SCHED, 'src/a.ts': '// @MX:NOTE: n\n// specchain-disable-next-line mx/unknown-spec\n// @MX:SPEC: SPEC-GONE-001\n' });
    assert.deepEqual(where(svc.diagnostics('src/a.ts'), 'mx/unknown-spec'), []);
  });
});

describe('REQ/AC diagnostics', () => {
  it('spec/duplicate-req on the second declaration of one section, not on restatements elsewhere', async () => {
    const svc = await load(specFolder('D-001', '- REQ-D-001: a SHALL\n- REQ-D-002: b SHALL\n- REQ-D-001: again SHALL\n\n## Traceability\n\n| REQ-D-002 | AC-1 |\n'));
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/duplicate-req'), ['.moai/specs/SPEC-D-001/spec.md:17:3-17:12']);
    assert.deepEqual(svc.index.reqsOf('D-001').map((r) => `${r.decl.id}:${r.decl.range.start.line + 1}`), ['REQ-D-001:15', 'REQ-D-002:16', 'REQ-D-001:17']);
  });

  it('spec/req-uncovered on the REQ, spec/ac-unknown-req on the mapped ID', async () => {
    const svc = await load(specFolder('C-001', '- REQ-C-001: a\n- REQ-C-002: b\n- REQ-C-003: c\n', '### AC-1: first\nMaps: REQ-C-001\n\n### AC-2: second (REQ-C-009)\n'));
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'spec/req-uncovered'), ['.moai/specs/SPEC-C-001/spec.md:16:3-16:12', '.moai/specs/SPEC-C-001/spec.md:17:3-17:12']);
    assert.deepEqual(where(all, 'spec/ac-unknown-req'), ['.moai/specs/SPEC-C-001/acceptance.md:4:19-4:28']);
    // REQ-C-001, -002 and -003 are all one edit from REQ-C-009: no guess among them.
    assert.equal(all.find((d) => d.code === 'spec/ac-unknown-req')!.message, 'AC-2 maps REQ-C-009, which SPEC-C-001 does not declare.');
  });

  it('a short REQ-NNN/AC-NN resolves within its SPEC to the one declared ID ending in that number', async () => {
    const svc = await load({
      ...specFolder(
        'V3R2-RT-003',
        '- REQ-V3R2-RT-003-005: a SHALL\n- REQ-V3R2-RT-003-050: b SHALL\n- REQ-V3R2-RT-003-051: c SHALL\n- REQ-X-007: d SHALL\n- REQ-Y-007: e SHALL\n',
        '- AC-RT-04: Given x (maps REQ-V3R2-RT-003-005, -050)\n- AC-RT-05: Given y (REQ-51)\n- AC-RT-06: Given z (REQ-007)\n',
      ),
      'src/a.go': '// @MX:NOTE: sandbox\n// @MX:SPEC: SPEC-V3R2-RT-003 REQ-005/050 REQ-009\n',
    });
    const all = svc.allDiagnostics();
    // REQ-007 ends two declared IDs: ambiguous stays unknown; REQ-009 ends none.
    assert.deepEqual(where(all, 'spec/ac-unknown-req'), ['.moai/specs/SPEC-V3R2-RT-003/acceptance.md:3:22-3:29']);
    assert.deepEqual(where(all, 'mx/unknown-req'), ['src/a.go:2:43-2:50']);
    assert.deepEqual(where(all, 'spec/req-uncovered').map((w) => w.split(':')[1]), ['18', '19']);
    assert.equal(svc.index.resolveReq('V3R2-RT-003', 'AC-4'), 'AC-RT-04');
    assert.deepEqual(svc.index.mxRefsTo('V3R2-RT-003', 'REQ-V3R2-RT-003-050').map((l) => `${l.ref.id}@${l.ref.range.start.character}`), ['REQ-V3R2-RT-003-050@38']);
    assert.deepEqual(svc.index.reqsOf('V3R2-RT-003').find((r) => r.decl.id === 'AC-RT-05')!.decl.maps.map((m) => m.id), ['REQ-V3R2-RT-003-051']);
  });

  it('a traceability row `REQ-PWR-001-006` is a range of declared REQs, not a REQ of its own', async () => {
    const svc = await load(specFolder('PSR-001', '**REQ-PWR-001** (Event-Driven)\nx SHALL\n\n**REQ-PWR-002** (Ubiquitous)\ny SHALL\n\n## Traceability\n\n| Requirement | File |\n| --- | --- |\n| REQ-PWR-001-002 | `a.go` |\n| REQ-PWR-002-001 | `b.go` |\n', '## AC-01: first\n\n**Requirements**: REQ-PWR-001, REQ-PWR-002\n'));
    assert.deepEqual(svc.index.reqsOf('PSR-001').map((r) => r.decl.id), ['REQ-PWR-001', 'REQ-PWR-002', 'REQ-PWR-002-001', 'AC-01']);
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/req-uncovered'), ['.moai/specs/SPEC-PSR-001/spec.md:26:3-26:18']);
  });

  it('a numbered heading declares: `### 3.5 REQ-RPT-004 — …` links, and no @MX line naming it is unknown', async () => {
    const svc = await load({
      ...specFolder('RPT-001', '### 3.4 REQ-RPT-003 — Score\nIt SHALL score.\n\n### 3.5 REQ-RPT-004 — Draft\nIt SHALL draft.\n\n- **REQ-RPT-004-E1**: WHEN asked, it SHALL draft.\n'),
      'gen/draft.py': '# @MX:ANCHOR: draft entry\n# @MX:REASON: callers\n# @MX:SPEC: SPEC-RPT-001 REQ-RPT-004\n',
      'ctl/dispatch.go': '// @MX:NOTE: dispatch\n// @MX:SPEC: REQ-RPT-003, REQ-RPT-004-E1\n',
    });
    assert.deepEqual(where(svc.allDiagnostics(), 'mx/unknown-req'), []);
    assert.deepEqual(svc.index.mxLinks('ctl/dispatch.go').map((l) => [l.ref.id, l.specIds]), [['REQ-RPT-003', ['RPT-001']], ['REQ-RPT-004-E1', ['RPT-001']]]);
  });

  it('a short ID of trailing groups resolves to the declared long one: `(REQ-D-005)` is REQ-IMG-LD-2-D-005', async () => {
    const svc = await load({
      ...specFolder(
        'IMG-LD-2',
        '- REQ-IMG-LD-2-D-005: decoding SHALL fail loudly\n- REQ-IMG-LD-2-D-006: decoding SHALL log\n- REQ-IMG-LD-2-E-005: export SHALL stop\n',
        '#### AC-2-D5: a broken file (REQ-D-005)\nGiven x, Then an error.\n\n#### AC-2-D6: logging (REQ-D-006)\nGiven y.\n\n#### AC-2-E5: export (REQ-E-005)\nGiven z.\n',
      ),
      'src/load.rs': '// @MX:NOTE: loader\n// @MX:SPEC: SPEC-IMG-LD-2 REQ-D-005 REQ-005\n',
    });
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'spec/ac-unknown-req'), []);
    assert.deepEqual(where(all, 'spec/req-uncovered'), []);
    assert.deepEqual(svc.index.reqsOf('IMG-LD-2').find((r) => r.decl.id === 'AC-2-D5')!.decl.maps.map((m) => m.id), ['REQ-IMG-LD-2-D-005']);
    // `REQ-005` ends two declared IDs (D-005, E-005): ambiguous, so unknown.
    assert.deepEqual(svc.index.mxLinks('src/load.rs').filter((l) => l.ref.kind === 'REQ').map((l) => [l.ref.id, l.specIds]), [['REQ-IMG-LD-2-D-005', ['IMG-LD-2']], ['REQ-005', []]]);
  });

  it('an AC heading or row naming another SPEC\'s REQ cites it: no mapping, no spec/ac-unknown-req', async () => {
    const svc = await load({
      ...specFolder('CRAWL-004', '**REQ-05.4 (Ubiquitous).** Logs SHALL hold no cookie.\n'),
      ...specFolder('AI-001', '### REQ-AI-033: Summaries\nIt SHALL summarise.\n'),
      ...specFolder(
        'CRAWL-005',
        '- REQ-CR5-001: crawl SHALL run\n\n## Traceability\n\n| REQ | SPEC | Test |\n| --- | --- | --- |\n| REQ-CR5-001 | here | t1 |\n| REQ-AI-033 | SPEC-AI-001 | t2 |\n',
        '### AC-8.2: No cookies in logs (REQ-05.4 still holds)\nGiven a sync.\n\n| AC-9 | REQ-AI-033 | summaries stay |\n\n### AC-10: crawl (REQ-CR5-001, REQ-CR5-404)\n',
      ),
      'src/sum.py': '# @MX:NOTE: n\n# @MX:SPEC: REQ-AI-033\n',
    });
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'spec/ac-unknown-req'), ['.moai/specs/SPEC-CRAWL-005/acceptance.md:6:32-6:43'], 'an ID no SPEC declares is still reported');
    assert.deepEqual(svc.index.specsDeclaring('REQ-AI-033'), ['AI-001'], 'a traceability row citing another SPEC\'s REQ declares nothing');
    assert.deepEqual(svc.index.mxLinks('src/sum.py').map((l) => l.specIds), [['AI-001']]);
  });

  it('a range over sparse numbering names the declared members only and warns about nothing else', async () => {
    const reqs = ['001', '002', '003', '010', '011', '012', '020', '021', '022', '030', '031', '032', '033'].map((n) => `#### REQ-014-${n}: r${n}\nIt SHALL.\n`).join('\n');
    const svc = await load({
      ...specFolder('BUY-014', reqs, '- AC-1: Given a purchase (maps REQ-014-001~012)\n'),
      'buy/purchase.py': '"""Purchases.\n\n# @MX:ANCHOR: purchase CRUD\n# @MX:REASON: routers\n# @MX:SPEC: SPEC-BUY-014 REQ-014-001~033 REQ-014-040\n"""\n',
    });
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'mx/unknown-req'), ['buy/purchase.py:5:42-5:53'], 'a written ID the SPEC does not declare is still unknown');
    assert.deepEqual(where(all, 'spec/ac-unknown-req'), []);
    assert.equal(svc.index.mxLinks('buy/purchase.py').filter((l) => l.specIds.length > 0 && l.ref.kind === 'REQ').length, 13);
    assert.deepEqual(svc.index.reqsOf('BUY-014').find((r) => r.decl.id === 'AC-1')!.decl.maps.map((m) => m.id), ['REQ-014-001', 'REQ-014-002', 'REQ-014-003', 'REQ-014-010', 'REQ-014-011', 'REQ-014-012']);
  });
});
