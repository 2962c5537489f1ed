import * as assert from 'node:assert/strict';
import { DEFAULT_TAG_TYPES } from '../../../server/src/service/types';
import { scanTags, suggestId } from '../../../server/src/service/tags';

describe('tag scanner', () => {
  it('finds markers with exact positions in comments of any language', () => {
    const text = ['# @API:USER-001 python', 'x = 1 // @TEST:API-USER-001', '/* @CODE:AUTH-001:API */', '-- @DB:PY314-001'].join('\n');
    const { tags } = scanTags(text, DEFAULT_TAG_TYPES, 'claim');
    assert.deepEqual(
      tags.map((t) => [t.type, t.id, t.sub ?? '', t.range.start.line, t.range.start.character, t.range.end.character]),
      [
        ['API', 'USER-001', '', 0, 2, 15],
        ['TEST', 'API-USER-001', '', 1, 9, 27],
        ['CODE', 'AUTH-001', 'API', 2, 3, 21],
        ['DB', 'PY314-001', '', 3, 3, 16],
      ],
    );
  });

  it('reports malformed markers of known types with a suggestion', () => {
    const { tags, malformed } = scanTags('// @API:user-001\n// @API:USER001\n// @API:X\n// @FOO:BAR-001', DEFAULT_TAG_TYPES, 'claim');
    assert.equal(tags.length, 0);
    assert.deepEqual(
      malformed.map((m) => [m.text, m.suggestion, m.range.start.line, m.range.start.character]),
      [
        ['@API:user-001', '@API:USER-001', 0, 3],
        ['@API:USER001', '@API:USER-001', 1, 3],
      ],
    );
  });

  it('never reports placeholders, keeps sub-IDs, drops SPEC- before an ID', () => {
    const text = '// @SPEC:ID @SPEC:DOMAIN-NNN @CODE:XXX-001 @TEST:<ID> @DOC:DOMAIN-TYPE-NNN @API:X\n// @TEST:CONFIG-001-01 @TEST:LDE-001-RUBY @SPEC:UPDATE-REFACTOR-001-PHASE5\n// @SPEC:SPEC-BUGFIX-002 @CODE:SPEC-001';
    const { tags, malformed } = scanTags(text, DEFAULT_TAG_TYPES, 'claim');
    assert.deepEqual(malformed, []);
    assert.deepEqual(
      tags.map((t) => [t.id, t.range.end.character - t.range.start.character]),
      [['CONFIG-001-01', 19], ['LDE-001-RUBY', 18], ['UPDATE-REFACTOR-001-PHASE5', 32], ['BUGFIX-002', 21], ['SPEC-001', 14]],
    );
  });

  it('reports malformed markers only where claims and declarations stand', () => {
    assert.equal(scanTags('x = "@API:user-001"', DEFAULT_TAG_TYPES, 'mention').malformed.length, 0);
    assert.equal(scanTags('# @API:user-001', DEFAULT_TAG_TYPES, 'claim').malformed.length, 1);
  });

  it('ignores e-mail addresses, decorators and unknown types', () => {
    const { tags, malformed } = scanTags('me@API:USER-001\n@app.get("/x")\n@Test\n@DOCS:USER-001', DEFAULT_TAG_TYPES, 'claim');
    assert.equal(tags.length + malformed.length, 0);
  });

  it('honours configured tag types', () => {
    const { tags } = scanTags('// @EVENT:USER-001 @API:USER-001', ['EVENT'], 'claim');
    assert.deepEqual(tags.map((t) => t.type), ['EVENT']);
  });

  it('reads header paths and disable directives', () => {
    const text = '# @CODE:AUTH-001 | SPEC: SPEC-AUTH-001.md | TEST: tests/auth/test_x.py\n# specchain-disable-next-line tag/unknown-spec\n# @API:NOPE-001';
    const scan = scanTags(text, DEFAULT_TAG_TYPES, 'claim');
    assert.deepEqual(
      scan.headerPaths.map((h) => [h.label, h.target, h.range.start.character, h.range.end.character]),
      [
        ['SPEC', 'SPEC-AUTH-001.md', 25, 41],
        ['TEST', 'tests/auth/test_x.py', 50, 70],
      ],
    );
    assert.deepEqual(scan.disables, [{ line: 2, codes: ['tag/unknown-spec'] }]);
  });

  it('marks the SPEC title marker in a SPEC document', () => {
    const { tags } = scanTags('# @SPEC:USER-001: Users\n- @API:USER-001', DEFAULT_TAG_TYPES, 'declaration', 0);
    assert.deepEqual(tags.map((t) => t.role), ['title', 'declaration']);
  });

  it('suggests well-formed IDs', () => {
    assert.equal(suggestId('user_001'), 'USER-001');
    assert.equal(suggestId('AUTH'), undefined);
  });
});

describe('tag scanner: case', () => {
  it('reports a known type written in lower case as malformed, with the upper-case spelling', () => {
    const { tags, malformed } = scanTags('// @api:order-002\n// @Api:ORDER-002', DEFAULT_TAG_TYPES, 'claim');
    assert.equal(tags.length, 0);
    assert.deepEqual(malformed.map((m) => m.suggestion), ['@API:ORDER-002', '@API:ORDER-002']);
  });
});
