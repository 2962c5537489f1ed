import * as assert from 'node:assert/strict';
import { countProblems, isBrokenLink, LINK_CODES } from '../../../server/src/service/broken';
import { ALL_CODES } from '../../../server/src/service/config';
import { getHover } from '../../../server/src/service/features/hover';
import { getSpecTree } from '../../../server/src/service/features/specTree';
import { plainRequirement } from '../../../server/src/service/reqText';
import { load, spec } from './helpers';

describe('one definition of a broken link', () => {
  it('is a link code at error or warning severity, never a hint or an info', () => {
    for (const code of LINK_CODES) assert.ok(ALL_CODES.includes(code), `${code} is a diagnostic code`);
    assert.ok(isBrokenLink({ code: 'tag/unknown-spec', severity: 'error' }));
    assert.ok(isBrokenLink({ code: 'mx/unknown-req', severity: 'warning' }));
    assert.ok(!isBrokenLink({ code: 'tag/unknown-spec', severity: 'hint' }), 'an unknown ID quoted in prose');
    assert.ok(!isBrokenLink({ code: 'spec/unknown-dependency', severity: 'info' }));
    assert.ok(!isBrokenLink({ code: 'chain/declared-missing', severity: 'error' }), 'a gap in a chain is not a link pointing nowhere');
    assert.ok(!isBrokenLink({ code: 'tag/malformed', severity: 'error' }));
  });

  it('counts every dialect and kind of link the same way in the tree, its totals and its group', async () => {
    const service = await load({
      '.moai/specs/SPEC-USER-001/spec.md': spec('USER-001', { status: 'active', extra: 'depends_on:\n  - PAY-001\n', body: '## Requirements\n\n- REQ-USER-001: The system SHALL store users.\n- AC-USER-001: Given a user, Then it is stored (maps REQ-USER-009)\n' }),
      'src/user.ts': '// @API:USER-001\n// @API:USRE-001 | TEST: test/missing.test.ts\n',
      'docs/notes.md': 'We once had @API:GONE-001 here.\n',
      'src/mx.go': '// @MX:NOTE: orders\n// @MX:SPEC: SPEC-NOPE-001\n// @MX:NOTE: users\n// @MX:SPEC: SPEC-USER-001 REQ-USER-077\n',
    });
    const all = service.allDiagnostics();
    const tree = getSpecTree(service.index, (p) => service.diagnostics(p), all)!;
    const brokenCodes = tree.broken.map((b) => `${b.id} ${b.code}`);
    assert.deepEqual(brokenCodes, [
      'NOPE-001 mx/unknown-spec',
      'PAY-001 spec/unknown-dependency',
      'REQ-USER-009 spec/ac-unknown-req',
      'REQ-USER-077 mx/unknown-req',
      'USRE-001 tag/unknown-spec',
      'test/missing.test.ts tag/broken-path',
    ]);
    assert.ok(all.some((d) => d.code === 'tag/unknown-spec' && d.severity === 'hint'), 'the mention of GONE-001 is a hint in Problems');
    assert.equal(tree.totals.brokenLinks, countProblems(all).brokenLinks);
    assert.equal(tree.totals.brokenLinks, 6, 'the hint is not counted');
    const user = tree.specs.find((s) => s.id === 'USER-001')!;
    assert.equal(user.problems.broken, 3, 'its dependency, its AC and the REQ an @MX line looked up in it');
    assert.deepEqual(
      tree.broken.filter((b) => b.specId === 'USER-001').map((b) => b.id),
      ['PAY-001', 'REQ-USER-009', 'REQ-USER-077'],
    );
  });
});

describe('a chain complete only when its badge is full', () => {
  it('needs code, a test and nothing declared missing: a test alone is partial (its badge reads 1/2)', async () => {
    const service = await load({
      '.moai/specs/SPEC-ONLY-001/spec.md': spec('ONLY-001'),
      '.moai/specs/SPEC-FULL-001/spec.md': spec('FULL-001'),
      'test/only.test.ts': '// @TEST:ONLY-001\n',
      'src/full.ts': '// @API:FULL-001\n',
      'test/full.test.ts': '// @TEST:FULL-001\n',
    });
    const tree = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics())!;
    assert.equal(tree.specs.find((s) => s.id === 'ONLY-001')!.completeness, 'partial');
    assert.equal(tree.specs.find((s) => s.id === 'FULL-001')!.completeness, 'complete');
  });
});

describe('a requirement as plain text', () => {
  it('drops markdown markup and EARS labels and keeps the EARS keywords', () => {
    assert.equal(plainRequirement('[Event-Driven] **WHEN** a user signs in, the system **SHALL** issue a token.'), 'WHEN a user signs in, the system SHALL issue a token.');
    assert.equal(plainRequirement('(Event-driven):** WANNEER een gebruiker klikt, DAN navigeert het systeem naar `/app/x`.'), 'WANNEER een gebruiker klikt, DAN navigeert het systeem naar /app/x.');
    assert.equal(plainRequirement('(Ubiquitous) The system SHALL log *every* request to [the audit log](docs/audit.md).'), 'The system SHALL log every request to the audit log.');
    assert.equal(plainRequirement('IF `_pending_totp` is empty, THEN the API SHALL return 2 * 3 items.'), 'IF _pending_totp is empty, THEN the API SHALL return 2 * 3 items.');
    assert.equal(plainRequirement('Event-Driven | WHEN `detect(resp)` is invoked, the function SHALL return hits.'), 'WHEN detect(resp) is invoked, the function SHALL return hits.', 'a table row\'s pattern column');
    assert.equal(plainRequirement('Optional | WHERE a filter is set, the adapter SHALL pass it on.'), 'WHERE a filter is set, the adapter SHALL pass it on.');
    // A code span keeps its stars: a Go pointer, a media range.
    assert.equal(plainRequirement('The fetcher SHALL return `*FetchResult` and send `Accept: */*` with **every** call.'), 'The fetcher SHALL return *FetchResult and send Accept: */* with every call.');
    assert.equal(plainRequirement('An unclosed `tick stays *plain*.'), 'An unclosed tick stays plain.');
    assert.equal(plainRequirement(''), '');
  });

  it('is what the REQ rows of the tree and the hovers both show', async () => {
    const service = await load({
      '.moai/specs/SPEC-PAY-001/spec.md': spec('PAY-001', { body: '## Requirements\n\n- REQ-PAY-001 [Event-Driven]: **WHEN** a payment fails, the system **SHALL** retry `twice`.\n' }),
      'src/pay.go': '// @MX:NOTE: retries\n// @MX:SPEC: SPEC-PAY-001 REQ-PAY-001\n',
    });
    const tree = getSpecTree(service.index, (p) => service.diagnostics(p), service.allDiagnostics())!;
    const row = tree.specs.find((s) => s.id === 'PAY-001')!.mx!.reqs[0]!.text;
    assert.equal(row, 'WHEN a payment fails, the system SHALL retry twice.');
    const hover = getHover(service.index, 'src/pay.go', { line: 1, character: 30 })!;
    assert.ok(hover.markdown.includes(`> ${row}`), hover.markdown);
  });

  it('stays linear on long runs of markup characters', () => {
    const started = process.hrtime.bigint();
    plainRequirement(`${'*'.repeat(50_000)}[${'('.repeat(50_000)}${'[Event-Driven'.repeat(5_000)}`);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2_000);
  });
});
