import * as assert from 'node:assert/strict';
import { FileClassifier, analyzeFile } from '../../../server/src/service/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import { lexRegions } from '../../../server/src/service/lexer';
import { scanMx } from '../../../server/src/service/mx/scanner';
import { decodeFacts, encodeFacts } from '../../../server/src/service/wire';

const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): string =>
  `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** `KIND place range "value"` per marker of a file, read through the lexer's regions. */
function markers(path: string, text: string): string[] {
  return scanMx(text, lexRegions(path, text)).markers.map((m) => `${m.kind} ${m.place} ${at(m.range)} "${m.value}"`);
}

describe('@MX scanner', () => {
  it('reads every comment form of the contract', () => {
    assert.deepEqual(markers('a.go', '// @MX:NOTE: go line\n/// @MX:NOTE: triple slash\n'), ['NOTE line 1:4-1:12 "go line"', 'NOTE line 2:5-2:13 "triple slash"']);
    assert.deepEqual(markers('a.py', '# @MX:WARN: hash\n'), ['WARN line 1:3-1:11 "hash"']);
    assert.deepEqual(markers('a.sql', '-- @MX:TODO: dashes\n'), ['TODO line 1:4-1:12 "dashes"']);
    assert.deepEqual(markers('a.ts', '/**\n * @MX:ANCHOR: jsdoc line\n */\n/* @MX:NOTE: block */\n'), ['ANCHOR block 2:4-2:14 "jsdoc line"', 'NOTE block 4:4-4:12 "block"']);
    assert.deepEqual(markers('a.tsx', 'const x = <div>{/* @MX:NOTE: jsx */}</div>;\n'), ['NOTE block 1:20-1:28 "jsx"']);
    assert.deepEqual(markers('a.html', '<!-- @MX:NOTE: html -->\n'), ['NOTE html 1:6-1:14 "html"']);
    assert.deepEqual(markers('a.py', 'def f():\n    """Do it.\n\n    @MX:ANCHOR: docstring line\n    @MX:REASON: many callers\n    """\n'), [
      'ANCHOR docstring 4:5-4:15 "docstring line"',
      'REASON docstring 5:5-5:15 "many callers"',
    ]);
  });

  it('ignores markers in strings and code', () => {
    assert.deepEqual(markers('a.ts', 'const s = "// @MX:NOTE: in a string";\nx = y; // @MX:NOTE: real\n'), ['NOTE line 2:11-2:19 "real"']);
  });

  it('takes the colon as optional, folds the kind case, and reads [AUTO]', () => {
    const text = '# @MX:Anchor: [AUTO] entry point\n# @MX:reason fan-in 5\n# @MX:SPEC SPEC-X-001\n';
    const found = scanMx(text, lexRegions('a.py', text)).markers;
    assert.deepEqual(found.map((m) => [m.kind, m.colon, m.auto, m.value]), [
      ['ANCHOR', true, true, 'entry point'],
      ['REASON', false, false, 'fan-in 5'],
      ['SPEC', false, false, 'SPEC-X-001'],
    ]);
  });

  it('attaches sub-lines (and LEGACY: true) to the nearest standalone tag above', () => {
    const text = '// @MX:SPEC: SPEC-A-001\n// @MX:NOTE: n\n// @MX:SPEC: SPEC-B-001\n// @MX:LEGACY: true\n// @MX:DEBT: d\n// @MX:UPGRADE: u\n';
    const found = scanMx(text, lexRegions('a.go', text)).markers;
    assert.deepEqual(found.map((m) => [m.kind, m.parent]), [['SPEC', -1], ['NOTE', -1], ['SPEC', 1], ['LEGACY', 1], ['DEBT', -1], ['UPGRADE', 4]]);
  });

  it('reads SPEC, REQ and AC IDs on SPEC and TEST lines, leaving free text alone', () => {
    const text = '// @MX:SPEC: SPEC-CAPSULE-001 REQ-009, AC-014~AC-016 Issue #158 (see docs/x.md)\n// @MX:TEST: SPEC-T-001\n// @MX:NOTE: SPEC-NOT-A-LINK-001\n';
    const found = scanMx(text, lexRegions('a.ts', text)).markers;
    assert.deepEqual(found[0]!.refs.map((r) => `${r.kind}:${r.id}@${at(r.range)}`), ['SPEC:CAPSULE-001@1:14-1:30', 'REQ:REQ-009@1:31-1:38', 'AC:AC-014@1:40-1:46', 'AC:AC-015@1:40-1:53', 'AC:AC-016@1:47-1:53']);
    assert.deepEqual(found[1]!.refs.map((r) => r.id), ['T-001']);
    assert.deepEqual(found[2]!.refs, []);
  });

  it('takes a marker only where it starts the comment text; one quoted mid-sentence is a mention', () => {
    const text = [
      '// Must surface the @MX:SPEC bridge case (spec:SPEC-AUTH-001) — the',
      '// @MX:NOTE: [AUTO] @MX:SPEC capture arm',
      '// // @MX:WARN: doubled leader',
      '\t/* @MX:TODO: block */ x := 1 // files tagged @MX:SPEC with a SPEC',
      '/**',
      ' * See @MX:ANCHOR below.',
      ' * @MX:ANCHOR: after the star',
      ' */',
    ].join('\n');
    assert.deepEqual(markers('a.go', text), ['NOTE line 2:4-2:12 "@MX:SPEC capture arm"', 'WARN line 3:7-3:15 "doubled leader"', 'TODO block 4:5-4:13 "block"', 'ANCHOR block 7:4-7:14 "after the star"']);
    assert.deepEqual(markers('a.py', 'def f():\n    """Tagged with @MX:NOTE in prose.\n\n    @MX:NOTE: own line\n    """\n'), ['NOTE docstring 4:5-4:13 "own line"']);
  });

  it('keeps no link on a line documenting a placeholder ID', () => {
    const text = ['SPEC-ID', 'SPEC-XXX', 'SPEC-XXX-001 REQ-001', 'SPEC-NNN', 'SPEC-<ID>', 'SPEC-DOMAIN-NNN', 'SPEC-X-001 REQ-XXX-001', 'SPEC-AUTH-001'].map((v) => `// @MX:NOTE: n\n// @MX:SPEC: ${v}\n`).join('');
    const found = scanMx(text, lexRegions('a.go', text)).markers.filter((m) => m.kind === 'SPEC');
    assert.deepEqual(found.map((m) => m.refs.map((r) => r.id).join(' ')), ['', '', '', '', '', '', '', 'AUTH-001']);
  });

  it('treats every marker of a markdown file as a mention', () => {
    assert.deepEqual(scanMx('Write `// @MX:SPEC: SPEC-X-001` under the tag.\n', 'markdown').markers.map((m) => m.place), ['markdown']);
  });

  it('reads an unterminated block comment as code (the lexer rule), quickly', () => {
    const text = `// @MX:NOTE: before\n/* @MX:NOTE: never closed ${'x '.repeat(100_000)}`;
    const started = Date.now();
    assert.deepEqual(markers('a.c', text), ['NOTE line 1:4-1:12 "before"']);
    assert.ok(Date.now() - started < 1000);
  });
});

describe('@MX facts across threads and the cache', () => {
  it('survive the wire encoding and JSON unchanged', () => {
    const text = '/**\n * @MX:ANCHOR: [AUTO] a\n */\n// @MX:SPEC SPEC-X-001 REQ-X-001..003\n';
    const facts = analyzeFile('src/a.ts', text, new FileClassifier(DEFAULT_CONFIG));
    const back = decodeFacts('src/a.ts', JSON.parse(JSON.stringify(encodeFacts(facts))) as ReturnType<typeof encodeFacts>);
    assert.equal(facts.mx?.length, 2);
    assert.deepEqual(JSON.parse(JSON.stringify(back.mx)), JSON.parse(JSON.stringify(facts.mx)));
  });
});

describe('@MX facts of a source file', () => {
  it('are those of the whole file when a block comment or docstring holding the last marker goes on past its line', () => {
    const classifier = new FileClassifier(DEFAULT_CONFIG);
    const ts = analyzeFile('src/a.ts', '/**\n * @MX:NOTE: n\n * more text\n */\nconst s = "@MX:NOTE: not a tag";\n', classifier);
    assert.deepEqual(ts.mx?.map((m) => [m.kind, m.place, m.range.start.line]), [['NOTE', 'block', 1]]);
    const py = analyzeFile('a.py', 'def f():\n    """Doc.\n\n    @MX:ANCHOR: entry\n    @MX:REASON: r\n    """\n', classifier);
    assert.deepEqual(py.mx?.map((m) => [m.kind, m.place, m.parent]), [['ANCHOR', 'docstring', -1], ['REASON', 'docstring', 0]]);
  });
});
