import * as assert from 'node:assert/strict';
import { lexRegions } from '../../../server/src/service/lexer';
import { assertWellFormed } from './helpers';
import { cpuTimed } from '../cpuTime';

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ['a.ts', 'a.py', 'a.rs', 'a.go', 'a.sh', 'a.sql', 'a.lua', 'a.hs', 'a.vue', 'a.md', 'a.php', 'a.cs', 'a.cpp', 'a.java', 'a.yml', 'a.rb'];
const ALPHABET = ['@', '@CODE:A-001', '/', '*', '#', '-', '"', "'", '`', '\\', '\n', '\r', '\r\n', ' ', 'x', '{', '}', '(', ')', '[', ']', '<!--', '-->', '"""', '```', 'r#"', 'R"(', '@"', '--[[', '{-', '=', '<script>', '</script>', '😀'];

/** Lexes and checks the contract and a time budget proportional to the size. */
function lexWithin(path: string, text: string, budgetMs: number): ReturnType<typeof lexRegions> {
  const { value: found, ms } = cpuTimed(() => lexRegions(path, text));
  assert.ok(ms < budgetMs, `${path}: ${text.length} chars took ${ms.toFixed(0)} ms (budget ${budgetMs} ms)`);
  assertWellFormed(text, found);
  return found;
}

describe('lexer fuzz', function () {
  this.timeout(30000);

  it('random token soup in every family: well-formed regions, within a time budget', () => {
    const next = random(9);
    for (let round = 0; round < 400; round++) {
      const parts: string[] = [];
      const n = 50 + Math.floor(next() * 400);
      for (let k = 0; k < n; k++) parts.push(ALPHABET[Math.floor(next() * ALPHABET.length)]!);
      const text = parts.join('');
      for (const path of PATHS) lexWithin(path, text, 250);
    }
  });

  it('grammar-shaped TypeScript: every generated comment and string is found exactly', () => {
    const next = random(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const bodies = ['@CODE:AUTH-001', '// not', '/* not */', "it's", '`', '"', '\\\\', '#', '@SPEC:X-001 -> @DOC:Y-001', 'ü😀'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const expected: string[] = [];
      const n = 5 + Math.floor(next() * 60);
      for (let k = 0; k < n; k++) {
        const body = pick(bodies);
        const kind = Math.floor(next() * 8);
        let piece: string;
        if (kind === 0) piece = `"${body.replace(/["\\]/g, '\\$&')}"`;
        else if (kind === 1) piece = `'${body.replace(/['\\]/g, '\\$&')}'`;
        else if (kind === 2) piece = `\`${body.replace(/[`\\]/g, '\\$&')}\``;
        else if (kind === 3) piece = `// ${body}`;
        else if (kind === 4) piece = `/* ${body.replace(/\*\//g, '')}\n */`;
        else piece = '';
        const kindName = kind <= 2 ? 'string' : 'comment';
        if (piece) expected.push(`${kindName}:${piece}`);
        text += `${pick(['x', 'a / b', 'f(1)', 'y = 2;', '{', '}', 'return'])} ${piece}${kind === 3 ? '\n' : pick([' ', '\n', '\r\n'])}`;
      }
      const found = lexWithin('gen.ts', text, 250).map((r) => `${r.kind}:${text.slice(r.start, r.end)}`);
      assert.deepEqual(found, expected, text);
    }
  });

  it('grammar-shaped Python and markdown: strings, comments, fences and code spans found exactly', () => {
    const next = random(23);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    for (let round = 0; round < 300; round++) {
      let py = 'x = 0\n';
      const pyExpected: string[] = [];
      let md = '';
      const mdExpected: string[] = [];
      for (let k = 0; k < 20; k++) {
        const body = pick(['@CODE:A-001', '# not', "it's", '"', 'x']);
        const s = pick([`"${body.replace(/"/g, '\\"')}"`, `'${body.replace(/'/g, "\\'")}'`, `"""${body}\n"""`]);
        py += `y = f(${s}) `;
        pyExpected.push(`string:${s}`);
        if (next() < 0.5) {
          py += `# ${body}`;
          pyExpected.push(`comment:# ${body}`);
        }
        py += pick(['\n', '\r\n']);
        const span = pick(['`@CODE:A-001`', '``a ` b``']);
        const fence = pick(['```', '~~~~']);
        md += `Text ${span} more.\n\n${fence}sh\n# @CODE:B-001 ${fence === '```' ? '~~~' : '```'}\n${fence}\n\n`;
        mdExpected.push(`string:${span}`, `string:${fence}sh\n# @CODE:B-001 ${fence === '```' ? '~~~' : '```'}\n${fence}`);
      }
      assert.deepEqual(lexWithin('gen.py', py, 250).map((r) => `${r.kind}:${py.slice(r.start, r.end)}`), pyExpected);
      assert.deepEqual(lexWithin('gen.md', md, 250).map((r) => `${r.kind}:${md.slice(r.start, r.end)}`), mdExpected);
    }
  });

  it('a 5 MB minified line full of @ in every family', () => {
    const text = 'a=@CODE:A-001;x@y'.repeat(Math.floor((5 * 1024 * 1024) / 17));
    for (const path of PATHS) lexWithin(path, text, 3000);
  });

  it('hostile shapes stay linear in every family (a quadratic pass would take minutes)', () => {
    const size = 128 * 1024;
    const shapes = [
      "'\\".repeat(size / 2),
      '=/[/'.repeat(size / 4),
      '<!--'.repeat(size / 4),
      Array.from({ length: 700 }, (_, k) => '`'.repeat(k + 1) + 'x').join(''),
      'R"'.repeat(size / 2),
      '"""'.concat('x'.repeat(size)),
      '\r\n#\r'.repeat(size / 4),
      '{-'.repeat(size / 2),
      "'a".repeat(size / 2),
      '"\n'.repeat(size / 2),
    ];
    for (const text of shapes) for (const path of PATHS) lexWithin(path, text, 1000);
  });
});
