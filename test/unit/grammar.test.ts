import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TAG_TYPES } from '../../server/src/service/types';
import { scanTags } from '../../server/src/service/tags';

const root = join(__dirname, '..', '..');

interface Capture {
  readonly name: string;
}
interface Grammar {
  readonly scopeName: string;
  readonly injectionSelector: string;
  readonly patterns: readonly { readonly include: string }[];
  readonly repository: Readonly<Record<string, { readonly match: string; readonly name: string; readonly captures: Readonly<Record<string, Capture>> }>>;
}

const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'specchain-tags.tmLanguage.json'), 'utf8')) as Grammar;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: readonly { scopeName: string; path: string; injectTo: readonly string[] }[] };
};
const tag = grammar.repository.tag!;
// The pattern uses only syntax Oniguruma and JavaScript share (classes, lookbehind, lookahead).
const markerRe = new RegExp(tag.match, 'g');

/** Every marker the grammar colours in `line`, with the text each capture scope covers. */
function scan(line: string): { text: string; type: string; id: string; sub?: string }[] {
  return [...line.matchAll(markerRe)].map((m) => ({ text: m[0], type: m[2]!, id: m[4]!, ...(m[6] ? { sub: m[6] } : {}) }));
}

describe('TextMate grammar for @TAG markers', () => {
  it('is an injection into comments and markdown, registered in package.json', () => {
    assert.equal(grammar.scopeName, 'specchain.tags.injection');
    const selectors = grammar.injectionSelector.split(',').map((s) => s.trim());
    assert.deepEqual(selectors, ['L:comment', 'L:text.html.markdown']);
    const entry = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(entry, 'contributes.grammars lists the injection grammar');
    assert.equal(entry.path, './syntaxes/specchain-tags.tmLanguage.json');
    assert.deepEqual([...entry.injectTo].sort(), ['source', 'text.html.markdown']);
    assert.deepEqual(grammar.patterns, [{ include: '#tag' }]);
  });

  it('scopes the tag type as a keyword and the ID as a constant', () => {
    assert.match(tag.captures['2']!.name, /^keyword\.other\.tag\.specchain/);
    assert.match(tag.captures['4']!.name, /^constant\.other\.id\.specchain/);
    assert.match(tag.captures['6']!.name, /\.specchain$/);
    assert.equal(tag.name, 'meta.tag.specchain');
  });

  it('matches markers in comment and markdown text, with their parts', () => {
    assert.deepEqual(scan('# @CODE:AUTH-001 | SPEC: SPEC-AUTH-001.md'), [{ text: '@CODE:AUTH-001', type: 'CODE', id: 'AUTH-001' }]);
    assert.deepEqual(scan('// @CODE:AUTH-001:API handles login'), [{ text: '@CODE:AUTH-001:API', type: 'CODE', id: 'AUTH-001', sub: 'API' }]);
    assert.deepEqual(scan('@TEST:E2E-INIT-001 and @CODE:PY314-001.'), [
      { text: '@TEST:E2E-INIT-001', type: 'TEST', id: 'E2E-INIT-001' },
      { text: '@CODE:PY314-001', type: 'CODE', id: 'PY314-001' },
    ]);
    assert.deepEqual(scan('- (@API:USER-0042)'), [{ text: '@API:USER-0042', type: 'API', id: 'USER-0042' }]);
    assert.deepEqual(scan('# @SPEC:USER-001: User accounts'), [{ text: '@SPEC:USER-001', type: 'SPEC', id: 'USER-001' }]);
  });

  it('rejects what is not a well-formed marker', () => {
    for (const line of [
      '@API:user-001',
      '@API:USER001',
      '@API:USER-01',
      '@api:USER-001',
      '@API:USER-001-draft',
      '@API:1USER-001',
      'mail me at dev@API:USER-001',
      'x@CODE:AUTH-001',
      '@API USER-001',
      '@API:-001',
      '@API:USER-0011a',
    ]) {
      assert.deepEqual(scan(line), [], line);
    }
  });

  it('colours exactly the markers the tag scanner of the server finds, at the same columns', () => {
    const lines = [
      '# @CODE:AUTH-001 | SPEC: SPEC-AUTH-001.md | TEST: tests/auth/test_x.py',
      '// @CODE:AUTH-001:API and @TEST:API-USER-001, then @DOC:E2E-INIT-001.',
      '- @API:USER-001- trailing dash, @DB:USER-001-draft, @API:user-001, @API:USER001',
      'dev@API:USER-001 x@CODE:AUTH-001 .@CODE:AUTH-001 (@SERVICE:PAY-2FA-0001:v2)',
      '@MIDDLEWARE:RATE-LIMIT-001:Throttle_x @SPEC:USER-001: Title @CODE:PY314-001:9',
    ];
    for (const line of lines) {
      const server = scanTags(line, DEFAULT_TAG_TYPES, 'claim').tags.map((t) => ({
        type: t.type,
        id: t.id,
        sub: t.sub,
        start: t.range.start.character,
        end: t.range.end.character,
      }));
      const ours = [...line.matchAll(markerRe)].map((m) => ({ type: m[2]!, id: m[4]!, sub: m[6], start: m.index, end: m.index + m[0].length }));
      assert.deepEqual(ours, server, line);
    }
  });
});
