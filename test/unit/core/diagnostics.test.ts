import * as assert from 'node:assert/strict';
import { getDocumentLinks } from '../../../server/src/service/features/documentLinks';
import { load, spec, where } from './helpers';

describe('diagnostics and linking', () => {
  it('links markers by ID, by TEST-of-type, and by chain declaration', async () => {
    const svc = await load({
      '.moai/specs/SPEC-USER-001/spec.md': spec('USER-001', { body: '## Chain\n- @API:USER-001\n- @SERVICE:AUTH-001\n' }),
      'app/users.py': '# @API:USER-001\n# @SERVICE:AUTH-001\n',
      'tests/test_users.py': '# @TEST:API-USER-001\n# @TEST:USER-001\n',
    });
    assert.deepEqual(svc.index.resolve({ type: 'API', id: 'USER-001' }), ['USER-001']);
    assert.deepEqual(svc.index.resolve({ type: 'TEST', id: 'API-USER-001' }), ['USER-001']);
    assert.deepEqual(svc.index.resolve({ type: 'SERVICE', id: 'AUTH-001' }), ['USER-001']);
    assert.deepEqual(svc.index.resolve({ type: 'DB', id: 'AUTH-001' }), []);
    assert.deepEqual(svc.index.resolve({ type: 'TEST', id: 'FOO-USER-001' }), []);
    assert.deepEqual(svc.allDiagnostics(), []);
  });

  it('tag/unknown-spec names the closest ID, in code and in prose, not in declarations', async () => {
    const svc = await load({
      '.moai/specs/SPEC-USER-001/spec.md': spec('USER-001', { body: '- @API:OTHER-009\n' }),
      'app/a.ts': 'const x = 1; // @API:USR-001\n',
      'docs/notes.md': 'See @SPEC:GHOST-00042 for details.\n',
      'app/ok.ts': '// @API:USER-001 @API:OTHER-009\n',
    });
    const d = svc.allDiagnostics().filter((x) => x.code === 'tag/unknown-spec');
    assert.deepEqual(where(d, 'tag/unknown-spec'), ['app/a.ts:1:17-1:29', 'docs/notes.md:1:5-1:22']);
    assert.equal(d[0]!.severity, 'error');
    assert.match(d[0]!.message, /did you mean USER-001\?/i);
    assert.deepEqual(d[0]!.data, { kind: 'replace-id', suggestion: 'USER-001' });
    assert.deepEqual(d[1]!.data, { kind: 'create-spec', id: 'GHOST-00042' });
  });

  it('tag/unknown-spec in a SPEC never suggests the SPEC itself (a parent SPEC that is gone)', async () => {
    const svc = await load({
      '.moai/specs/SPEC-REFACTOR-003/spec.md': spec('REFACTOR-003', { body: '- @SPEC:REFACTOR-002 (parent specification)\n' }),
      'src/a.ts': '// @API:REFACTOR-002\n',
    });
    const d = svc.allDiagnostics().filter((x) => x.code === 'tag/unknown-spec');
    assert.equal(d.length, 2, JSON.stringify(d));
    const inSpec = d.find((x) => x.path.endsWith('spec.md'))!;
    assert.deepEqual(inSpec.data, { kind: 'create-spec', id: 'REFACTOR-002' }, 'no "Did you mean REFACTOR-003" in REFACTOR-003 itself');
    assert.doesNotMatch(inSpec.message, /did you mean/i);
    // Elsewhere the closest SPEC is still a fair guess.
    assert.deepEqual(d.find((x) => x.path === 'src/a.ts')!.data, { kind: 'replace-id', suggestion: 'REFACTOR-003' });
  });

  it('tag/malformed and tag/broken-path', async () => {
    const svc = await load({
      '.moai/specs/SPEC-AUTH-001/spec.md': spec('AUTH-001'),
      'src/auth.py': '# @CODE:AUTH-001 | SPEC: SPEC-AUTH-001.md | TEST: tests/test_auth.py\n# @API:auth-001\n',
      'src/login.py': '# @CODE:AUTH-001 | SPEC: .moai/specs/SPEC-AUTH-001/spec.md | TEST: ../tests/test_login.py\n',
      'tests/test_login.py': '# @TEST:AUTH-001\n',
    });
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'tag/broken-path'), ['src/auth.py:1:51-1:69']);
    assert.deepEqual(where(all, 'tag/malformed'), ['src/auth.py:2:3-2:16']);
    assert.equal(all.find((d) => d.code === 'tag/malformed')!.severity, 'warning');
  });

  it('spec/duplicate-id on each document, with related locations', async () => {
    const svc = await load({
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001', { status: 'draft' }),
      '.moai/specs/SPEC-A-001-COPY/spec.md': spec('A-001', { status: 'draft' }),
    });
    const dups = svc.allDiagnostics().filter((d) => d.code === 'spec/duplicate-id');
    assert.deepEqual(where(dups, 'spec/duplicate-id'), ['.moai/specs/SPEC-A-001-COPY/spec.md:2:5-2:10', '.moai/specs/SPEC-A-001/spec.md:2:5-2:10']);
    assert.equal(dups[0]!.related?.[0]?.path, '.moai/specs/SPEC-A-001/spec.md');
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/id-mismatch'), ['.moai/specs/SPEC-A-001-COPY/spec.md:2:5-2:10']);
  });

  it('spec/unknown-dependency and spec/dependency-cycle', async () => {
    const svc = await load({
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001', { status: 'draft', extra: 'depends_on:\n  - B-001\n  - NOPE-001\n' }),
      '.moai/specs/SPEC-B-001/spec.md': spec('B-001', { status: 'draft', extra: 'depends_on: [SPEC-A-001]\nrelated_specs: [A-002]\n' }),
    });
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'spec/unknown-dependency'), ['.moai/specs/SPEC-A-001/spec.md:11:5-11:13', '.moai/specs/SPEC-B-001/spec.md:10:17-10:22']);
    assert.match(all.find((d) => d.path.includes('SPEC-B') && d.code === 'spec/unknown-dependency')!.message, /Did you mean A-001\?/);
    assert.deepEqual(where(all, 'spec/dependency-cycle'), ['.moai/specs/SPEC-A-001/spec.md:10:5-10:10', '.moai/specs/SPEC-B-001/spec.md:9:14-9:24']);
    assert.match(all.find((d) => d.code === 'spec/dependency-cycle')!.message, /A-001 → B-001 → A-001/);
  });

  it('a dependency item with a note in parentheses names the ID before it (elymas writes blocks: [SPEC-EVAL-003 (Korean-locale benchmark)])', async () => {
    const svc = await load({
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001', { status: 'draft', extra: 'blocks: [SPEC-B-001 (the benchmark), SPEC-NOPE-001 (later)]\n' }),
      '.moai/specs/SPEC-B-001/spec.md': spec('B-001', { status: 'draft' }),
    });
    const unknown = svc.allDiagnostics().filter((d) => d.code === 'spec/unknown-dependency');
    assert.deepEqual(unknown.map((d) => d.target), ['NOPE-001']);
  });

  it('spec/no-implementation only past draft; chain/missing-test; chain/declared-missing', async () => {
    const svc = await load({
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001', { status: 'completed' }),
      '.moai/specs/SPEC-B-001/spec.md': spec('B-001', { status: 'draft' }),
      '.moai/specs/SPEC-C-001/spec.md': spec('C-001', { status: 'active', body: '- @API:C-001\n- @DB:C-001\n' }),
      '.moai/specs/SPEC-C-001/plan.md': '- @SERVICE:C-001 planned\n',
      'src/c.go': '// @API:C-001\n',
    });
    const all = svc.allDiagnostics();
    assert.deepEqual(where(all, 'spec/no-implementation'), ['.moai/specs/SPEC-A-001/spec.md:11:1-11:30']);
    assert.equal(all.find((d) => d.code === 'spec/no-implementation')!.severity, 'info');
    assert.deepEqual(where(all, 'chain/missing-test'), ['.moai/specs/SPEC-C-001/spec.md:11:1-11:30']);
    // plan.md is a companion: its markers are mentions, so only spec.md declares.
    assert.deepEqual(where(all, 'chain/declared-missing'), ['.moai/specs/SPEC-C-001/spec.md:14:3-14:12']);
  });

  it('honours per-code severity settings and specchain-disable-next-line', async () => {
    const files = {
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001', { status: 'draft' }),
      'src/x.py': '# @API:NOPE-001\n# specchain-disable-next-line tag/unknown-spec\n# @API:NOPE-002\n# specchain-disable-next-line\n# @API:NOPE-003\n# specchain-disable-next-line tag/malformed\n# @API:NOPE-004\n',
    };
    const base = await load(files);
    assert.deepEqual(where(base.allDiagnostics(), 'tag/unknown-spec'), ['src/x.py:1:3-1:16', 'src/x.py:7:3-7:16']);
    const downgraded = await load(files, { rules: { 'tag/unknown-spec': 'warning' } });
    assert.ok(downgraded.allDiagnostics().every((d) => d.severity === 'warning'));
    const off = await load(files, { rules: { 'tag/unknown-spec': 'off' } });
    assert.deepEqual(off.allDiagnostics(), []);
  });

  it('updates one file at a time and says which files to re-diagnose', async () => {
    const svc = await load({
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001', { status: 'active' }),
      '.moai/specs/SPEC-B-001/spec.md': spec('B-001', { status: 'active' }),
      'src/a.py': '# @API:A-001\n',
      'src/other.py': '# nothing\n',
    });
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/no-implementation'), ['.moai/specs/SPEC-B-001/spec.md:11:1-11:30']);
    const affected = svc.update('src/a.py', '# @API:B-001\n# @TEST:B-001\n');
    assert.deepEqual([...affected].sort(), ['.moai/specs/SPEC-A-001/spec.md', '.moai/specs/SPEC-B-001/spec.md', 'src/a.py']);
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/no-implementation'), ['.moai/specs/SPEC-A-001/spec.md:11:1-11:30']);
    const renamed = svc.update('.moai/specs/SPEC-B-001/spec.md', spec('B-002', { status: 'active' }));
    assert.ok(renamed.has('src/a.py'), 'a SPEC whose ID changes re-diagnoses the markers');
    assert.deepEqual(where(svc.diagnostics('src/a.py'), 'tag/unknown-spec').length, 2);
    svc.delete('src/a.py');
    assert.deepEqual(svc.diagnostics('src/a.py'), []);
  });
});

describe('header paths', () => {
  it('resolve from the file folder or any folder above it', async () => {
    const svc = await load({
      '.moai/specs/SPEC-U-001/spec.md': spec('U-001', { status: 'draft' }),
      'backend/app/api/users.py': '# @API:U-001 | SPEC: SPEC-U-001.md | TEST: tests/test_users.py\n',
      'backend/app/api/more.py': '# @API:U-001 | TEST: tests/test_more.py\n',
      'backend/tests/test_users.py': '# @TEST:U-001\n',
    });
    assert.deepEqual(where(svc.allDiagnostics(), 'tag/broken-path'), ['backend/app/api/more.py:1:22-1:40']);
    // Document links follow the same resolution as the diagnostic.
    assert.deepEqual(
      getDocumentLinks(svc.index, 'backend/app/api/users.py').map((l) => l.target),
      ['.moai/specs/SPEC-U-001/spec.md', 'backend/tests/test_users.py'],
    );
    assert.deepEqual(getDocumentLinks(svc.index, 'backend/app/api/more.py'), []);
  });
});
