import { strict as assert } from 'node:assert';
import type { SpecNode, TagNode } from '../../../server/src/protocol';
import { specNode, range } from './specFixture';
import { brokenGroups, chainStages, chainStatesOf, coverage, displayTitle, rowBadge, shownText, specMatches, typeToJump } from '../../../client/webview/specs/model';

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
    assert.deepEqual(coverage(spec({ tags: [tag('API', 'a.py', 1)], missing: ['@DB:USER-001'] })), { present: 1, expected: 3, missing: 1 });
  });

  it('groups a stage\'s tags by file, files by path and tags by line', () => {
    const [api] = chainStages(spec({ tags: [tag('API', 'b.py', 9), tag('API', 'a.py', 5), tag('API', 'b.py', 2)] }));
    assert.ok(api && api.kind === 'present');
    assert.deepEqual(api.files.map((f) => [f.path, f.tags.map((t) => t.range.start.line)]), [['a.py', [5]], ['b.py', [2, 9]]]);
    assert.equal(api.count, 3);
  });

  it('writes a badge that names what it counts, red only for what Problems calls an error', () => {
    const missing = spec({ tags: [tag('API', 'a.py', 1)], missing: ['@DB:USER-001'], gaps: { declared: 'warning', test: 'warning' } });
    assert.deepEqual(rowBadge(missing), { text: '1/3 links · 1 missing', words: '1 of 3 chain links present, 1 declared tag not in code', alarm: false });
    assert.equal(rowBadge({ ...missing, gaps: { declared: 'error' } }).alarm, true);
    const mx = { reqs: [], coverage: { referenced: 0, declared: 4 }, specRefs: Array.from({ length: 39 }, () => ({ id: 'SPEC-X-001', uri: 'file:///a', path: 'a.go', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, test: false })), broken: [] };
    const named = rowBadge(spec({ mx }));
    assert.equal(named.text, 'REQs 0/4 · +39 @MX');
    assert.match(named.words, /^0 of 4 REQs referenced by @MX lines; 39 @MX lines name the SPEC without a REQ \(not REQ coverage\)$/);
    assert.equal(rowBadge(spec({ mx: { ...mx, coverage: { referenced: 0, declared: 0 } } })).text, '39 @MX');
    assert.equal(rowBadge(spec({ mx, problems: { errors: 0, warnings: 0, broken: 2 } })).alarm, true);
    const one = rowBadge(spec({ mx: { ...mx, specRefs: mx.specRefs.slice(0, 1) } }));
    assert.match(one.words, /1 @MX line names the SPEC/);
    // Nothing of @MX to count (no REQ, no line naming it): the chain badge, never "0 @MX".
    assert.match(rowBadge(spec({ mx: { ...mx, specRefs: [], coverage: { referenced: 0, declared: 0 } } })).text, /links$/);
  });

  it('never calls a chain complete that its badge counts short', () => {
    // The server says complete only with code, a test and nothing declared missing: the badge is then full.
    const complete = spec({ completeness: 'complete', tags: [tag('API', 'a.py', 1), tag('TEST', 't.py', 1)] });
    assert.equal(rowBadge(complete).text, '2/2 links');
  });

  it('groups broken links by ID, worst severity first seen', () => {
    const link = (id: string, path: string, severity: 'error' | 'warning') => ({ id, code: 'tag/unknown-spec' as const, severity, message: 'm', uri: `file:///${path}`, path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixable: false });
    const groups = brokenGroups([link('A-001', 'a.ts', 'warning'), link('A-001', 'b.ts', 'error'), link('B-001', 'a.ts', 'warning')]);
    assert.deepEqual(groups.map((g) => `${g.id}:${g.links.length}:${g.severity}`), ['A-001:2:error', 'B-001:1:warning']);
  });

  it('shows titles without @SPEC markers and backticks', () => {
    assert.equal(displayTitle({ id: 'USER-001', title: '@SPEC:USER-001: `User` accounts' }), 'User accounts');
    assert.equal(displayTitle({ id: 'USER-001', title: 'USER-001' }), '');
  });

  it('filters by words, status and chain state, any picked state matching', () => {
    assert.deepEqual(chainStatesOf(spec({ completeness: 'none', problems: { errors: 0, warnings: 1, broken: 1 } })), ['none', 'errors'], 'a broken link of the SPEC is what "errors" picks too');
    const partial = spec({ completeness: 'partial', problems: { errors: 1, warnings: 0, broken: 0 } });
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
