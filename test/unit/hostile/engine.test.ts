import * as assert from 'node:assert/strict';
import { resolveConfig, type SpecChainConfig } from '../../../server/src/service/config';
import { InMemoryWorkspace } from '../../../server/src/service/inMemoryWorkspace';
import { LanguageService } from '../../../server/src/service/languageService';
import { parseSpec } from '../../../server/src/service/specDoc';
import { scanTags } from '../../../server/src/service/tags';
import { DEFAULT_TAG_TYPES } from '../../../server/src/service/types';
import { load, spec } from '../core/helpers';
import { cpuTimedAsync } from '../cpuTime';

/** Runs `f` and fails when it takes more than `budgetMs` of CPU time (a busy machine does not count). */
async function within<T>(budgetMs: number, f: () => T | Promise<T>): Promise<T> {
  const { value, ms } = await cpuTimedAsync(f);
  assert.ok(ms < budgetMs, `took ${ms.toFixed(0)} ms of CPU, over ${budgetMs} ms`);
  return value;
}

const SPEC_PATH = '.moai/specs/SPEC-HOST-001/spec.md';

describe('hostile input: the engine stays linear and loses nothing', function () {
  this.timeout(60_000);

  it('a marker with 150,000 trailing dashes is malformed, found at once', async () => {
    const scan = await within(3_000, () => scanTags(`// @API:${'-'.repeat(150_000)}X\n`, DEFAULT_TAG_TYPES, 'claim'));
    assert.equal(scan.malformed.length, 1);
    const trailing = await within(3_000, () => scanTags(`// @API:USER-001${'-'.repeat(150_000)}\n`, DEFAULT_TAG_TYPES, 'claim'));
    assert.deepEqual(trailing.tags.map((t) => t.id), ['USER-001']);
  });

  it('a disable directive followed by 200 KB of letters, or repeated on one line, is read once', async () => {
    const scan = await within(3_000, () => scanTags(`// specchain-disable-next-line tag/unknown-spec ${'a'.repeat(200_000)}\n// @API:NOPE-001`, DEFAULT_TAG_TYPES, 'claim'));
    assert.deepEqual(scan.disables, [{ line: 1, codes: ['tag/unknown-spec'] }]);
    const repeated = await within(3_000, () => scanTags('specchain-disable-next-line '.repeat(20_000), DEFAULT_TAG_TYPES, 'claim'));
    assert.equal(repeated.disables.length, 1);
  });

  it('174,000 markers in one file are all counted (no spread into push)', async () => {
    const { config } = resolveConfig({ maxFileSize: 8_000_000, rules: { 'stack/not-detected': 'off' } });
    const workspace = new InMemoryWorkspace({ [SPEC_PATH]: spec('HOST-001'), 'app/big.ts': '// @API:HOST-001\n'.repeat(174_000) });
    const svc = new LanguageService({ workspace, config: config as SpecChainConfig });
    await svc.load();
    assert.equal(svc.index.facts('app/big.ts')!.tags.length, 174_000);
    assert.ok(svc.allDiagnostics().length >= 0);
  });

  it('50,000 frontmatter values starting with @ are read in bounded time, the ID kept', async () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `k${i}: @v${i}`).join('\n');
    const { doc } = await within(3_000, () => parseSpec(SPEC_PATH, `---\nid: HOST-001\n${values}\n---\n# T\n`));
    assert.equal(doc.id, 'HOST-001');
    assert.ok(doc.problems.some((p) => /over the 8 KB/.test(p.message)));
    const few = parseSpec(SPEC_PATH, `---\nid: HOST-001\nauthor: @a${' '.repeat(100_000)}x\n---\n# T\n`);
    assert.equal(few.doc.id, 'HOST-001');
  });

  it('markdown nested 10,000 deep before the title keeps the title and the ID', async () => {
    const { doc } = await within(2_000, () => parseSpec(SPEC_PATH, `${'- '.repeat(10_000)}x\n\n# @SPEC:HOST-001: Deep\n`));
    assert.equal(doc.id, 'HOST-001');
    assert.equal(doc.title, 'Deep');
    const quotes = await within(2_000, () => parseSpec(SPEC_PATH, `${'> '.repeat(10_000)}x\n\n# Deep\n`));
    assert.equal(quotes.doc.id, 'HOST-001');
  });

  it('a YAML alias bomb, deep flow nesting and deep implicit keys give an error, not a crash, and the folder ID', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const svc = await within(20_000, () =>
      load({
        '.moai/specs/SPEC-BOMB-001/spec.md': `---\n${bomb}\n---\n# Bomb\n`,
        '.moai/specs/SPEC-FLOW-001/spec.md': `---\nid: ${'['.repeat(5_000)}\n---\n# Flow\n`,
        '.moai/specs/SPEC-KEYS-001/spec.md': `---\n${': '.repeat(2_000)}x\n---\n# Keys\n`,
        'app/a.ts': '// @API:BOMB-001 @API:FLOW-001 @API:KEYS-001\n',
      }),
    );
    assert.deepEqual(svc.index.specs().map((s) => s.id), ['BOMB-001', 'FLOW-001', 'KEYS-001']);
    assert.deepEqual(svc.diagnostics('app/a.ts').filter((d) => d.code === 'tag/unknown-spec'), []);
    assert.ok(svc.diagnostics('.moai/specs/SPEC-BOMB-001/spec.md').some((d) => d.severity === 'error' && /Excessive alias count/.test(d.message)));
  });

  it('a SPEC too large, binary or unreadable is listed by its folder ID with the reason, and its markers link to it', async () => {
    const { config } = resolveConfig({ maxFileSize: 1_000, rules: { 'stack/not-detected': 'off' } });
    const workspace = new InMemoryWorkspace({
      '.moai/specs/SPEC-BIG-001/spec.md': spec('BIG-001', { body: 'x'.repeat(2_000) }),
      '.moai/specs/SPEC-P-002/spec.md': spec('P-002'),
      'app/a.ts': '// @API:BIG-001\n',
    });
    const svc = new LanguageService({ workspace, config: config as SpecChainConfig });
    await svc.load();
    assert.deepEqual(svc.index.specs().map((s) => s.id), ['BIG-001', 'P-002']);
    assert.deepEqual(svc.diagnostics('app/a.ts').map((d) => d.code), []);
    const why = svc.diagnostics('.moai/specs/SPEC-BIG-001/spec.md');
    assert.ok(why.some((d) => d.severity === 'error' && /not read: it is larger than the maxFileSize/.test(d.message)), JSON.stringify(why));
    workspace.delete('.moai/specs/SPEC-BIG-001/spec.md');
    await svc.reload('.moai/specs/SPEC-BIG-001/spec.md');
    assert.ok(svc.diagnostics('.moai/specs/SPEC-BIG-001/spec.md').some((d) => /cannot be read/.test(d.message)));
  });

  it('depends_on with 100,000 entries is bounded, and cycles through 1,000 SPECs are still found', async () => {
    const deps = Array.from({ length: 100_000 }, (_, i) => `D${i}`).join(', ');
    const big = await within(10_000, () => load({ [SPEC_PATH]: `---\nid: HOST-001\ndepends_on: [HOST-002, ${deps}]\n---\n# T\n` }));
    assert.ok(big.diagnostics(SPEC_PATH).some((d) => /over the 8 KB/.test(d.message)));
    const ring: Record<string, string> = {};
    const id = (i: number): string => `RING-${String(i % 1_000).padStart(4, '0')}`;
    for (let i = 0; i < 1_000; i++) ring[`.moai/specs/SPEC-${id(i)}/spec.md`] = spec(id(i), { extra: `depends_on:\n  - ${id(i + 1)}\n  - ${id(i)}\n` });
    const svc = await load(ring);
    const cycles = await within(10_000, () => svc.allDiagnostics().filter((d) => d.code === 'spec/dependency-cycle'));
    assert.equal(cycles.length, 2_000);
    assert.ok(cycles.some((d) => d.message === 'Dependency cycle: RING-0000 → RING-0000.'));
  });

  it('55,000 broken header paths among many files resolve through an index of folders', async () => {
    const files: Record<string, string> = { [SPEC_PATH]: spec('HOST-001') };
    for (let i = 0; i < 20_000; i++) files[`src/m${i % 100}/f${i}.ts`] = '';
    const headers = ['src/h1.ts', 'src/h2.ts', 'src/h3.ts', 'src/h4.ts', 'src/h5.ts'];
    headers.forEach((path, h) => {
      const lines = Array.from({ length: 11_000 }, (_, i) => `// @API:HOST-001 | TEST: t/m${h}_${i}.py`).join('\n');
      files[path] = `${lines}\n// @API:HOST-001 | TEST: src/m7\n`;
    });
    const svc = await load(files);
    const broken = await within(10_000, () => headers.flatMap((path) => svc.diagnostics(path)).filter((d) => d.code === 'tag/broken-path'));
    assert.equal(broken.length, 55_000);
  });

  it('frontmatter keys named like Object members are plain keys', () => {
    const { doc } = parseSpec(SPEC_PATH, '---\nid: HOST-001\nconstructor: x\n__proto__: y\ntoString: z\n---\n# T\n');
    assert.deepEqual(doc.problems.filter((p) => /given twice/.test(p.message)), []);
  });

  it('unclosed frontmatter and a non-string id get a finding each', () => {
    const open = parseSpec(SPEC_PATH, '---\nid: HOST-001\n# T\n');
    assert.ok(open.doc.problems.some((p) => /never closed/.test(p.message)));
    const list = parseSpec(SPEC_PATH, '---\nid: [HOST-001, X-002]\n---\n# T\n');
    assert.equal(list.doc.id, 'HOST-001');
    assert.ok(list.doc.problems.some((p) => /"id" must be a SPEC ID.*a list.*folder/.test(p.message)));
  });
});
