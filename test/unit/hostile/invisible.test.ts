import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getCodeActions } from '../../../server/src/service/features/codeActions';
import { findInvisibleIds, showInvisible } from '../../../server/src/service/invisible';
import { apply, load, spec, where } from '../core/helpers';
import { ensureBuilt, legacySpec, specchain, writeFiles } from '../../fixtures/cli';

const SHY = '\u00ad';
const ZWSP = '\u200b';
const ZWJ = '\u200d';
const RLO = '\u202e';

const FILES: Record<string, string> = {
  '.moai/specs/SPEC-PAY-001/spec.md': spec('PAY-001'),
  '.moai/specs/SPEC-PAY-002/spec.md': spec('PAY-002').replace('id: PAY-002', `id: PAY${ZWJ}-002`),
  'src/soft.ts': `// @API:PAY${SHY}-001\n`,
  'src/vanish.ts': `// @${ZWSP}TEST:PAY-001\n`,
  'src/mx.py': `# @MX:SPEC: SPEC-PAY-001, SPEC-PAY${RLO}-100\n`,
  // Prose and emoji where such characters belong: not IDs.
  'docs/de.md': `Die Ver${SHY}sicherung und der Kunden${SHY}service. Family: 👨${ZWJ}👩${ZWJ}👧 @team\n`,
};

describe('hostile: invisible characters inside IDs', function () {
  this.timeout(60_000);

  it('are flagged where they hide in a marker, an @MX line or a SPEC declaration, and nowhere else', async () => {
    const service = await load(FILES);
    const all = service.allDiagnostics();
    assert.deepEqual(where(all, 'tag/invisible-char').sort(), [
      '.moai/specs/SPEC-PAY-002/spec.md:2:5-2:13',
      'src/mx.py:1:27-1:40',
      'src/soft.ts:1:4-1:17',
      'src/vanish.ts:1:4-1:18',
    ]);
    const soft = all.find((d) => d.code === 'tag/invisible-char' && d.path === 'src/soft.ts')!;
    assert.equal(soft.message, '@API:PAY\\u{ad}-001 holds U+00AD (soft hyphen) inside: it shows as @API:PAY-001 but is not that text, so what it links to is not what it reads. Delete the invisible character.');
    assert.ok(!/[\u00ad\u200b\u200d\u202e]/.test(all.map((d) => d.message).join('\n')), 'no message carries them raw');
  });

  it('the quick fix deletes them, and the link is then the one it read as', async () => {
    const service = await load(FILES);
    const path = 'src/soft.ts';
    const d = service.diagnostics(path).find((x) => x.code === 'tag/invisible-char')!;
    const fixes = await getCodeActions({ index: service.index, path, text: FILES[path]!, diagnostics: [d], today: new Date('2026-01-02T12:00:00Z'), readText: async (p) => FILES[p] });
    assert.equal(fixes[0]!.title, 'Delete the invisible characters');
    const fixed = apply(FILES[path]!, fixes[0]!.edit.edits.get(path));
    assert.equal(fixed, '// @API:PAY-001\n');
    const after = await load({ ...FILES, [path]: fixed });
    assert.deepEqual(after.diagnostics(path).map((x) => x.code), []);
  });

  it('finds them only inside ID-like tokens, in bounded time on hostile text', () => {
    assert.deepEqual(findInvisibleIds(`x ${ZWSP}${ZWSP} y ${SHY}`, 'whole'), []);
    assert.equal(findInvisibleIds(`REQ-A${ZWSP}-001`, 'whole').length, 1);
    assert.equal(findInvisibleIds(`no at sign REQ-A${ZWSP}-001`, 'markers').length, 0, 'in code, only around markers');
    const hostile = `@A${ZWSP}`.repeat(50_000) + `${SHY}a`.repeat(50_000);
    const started = Date.now();
    findInvisibleIds(hostile, 'whole');
    findInvisibleIds(hostile, 'markers');
    assert.ok(Date.now() - started < 5_000);
    assert.equal(showInvisible(`a${RLO}b`), 'a\\u{202e}b');
  });

  describe('through the CLI', () => {
    let base: string;
    before(() => {
      ensureBuilt();
      base = mkdtempSync(path.join(tmpdir(), 'specchain-invisible-'));
      writeFiles(base, { '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'), 'src/soft.ts': `// @API:PAY${SHY}-001\n// @TEST:PAY-001\n// @API:PAY-001\n`, [`src/na${ZWSP}me.ts`]: `// @API:PAY${RLO}-001\n` });
    });
    after(() => rmSync(base, { recursive: true, force: true }));

    it('every output format writes them escaped', () => {
      const env = { SPECCHAIN_CACHE_DIR: path.join(base, '.cache-outside') };
      const text = specchain(['check', base, '--no-cache'], { env });
      assert.match(text.out, /@API:PAY\\u\{ad\}-001 holds U\+00AD \(soft hyphen\)/);
      assert.match(text.out, /src\/na\\u\{200b\}me\.ts/);
      for (const format of ['json', 'sarif']) {
        const out = specchain(['check', base, '--no-cache', '--format', format], { env }).out;
        assert.ok(!/[\u00ad\u200b\u202e]/.test(out), `${format}: no raw invisible character`);
        // The file name keeps its character for a parser, written as a JSON escape.
        assert.match(out, format === 'json' ? /"src\/na\\u200bme\.ts"/ : /"src\/na%E2%80%8Bme\.ts"/);
        assert.match(out, /@API:PAY\\\\u\{ad\}-001 holds U\+00AD/);
        if (format === 'json') assert.ok((JSON.parse(out) as { diagnostics: { file: string }[] }).diagnostics.some((d) => d.file === `src/na${ZWSP}me.ts`));
      }
      assert.ok(!/[\u00ad\u200b\u202e]/.test(text.out + text.err));
    });
  });
});
