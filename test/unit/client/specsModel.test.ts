import { strict as assert } from 'node:assert';
import type { SpecNode, TagNode } from '../../../server/src/protocol';
import { specNode, range } from './specFixture';
import { chainStages, coverage, coverageText, displayTitle, isPastDraft, shownText, specMatches, typeToJump } from '../../../client/webview/specs/model';

const tag = (type: string, path: string, line: number): TagNode => ({ type, id: 'USER-001', role: 'claim', uri: `file:///ws/${path}`, path, range: range(line, 0, 10) });
const spec = (extra: Partial<SpecNode> = {}): SpecNode => specNode('USER-001', 'Users', extra);
const noFilter = { text: '', statuses: [], chains: [] };

describe('client: SPECs view model', () => {
  it('orders a chain SPEC → API/DB/SERVICE/MIDDLEWARE → TEST whatever order the tags come in', () => {
    const s = spec({ tags: [tag('TEST', 't/a.py', 1), tag('SERVICE', 's.py', 1), tag('API', 'a.py', 3), tag('DB', 'd.py', 2), tag('MIDDLEWARE', 'm.py', 1)] });
    assert.deepEqual(chainStages(s).map((st) => `${st.kind}:${st.type}`), ['present:API', 'present:DB', 'present:SERVICE', 'present:MIDDLEWARE', 'present:TEST']);
  });

  it('puts a slot where a link is missing: declared tags in their place, and code and tests when none', () => {
    const declared = chainStages(spec({ tags: [tag('API', 'a.py', 1)], missing: ['@DB:USER-001'] }));
    assert.deepEqual(declared.map((st) => `${st.kind}:${st.type}`), ['present:API', 'missing:DB', 'missing:TEST']);
    const bare = chainStages(spec());
    assert.deepEqual(bare.map((st) => `${st.kind}:${st.type}`), ['missing:CODE', 'missing:TEST']);
    assert.deepEqual(coverage(spec({ tags: [tag('API', 'a.py', 1)], missing: ['@DB:USER-001'] })), { present: 1, expected: 3, broken: 1 });
  });

  it('groups a stage\'s tags by file, files by path and tags by line', () => {
    const [api] = chainStages(spec({ tags: [tag('API', 'b.py', 9), tag('API', 'a.py', 5), tag('API', 'b.py', 2)] }));
    assert.ok(api && api.kind === 'present');
    assert.deepEqual(api.files.map((f) => [f.path, f.tags.map((t) => t.range.start.line)]), [['a.py', [5]], ['b.py', [2, 9]]]);
    assert.equal(api.count, 3);
  });

  it('writes the compact badge', () => {
    assert.equal(coverageText({ present: 3, expected: 4, broken: 2 }), '3/4 · 2 broken');
    assert.equal(coverageText({ present: 2, expected: 2, broken: 0 }), '2/2');
  });

  it('shows titles without @SPEC markers and backticks', () => {
    assert.equal(displayTitle({ id: 'USER-001', title: '@SPEC:USER-001: `User` accounts' }), 'User accounts');
    assert.equal(displayTitle({ id: 'USER-001', title: 'USER-001' }), '');
  });

  it('counts drafts as drafts and anything later as past draft', () => {
    assert.equal(isPastDraft('draft'), false);
    assert.equal(isPastDraft('unknown'), false);
    assert.equal(isPastDraft('completed'), true);
    assert.equal(isPastDraft('active'), true);
  });

  it('filters by words, status and chain state, any picked state matching', () => {
    const partial = spec({ completeness: 'partial', problems: { errors: 1, warnings: 0 } });
    assert.ok(specMatches(partial, { ...noFilter, text: 'user act' }));
    assert.ok(!specMatches(partial, { ...noFilter, text: 'orders' }));
    assert.ok(specMatches(partial, { ...noFilter, chains: ['partial'] }));
    assert.ok(specMatches(partial, { ...noFilter, chains: ['complete', 'errors'] }));
    assert.ok(!specMatches(partial, { ...noFilter, chains: ['complete'] }));
    assert.ok(!specMatches(partial, { ...noFilter, statuses: ['draft'] }));
    assert.ok(specMatches(partial, { ...noFilter, statuses: ['draft', 'active'] }));
    assert.equal(shownText(10, 64), '10 of 64');
    assert.equal(shownText(64, 64), '64 SPECs');
  });

  it('jumps to the next label starting with what was typed, cycling on a repeated letter', () => {
    const labels = ['AUTH-001', 'API', 'ORDER-001', 'ORDER-002', 'USER-001'];
    assert.equal(typeToJump(labels, 0, 'o'), 2);
    assert.equal(typeToJump(labels, 2, 'oo'), 3);
    assert.equal(typeToJump(labels, 2, 'order-002'), 3);
    assert.equal(typeToJump(labels, 4, 'a'), 0);
    assert.equal(typeToJump(labels, 0, 'z'), undefined);
  });
});
