import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromOsPath, osBytes } from '../../../server/src/node/osPath';
import { decodeText } from '../../../server/src/node/readText';
import { LineIndex } from '../../../server/src/service/text';
import { legacySpec, specchain, tempWorkspace } from '../../fixtures/cli';

interface Finding {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

const utf16be = (text: string): Buffer => Buffer.from(Buffer.from(text, 'utf16le')).swap16();

describe('hostile encodings: UTF-16, names that are not UTF-8, lone CR line ends', function () {
  this.timeout(120_000);
  let ws: string;
  let env: NodeJS.ProcessEnv;
  let remove: () => void;

  before(() => {
    ({ ws, env, remove } = tempWorkspace('encodings', {
      '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'),
      'src/le.cs': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// first\r\n// @API:GHOST-016\r\n', 'utf16le')]),
      'src/be.cs': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('\n\n   // @API:GHOST-017\n')]),
      'src/mac.py': '# one\r# two\r# @API:GHOST-013\r# @TEST:PAY-001\r',
      'src/mixed.py': '# one\r\n# two\r# three\n    # @API:GHOST-014\n',
    }));
    // A Latin-1 name: "café.py" with é as the single byte 0xE9.
    writeFileSync(Buffer.concat([Buffer.from(path.join(ws, 'src', 'caf')), Buffer.from([0xe9]), Buffer.from('.py')]), '# @API:GHOST-233\n');
  });
  after(() => remove());

  const check = (format: string): { code: number; out: string; err: string } => specchain(['check', ws, '--no-cache', '--format', format], { env });
  const findings = (): Finding[] => (JSON.parse(check('json').out) as { diagnostics: Finding[] }).diagnostics;
  const at = (file: string): Finding | undefined => findings().find((d) => d.file === file && d.code === 'tag/unknown-spec');

  it('UTF-16 files with a byte-order mark are read, not skipped as binary, with lines and columns right', () => {
    assert.deepEqual(at('src/le.cs') && [at('src/le.cs')!.line, at('src/le.cs')!.column], [2, 4]);
    assert.deepEqual(at('src/be.cs') && [at('src/be.cs')!.line, at('src/be.cs')!.column], [3, 7]);
    assert.match(at('src/le.cs')!.message, /GHOST-016/);
  });

  it('lone CR line ends put findings on the line an editor shows', () => {
    assert.equal(at('src/mac.py')?.line, 3);
    assert.equal(at('src/mixed.py')?.line, 4);
    assert.equal(at('src/mixed.py')?.column, 7);
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.deepEqual([lines.lineCount, lines.positionAt(2), lines.positionAt(5), lines.lineText(1)], [4, { line: 1, character: 0 }, { line: 2, character: 0 }, 'b']);
  });

  it('a file name that is not UTF-8 is read, printed escaped, and percent-encoded byte for byte in SARIF', () => {
    const json = findings().find((d) => d.message.includes('GHOST-233'));
    assert.ok(json, 'the file was read');
    assert.equal(json.file, 'src/caf\udce9.py');
    const text = check('text');
    assert.match(text.out, /src\/caf\\xe9\.py/);
    assert.ok(!/[\udc80-\udcff]/.test(text.out));
    const sarif = check('sarif');
    assert.match(sarif.out, /"uri": "src\/caf%E9\.py"/);
  });

  it('names round-trip byte for byte; valid UTF-8 (a real U+FFFD among it) stays as it is', () => {
    for (const bytes of [[0x63, 0xe9], [0xc3, 0xa9], [0xef, 0xbf, 0xbd, 0xff], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98, 0x80, 0xc0]]) {
      assert.deepEqual([...osBytes(fromOsPath(Buffer.from(bytes)))], bytes);
    }
    assert.equal(fromOsPath(Buffer.from('é😀', 'utf8')), 'é😀');
    assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x41, 0, 0x0d, 0, 0x42, 0])), 'A\nB');
  });
});
