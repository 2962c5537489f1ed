import * as assert from 'node:assert/strict';
import { formatBaseline, parseBaseline } from '../../../server/src/service/delta/baseline';
import { compareFindings, withFingerprints } from '../../../server/src/service/delta/compare';
import { fingerprints, subjectOf } from '../../../server/src/service/delta/fingerprint';
import { attachHistory, historySentence } from '../../../server/src/service/history/attach';
import { classifyIds, historyKey, specIdOfPath } from '../../../server/src/service/history/classify';
import type { HistoryCommit, IdHistory, SpecHistory } from '../../../server/src/service/history/types';
import type { Diagnostic } from '../../../server/src/service/types';
import { getCodeActions } from '../../../server/src/service/features/codeActions';
import { apply, load } from '../core/helpers';

const at = (line: number, character = 0): Diagnostic['range'] => ({ start: { line, character }, end: { line, character: character + 5 } });
const d = (code: Diagnostic['code'], path: string, line: number, target?: string, message = `about ${target}`): Diagnostic => ({ code, severity: 'error', path, range: at(line), message, ...(target ? { target } : {}) });

describe('fingerprints', () => {
  it('survive lines moving; differ by code, file and what the finding is about', () => {
    const [a] = fingerprints([d('mx/unknown-spec', 'a.go', 3, 'SPEC-X-001')]);
    assert.equal(fingerprints([d('mx/unknown-spec', 'a.go', 40, 'SPEC-X-001')])[0], a);
    assert.notEqual(fingerprints([d('tag/unknown-spec', 'a.go', 3, 'SPEC-X-001')])[0], a);
    assert.notEqual(fingerprints([d('mx/unknown-spec', 'b.go', 3, 'SPEC-X-001')])[0], a);
    assert.notEqual(fingerprints([d('mx/unknown-spec', 'a.go', 3, 'SPEC-Y-001')])[0], a);
  });

  it('count repeats in position order, whatever order they come in', () => {
    const one = d('mx/unknown-spec', 'a.go', 3, 'SPEC-X-001');
    const two = d('mx/unknown-spec', 'a.go', 9, 'SPEC-X-001');
    const [f1, f2] = fingerprints([one, two]);
    assert.notEqual(f1, f2);
    assert.deepEqual(fingerprints([two, one]), [f2, f1]);
  });

  it('read past the line numbers a message quotes', () => {
    assert.equal(subjectOf({ message: 'REQ-A-001 is declared twice in SPEC-A; the first declaration is on line 12.' }), 'REQ-A-001 is declared twice in SPEC-A; the first declaration is on line #.');
    assert.equal(subjectOf({ message: 'test_x failed (tests/test_x.py:40)' }), 'test_x failed (tests/test_x.py:#)');
    assert.equal(subjectOf({ target: 'SPEC-X-001', message: 'line 3' }), 'SPEC-X-001');
  });

  it('tell new findings from old, the new repeat counted last', () => {
    const before = withFingerprints([d('mx/unknown-spec', 'a.go', 3, 'SPEC-X-001'), d('mx/unknown-spec', 'b.go', 1, 'SPEC-Z-001')]);
    const after = withFingerprints([d('mx/unknown-spec', 'a.go', 5, 'SPEC-X-001'), d('mx/unknown-spec', 'a.go', 8, 'SPEC-X-001'), d('mx/unknown-spec', 'a.go', 9, 'SPEC-Y-001')]);
    const delta = compareFindings(before, after);
    assert.deepEqual(delta.introduced.map((f) => `${f.diagnostic.range.start.line}:${f.diagnostic.target}`), ['8:SPEC-X-001', '9:SPEC-Y-001']);
    assert.deepEqual(delta.fixed.map((f) => f.diagnostic.path), ['b.go']);
    assert.equal(delta.unchanged, 1);
  });
});

describe('baselines', () => {
  it('round-trip, in a fixed order whatever the findings’ order', () => {
    const findings = withFingerprints([d('mx/unknown-spec', 'b.go', 1, 'SPEC-B-001'), d('spec/duplicate-req', 'a.md', 4, undefined, 'dup on line 2')]);
    const text = formatBaseline(findings, { reqs: 4, covered: 3 });
    assert.equal(formatBaseline([...findings].reverse(), { reqs: 4, covered: 3 }), text);
    const parsed = parseBaseline(text);
    assert.ok(!('problem' in parsed));
    assert.deepEqual(parsed.findings.map((f) => [f.file, f.line, f.subject]), [['a.md', 5, 'dup on line #'], ['b.go', 2, 'SPEC-B-001']]);
    assert.deepEqual(parsed.coverage, { reqs: 4, covered: 3 });
  });

  it('refuse what is not one, saying where', () => {
    assert.match((parseBaseline('{"tool":"specchain","version":2,"fingerprintVersion":1,"findings":[]}') as { problem: string }).problem, /^version: expected 1/);
    assert.match((parseBaseline('{"tool":"specchain","version":1,"fingerprintVersion":9,"findings":[]}') as { problem: string }).problem, /fingerprints are of version 9/);
    assert.match((parseBaseline('{"tool":"specchain","version":1,"fingerprintVersion":1,"findings":[{"fingerprint":"0123456789abcdef","code":"x","severity":"fatal","file":"a","line":1,"subject":"","message":""}]}') as { problem: string }).problem, /findings\[0\]\.severity: expected "error" or "warning"/);
  });
});

let n = 0;
const commit = (files: HistoryCommit['files'], lines: HistoryCommit['lines'] = []): HistoryCommit => ({ hash: String(++n).padStart(40, 'a'), date: '2026-01-01', subject: `commit ${n}`, files, lines });

describe('ID history', () => {
  // Newest first, as git log prints it.
  const added = commit([{ status: 'A', path: '.moai/specs/SPEC-ALERT-001/spec.md' }, { status: 'A', path: '.moai/specs/SPEC-OLD-001/spec.md' }, { status: 'A', path: '.moai/specs/SPEC-TMP-001.md' }], [
    { path: '.moai/specs/SPEC-ALERT-001/spec.md', sign: '+', text: '### REQ-ALERT-001: Send an alert on failure' },
    { path: '.moai/specs/SPEC-ALERT-001/spec.md', sign: '+', text: '- AC-ALERT-001-01: Given a failure, Then an alert goes out' },
  ]);
  const renamed = commit([{ status: 'R', from: '.moai/specs/SPEC-ALERT-001/spec.md', path: '.moai/specs/SPEC-NOTIFY-001/spec.md' }], [
    { path: '.moai/specs/SPEC-NOTIFY-001/spec.md', sign: '-', text: '### REQ-ALERT-001: Send an alert on failure' },
    { path: '.moai/specs/SPEC-NOTIFY-001/spec.md', sign: '+', text: '### REQ-NOTIFY-001: Send an alert on failure.' },
  ]);
  const renamedAgain = commit([{ status: 'R', from: '.moai/specs/SPEC-NOTIFY-001/spec.md', path: '.moai/specs/SPEC-MESSAGE-001/spec.md' }]);
  const deleted = commit([{ status: 'D', path: '.moai/specs/SPEC-OLD-001/spec.md' }, { status: 'D', path: '.moai/specs/SPEC-TMP-001.md' }], [{ path: '.moai/specs/SPEC-ALERT-001/spec.md', sign: '-', text: '- AC-ALERT-001-01: Given a failure, Then an alert goes out' }]);
  const history: SpecHistory = { commits: [deleted, renamedAgain, renamed, added], withLines: true, cut: false };

  it('follows renames to the last name, says when and where a SPEC or a declaration was deleted, and what never existed', () => {
    const found = classifyIds(
      [
        { kind: 'SPEC', id: 'SPEC-ALERT-001' },
        { kind: 'SPEC', id: 'NOTIFY-001' },
        { kind: 'SPEC', id: 'OLD-001' },
        { kind: 'SPEC', id: 'SPEC-TMP-001' },
        { kind: 'SPEC', id: 'SPEC-GHOST-001' },
        { kind: 'REQ', id: 'REQ-ALERT-001' },
        { kind: 'REQ', id: 'AC-ALERT-001-01' },
        { kind: 'REQ', id: 'REQ-GHOST-001' },
      ],
      history,
    );
    assert.deepEqual(found.get(historyKey('SPEC', 'ALERT-001')), { kind: 'renamed', commit: renamed.hash, date: '2026-01-01', subject: renamed.subject, renamedTo: 'MESSAGE-001' });
    assert.equal(found.get(historyKey('SPEC', 'NOTIFY-001'))!.renamedTo, 'MESSAGE-001');
    assert.equal(found.get(historyKey('SPEC', 'NOTIFY-001'))!.commit, renamedAgain.hash);
    assert.deepEqual([found.get('SPEC:OLD-001')!.kind, found.get('SPEC:OLD-001')!.commit], ['deleted', deleted.hash]);
    assert.equal(found.get('SPEC:TMP-001')!.kind, 'deleted', 'a flat SPEC file');
    assert.equal(found.get('SPEC:GHOST-001')!.kind, 'never-existed');
    assert.deepEqual([found.get('REQ:REQ-ALERT-001')!.kind, found.get('REQ:REQ-ALERT-001')!.renamedTo], ['renamed', 'REQ-NOTIFY-001']);
    assert.deepEqual([found.get('REQ:AC-ALERT-001-01')!.kind, found.get('REQ:AC-ALERT-001-01')!.commit], ['deleted', deleted.hash]);
    assert.equal(found.get('REQ:REQ-GHOST-001')!.kind, 'never-existed');
  });

  it('says nothing of "never existed" from a cut history, nor of REQs without the declarations’ lines', () => {
    assert.equal(classifyIds([{ kind: 'SPEC', id: 'GHOST-001' }], { ...history, cut: true }).size, 0);
    assert.equal(classifyIds([{ kind: 'REQ', id: 'REQ-GHOST-001' }], { ...history, withLines: false }).size, 0);
  });

  it('a rename ending in a deletion is a deletion', () => {
    const gone = commit([{ status: 'D', path: '.moai/specs/SPEC-MESSAGE-001/spec.md' }]);
    const found = classifyIds([{ kind: 'SPEC', id: 'ALERT-001' }], { ...history, commits: [gone, ...history.commits] });
    assert.deepEqual(found.get('SPEC:ALERT-001'), { kind: 'deleted', commit: gone.hash, date: gone.date, subject: gone.subject, renamedTo: 'MESSAGE-001' });
    assert.equal(historySentence('ALERT-001', found.get('SPEC:ALERT-001')!), `ALERT-001 was renamed to MESSAGE-001, which was deleted in ${gone.hash.slice(0, 7)}.`);
  });

  it('reads SPEC IDs from folders and flat files', () => {
    assert.equal(specIdOfPath('.moai/specs/SPEC-AUTH-001/spec.md'), 'AUTH-001');
    assert.equal(specIdOfPath('.moai/specs/_archive/SPEC-AUTH-001/acceptance.md'), 'AUTH-001');
    assert.equal(specIdOfPath('.moai/specs/SPEC-AUTH-001.md'), 'AUTH-001');
    assert.equal(specIdOfPath('.moai/specs/PAY-001/spec.md'), 'PAY-001');
    assert.equal(specIdOfPath('.moai/specs/notes/readme.md'), undefined);
  });

  it('attaches to diagnostics: message, history with the closest ID, retarget data for a rename', () => {
    const histories = classifyIds([{ kind: 'SPEC', id: 'SPEC-ALERT-001' }, { kind: 'SPEC', id: 'SPEC-OLD-001' }], history);
    const [renamedDiag, deletedDiag, other] = attachHistory(
      [
        { ...d('mx/unknown-spec', 'a.go', 1, 'SPEC-ALERT-001', '@MX:SPEC names SPEC-ALERT-001, which is no SPEC in this workspace. Did you mean SPEC-ALARM-001?'), data: { kind: 'replace-id', suggestion: 'SPEC-ALARM-001' } },
        { ...d('mx/unknown-spec', 'a.go', 2, 'SPEC-OLD-001', '@MX:SPEC names SPEC-OLD-001, which is no SPEC in this workspace.'), data: { kind: 'mx-broken-link', id: 'OLD-001' } },
        d('mx/missing-reason', 'a.go', 3),
      ],
      histories,
    );
    assert.equal(renamedDiag!.message, `@MX:SPEC names SPEC-ALERT-001, which is no SPEC in this workspace. SPEC-ALERT-001 was renamed to SPEC-MESSAGE-001 in ${renamed.hash.slice(0, 7)}.`);
    assert.deepEqual(renamedDiag!.data, { kind: 'retarget-id', from: 'SPEC-ALERT-001', to: 'SPEC-MESSAGE-001' });
    assert.equal(renamedDiag!.history!.closest, 'SPEC-ALARM-001');
    assert.deepEqual(deletedDiag!.data, { kind: 'mx-broken-link', id: 'OLD-001' }, 'a deleted SPEC keeps its fixes (LEGACY + TODO, create)');
    assert.equal(deletedDiag!.history!.kind, 'deleted');
    assert.equal(other!.history, undefined);
  });
});

describe('retarget quick fix', () => {
  const SPEC = (id: string): string => `---\nid: SPEC-${id}\nversion: 0.1.0\nstatus: draft\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: dev\npriority: high\ndepends_on: [SPEC-ALERT-001]\n---\n\n# SPEC-${id}: T\n\n### REQ-${id.split('-')[0]}-001: x\n`;
  const files: Record<string, string> = {
    '.moai/specs/SPEC-NOTIFY-001/spec.md': SPEC('NOTIFY-001'),
    'src/a.go': '// @MX:NOTE: a\n// @MX:SPEC: SPEC-ALERT-001 REQ-NOTIFY-001\nfunc A() {}\n',
    'src/b.py': '# @MX:NOTE: b\n# @MX:SPEC: SPEC-ALERT-001\ndef b(): pass\n# @MX:NOTE: c\n# @MX:SPEC: SPEC-ALERT-0011\n',
    'src/c.ts': '// @API:ALERT-001\nexport const c = 1;\n',
  };
  const renamed = new Map<string, IdHistory>([[historyKey('SPEC', 'ALERT-001'), { kind: 'renamed', commit: 'b'.repeat(40), renamedTo: 'NOTIFY-001' }]]);

  it('rewrites every unresolved reference of the workspace at once, each in its own form, and nothing else', async () => {
    const svc = await load(files);
    const diagnostics = attachHistory(svc.diagnostics('src/a.go'), renamed).filter((d) => d.code === 'mx/unknown-spec');
    assert.deepEqual(diagnostics[0]!.data, { kind: 'retarget-id', from: 'SPEC-ALERT-001', to: 'SPEC-NOTIFY-001' });
    const actions = await getCodeActions({ index: svc.index, path: 'src/a.go', text: files['src/a.go']!, diagnostics, today: new Date(), readText: async (p) => files[p] });
    assert.deepEqual(actions.map((a) => a.title), [
      'Retarget all 4 references to SPEC-ALERT-001 to SPEC-NOTIFY-001 (4 files)',
      'Mark the broken link to SPEC-ALERT-001 as MoAI does (@MX:LEGACY + @MX:TODO)',
      'Disable mx/unknown-spec for this line',
    ]);
    const edit = actions[0]!.edit;
    assert.equal(apply(files['src/a.go']!, edit.edits.get('src/a.go')), '// @MX:NOTE: a\n// @MX:SPEC: SPEC-NOTIFY-001 REQ-NOTIFY-001\nfunc A() {}\n');
    assert.equal(apply(files['src/b.py']!, edit.edits.get('src/b.py')), '# @MX:NOTE: b\n# @MX:SPEC: SPEC-NOTIFY-001\ndef b(): pass\n# @MX:NOTE: c\n# @MX:SPEC: SPEC-ALERT-0011\n');
    assert.equal(apply(files['src/c.ts']!, edit.edits.get('src/c.ts')), '// @API:NOTIFY-001\nexport const c = 1;\n');
    assert.match(apply(files['.moai/specs/SPEC-NOTIFY-001/spec.md']!, edit.edits.get('.moai/specs/SPEC-NOTIFY-001/spec.md')), /depends_on: \[SPEC-NOTIFY-001\]/);
  });

  it('retargets a renamed REQ in @MX lines and AC mappings alike', async () => {
    const req: Record<string, string> = {
      '.moai/specs/SPEC-PAY-001/spec.md': '---\nid: PAY-001\nversion: 0.1.0\nstatus: draft\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: dev\npriority: high\n---\n\n# SPEC-PAY-001: Pay\n\n### REQ-PAY-002: Charge\nThe system SHALL charge.\n',
      '.moai/specs/SPEC-PAY-001/acceptance.md': '# Acceptance\n\n- AC-PAY-001: Given a card, When paid, Then charged (maps REQ-PAY-001)\n',
      'src/pay.go': '// @MX:NOTE: pay\n// @MX:SPEC: SPEC-PAY-001 REQ-PAY-001\nfunc Pay() {}\n',
    };
    const svc = await load(req);
    const history = new Map<string, IdHistory>([[historyKey('REQ', 'REQ-PAY-001'), { kind: 'renamed', commit: 'c'.repeat(40), renamedTo: 'REQ-PAY-002' }]]);
    const diagnostics = attachHistory(svc.diagnostics('src/pay.go'), history).filter((d) => d.code === 'mx/unknown-req');
    assert.deepEqual(diagnostics.map((d) => d.data), [{ kind: 'retarget-id', from: 'REQ-PAY-001', to: 'REQ-PAY-002' }]);
    const actions = await getCodeActions({ index: svc.index, path: 'src/pay.go', text: req['src/pay.go']!, diagnostics, today: new Date(), readText: async (p) => req[p] });
    assert.equal(actions[0]!.title, 'Retarget all 2 references to REQ-PAY-001 to REQ-PAY-002 (2 files)');
    assert.equal(apply(req['src/pay.go']!, actions[0]!.edit.edits.get('src/pay.go')), req['src/pay.go']!.replace('REQ-PAY-001', 'REQ-PAY-002'));
    const acceptance = '.moai/specs/SPEC-PAY-001/acceptance.md';
    assert.equal(apply(req[acceptance]!, actions[0]!.edit.edits.get(acceptance)), req[acceptance]!.replace('(maps REQ-PAY-001)', '(maps REQ-PAY-002)'));
  });

  it('refuses retarget data that is not two IDs (the client sends data back)', async () => {
    const svc = await load(files);
    const [d0] = svc.diagnostics('src/a.go').filter((d) => d.code === 'mx/unknown-spec');
    const forged = { ...d0!, data: { kind: 'retarget-id', from: 'SPEC-ALERT-001', to: '../../etc\nx' } } as unknown as Diagnostic;
    const actions = await getCodeActions({ index: svc.index, path: 'src/a.go', text: files['src/a.go']!, diagnostics: [forged], today: new Date(), readText: async (p) => files[p] });
    assert.ok(actions.every((a) => !a.title.startsWith('Retarget')));
  });
});
