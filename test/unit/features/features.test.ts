import * as assert from 'node:assert/strict';
import type { LanguageService } from '../../../server/src/service/languageService';
import { getCodeActions, type ActionDiagnostic } from '../../../server/src/service/features/codeActions';
import { getCodeLenses } from '../../../server/src/service/features/codeLens';
import { commentSyntaxOf } from '../../../server/src/service/features/commentSyntax';
import { getCompletions } from '../../../server/src/service/features/completion';
import { getDefinition } from '../../../server/src/service/features/definition';
import { getDocumentLinks } from '../../../server/src/service/features/documentLinks';
import { getHover } from '../../../server/src/service/features/hover';
import { getPlan, PlanUnavailable } from '../../../server/src/service/features/plan';
import { getReferences } from '../../../server/src/service/features/references';
import { getRenameEdits, prepareRename, RenameRefused } from '../../../server/src/service/features/rename';
import { specSubject } from '../../../server/src/service/features/refs';
import { getSpecAt } from '../../../server/src/service/features/specAt';
import { getSpecTree } from '../../../server/src/service/features/specTree';
import type { EditPlan } from '../../../server/src/service/features/types';
import { getWorkspaceSymbols } from '../../../server/src/service/features/workspaceSymbols';
import { apply, load, spec } from '../core/helpers';

const FILES: Record<string, string> = {
  '.moai/specs/SPEC-USER-001/spec.md': spec('USER-001', { body: 'Declares @API:USER-001 and @DB:USER-001.\n' }),
  '.moai/specs/SPEC-AUTH-001/spec.md': spec('AUTH-001', { status: 'draft', extra: 'depends_on: [SPEC-USER-001]\n' }),
  'src/user.ts': '// @API:USER-001 | SPEC: SPEC-USER-001.md | TEST: test/user.test.ts\nexport {};\n// @API:USER-009\n',
  'test/user.test.ts': '// @TEST:API-USER-001\n',
  'db/schema.sql': '-- @DB:USERS-001\n',
  'docs/notes.md': 'See @SPEC:USER-001.\n',
};

describe('features', () => {
  let service: LanguageService;
  const read = async (path: string): Promise<string | undefined> => FILES[path];
  beforeEach(async () => {
    service = await load(FILES);
  });

  it('hover names the SPEC, its status, chain counts and file, with command links when asked; a broken marker gets none', () => {
    const hover = getHover(service.index, 'test/user.test.ts', { line: 0, character: 8 })!;
    assert.match(hover.markdown, /\*\*SPEC-USER-001\*\*: Title of USER-001/);
    assert.match(hover.markdown, /Status: active · version 0\.1\.0/);
    assert.match(hover.markdown, /Chain: 1 API · 1 TEST/);
    assert.deepEqual(hover.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 21 } });
    assert.equal(getHover(service.index, 'src/user.ts', { line: 2, character: 5 }), undefined, 'a broken marker: its diagnostic says it all');
    assert.doesNotMatch(hover.markdown, /command:/, 'no command links unless the client runs them');
    const linked = getHover(service.index, 'test/user.test.ts', { line: 0, character: 8 }, { commandLinks: true })!;
    assert.match(linked.markdown, /\[Open SPEC\]\(command:specchain\.openSpec\?%5B%22USER-001%22%5D\) · \[Reveal in sidebar\]\(command:specchain\.revealSpec\?%5B%22USER-001%22%5D\)/);
    assert.equal(getHover(service.index, 'src/user.ts', { line: 1, character: 2 }), undefined);
  });

  it('hover on a SPEC whose code has no test offers Create missing test, with the test drafted in the language of its code', async () => {
    const untested = await load({
      '.moai/specs/SPEC-PAY-001/spec.md': spec('PAY-001'),
      'app/pay.py': '# @API:PAY-001\n# @SERVICE:PAY-001\n',
    });
    const hover = getHover(untested.index, 'app/pay.py', { line: 0, character: 5 }, { commandLinks: true })!;
    const link = /\[Create missing test\]\(command:specchain\.createMissingTest\?([^)]+)\)/.exec(hover.markdown);
    assert.ok(link, hover.markdown);
    const [language, content] = JSON.parse(decodeURIComponent(link[1]!)) as [string, string];
    assert.equal(language, 'python');
    assert.equal(content, '# @TEST:PAY-001\n# Tests for SPEC-PAY-001: Title of PAY-001 (covers @API:PAY-001, @SERVICE:PAY-001)\n');
    const tested = getHover(service.index, 'test/user.test.ts', { line: 0, character: 8 }, { commandLinks: true })!;
    assert.doesNotMatch(tested.markdown, /Create missing test/, 'a SPEC with a test marker needs none');
  });

  it('definition of a marker, a mention and a dependency item is the SPEC title', () => {
    const title = { path: '.moai/specs/SPEC-USER-001/spec.md', line: 10 };
    for (const [path, position] of [
      ['src/user.ts', { line: 0, character: 5 }],
      ['docs/notes.md', { line: 0, character: 6 }],
      ['.moai/specs/SPEC-AUTH-001/spec.md', { line: 8, character: 15 }],
    ] as const) {
      assert.deepEqual(getDefinition(service.index, path, position).map((l) => ({ path: l.path, line: l.range.start.line })), [title], path);
    }
  });

  it('references list every marker of the SPEC and stop when cancelled', () => {
    const at = { line: 0, character: 5 };
    assert.deepEqual(getReferences(service.index, 'src/user.ts', at, false).map((l) => l.path), ['docs/notes.md', 'src/user.ts', 'test/user.test.ts']);
    assert.equal(getReferences(service.index, 'src/user.ts', at, true)[0]!.path, '.moai/specs/SPEC-USER-001/spec.md');
    assert.deepEqual(getReferences(service.index, 'src/user.ts', at, false, { isCancellationRequested: true }), []);
  });

  it('completes SPEC IDs after @TYPE: and types after @, not in e-mail addresses', () => {
    const ids = getCompletions(service.index, '// @DB:AU', { line: 3, character: 9 });
    assert.deepEqual(ids.map((c) => [c.label, c.detail]), [['AUTH-001', 'Title of AUTH-001'], ['USER-001', 'Title of USER-001']]);
    assert.deepEqual(ids[0]!.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } });
    assert.deepEqual(getCompletions(service.index, '# @S', { line: 0, character: 4 }).map((c) => c.newText), ['SPEC:', 'SERVICE:']);
    assert.deepEqual(getCompletions(service.index, 'mail me@', { line: 0, character: 8 }), []);
    assert.deepEqual(getCompletions(service.index, '@NOPE:', { line: 0, character: 6 }), []);
  });

  it('prepareRename gives the ID range, including the <ID> of @TEST:API-<ID>, and refuses the rest', () => {
    assert.deepEqual(prepareRename(service.index, 'test/user.test.ts', { line: 0, character: 15 }), {
      subject: { kind: 'SPEC', specId: 'USER-001', id: 'USER-001' },
      range: { start: { line: 0, character: 13 }, end: { line: 0, character: 21 } },
    });
    const text = FILES['.moai/specs/SPEC-AUTH-001/spec.md']!;
    assert.deepEqual(prepareRename(service.index, '.moai/specs/SPEC-AUTH-001/spec.md', { line: 1, character: 5 }, text).range, { start: { line: 1, character: 4 }, end: { line: 1, character: 12 } });
    assert.throws(() => prepareRename(service.index, 'src/user.ts', { line: 2, character: 6 }), RenameRefused);
    assert.throws(() => prepareRename(service.index, 'src/user.ts', { line: 1, character: 0 }), RenameRefused);
  });

  it('rename rewrites markers, frontmatter, title, dependency lists and the folder', async () => {
    const plan = (await getRenameEdits(service.index, specSubject('USER-001'), 'SPEC-MEMBER-001', read))!;
    const after = (path: string): string => apply(FILES[path]!, plan.edits.get(path));
    const specPath = '.moai/specs/SPEC-USER-001/spec.md';
    assert.match(after(specPath), /^id: MEMBER-001$/m);
    assert.match(after(specPath), /^# @SPEC:MEMBER-001: Title of MEMBER-001$/m);
    assert.match(after(specPath), /Declares @API:MEMBER-001 and @DB:MEMBER-001\./);
    assert.match(after('.moai/specs/SPEC-AUTH-001/spec.md'), /^depends_on: \[SPEC-MEMBER-001\]$/m);
    assert.equal(after('test/user.test.ts'), '// @TEST:API-MEMBER-001\n');
    assert.equal(after('docs/notes.md'), 'See @SPEC:MEMBER-001.\n');
    assert.ok(after('src/user.ts').startsWith('// @API:MEMBER-001 |'));
    assert.ok(after('src/user.ts').endsWith('// @API:USER-009\n'), 'another ID is left alone');
    assert.equal(plan.edits.has('db/schema.sql'), false, 'USERS-001 is not USER-001');
    assert.deepEqual(plan.operations, [{ kind: 'rename', from: '.moai/specs/SPEC-USER-001', to: '.moai/specs/SPEC-MEMBER-001' }]);
    await assert.rejects(getRenameEdits(service.index, specSubject('USER-001'), 'member-1', read), /not a valid SPEC ID/);
    await assert.rejects(getRenameEdits(service.index, specSubject('USER-001'), 'AUTH-001', read), /already exists/);
    assert.equal(await getRenameEdits(service.index, specSubject('USER-001'), 'X-001', read, { isCancellationRequested: true }), undefined);
  });

  it('comment syntax follows the language of the file', () => {
    const open = (p: string): string => commentSyntaxOf(p).open.trim();
    assert.deepEqual(['a.py', 'a.ts', 'a.go', 'q.sql', 'x.lua', 'README.md', 'Dockerfile', 'c.yaml', 'a.rs', 'p.php', 's.css'].map(open), ['#', '//', '//', '--', '--', '<!--', '#', '#', '//', '//', '/*']);
  });

  async function actions(path: string, text: string, diagnostics: ActionDiagnostic[], only?: string[]): Promise<{ title: string; edit: EditPlan }[]> {
    return getCodeActions({ index: service.index, path, text, diagnostics, ...(only ? { only } : {}), today: new Date('2026-01-02T12:00:00Z'), readText: read });
  }

  it('code actions for a broken marker: replace, create, disable; only filters by kind', async () => {
    const path = 'src/user.ts';
    const [d] = service.diagnostics(path).filter((x) => x.code === 'tag/unknown-spec');
    const fixes = await actions(path, FILES[path]!, [d!]);
    assert.deepEqual(fixes.map((f) => f.title), ['Replace @API:USER-009 with @API:USER-001', 'Create SPEC-USER-009 (.moai/specs/SPEC-USER-009/spec.md)', 'Disable tag/unknown-spec for this line']);
    assert.ok(apply(FILES[path]!, fixes[0]!.edit.edits.get(path)).endsWith('// @API:USER-001\n'));
    const create = fixes[1]!.edit.operations[0]!;
    assert.equal(create.kind === 'create' && create.path, '.moai/specs/SPEC-USER-009/spec.md');
    const created = await load({ [create.kind === 'create' ? create.path : '']: create.kind === 'create' ? create.text : '' });
    assert.equal(created.index.specs()[0]?.id, 'USER-009', 'the template parses as a SPEC with that ID');
    assert.equal(created.index.specs()[0]?.doc.fields.created?.value, '2026-01-02', "dated with the request's day");
    assert.deepEqual(created.allDiagnostics().filter((x) => x.severity !== 'info').map((x) => x.code), [], 'the template is valid current-schema frontmatter');
    assert.ok(apply(FILES[path]!, fixes[2]!.edit.edits.get(path)).includes('export {};\n// specchain-disable-next-line tag/unknown-spec\n// @API:USER-009\n'));
    assert.deepEqual(await actions(path, FILES[path]!, [d!], ['refactor.rewrite']), []);
    assert.equal((await actions(path, FILES[path]!, [d!], ['quickfix'])).length, 3);
  });

  it('disable comments use the file language, and YAML comments inside frontmatter', async () => {
    const sql = await actions('db/schema.sql', FILES['db/schema.sql']!, [{ code: 'tag/unknown-spec', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 16 } } }]);
    assert.equal(sql.at(-1)!.edit.edits.get('db/schema.sql')![0]!.newText, '-- specchain-disable-next-line tag/unknown-spec\n');
    const md = await actions('docs/notes.md', FILES['docs/notes.md']!, [{ code: 'tag/unknown-spec', range: { start: { line: 0, character: 4 }, end: { line: 0, character: 18 } } }]);
    assert.equal(md.at(-1)!.edit.edits.get('docs/notes.md')![0]!.newText, '<!-- specchain-disable-next-line tag/unknown-spec -->\n');
    const specPath = '.moai/specs/SPEC-AUTH-001/spec.md';
    const fm = await actions(specPath, FILES[specPath]!, [{ code: 'spec/unknown-dependency', range: { start: { line: 8, character: 12 }, end: { line: 8, character: 25 } } }]);
    assert.equal(fm.at(-1)!.edit.edits.get(specPath)![0]!.newText, '# specchain-disable-next-line spec/unknown-dependency\n');
  });

  it('pick-framework writes stack.backend.framework into existing or new blocks', async () => {
    const specPath = '.moai/specs/SPEC-AUTH-001/spec.md';
    const pick = [{ code: 'stack/not-detected', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, data: { kind: 'pick-framework' as const, choices: ['gin', 'fastapi'] } }];
    const fixes = (await actions(specPath, FILES[specPath]!, pick)).filter((f) => f.title.startsWith('Use '));
    assert.deepEqual(fixes.map((f) => f.title), ['Use gin as stack.backend.framework', 'Use fastapi as stack.backend.framework']);
    const text = apply(FILES[specPath]!, fixes[1]!.edit.edits.get(specPath));
    const reparsed = await load({ [specPath]: text });
    assert.equal(reparsed.index.specs()[0]!.doc.stack?.framework?.value, 'fastapi');
    const withStack = FILES[specPath]!.replace('priority: high\n', 'priority: high\nstack:\n  backend:\n    language: go\n');
    service.update(specPath, withStack);
    const into = (await actions(specPath, withStack, pick)).find((f) => f.title.startsWith('Use gin'))!;
    const merged = await load({ [specPath]: apply(withStack, into.edit.edits.get(specPath)) });
    assert.deepEqual([merged.index.specs()[0]!.doc.stack?.framework?.value, merged.index.specs()[0]!.doc.stack?.language?.value], ['gin', 'go']);
  });

  it('code lens on a SPEC title counts its chain; other files get none', () => {
    const [lens] = getCodeLenses(service.index, '.moai/specs/SPEC-USER-001/spec.md');
    assert.equal(lens!.title, '1 API · 1 TEST · 1 mention', 'the title counts what the click shows');
    assert.deepEqual(lens!.locations.map((l) => l.path), ['docs/notes.md', 'src/user.ts', 'test/user.test.ts'], 'clicking shows every marker, mentions too');
    assert.equal(getCodeLenses(service.index, '.moai/specs/SPEC-AUTH-001/spec.md')[0]!.title, 'no code markers yet');
    assert.deepEqual(getCodeLenses(service.index, 'src/user.ts'), []);
  });

  it('document links resolve header paths to files, by SPEC ID too', () => {
    assert.deepEqual(getDocumentLinks(service.index, 'src/user.ts').map((l) => l.target), ['.moai/specs/SPEC-USER-001/spec.md', 'test/user.test.ts']);
  });

  it('workspace symbols match ID or title, in order of the query characters', () => {
    assert.deepEqual(getWorkspaceSymbols(service.index, 'usr1').map((s) => s.name), ['SPEC-USER-001']);
    assert.deepEqual(getWorkspaceSymbols(service.index, 'title of auth').map((s) => s.name), ['SPEC-AUTH-001']);
    assert.equal(getWorkspaceSymbols(service.index, '').length, 2);
    assert.deepEqual(getWorkspaceSymbols(service.index, 'zzz'), []);
  });

  it('SPEC tree: chains, missing declarations, completeness and totals', () => {
    const tree = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics())!;
    const user = tree.specs.find((s) => s.id === 'USER-001')!;
    assert.deepEqual(user.counts, { API: 1, TEST: 1 });
    assert.deepEqual(user.missing, ['@DB:USER-001']);
    assert.equal(user.completeness, 'partial', 'a declared tag is still missing');
    assert.equal(tree.specs.find((s) => s.id === 'AUTH-001')!.completeness, 'none');
    assert.deepEqual(tree.totals.specs, 2);
    assert.equal(tree.totals.tags, 2);
    assert.equal(tree.totals.brokenLinks, 2, 'USER-009 and USERS-001');
    assert.deepEqual(tree.broken.map((b) => `${b.id} ${b.code} ${b.severity} ${b.path}:${b.range.start.line + 1}`), ['USER-009 tag/unknown-spec error src/user.ts:3', 'USERS-001 tag/unknown-spec error db/schema.sql:1']);
    const declared = service.diagnostics('.moai/specs/SPEC-USER-001/spec.md').find((d) => d.code === 'chain/declared-missing')!;
    assert.equal(user.gaps.declared, declared.severity, 'the missing slot is painted with the severity Problems shows');
    assert.equal(user.gaps.declared, 'warning');
  });

  it('SpecAt: marker, SPEC document, dependency item, else nothing', () => {
    assert.equal(getSpecAt(service.index, 'test/user.test.ts', { line: 0, character: 4 }), 'USER-001');
    assert.equal(getSpecAt(service.index, '.moai/specs/SPEC-AUTH-001/spec.md', { line: 8, character: 15 }), 'USER-001');
    assert.equal(getSpecAt(service.index, '.moai/specs/SPEC-AUTH-001/spec.md', { line: 13, character: 0 }), 'AUTH-001');
    assert.equal(getSpecAt(service.index, 'src/user.ts', { line: 1, character: 0 }), undefined);
  });

  it('plan: markdown and target path for a SPEC; a clear error for an unknown one', async () => {
    const plan = await getPlan(service, 'SPEC-USER-001', read);
    assert.equal(plan.targetPath, '.moai/docs/backend-architecture-USER-001.md');
    assert.match(plan.markdown, /USER-001/);
    assert.equal(plan.guidance, null, 'no framework stated or detected');
    await assert.rejects(getPlan(service, 'NOPE-001', read), PlanUnavailable);
  });
});
