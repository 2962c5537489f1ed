import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FsWorkspace } from '../../../server/src/node/fsWorkspace';
import { resolveConfig } from '../../../server/src/service/config';
import { DATA_KINDS, checkedData } from '../../../server/src/service/diagnosticData';
import { getCodeActions } from '../../../server/src/service/features/codeActions';
import { LanguageService } from '../../../server/src/service/languageService';
import { fromLspDiagnostic, toLspDiagnostic } from '../../../server/src/lsp/convert';
import { FolderPaths } from '../../../server/src/lsp/uris';
import { QUICK_FIXES, QUICK_FIX_FILES, QUICK_FIX_HISTORY, QUICK_FIX_RULES } from '../../fixtures/quickFixes';
import { apply, load } from '../core/helpers';
import { sharedPath } from '../shared';

describe('every quick fix of the engine', () => {
  let service: LanguageService;
  before(async () => {
    service = await load({ ...QUICK_FIX_FILES }, { rules: { ...QUICK_FIX_RULES } });
    // The retarget fix comes from git history: the fixture's, as the node layer would read it.
    service.setHistory(QUICK_FIX_HISTORY);
  });

  it('the fixture gives diagnostic data of every kind, each of the shape its definition checks', () => {
    const data = service.allDiagnostics().flatMap((d) => (d.data ? [d.data] : []));
    assert.deepEqual([...new Set(data.map((d) => d.kind))].sort(), [...DATA_KINDS].sort());
    for (const d of data) assert.deepEqual(checkedData(d), d, `${d.kind} passes its own check unchanged`);
  });

  it('offers exactly the expected fixes of each diagnostic with data, and each leaves the expected text', async () => {
    for (const d of service.allDiagnostics()) {
      const expected = QUICK_FIXES.filter((f) => f.code === d.code && f.path === d.path && f.line === d.range.start.line);
      if (!d.data && expected.length === 0) continue;
      const text = QUICK_FIX_FILES[d.path]!;
      const actions = await getCodeActions({ index: service.index, path: d.path, text, diagnostics: [d], today: new Date('2026-01-02T00:00:00Z'), readText: async (p) => QUICK_FIX_FILES[p] });
      const where = `${d.code} at ${d.path}:${d.range.start.line + 1}`;
      assert.deepEqual(actions.map((a) => a.title), [...expected.map((f) => f.title), `Disable ${d.code} for this line`], where);
      for (const f of expected) {
        const action = actions.find((a) => a.title === f.title)!;
        assert.deepEqual([...action.edit.edits.keys()].sort(), Object.keys(f.edits ?? {}).sort(), `${where}: ${f.title} edits these files`);
        for (const [file, [before, after]] of Object.entries(f.edits ?? {})) {
          const original = QUICK_FIX_FILES[file]!;
          assert.ok(original.includes(before), `${before} in ${file}`);
          assert.equal(apply(original, action.edit.edits.get(file)), original.replace(before, after), `${where}: ${f.title}`);
        }
        const created = action.edit.operations.find((op) => op.kind === 'create');
        assert.equal(created?.path, f.creates?.path, `${where}: ${f.title} creates`);
        if (f.creates && created?.kind === 'create') assert.ok(created.text.split('\n').includes(f.creates.holds), created.text);
      }
    }
  });

  it('a dependency naming no SPEC is never pointed at the SPEC that names it (the fix would make it depend on itself)', () => {
    const self = service.diagnostics('.moai/specs/SPEC-GO-001/spec.md').find((d) => d.code === 'spec/unknown-dependency' && d.message.includes('GO-002'));
    assert.ok(self);
    assert.equal(self.data, undefined);
    assert.doesNotMatch(self.message, /Did you mean/);
  });

  it('the language server sends the data of every kind and takes it back with a code-action request', () => {
    const paths = new FolderPaths('/tmp/specchain-quick-fixes');
    const kinds = new Set<string>();
    for (const d of service.allDiagnostics()) {
      const back = fromLspDiagnostic(JSON.parse(JSON.stringify(toLspDiagnostic(d, paths))), paths);
      assert.deepEqual(back?.data, d.data, `${d.code} at ${d.path}:${d.range.start.line + 1}`);
      if (back?.data) kinds.add(back.data.kind);
    }
    assert.deepEqual([...kinds].sort(), [...DATA_KINDS].sort());
  });

  it('refuses data of no kind, of a kind with a missing or forged field, and ignores unknown keys', () => {
    assert.equal(checkedData({ kind: 'no-such-kind' }), undefined);
    assert.equal(checkedData({ kind: 'mx-broken-link' }), undefined);
    assert.equal(checkedData({ kind: 'mx-broken-link', id: 'X/../../etc' }), undefined);
    assert.equal(checkedData({ kind: 'create-spec', id: '..' }), undefined);
    assert.equal(checkedData({ kind: 'pick-framework', choices: Array(51).fill('gin') }), undefined);
    assert.equal(checkedData({ kind: 'set-version', specVersion: '1', manifestVersion: '2', manifestPath: '/etc/passwd', manifestRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }), undefined);
    assert.equal(checkedData({ kind: 'set-version', specVersion: '1', manifestVersion: '2', manifestPath: 'a.txt', manifestRange: { start: { line: -1, character: 0 }, end: { line: 0, character: 1 } } }), undefined);
    assert.deepEqual(checkedData({ kind: 'mx-add-reason', extra: 'x' }), { kind: 'mx-add-reason' });
  });
});

describe('diagnostic data on real projects', function () {
  this.timeout(120_000);
  let root: string;
  before(function () {
    root = sharedPath(this, 'corpus');
  });

  it('every diagnostic of the shared corpus carries data its definition accepts unchanged, and a fix beyond Disable', async () => {
    const kinds = new Set<string>();
    const unfixed: string[] = [];
    for (const project of ['moai/head-v3.1.2+', 'moai/legacy-v0.22.5', 'mx/GetKlai+klai', 'mx/elymas+universal-search']) {
      const { config } = resolveConfig({});
      const svc = new LanguageService({ workspace: new FsWorkspace(path.join(root, project), config), config });
      await svc.load();
      for (const d of svc.allDiagnostics()) {
        if (!d.data) continue;
        kinds.add(d.data.kind);
        const where = `${project}: ${d.code} at ${d.path}:${d.range.start.line + 1}`;
        assert.deepEqual(checkedData(d.data), d.data, where);
        const text = readFileSync(path.join(root, project, d.path), 'utf8');
        const read = async (p: string): Promise<string | undefined> => readFileSync(path.join(root, project, p), 'utf8');
        const actions = await getCodeActions({ index: svc.index, path: d.path, text, diagnostics: [d], today: new Date(), readText: read });
        if (!actions.some((a) => !a.title.startsWith('Disable '))) unfixed.push(`${where} (${d.data.kind})`);
      }
    }
    assert.ok(kinds.size >= 3, `kinds seen: ${[...kinds].join(', ')}`);
    assert.deepEqual(unfixed, [], 'data that no fix reads');
  });
});
