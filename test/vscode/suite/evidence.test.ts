import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecChainApi } from '../../../client/src/extension';
import { SpecTreeRequest, type SpecTreeResult } from '../../../server/src/protocol';
import { waitFor } from './wait';
import { activateSpecChain, workspaceFile } from './workspace';

// Test evidence where the user meets it: the test writes an @MX SPEC, its pytest tests and the
// JUnit file pytest --junitxml writes for them (one test passes, one fails, one did not run) into
// the example workspace, and removes them again at the end.

const SPEC = '.moai/specs/SPEC-EVID-001/spec.md';
const RESULTS = 'backend/junit-evid.xml';

const FILES: Readonly<Record<string, string>> = {
  [SPEC]: `---
id: EVID-001
title: Invoices
version: 1.0.0
status: completed
created: 2026-03-01
updated: 2026-03-02
author: dev
priority: high
---

# SPEC-EVID-001: Invoices

### REQ-EVID-001: Issue
WHEN an order is paid, the system SHALL issue an invoice.

### REQ-EVID-002: Void
WHEN an order is refunded, the system SHALL void its invoice.

### REQ-EVID-003: Resend
WHEN a customer asks, the system SHALL send the invoice again.

### REQ-EVID-004: Archive
The system SHALL keep invoices for ten years.
`,
  'backend/tests/test_evid.py': `"""Invoice tests for SPEC-EVID-001."""


def test_issue():
    """REQ-EVID-001: a paid order gets an invoice."""
    assert True


def test_void():
    """REQ-EVID-002: a refund voids the invoice."""
    assert 1 == 2


def test_resend():
    """REQ-EVID-003: the invoice is sent again."""
    assert True
`,
};

/** What pytest --junitxml writes, run in backend/: test_resend did not run (deselected). */
const JUNIT = (voidFails: boolean): string =>
  `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="${voidFails ? 1 : 0}" skipped="0" tests="2" time="0.031" timestamp="2026-03-03T10:00:00.000000+00:00" hostname="ci"><testcase classname="tests.test_evid" name="test_issue" time="0.001" /><testcase classname="tests.test_evid" name="test_void" time="0.001">${
    voidFails
      ? `<failure message="assert 1 == 2">def test_void():
        """REQ-EVID-002: a refund voids the invoice."""
&gt;       assert 1 == 2
E       assert 1 == 2

tests/test_evid.py:11: AssertionError</failure>`
      : ''
  }</testcase></testsuite></testsuites>`;

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
const write = (path: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(workspaceFile(path), new TextEncoder().encode(text));

describe('SpecChain and test evidence in the editor', function () {
  // Longer than the longest wait (wait.ts): a busy machine is slow, not broken.
  this.timeout(300_000);
  let api: SpecChainApi;
  let specText: string;

  before(async () => {
    api = await activateSpecChain();
    for (const [path, text] of Object.entries(FILES)) await write(path, text);
    await write(RESULTS, JUNIT(true));
    specText = FILES[SPEC]!;
    await waitFor(() => `the evidence in the status bar (it shows "${api.statusText()}")`, () => (/\$\(beaker\) \d+ verified · 1 failing$/.test(api.statusText()) ? true : undefined));
  });

  after(async () => {
    // A filter left by a failing step would hide rows from the suites after this one.
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], []);
    for (const path of [RESULTS, ...Object.keys(FILES)]) await vscode.workspace.fs.delete(workspaceFile(path), { useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceFile('.moai/specs/SPEC-EVID-001'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    // The example holds no other result file: the evidence part leaves the status bar.
    await waitFor(() => `the status bar without evidence (it shows "${api.statusText()}")`, () => (/ SPECs · /.test(api.statusText()) && !api.statusText().includes('$(beaker)') ? true : undefined));
  });

  it('counts REQs and ACs by test state in the status bar, as the server totals them, and says every state aloud', async () => {
    const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    const totals = tree.totals.evidence;
    assert.ok(totals, 'the SPEC tree carries the evidence totals once a result file was read');
    // Only this SPEC's tests are in the result file: one REQ verified, one failing.
    assert.equal(totals.verified, 1);
    assert.equal(totals.failing, 1);
    assert.ok(totals['not-run'] >= 1 && totals.untested >= 1, JSON.stringify(totals));
    assert.ok(api.statusText().endsWith(' · $(beaker) 1 verified · 1 failing'), api.statusText());
    assert.match(api.statusLabel(), new RegExp(`, REQs and ACs 1 verified, 1 failing, ${totals['not-run']} not run, ${totals.untested} untested$`));
  });

  it('puts a lens on each REQ saying how many tests and how many fail, and the lens opens them', async () => {
    const uri = workspaceFile(SPEC);
    await vscode.window.showTextDocument(uri);
    const titleAt = (lenses: vscode.CodeLens[], id: string): string[] => lenses.filter((l) => l.range.start.line === lineOf(specText, `### ${id}`)).map((l) => l.command?.title ?? '');
    const lenses = await waitFor('the evidence lenses of SPEC-EVID-001', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
      return titleAt(found, 'REQ-EVID-002').includes('1 test · 1 failing') ? found : undefined;
    });
    assert.ok(titleAt(lenses, 'REQ-EVID-001').includes('1 test · verified'), JSON.stringify(titleAt(lenses, 'REQ-EVID-001')));
    assert.ok(titleAt(lenses, 'REQ-EVID-003').includes('1 test · not run'), JSON.stringify(titleAt(lenses, 'REQ-EVID-003')));
    assert.ok(titleAt(lenses, 'REQ-EVID-004').includes('no test'), JSON.stringify(titleAt(lenses, 'REQ-EVID-004')));
    const failing = lenses.find((l) => l.command?.title === '1 test · 1 failing')!;
    const shown = await vscode.commands.executeCommand<vscode.Location[] | undefined>(failing.command!.command, ...(failing.command!.arguments ?? []));
    assert.deepEqual(api.commandErrors(), [], 'VS Code took the lens arguments');
    assert.ok(Array.isArray(shown) && shown.length === 1 && shown[0] instanceof vscode.Location, JSON.stringify(shown));
    assert.equal(shown[0]!.uri.toString(), workspaceFile('backend/tests/test_evid.py').toString());
    assert.equal(shown[0]!.range.start.line, lineOf(FILES['backend/tests/test_evid.py']!, 'def test_void'));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('hovers a failing REQ with the failing test, its message and a link that opens the test', async () => {
    const uri = workspaceFile(SPEC);
    const line = lineOf(specText, '### REQ-EVID-002');
    const markdown = await waitFor('the evidence hover of REQ-EVID-002', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 8));
      const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      return /Tests: \*\*failing\*\*/.test(text) ? text : undefined;
    });
    assert.match(markdown, /assert 1 == 2/);
    const link = /\[`test_void`\]\(([^)\s]+)\)/.exec(markdown)?.[1];
    assert.ok(link, markdown);
    const target = vscode.Uri.parse(link);
    assert.equal(target.with({ fragment: '' }).toString(), workspaceFile('backend/tests/test_evid.py').toString());
    assert.equal(target.fragment, `L${lineOf(FILES['backend/tests/test_evid.py']!, 'def test_void') + 1}`);
    // The link is opened as the editor opens a hover's file link.
    await vscode.commands.executeCommand('vscode.open', target);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.with({ fragment: '' }).toString());
  });

  it('reports the failing REQ and the completed SPEC left unproven in Problems', async () => {
    const uri = workspaceFile(SPEC);
    const list = await waitFor('evidence/failing in SPEC-EVID-001', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.some((x) => codeOf(x) === 'evidence/failing') && d.some((x) => codeOf(x) === 'evidence/status-unproven') ? d : undefined;
    });
    const failing = list.find((x) => codeOf(x) === 'evidence/failing')!;
    assert.equal(failing.range.start.line, lineOf(specText, '### REQ-EVID-002'));
    assert.equal(failing.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(failing.message, /^REQ-EVID-002 is failing: test test_void \(backend\/tests\/test_evid\.py:\d+\) failed: assert 1 == 2/);
    assert.ok(!list.some((x) => codeOf(x) === 'evidence/failing' && x.range.start.line !== failing.range.start.line), 'only the failing REQ');
    assert.match(list.find((x) => codeOf(x) === 'evidence/status-unproven')!.message, /REQ-EVID-002 failing; REQ-EVID-003 with tests that did not run; REQ-EVID-004 with no test/);
  });

  it('filters the SPECs view by test state, each filter showing the SPECs in that state', async () => {
    const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    assert.equal(tree.specs.find((s) => s.id === 'EVID-001')?.evidence?.state, 'failing');
    await vscode.commands.executeCommand('specchain.sidebar.focus');
    await waitFor(() => `the SPECs view to show the tree (${JSON.stringify(api.specsView())})`, () => (api.specsView()?.total === tree.specs.length ? true : undefined));
    for (const state of ['failing', 'not-run', 'untested', 'verified'] as const) {
      const chain = `tests-${state}` as const;
      await vscode.commands.executeCommand('specchain.sidebar.filter', [], [chain]);
      const view = await waitFor(() => `the ${chain} filter (${JSON.stringify(api.specsView())})`, () => (api.specsView()?.filter.chains.join() === chain ? api.specsView() : undefined));
      assert.equal(view.shown, tree.specs.filter((s) => s.evidence?.state === state).length, chain);
    }
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], ['tests-failing']);
    assert.equal((await waitFor('the failing filter', () => (api.specsView()?.filter.chains.join() === 'tests-failing' ? api.specsView() : undefined))).shown, 1, 'SPEC-EVID-001 alone fails');
    await vscode.commands.executeCommand('specchain.sidebar.filter', [], []);
    await waitFor('the filter to clear', () => (api.specsView()?.shown === tree.specs.length ? true : undefined));
  });

  it('keeps the evidence counts from the first counts after the server restarts', async () => {
    // The first counts come from the SPEC tree's answer, then from indexChanged: both carry the evidence.
    const seen: { evidence?: Readonly<Record<string, number>> }[] = [];
    const subscription = api.onDidChangeIndex((counts) => seen.push(counts));
    try {
      await vscode.commands.executeCommand('specchain.restartServer');
      await api.ready;
      await waitFor(() => `counts and the evidence after the restart (it shows "${api.statusText()}"; seen ${JSON.stringify(seen)})`, () => (seen.length > 0 && api.statusText().includes('$(beaker)') ? true : undefined));
    } finally {
      subscription.dispose();
    }
    for (const counts of seen) assert.deepEqual([counts.evidence?.verified, counts.evidence?.failing], [1, 1], `every count since the restart carries the evidence: ${JSON.stringify(seen)}`);
    assert.ok(api.statusText().endsWith(' · $(beaker) 1 verified · 1 failing'), api.statusText());
  });

  it('follows a new run of the tests: the failing REQ turns verified when the result file says so', async () => {
    await write(RESULTS, JUNIT(false));
    await waitFor(() => `the status bar to follow the new results (it shows "${api.statusText()}")`, () => (api.statusText().endsWith(' · $(beaker) 2 verified') ? true : undefined));
    const uri = workspaceFile(SPEC);
    await waitFor('evidence/failing to go', () => (vscode.languages.getDiagnostics(uri).some((x) => codeOf(x) === 'evidence/failing') ? undefined : true));
    const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
    assert.equal(tree.totals.evidence?.failing, 0);
    assert.equal(tree.specs.find((s) => s.id === 'EVID-001')?.mx?.reqs.find((r) => r.id === 'REQ-EVID-002')?.evidence?.state, 'verified');
    assert.equal(tree.specs.find((s) => s.id === 'EVID-001')?.evidence?.state, 'untested', 'the worst of its REQs: REQ-EVID-004 has no test');
  });
});
