import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chainClaims } from '../../../server/src/service/features/chain';
import { getSpecTree } from '../../../server/src/service/features/specTree';
import type { LanguageService } from '../../../server/src/service/languageService';
import { load, spec } from './helpers';

/** A small MoAI-shaped project with every shape of issue 9: see the files under test/fixtures/moai-shapes. */
const ROOT = join(__dirname, '../../fixtures/moai-shapes');

function fixture(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(ROOT, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(ROOT, full).split('\\').join('/')] = readFileSync(full, 'utf8');
  }
  return files;
}

/** Diagnostics as `severity code path:line marker-or-message`, sorted. */
function findings(svc: LanguageService): string[] {
  return svc
    .allDiagnostics()
    .map((d) => `${d.severity} ${d.code} ${d.path}:${d.range.start.line + 1}${d.code.startsWith('tag/') ? ` ${/^(@\S+)/.exec(d.message)?.[1] ?? ''}` : ''}`)
    .sort();
}

describe('where a marker counts (issue 9 shapes)', () => {
  let svc: LanguageService;
  before(async () => {
    svc = await load(fixture(), { rules: { 'stack/not-detected': 'info' } });
  });

  it('reports only real broken claims as errors, quoted markers as hints, nothing from generated or data files', () => {
    assert.deepEqual(findings(svc), [
      'error tag/unknown-spec src/fix.ts:3 @CODE:REMOVED-001',
      'hint tag/unknown-spec .moai/specs/SPEC-AUTH-001/plan.md:3 @SERVICE:PLANNED-001',
      'hint tag/unknown-spec .moai/specs/SPEC-AUTH-001/spec.md:22 @CODE:EXAMPLE-001',
      'hint tag/unknown-spec .moai/specs/SPEC-AUTH-001/spec.md:22 @SPEC:EXAMPLE-001',
      'hint tag/unknown-spec .moai/specs/SPEC-AUTH-001/spec.md:22 @TEST:EXAMPLE-001',
      'hint tag/unknown-spec docs/guide.md:3 @CODE:GUIDE-001',
      'hint tag/unknown-spec docs/guide.md:6 @CODE:FENCED-001',
      'hint tag/unknown-spec src/auth/service.py:10 @SPEC:API-001',
      'hint tag/unknown-spec src/auth/service.py:15 @CODE:QUOTED-001',
      'hint tag/unknown-spec src/auth/service.py:6 @SPEC:API-001',
      'hint tag/unknown-spec tests/test_auth.py:3 @CODE:NOPE-001',
      'hint tag/unknown-spec tests/test_auth.py:3 @SPEC:API-001',
      'hint tag/unknown-spec tests/test_auth.py:4 @TEST:AUTH-003',
      'info spec/no-implementation .moai/specs/SPEC-INIT-003/spec.md:11',
      'warning chain/missing-test .moai/specs/SPEC-BUGFIX-002/spec.md:11',
      'warning chain/missing-test .moai/specs/SPEC-CLI-001/spec.md:11',
    ]);
  });

  it('builds chains from claims only: comments, docstrings, header paths, sub-IDs, SPEC- prefixes', () => {
    const claims = (id: string): string[] => chainClaims(svc.index, id).map((l) => `${l.path}:${l.tag.range.start.line + 1} @${l.tag.type}:${l.tag.id}`);
    assert.deepEqual(claims('AUTH-001'), [
      'src/auth/service.py:1 @CODE:AUTH-001',
      'src/auth/service.py:4 @API:AUTH-001',
      'src/auth/service.py:14 @CODE:AUTH-001',
      'tests/test_auth.py:1 @TEST:AUTH-001',
    ]);
    assert.deepEqual(claims('CLI-001'), ['src/cli/commands.py:1 @CODE:CLI-003'], 'the header names the SPEC');
    assert.deepEqual(claims('BUGFIX-002'), ['src/fix.ts:1 @CODE:BUGFIX-002', 'src/fix.ts:1 @SPEC:BUGFIX-002']);
    assert.deepEqual(claims('CONFIG-001'), ['tests/test_config.py:1 @TEST:CONFIG-001-01', 'tests/test_config.py:2 @TEST:CONFIG-001-RUBY']);
    assert.deepEqual(claims('INIT-003'), [], 'reports, prompts and plans do not implement a SPEC');
  });

  it('gives the SPEC tree its claims as tags and its mentions apart', () => {
    const tree = getSpecTree(svc.index, (p) => svc.diagnostics(p), svc.allDiagnostics())!;
    const auth = tree.specs.find((s) => s.id === 'AUTH-001')!;
    assert.equal(auth.completeness, 'complete');
    assert.deepEqual(auth.mentions.map((m) => `${m.path}:${m.range.start.line + 1}`), ['docs/guide.md:3', 'src/auth/service.py:6', 'src/auth/service.py:10', 'tests/test_auth.py:3']);
    const init = tree.specs.find((s) => s.id === 'INIT-003')!;
    assert.deepEqual([init.completeness, init.tags.length, init.mentions.map((m) => m.path)], ['none', 0, ['.claude/agents/spec-builder.md']]);
  });
});

describe('borrowed tags and .gitattributes', () => {
  it('marks a claim another SPEC supplies through a declaration (rule 3) as borrowed', async () => {
    const svc = await load({
      '.moai/specs/SPEC-AUTH-001/spec.md': spec('AUTH-001'),
      '.moai/specs/SPEC-USER-001/spec.md': spec('USER-001', { body: '- @SERVICE:AUTH-001 (shared login)\n' }),
      'src/auth.ts': '// @SERVICE:AUTH-001\n',
      'src/user.ts': '// @API:USER-001\n',
    });
    const tree = getSpecTree(svc.index, (p) => svc.diagnostics(p), svc.allDiagnostics())!;
    const tagsOf = (id: string): string[] => tree.specs.find((s) => s.id === id)!.tags.map((t) => `${t.path}${t.borrowed ? ' borrowed' : ''}`);
    assert.deepEqual(tagsOf('USER-001'), ['src/auth.ts borrowed', 'src/user.ts']);
    assert.deepEqual(tagsOf('AUTH-001'), ['src/auth.ts']);
  });

  it('later lines and deeper files win; a pattern without a slash matches at any depth', async () => {
    const svc = await load({
      '.moai/specs/SPEC-A-001/spec.md': spec('A-001'),
      '.gitattributes': '*.gen.ts linguist-generated\nsrc/keep.gen.ts -linguist-generated\n',
      'lib/.gitattributes': 'out/** linguist-generated=true\n',
      'src/x.gen.ts': '// @CODE:GHOST-001\n',
      'src/keep.gen.ts': '// @CODE:GHOST-002\n',
      'lib/out/y.ts': '// @CODE:GHOST-003\n',
      'out/z.ts': '// @CODE:GHOST-004\n',
    });
    assert.deepEqual(findings(svc).filter((f) => f.startsWith('error')), ['error tag/unknown-spec out/z.ts:1 @CODE:GHOST-004', 'error tag/unknown-spec src/keep.gen.ts:1 @CODE:GHOST-002']);
  });
});
