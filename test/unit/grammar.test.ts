import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TAG_TYPES } from '../../server/src/service/types';
import { scanTags } from '../../server/src/service/tags';

const root = join(__dirname, '..', '..');

interface Capture {
  readonly name: string;
}
interface Rule {
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly name?: string;
  readonly captures?: Readonly<Record<string, Capture>>;
  readonly beginCaptures?: Readonly<Record<string, Capture>>;
  readonly patterns?: readonly { readonly include: string }[];
}
interface Grammar {
  readonly scopeName: string;
  readonly injectionSelector: string;
  readonly patterns: readonly { readonly include: string }[];
  readonly repository: Readonly<Record<string, Rule>>;
}

const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'specchain-tags.tmLanguage.json'), 'utf8')) as Grammar;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: readonly { scopeName: string; path: string; injectTo: readonly string[] }[] };
};
const tag = grammar.repository.tag!;
// The pattern uses only syntax Oniguruma and JavaScript share (classes, lookbehind, lookahead).
const markerRe = new RegExp(tag.match!, 'g');

/** Every marker the grammar colours in `line`, with the text each capture scope covers. */
function scan(line: string): { text: string; type: string; id: string; sub?: string }[] {
  return [...line.matchAll(markerRe)].map((m) => ({ text: m[0], type: m[2]!, id: m[4]!, ...(m[6] ? { sub: m[6] } : {}) }));
}

describe('TextMate grammar for @TAG markers', () => {
  it('is an injection into comments and markdown, registered in package.json', () => {
    assert.equal(grammar.scopeName, 'specchain.tags.injection');
    const selectors = grammar.injectionSelector.split(',').map((s) => s.trim());
    assert.deepEqual(selectors, ['L:comment', 'L:string.quoted.docstring', 'L:text.html.markdown']);
    const entry = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(entry, 'contributes.grammars lists the injection grammar');
    assert.equal(entry.path, './syntaxes/specchain-tags.tmLanguage.json');
    assert.deepEqual([...entry.injectTo].sort(), ['source', 'text.html.markdown']);
    assert.deepEqual(grammar.patterns.map((p) => p.include), ['#tag', '#mx-link', '#mx-standalone', '#mx-sub']);
  });

  it('scopes the tag type as a keyword and the ID as a constant', () => {
    assert.match(tag.captures!['2']!.name, /^keyword\.other\.tag\.specchain/);
    assert.match(tag.captures!['4']!.name, /^constant\.other\.id\.specchain/);
    assert.match(tag.captures!['6']!.name, /\.specchain$/);
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

/**
 * Oniguruma reads a leading `(?i)` as "the whole pattern ignores case"; JavaScript takes the
 * flag instead. Everything else in these patterns is syntax both engines share.
 */
function compile(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'gi') : new RegExp(pattern, 'g');
}

/** A token the grammar gives one line: its text, its column and its scope. */
interface Token {
  readonly text: string;
  readonly at: number;
  readonly scope: string;
}

const compiled = new Map<string, RegExp>();
function cached(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = compile(pattern)));
  return re;
}

/**
 * Tokenises `line` from `from` to `to` the way a TextMate engine runs this grammar's rules: at
 * each point the earliest match of the patterns wins (the first listed on a tie); a begin/end
 * rule runs its own patterns up to where its end matches. Returns the captures with scopes.
 */
function tokenize(line: string, patterns: readonly { readonly include: string }[] = grammar.patterns, from = 0, to = line.length): Token[] {
  const rules = patterns.map((p) => grammar.repository[p.include.slice(1)]!);
  const out: Token[] = [];
  let at = from;
  for (;;) {
    let best: { rule: Rule; m: RegExpExecArray } | undefined;
    for (const rule of rules) {
      const re = cached(rule.match ?? rule.begin!);
      re.lastIndex = at;
      const m = re.exec(line);
      if (m && m.index + m[0].length <= to && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) return out;
    const { rule, m } = best;
    const captures = rule.captures ?? rule.beginCaptures;
    if (!captures) out.push({ text: m[0], at: m.index, scope: rule.name! });
    let part = m.index;
    for (let i = 1; i < m.length; i++) {
      const text = m[i];
      if (!text) continue;
      const start = line.indexOf(text, part);
      part = start + text.length;
      const scope = captures?.[String(i)];
      if (scope) out.push({ text, at: start, scope: scope.name });
    }
    at = m.index + m[0].length;
    if (rule.begin) {
      const end = limitFrom(line, at, rule.end!);
      out.push(...tokenize(line, rule.patterns!, at, end));
      at = end;
    }
  }
}

/** Where the end pattern of a begin/end rule matches, searching from `at`. */
function limitFrom(line: string, at: number, end: string): number {
  const re = cached(end);
  re.lastIndex = at;
  return re.exec(line)?.index ?? line.length;
}

/** The texts of the tokens whose scope contains `part`. */
function scoped(tokens: readonly Token[], part: string): string[] {
  return tokens.filter((t) => t.scope.split(' ').some((s) => s.includes(part))).map((t) => t.text);
}

describe('TextMate grammar for @MX annotations', () => {
  it('colours standalone kinds apart from sub-line kinds, in any case, with [AUTO]', () => {
    const note = tokenize('// @MX:ANCHOR: [AUTO] high fan_in');
    assert.deepEqual(scoped(note, 'mx.standalone'), ['ANCHOR']);
    assert.deepEqual(scoped(note, 'modifier.auto'), ['[AUTO]']);
    assert.deepEqual(scoped(tokenize('# @mx:warn danger zone'), 'mx.standalone'), ['warn']);
    for (const kind of ['NOTE', 'WARN', 'ANCHOR', 'TODO', 'DEBT', 'LEGACY']) assert.deepEqual(scoped(tokenize(`-- @MX:${kind}: x`), 'mx.standalone'), [kind], kind);
    for (const kind of ['REASON', 'PRIORITY', 'CEILING', 'UPGRADE', 'SPEC', 'TEST']) {
      const tokens = tokenize(` * @MX:${kind}: x`);
      assert.deepEqual(scoped(tokens, 'mx.sub'), [kind], kind);
      assert.deepEqual(scoped(tokens, 'mx.standalone'), [], kind);
    }
  });

  it('leaves unknown kinds, e-mail-like text and longer words alone', () => {
    for (const line of ['// @MX:TASK do it', 'x@MX:NOTE y', '// @MX:NOTES', '// @MX:SPECS SPEC-X-001', '// @MXX:NOTE', '// MX:NOTE']) {
      assert.deepEqual(tokenize(line), [], line);
    }
  });

  it('colours the SPEC, REQ and AC IDs of @MX:SPEC and @MX:TEST lines, ranges included', () => {
    const line = tokenize('// @MX:SPEC: SPEC-CAPSULE-001 REQ-009, AC-014~AC-016 and SPEC-UX-003');
    assert.deepEqual(scoped(line, 'id.spec'), ['SPEC-CAPSULE-001', 'SPEC-UX-003']);
    assert.deepEqual(scoped(line, 'id.req'), ['REQ-009', 'AC-014', 'AC-016']);
    const range = tokenize('# @MX:SPEC SPEC-ADP1B-001 REQ-ADP1B-011..015, REQ-SCHED-024/025/026 REQ-2.3.');
    assert.deepEqual(scoped(range, 'id.req'), ['REQ-ADP1B-011', '015', 'REQ-SCHED-024', '025', '026', 'REQ-2.3']);
    assert.deepEqual(scoped(range, 'operator.range'), ['..', '/', '/']);
    const test = tokenize('// @mx:test: SPEC-SEC-AUDIT-2026-04 AC-X-001-01.a');
    assert.deepEqual(scoped(test, 'id.spec'), ['SPEC-SEC-AUDIT-2026-04']);
    assert.deepEqual(scoped(test, 'id.req'), ['AC-X-001-01.a']);
    assert.deepEqual(scoped(tokenize('// @MX:SPEC Issue #158 (see docs)'), 'constant.other.id'), []);
  });

  it('stops at the end of the comment, so a closing */, --> or """ is the host grammar\'s', () => {
    const block = '{/* @MX:SPEC: SPEC-UI-002 */} <Foo id="SPEC-NOT-001" />';
    assert.deepEqual(scoped(tokenize(block), 'id.spec'), ['SPEC-UI-002']);
    assert.equal(limitFrom(block, block.indexOf('SPEC-UI'), grammar.repository['mx-link']!.end!), block.indexOf('*/'));
    assert.deepEqual(scoped(tokenize('<!-- @MX:SPEC: SPEC-A-001 --> SPEC-B-001'), 'id.spec'), ['SPEC-A-001']);
    assert.deepEqual(scoped(tokenize('"""@MX:SPEC: SPEC-A-001""" SPEC-B-001'), 'id.spec'), ['SPEC-A-001']);
  });

  it('does not colour IDs outside @MX:SPEC/@MX:TEST lines', () => {
    assert.deepEqual(scoped(tokenize('// @MX:NOTE: see SPEC-X-001 REQ-X-001'), 'constant.other.id'), []);
    assert.deepEqual(scoped(tokenize('// @MX:REASON: SPEC-X-001 demands it'), 'constant.other.id'), []);
  });

  it('runs every pattern in linear time over long hostile lines', () => {
    const lines = [
      `// @MX:SPEC: ${Array.from({ length: 10_000 }, (_, i) => `REQ-X-${String(i).padStart(3, '0')}`).join(' ')}`,
      `// @MX:SPEC: SPEC${'-A'.repeat(50_000)}- REQ-1${'.1'.repeat(50_000)}. ${'1..'.repeat(30_000)}`,
      `// ${'@MX:'.repeat(30_000)}`,
    ];
    for (const rule of Object.values(grammar.repository)) {
      for (const pattern of [rule.match, rule.begin, rule.end]) {
        if (pattern === undefined) continue;
        for (const line of lines) {
          const started = process.hrtime.bigint();
          [...line.matchAll(compile(pattern))];
          assert.ok(process.hrtime.bigint() - started < 500_000_000n, pattern);
        }
      }
    }
    const many = `// @MX:SPEC: ${Array.from({ length: 300 }, (_, i) => `REQ-X-${String(i).padStart(3, '0')}`).join(' ')}`;
    assert.equal(scoped(tokenize(many), 'id.req').length, 300);
  });
});
