import * as assert from 'node:assert/strict';
import { getCodeLenses } from '../../../server/src/service/features/codeLens';
import { getCompletions } from '../../../server/src/service/features/completion';
import { getDefinition } from '../../../server/src/service/features/definition';
import { getDocumentLinks } from '../../../server/src/service/features/documentLinks';
import { getHover } from '../../../server/src/service/features/hover';
import { getPlan } from '../../../server/src/service/features/plan';
import { getReferences } from '../../../server/src/service/features/references';
import { getRenameEdits, prepareRename, RenameRefused } from '../../../server/src/service/features/rename';
import { specSubject } from '../../../server/src/service/features/refs';
import { getSpecAt } from '../../../server/src/service/features/specAt';
import { getSpecTree } from '../../../server/src/service/features/specTree';
import type { Location, TextEdit } from '../../../server/src/service/features/types';
import { getWorkspaceSymbols } from '../../../server/src/service/features/workspaceSymbols';
import type { LanguageService } from '../../../server/src/service/languageService';
import { LineIndex } from '../../../server/src/service/text';
import { MX_FILES, positionOf } from '../../fixtures/mx';
import { load } from '../core/helpers';

const at = (path: string, needle: string, offset = 1, nth = 0) => positionOf(MX_FILES, path, needle, offset, nth);
const where = (locations: readonly Location[]) => locations.map((l) => `${l.path}:${l.range.start.line + 1}:${l.range.start.character + 1}`);
/** `path:line:column` (1-based) of the `nth` occurrence of `needle` in a fixture file. */
const place = (path: string, needle: string, nth = 0) => {
  const p = positionOf(MX_FILES, path, needle, 0, nth);
  return `${path}:${p.line + 1}:${p.character + 1}`;
};
const SPEC = '.moai/specs/SPEC-ORDER-001/spec.md';
const ACCEPTANCE = '.moai/specs/SPEC-ORDER-001/acceptance.md';

function apply(text: string, edits: readonly TextEdit[] = []): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

describe('features of the @MX dialect', () => {
  let service: LanguageService;
  const read = async (path: string): Promise<string | undefined> => MX_FILES[path];
  beforeEach(async () => {
    service = await load(MX_FILES, { rules: { 'spec/no-frontmatter': 'off' } });
  });

  describe('hover', () => {
    it('a workspace of the tag dialect only: no lens of REQ coverage by @MX lines, REQ rows kept (their tests bind by docstring)', async () => {
    const tagOnly = await load({
      '.moai/specs/SPEC-CLI-001/spec.md': '---\nid: CLI-001\nversion: 0.1.0\nstatus: active\ncreated: 2025-01-01\nupdated: 2025-01-01\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:CLI-001: CLI\n\n- REQ-CLI-001: The system SHALL parse.\n- REQ-CLI-002: The system SHALL print.\n',
      'src/cli.ts': '// @CODE:CLI-001\n',
    });
    const tree = getSpecTree(tagOnly.index, (p) => tagOnly.diagnostics(p), tagOnly.allDiagnostics())!;
    assert.deepEqual(tree.specs[0]!.mx?.reqs.map((r) => r.id), ['REQ-CLI-001', 'REQ-CLI-002'], 'REQ rows stay: test evidence binds to them without @MX lines');
    const lenses = getCodeLenses(tagOnly.index, '.moai/specs/SPEC-CLI-001/spec.md').map((l) => l.title);
    assert.ok(!lenses.some((t) => t.startsWith('REQs:')), lenses.join(' | '));
  });

  it('on a SPEC ID of an @MX line: title, status and REQ coverage', () => {
      const hover = getHover(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'SPEC-ORDER-001'))!;
      assert.match(hover.markdown, /\*\*SPEC-ORDER-001\*\*: Orders/);
      assert.match(hover.markdown, /Status: in-progress/);
      assert.match(hover.markdown, /REQs: 2 of 3 referenced by `@MX` lines/);
      const p = at('src/orders/api.ts', 'SPEC-ORDER-001', 0);
      assert.deepEqual(hover.range, { start: p, end: { line: p.line, character: p.character + 'SPEC-ORDER-001'.length } });
    });

    it('on a REQ ID: its text, its ACs and where it is referenced', () => {
      const hover = getHover(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001'))!;
      assert.match(hover.markdown, /\*\*REQ-ORDER-001\*\* of SPEC-ORDER-001: Orders/);
      assert.match(hover.markdown, /> Create The system SHALL create an order/);
      assert.match(hover.markdown, /- \*\*AC-ORDER-001\*\*: Given a cart/);
      assert.match(hover.markdown, /References: 1 code · 1 test · 1 AC/);
      assert.match(hover.markdown, /`src\/orders\/api.ts:3`/);
      assert.match(hover.markdown, /`tests\/test_orders.py:2` \(test\)/);
      assert.match(hover.markdown, /Declared in `\.moai\/specs\/SPEC-ORDER-001\/spec\.md:\d+`/);
    });

    it('on an AC declaration: the REQs it maps and its tests; on a broken ID: why', () => {
      const ac = getHover(service.index, ACCEPTANCE, at(ACCEPTANCE, 'AC-ORDER-001'))!;
      assert.match(ac.markdown, /Maps: REQ-ORDER-001/);
      assert.match(ac.markdown, /References: 0 code · 1 test$/m);
      const unknownSpec = getHover(service.index, 'src/orders/broken.py', at('src/orders/broken.py', 'SPEC-ORDR-001'))!;
      assert.match(unknownSpec.markdown, /SPEC-ORDR-001 names no SPEC of the workspace/);
      const unknownReq = getHover(service.index, 'src/orders/broken.py', at('src/orders/broken.py', 'REQ-ORDER-009'))!;
      assert.match(unknownReq.markdown, /REQ-ORDER-009 is declared in none of SPEC-ORDER-001/);
    });

    it('on the SPEC title adds REQ coverage to the chain summary; on plain code nothing', () => {
      assert.match(getHover(service.index, SPEC, at(SPEC, '# SPEC-ORDER-001', 3))!.markdown, /REQs: 2 of 3 referenced/);
      assert.equal(getHover(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'createOrder')), undefined);
    });
  });

  it('a group ID (REQ-32 for REQ-32.1 and REQ-32.2) hovers and leads to its members', async () => {
    const files = {
      ...MX_FILES,
      '.moai/specs/SPEC-SEC-001/spec.md': '# SPEC-SEC-001: Security\n\n- REQ-32.1: The system SHALL hash.\n- REQ-32.2: The system SHALL salt.\n',
      'src/sec.ts': '// @MX:NOTE: hashing\n// @MX:SPEC: SPEC-SEC-001 REQ-32\n',
    };
    const group = await load(files, { rules: { 'spec/no-frontmatter': 'off' } });
    const position = positionOf(files, 'src/sec.ts', 'REQ-32', 1);
    assert.match(getHover(group.index, 'src/sec.ts', position)!.markdown, /\*\*REQ-32\*\* of SPEC-SEC-001[\s\S]*Group of REQ-32\.1, REQ-32\.2/);
    assert.deepEqual(where(getDefinition(group.index, 'src/sec.ts', position)), ['.moai/specs/SPEC-SEC-001/spec.md:3:3', '.moai/specs/SPEC-SEC-001/spec.md:4:3']);
  });

  it('definition goes from a SPEC ID to its title and from a REQ/AC ID (or a range) to its declarations', () => {
    assert.deepEqual(where(getDefinition(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'SPEC-ORDER-001'))), [`${SPEC}:16:1`]);
    const req = at(SPEC, 'REQ-ORDER-002', 0);
    assert.deepEqual(where(getDefinition(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-002'))), [`${SPEC}:${req.line + 1}:${req.character + 1}`]);
    const ac = at(ACCEPTANCE, 'AC-ORDER-001', 0);
    assert.deepEqual(where(getDefinition(service.index, 'tests/test_orders.py', at('tests/test_orders.py', 'AC-ORDER-001'))), [`${ACCEPTANCE}:${ac.line + 1}:${ac.character + 1}`]);
    const pay = '.moai/specs/SPEC-PAY-002/spec.md';
    assert.deepEqual(where(getDefinition(service.index, 'src/pay.go', at('src/pay.go', 'REQ-001..002'))), [`${pay}:3:3`]);
    assert.deepEqual(where(getDefinition(service.index, 'src/pay.go', at('src/pay.go', '..002', 3))), [`${pay}:4:3`]);
    assert.deepEqual(where(getDefinition(service.index, ACCEPTANCE, at(ACCEPTANCE, 'maps REQ-ORDER-003', 6))), [`${SPEC}:${at(SPEC, 'REQ-ORDER-003', 0).line + 1}:5`]);
    assert.deepEqual(getDefinition(service.index, 'src/orders/broken.py', at('src/orders/broken.py', 'SPEC-ORDR-001')), []);
  });

  it('references from a REQ declaration reach every @MX line and AC naming it; from the SPEC, every line linking it', () => {
    const fromDecl = getReferences(service.index, SPEC, at(SPEC, 'REQ-ORDER-001'), false);
    assert.deepEqual(where(fromDecl), [place(ACCEPTANCE, 'REQ-ORDER-001'), place('src/orders/api.ts', 'REQ-ORDER-001'), place('tests/test_orders.py', 'REQ-ORDER-001')]);
    const withDecl = getReferences(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001'), true);
    assert.equal(where(withDecl)[0], `${SPEC}:${at(SPEC, 'REQ-ORDER-001', 0).line + 1}:5`);
    const fromSpec = getReferences(service.index, SPEC, at(SPEC, '# SPEC-ORDER-001', 3), false);
    assert.deepEqual(where(fromSpec), [place('src/orders/api.ts', 'SPEC-ORDER-001'), place('src/orders/broken.py', 'SPEC-ORDER-001'), place('tests/test_orders.py', 'SPEC-ORDER-001')]);
  });

  describe('completion', () => {
    const complete = (prefix: string, path = 'src/x.ts') => getCompletions(service.index, prefix, { line: 0, character: prefix.length }, path);

    it('offers SPEC IDs after @MX:SPEC: and @MX:TEST (colon optional), with titles', () => {
      const specs = complete('// @MX:SPEC: SPEC-OR');
      assert.deepEqual(specs.map((e) => e.label), ['SPEC-ORDER-001']);
      assert.equal(specs[0]!.detail, 'Orders');
      assert.deepEqual(specs[0]!.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 20 } });
      assert.deepEqual(complete('# @mx:test ').map((e) => e.label), ['SPEC-ORDER-001', 'SPEC-PAY-002', 'SPEC-USER-001']);
    });

    it('offers the named SPEC\'s REQ and AC IDs after it, and the owning SPEC\'s without one', () => {
      const reqs = complete('// @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-001, ');
      assert.deepEqual(reqs.map((e) => `${e.kind}:${e.label}`), ['req-id:REQ-ORDER-001', 'req-id:REQ-ORDER-002', 'req-id:REQ-ORDER-003', 'ac-id:AC-ORDER-001', 'ac-id:AC-ORDER-002']);
      assert.match(reqs[0]!.detail!, /^SPEC-ORDER-001: Create The system SHALL create/);
      assert.deepEqual(complete('// @MX:SPEC: SPEC-PAY-002 REQ-00').map((e) => e.label), ['REQ-001', 'REQ-002']);
      assert.deepEqual(complete('// @MX:SPEC: AC', 'src/orders/new.ts').map((e) => e.label), ['AC-ORDER-001', 'AC-ORDER-002']);
    });

    it('offers @MX kinds after @MX:, and leaves other lines to the tag dialect', () => {
      assert.deepEqual(complete('// @MX:AN').map((e) => `${e.label}|${e.newText}`), ['ANCHOR|ANCHOR: ']);
      assert.equal(complete('// @MX:').length, 12);
      assert.deepEqual(complete('// @API:US').map((e) => e.label), ['ORDER-001', 'PAY-002', 'USER-001'].filter((id) => service.index.specsWithId(id).length > 0));
    });
  });

  it('code lenses count code, test and AC per REQ declaration, and click through to them', () => {
    const lenses = getCodeLenses(service.index, SPEC);
    assert.deepEqual(lenses.map((l) => l.title), ['3 @MX links · 2 of 3 REQs referenced', '1 code · 1 test · 1 AC', '1 code · 0 test · 0 AC', '0 code · 0 test · 1 AC']);
    // The SPEC's lens counts what its click shows.
    assert.equal(lenses[0]!.locations.length, 3);
    assert.deepEqual(where(lenses[1]!.locations), [place('src/orders/api.ts', 'REQ-ORDER-001'), place('tests/test_orders.py', 'REQ-ORDER-001'), place(ACCEPTANCE, 'AC-ORDER-001')]);
    assert.deepEqual(lenses[1]!.range.start, at(SPEC, 'REQ-ORDER-001', 0));
  });

  it('document links lead from each resolved ID of an @MX line to its declaration line', () => {
    const links = getDocumentLinks(service.index, 'src/orders/api.ts').map((l) => `${l.range.start.character}-${l.range.end.character}>${l.target}:${l.line}`);
    const col = (needle: string) => at('src/orders/api.ts', needle, 0).character;
    const span = (needle: string) => `${col(needle)}-${col(needle) + needle.length}`;
    assert.deepEqual(links, [`${span('SPEC-ORDER-001')}>${SPEC}:15`, `${span('REQ-ORDER-001')}>${SPEC}:${at(SPEC, 'REQ-ORDER-001').line}`, `${span('REQ-ORDER-002')}>${SPEC}:${at(SPEC, 'REQ-ORDER-002').line}`]);
    assert.deepEqual(getDocumentLinks(service.index, 'src/orders/broken.py').map((l) => l.target), [SPEC]);
  });

  it('the SPEC at the cursor: the one an @MX ID names, else the one owning the file by module:', () => {
    assert.equal(getSpecAt(service.index, 'src/pay.go', at('src/pay.go', 'REQ-001')), 'PAY-002');
    assert.equal(getSpecAt(service.index, 'src/orders/api.ts', { line: 3, character: 0 }), 'ORDER-001');
    assert.equal(getSpecAt(service.index, 'src/pay.go', { line: 0, character: 0 }), undefined);
  });

  it('workspace symbols list REQs beside SPECs', () => {
    const symbols = getWorkspaceSymbols(service.index, 'req-order-00');
    assert.deepEqual(symbols.map((s) => `${s.kind}:${s.name}:${s.detail}`), ['req:REQ-ORDER-001:SPEC-ORDER-001', 'req:REQ-ORDER-002:SPEC-ORDER-001', 'req:REQ-ORDER-003:SPEC-ORDER-001']);
    assert.ok(getWorkspaceSymbols(service.index, '').some((s) => s.kind === 'req' && s.name === 'REQ-001'));
  });

  describe('rename of a REQ ID', () => {
    it('renames the declaration, the ACs mapping it and every @MX reference', async () => {
      const target = prepareRename(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001'));
      assert.deepEqual(target.subject, { kind: 'REQ', specId: 'ORDER-001', id: 'REQ-ORDER-001' });
      const plan = (await getRenameEdits(service.index, target.subject, 'REQ-ORDER-010', read))!;
      assert.deepEqual([...plan.edits.keys()].sort(), [ACCEPTANCE, SPEC, 'src/orders/api.ts', 'tests/test_orders.py']);
      assert.match(apply(MX_FILES[SPEC]!, plan.edits.get(SPEC)), /### REQ-ORDER-010: Create/);
      assert.match(apply(MX_FILES[ACCEPTANCE]!, plan.edits.get(ACCEPTANCE)), /\(maps REQ-ORDER-010\)/);
      assert.equal(apply(MX_FILES['src/orders/api.ts']!, plan.edits.get('src/orders/api.ts')).split('\n')[2], '// @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-010, REQ-ORDER-002');
      assert.equal(apply(MX_FILES['tests/test_orders.py']!, plan.edits.get('tests/test_orders.py')).split('\n')[1], '# @MX:TEST: SPEC-ORDER-001 AC-ORDER-001 REQ-ORDER-010');
      assert.deepEqual(plan.operations, []);
    });

    it('refuses malformed, overlong, multi-line, other-kind and taken names, and a member of a range', async () => {
      const refused = async (name: string, pattern: RegExp, spec = 'ORDER-001', id = 'REQ-ORDER-001') =>
        assert.rejects(getRenameEdits(service.index, { kind: id.startsWith('AC-') ? 'AC' : 'REQ', specId: spec, id }, name, read), (e: unknown) => e instanceof RenameRefused && pattern.test(e.message));
      await refused('REQ ORDER 1', /not a valid REQ ID/);
      await refused('REQ-ORDER-001\nREQ-X-1', /not a valid REQ ID/);
      await refused(`REQ-${'A'.repeat(100)}`, /at most 80 characters/);
      await refused('AC-ORDER-001x', /must start with REQ-/);
      await refused('REQ-ORDER-002', /already declares REQ-ORDER-002/);
      await refused('REQ-003', /inside a range/, 'PAY-002', 'REQ-001');
      await refused('REQ-003', /inside a range/, 'PAY-002', 'REQ-002');
    });

    it('a SPEC rename starts from the SPEC ID of an @MX line too, on the part after SPEC-', () => {
      const target = prepareRename(service.index, 'src/orders/api.ts', at('src/orders/api.ts', 'SPEC-ORDER-001', 3));
      const start = at('src/orders/api.ts', 'ORDER-001', 0);
      assert.deepEqual(target, { subject: specSubject('ORDER-001'), range: { start, end: { line: start.line, character: start.character + 'ORDER-001'.length } } });
    });

    it('a SPEC rename also rewrites the SPEC IDs of @MX lines', async () => {
      const plan = (await getRenameEdits(service.index, specSubject('ORDER-001'), 'ORDER-100', read))!;
      assert.equal(apply(MX_FILES['src/orders/api.ts']!, plan.edits.get('src/orders/api.ts')).split('\n')[2], '// @MX:SPEC: SPEC-ORDER-100 REQ-ORDER-001, REQ-ORDER-002');
    });
  });

  it('the plan of an @MX SPEC is written from its declarations and the @MX lines code holds; a tag SPEC keeps its TAG chain', async () => {
    const plan = (await getPlan(service, 'SPEC-ORDER-001', read)).markdown;
    assert.match(plan, /\| `REQ-ORDER-001` \| Ubiquitous \|.*\| `spec.md:\d+` \| AC-ORDER-001 \| yes \|/);
    assert.match(plan, /\| `AC-ORDER-002` \| REQ-ORDER-003 \|.*\| `acceptance.md:4` \| none yet \|/);
    assert.match(plan, /\| `REQ-ORDER-002` \| `src\/orders\/api.ts:3` \| code \|/);
    assert.match(plan, /@MX:SPEC: SPEC-ORDER-001 REQ-ORDER-003\n/);
    assert.doesNotMatch(plan, /@MX:SPEC: SPEC-ORDER-001 REQ-ORDER-001\n/);
    assert.match((await getPlan(service, 'USER-001', read)).markdown, /## \d+\. TAG chain/);
  });

  it('an edit of an @MX line re-diagnoses the SPECs it linked to and links to now', () => {
    const affected = service.update('src/orders/api.ts', MX_FILES['src/orders/api.ts']!.replace('SPEC-ORDER-001 REQ-ORDER-001, REQ-ORDER-002', 'SPEC-PAY-002 REQ-001'));
    assert.ok(affected.has(SPEC), 'the SPEC the line named before');
    assert.ok(affected.has('.moai/specs/SPEC-PAY-002/spec.md'), 'the SPEC it names now');
    assert.ok(!affected.has('.moai/specs/SPEC-USER-001/spec.md'));
  });

  it('the SPEC tree opens an @MX SPEC into its REQs with code, test and AC, and groups broken references', () => {
    const tree = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics())!;
    const order = tree.specs.find((s) => s.id === 'ORDER-001')!;
    assert.deepEqual(order.mx!.coverage, { referenced: 2, declared: 3 });
    assert.deepEqual(
      order.mx!.reqs.map((r) => `${r.id}: ${r.code.map((c) => c.path).join(',')} | ${r.tests.map((c) => c.path).join(',')} | ${r.acs.map((a) => a.id).join(',')}`),
      ['REQ-ORDER-001: src/orders/api.ts | tests/test_orders.py | AC-ORDER-001', 'REQ-ORDER-002: src/orders/api.ts |  | ', 'REQ-ORDER-003:  |  | AC-ORDER-002'],
    );
    assert.deepEqual(order.mx!.broken.map((b) => `${b.id}@${b.path}`), ['REQ-ORDER-009@src/orders/broken.py']);
    assert.equal(order.completeness, 'partial');
    assert.deepEqual(
      tree.broken.map((b) => `${b.id}@${b.path}:${b.range.start.line + 1} ${b.code} ${b.severity} ${b.specId ?? '-'} ${b.fixable}`),
      // REQ-ORDER-009 is one edit from each of 001, 002 and 003: no replacement is guessed, so no fix.
      ['ORDR-001@src/orders/broken.py:2 mx/unknown-spec error - true', 'REQ-ORDER-009@src/orders/broken.py:3 mx/unknown-req warning ORDER-001 false'],
      'every broken link of the dialect, by ID, with the SPEC a REQ was looked up in',
    );
    assert.equal(order.problems.broken, 1, 'the unknown REQ belongs to ORDER-001');
    const pay = tree.specs.find((s) => s.id === 'PAY-002')!;
    assert.deepEqual(pay.mx!.reqs.map((r) => `${r.id}:${r.code.length}`), ['REQ-001:1', 'REQ-002:1']);
    const user = tree.specs.find((s) => s.id === 'USER-001')!;
    assert.equal(user.mx, undefined);
    assert.deepEqual(user.tags.map((t) => `@${t.type}:${t.id}`), ['@API:USER-001']);
    assert.equal(tree.totals.brokenLinks, tree.broken.length, 'the group holds what the status bar counts');
    // The same unknown SPEC named in both dialects is one ID of the group, as SPEC rows name SPECs.
    service.update('src/orders/legacy.py', '# @API:ORDR-001\ndef legacy():\n    pass\n');
    const mixed = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics())!;
    assert.deepEqual(mixed.broken.filter((b) => b.id.includes('ORDR')).map((b) => `${b.id} ${b.code}`), ['ORDR-001 mx/unknown-spec', 'ORDR-001 tag/unknown-spec']);
    service.delete('src/orders/legacy.py');
    const off = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics().filter((d) => d.code !== 'mx/unknown-spec'))!;
    assert.deepEqual(off.broken.map((b) => b.code), ['mx/unknown-req'], 'what no diagnostic reports (rule off, line disabled, file excluded) is not shown as broken');
    const hinted = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics().map((d) => ({ ...d, severity: 'hint' as const })))!;
    assert.deepEqual([hinted.broken, hinted.totals.brokenLinks, hinted.specs.find((s) => s.id === 'ORDER-001')!.problems.broken], [[], 0, 0], 'a hint is never broken');
  });
});

describe('short REQ IDs in the editor', () => {
  it('hover, definition and references of `REQ-005` follow the declared `REQ-RT-003-005`', async () => {
    const spec = '.moai/specs/SPEC-RT-003/spec.md';
    const files = {
      [spec]: '---\nid: RT-003\nversion: 0.1.0\nstatus: completed\ncreated: 2026-01-01\nupdated: 2026-01-02\nauthor: dev\npriority: high\n---\n\n# RT-003\n\n- REQ-RT-003-005: The sandbox SHALL deny writes.\n- AC-RT-01: Given a write, Then it fails. (REQ-005)\n',
      'src/sandbox.go': '// @MX:NOTE: sandbox\n// @MX:SPEC: SPEC-RT-003 REQ-005\nfunc Deny() {}\n',
    };
    const svc = await load(files);
    const onShort = { line: 1, character: 29 };
    const hover = getHover(svc.index, 'src/sandbox.go', onShort)!.markdown;
    assert.match(hover, /\*\*REQ-RT-003-005\*\* of SPEC-RT-003/);
    assert.match(hover, /- \*\*AC-RT-01\*\*: Given a write/);
    assert.deepEqual(where(getDefinition(svc.index, 'src/sandbox.go', onShort)), [`${spec}:13:3`]);
    assert.deepEqual(where(getReferences(svc.index, spec, { line: 12, character: 4 }, false)).sort(), [`${spec}:14:44`, 'src/sandbox.go:2:26']);
  });
});
