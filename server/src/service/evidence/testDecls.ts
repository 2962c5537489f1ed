import type { Region } from '../lexer';
import { findIds } from '../mx/ids';
import { isTestFile } from '../mx/testFiles';
import { LineIndex, basename } from '../text';
import type { IdRef, TestDecl, TestFileFacts, TestSection, TestSuiteDecl } from '../types';

/** The languages whose tests SpecChain finds, by how their runners name a test. */
type TestLanguage = 'python' | 'go' | 'js' | 'java' | 'rust' | 'csharp';

const BY_EXTENSION: Readonly<Record<string, TestLanguage>> = {
  py: 'python',
  go: 'go',
  ...Object.fromEntries(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'].map((e) => [e, 'js' as const])),
  java: 'java',
  kt: 'java',
  groovy: 'java',
  scala: 'java',
  rs: 'rust',
  cs: 'csharp',
};

/**
 * The language to look for tests in, when the file may hold some: a test file by the usual
 * names (`test_*.py`, `*_test.go`, `*.test.ts`, under `tests/`), or a Rust, Java, Kotlin or C#
 * file whose text carries a test attribute (Rust keeps unit tests beside the code).
 */
export function testLanguage(path: string, text: string): TestLanguage | undefined {
  const name = basename(path);
  const language = BY_EXTENSION[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
  if (language === undefined) return undefined;
  if (isTestFile(path)) return language;
  if (language === 'rust') return text.includes('#[test]') || text.includes('::test]') || text.includes('#[rstest]') ? language : undefined;
  if (language === 'java') return /@(?:Test|ParameterizedTest)\b/.test(text) ? language : undefined;
  if (language === 'csharp') return /\[(?:Fact|Theory|Test|TestCase|TestMethod)\b/.test(text) ? language : undefined;
  return undefined;
}

/**
 * True when a file may hold tests without any `@` in it (a pytest file, a Go test, a Rust
 * `#[test]`, a C# `[Fact]`): the readers that skip files without markers read it all the same.
 */
export function mayHoldTests(path: string): boolean {
  const name = basename(path);
  const language = BY_EXTENSION[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
  return language !== undefined && (isTestFile(path) || language === 'rust' || language === 'csharp');
}

/** A test or suite found by a language's scan, by offsets. */
interface Found {
  readonly kind: 'test' | 'suite';
  readonly name: string;
  readonly title?: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Offset of the first line of its doc (comments, decorators, annotations). */
  readonly docStart: number;
  /** Offset of the declaration itself. */
  readonly start: number;
  /** End of its body (exclusive). */
  readonly end: number;
  /** Title text to read IDs from (a `describe`/`it` title, a display name), by offsets. */
  readonly titleRange?: readonly [number, number];
}

/**
 * The tests of one file and the SPEC/REQ/AC IDs around them, read through the lexer's regions:
 * declarations are looked for in code only (comments and strings blanked), IDs only in comments,
 * docstrings, titles and names. Linear in the text, but for the bounded look-backs.
 */
export function scanTests(path: string, text: string, regions: readonly Region[]): TestFileFacts | undefined {
  const language = testLanguage(path, text);
  if (language === undefined) return undefined;
  const code = blank(text, regions);
  const found = SCANNERS[language](text, code, regions);
  if (found.length === 0) return undefined;
  return assemble(text, regions, found, namespaceOf(language, code));
}

/** The text with comments and strings replaced by spaces (line breaks kept): declarations are searched here. */
function blank(text: string, regions: readonly Region[]): string {
  let out = '';
  let at = 0;
  for (const r of regions) {
    out += text.slice(at, r.start) + blanked(text, r.start, r.end);
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * Spaces for the text from `start` to `end`, its line breaks kept. Most regions are a one-line
 * comment or string: one `repeat` makes those, where a replacement would call back per character.
 */
function blanked(text: string, start: number, end: number): string {
  const part = text.slice(start, end);
  return part.includes('\n') || part.includes('\r') ? part.replace(/[^\n\r]/g, ' ') : ' '.repeat(part.length);
}

/**
 * For each opening bracket offset in code, the offset of its closing one (or the text's end).
 * Made on the first `get` only: most files scanned hold no test, and need no pairs.
 */
function brackets(code: string, open: string, close: string): { get(offset: number): number | undefined } {
  let pairs: Map<number, number> | undefined;
  return { get: (offset) => (pairs ??= bracketPairs(code, open.charCodeAt(0), close.charCodeAt(0))).get(offset) };
}

function bracketPairs(code: string, open: number, close: number): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === open) stack.push(i);
    else if (c === close) {
      const o = stack.pop();
      if (o !== undefined) pairs.set(o, i + 1);
    }
  }
  for (const o of stack) pairs.set(o, code.length);
  return pairs;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Where the doc of a declaration starting at `start` begins: the lines right above it that hold
 * only comments, decorators or annotations (no blank line between), at most 60 lines up.
 */
function docStart(text: string, code: string, start: number, annotation: RegExp): number {
  let at = lineStart(text, start);
  for (let n = 0; n < 60 && at > 0; n++) {
    const prev = lineStart(text, at - 1);
    const original = text.slice(prev, at).trim();
    const masked = code.slice(prev, at).trim();
    if (original === '') break;
    // A line of annotations only (`@Test`, `#[test]`, `[Fact]`, a Python decorator), not one that also holds a body.
    if (masked !== '' && !(annotation.test(masked) && (annotation === PY_DECORATOR || !/[{};]/.test(masked)))) break;
    at = prev;
  }
  return at;
}

/** A Python decorator line (its arguments may span brackets, never a body). */
const PY_DECORATOR = /^@/;

type Scanner = (text: string, code: string, regions: readonly Region[]) => Found[];

/** `def test*` at any depth and `class` blocks, by indentation (continuation lines of a bracket skipped). */
function scanPython(text: string, code: string): Found[] {
  const out: Found[] = [];
  const lines: { start: number; end: number; indent: number; blank: boolean; continued: boolean }[] = [];
  let depth = 0;
  for (let at = 0; at <= code.length; ) {
    let end = code.indexOf('\n', at);
    if (end === -1) end = code.length;
    const line = code.slice(at, end);
    const indent = /^[ \t]*/.exec(line)![0].length;
    lines.push({ start: at, end, indent, blank: line.trim() === '', continued: depth > 0 });
    for (const c of line) {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    }
    if (end === code.length) break;
    at = end + 1;
  }
  const blockEnd = (i: number): number => {
    const own = lines[i]!.indent;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.blank || l.continued) continue;
      if (l.indent <= own) break;
      last = j;
    }
    return lines[last]!.end;
  };
  const decorator = PY_DECORATOR;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank || l.continued) continue;
    const m = /^[ \t]*(?:(class)|(?:async[ \t]+)?def)[ \t]+([A-Za-z_]\w*)/.exec(code.slice(l.start, l.end));
    if (!m) continue;
    const name = m[2]!;
    const nameStart = l.start + m[0].length - name.length;
    const suite = m[1] !== undefined;
    if (!suite && !/^test/.test(name)) continue;
    out.push({ kind: suite ? 'suite' : 'test', name, nameStart, nameEnd: nameStart + name.length, docStart: docStart(text, code, l.start, decorator), start: l.start, end: blockEnd(i) });
  }
  return out;
}

/** `func TestX(t *testing.T)` (and Benchmark, Fuzz, Example), testify suite methods `func (s *S) TestX()`. */
function scanGo(text: string, code: string): Found[] {
  const out: Found[] = [];
  const braces = brackets(code, '{', '}');
  const re = /^func[ \t]+(?:\([^)\n]*\)[ \t]*)?((?:Test|Benchmark|Fuzz|Example)\w*)[ \t]*\(/gm;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const name = m[1]!;
    const nameStart = code.indexOf(name, m.index + 4);
    const open = code.indexOf('{', m.index + m[0].length);
    out.push({ kind: 'test', name, nameStart, nameEnd: nameStart + name.length, docStart: docStart(text, code, m.index, /^$/), start: m.index, end: open >= 0 ? (braces.get(open) ?? code.length) : code.length });
  }
  return out;
}

/** Members of `test`/`describe` that are hooks or helpers, not tests. */
const NOT_A_TEST = new Set(['todo', 'step', 'use', 'extend', 'expect', 'info', 'setTimeout', 'configure', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'slow']);

const JS_CALL = /(?<![\w$.])(describe|context|suite|it|test|specify)((?:[ \t]*\.[ \t]*[A-Za-z_$][\w$]*)*)[ \t]*\(/g;

/**
 * `describe`/`it`/`test` calls (with `.skip`, `.only`, `.each(…)`, Playwright's `test.describe`):
 * the title is the first argument when it is a string, template or identifier; a `describe`
 * spans its call, and holds the calls inside it.
 */
function scanJs(text: string, code: string, regions: readonly Region[]): Found[] {
  const out: Found[] = [];
  const parens = brackets(code, '(', ')');
  const stringAt = new Map<number, Region>();
  for (const r of regions) if (r.kind === 'string') stringAt.set(r.start, r);
  for (let m = JS_CALL.exec(code); m; m = JS_CALL.exec(code)) {
    const modifiers = m[2]!.replace(/\s/g, '').split('.').filter(Boolean);
    if (modifiers.some((x) => NOT_A_TEST.has(x))) continue;
    let open = m.index + m[0].length - 1;
    if (modifiers.includes('each') || modifiers.includes('for')) {
      // `it.each([...])('title %s', fn)` and `it.each\`table\`('title', fn)`: the title follows the table.
      const close = code[open] === '(' ? parens.get(open) : undefined;
      const after = close === undefined ? -1 : skipBlanks(code, close);
      if (after < 0 || code[after] !== '(') continue;
      open = after;
    }
    const end = parens.get(open) ?? code.length;
    const arg = skipBlanks(text, open + 1);
    const str = stringAt.get(arg);
    let title: string;
    let titleRange: [number, number];
    if (str) {
      titleRange = [str.start + 1, str.end - 1];
      title = text.slice(str.start + 1, str.end - 1);
    } else {
      const id = /^[A-Za-z_$][\w$.]*/.exec(code.slice(arg, arg + 200));
      // `describe(Service, …)` names a class; `test.skip(true, 'why')` is Playwright's skip, no test.
      if (!id || !/^(?:describe|context|suite)$/.test(m[1]!) || id[0] === 'true' || id[0] === 'false') continue;
      titleRange = [arg, arg + id[0].length];
      title = id[0];
    }
    const suite = m[1] === 'describe' || m[1] === 'context' || m[1] === 'suite' || modifiers.includes('describe');
    out.push({ kind: suite ? 'suite' : 'test', name: title, nameStart: titleRange[0], nameEnd: titleRange[1], docStart: docStart(text, code, m.index, /^$/), start: m.index, end, titleRange });
  }
  JS_CALL.lastIndex = 0;
  return out;
}

function skipBlanks(code: string, at: number): number {
  while (at < code.length && /\s/.test(code[at]!)) at++;
  return at < code.length ? at : -1;
}

const JAVA_TEST = /@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\b/;

/** Annotated methods (`@Test`, `@ParameterizedTest`, …) in classes; `@DisplayName("…")` is the title. */
function scanJava(text: string, code: string, regions: readonly Region[]): Found[] {
  return scanAnnotated(text, code, regions, {
    marker: new RegExp(JAVA_TEST.source, 'g'),
    method: /(?:\bfun[ \t]+(?:<[^>\n]*>[ \t]*)?(`[^`\n]+`|[A-Za-z_]\w*)|\b([A-Za-z_]\w*))[ \t]*\(/y,
    display: /@DisplayName[ \t]*\([ \t]*$/,
    annotation: /^@/,
    suite: /\b(?:class|object)[ \t]+([A-Za-z_]\w*)[^{;]*\{/g,
  });
}

/** `[Fact]`, `[Theory]`, `[Test]`, `[TestCase(…)]`, `[TestMethod]` methods; `DisplayName = "…"` is the title. */
function scanCsharp(text: string, code: string, regions: readonly Region[]): Found[] {
  return scanAnnotated(text, code, regions, {
    marker: /\[(?:Fact|Theory|Test|TestCase|TestCaseSource|TestMethod|DataTestMethod)\b/g,
    method: /\b([A-Za-z_]\w*)[ \t]*\(/y,
    display: /DisplayName[ \t]*=[ \t]*$/,
    annotation: /^\[/,
    suite: /\bclass[ \t]+([A-Za-z_]\w*)[^{;]*\{/g,
  });
}

/** `#[test]`, `#[tokio::test]`, `#[rstest]`, `#[test_case(…)]` functions inside `mod x { … }` modules. */
function scanRust(text: string, code: string, regions: readonly Region[]): Found[] {
  return scanAnnotated(text, code, regions, {
    marker: /#\[(?:[\w:]*::)?(?:test|rstest|test_case)\b/g,
    method: /\bfn[ \t]+([A-Za-z_]\w*)/y,
    annotation: /^#\[/,
    suite: /\bmod[ \t]+([A-Za-z_]\w*)[ \t]*\{/g,
  });
}

interface AnnotatedSyntax {
  readonly marker: RegExp;
  /** Sticky: the method name at the searched offset. */
  readonly method: RegExp;
  /** Code right before a string that is the display name. */
  readonly display?: RegExp;
  readonly annotation: RegExp;
  /** A suite (class, module) and its opening brace. */
  readonly suite: RegExp;
}

function scanAnnotated(text: string, code: string, regions: readonly Region[], syntax: AnnotatedSyntax): Found[] {
  const out: Found[] = [];
  const braces = brackets(code, '{', '}');
  for (let m = syntax.suite.exec(code); m; m = syntax.suite.exec(code)) {
    const open = m.index + m[0].length - 1;
    const nameStart = m.index + m[0].indexOf(m[1]!, m[0].search(/\s/));
    out.push({ kind: 'suite', name: m[1]!, nameStart, nameEnd: nameStart + m[1]!.length, docStart: docStart(text, code, m.index, syntax.annotation), start: m.index, end: braces.get(open) ?? code.length });
  }
  syntax.suite.lastIndex = 0;
  const seen = new Set<number>();
  for (let m = syntax.marker.exec(code); m; m = syntax.marker.exec(code)) {
    // The method follows the annotations: the first name before `(` that is not inside one.
    let at = m.index + m[0].length;
    let name: RegExpExecArray | null = null;
    for (let guard = 0; guard < 40 && at < code.length; guard++) {
      at = skipBlanks(code, at);
      if (at < 0) break;
      if (code[at] === '(' || code[at] === '[') {
        at = (brackets1(code, at) ?? at) + 1;
        continue;
      }
      if (code[at] === '@') {
        // Another annotation (`@DisplayName("…")`): its name, then its arguments on the next turn.
        at += /^@[\w.]*/.exec(code.slice(at, at + 200))![0].length;
        continue;
      }
      if (code[at] === '#') {
        at++;
        continue;
      }
      syntax.method.lastIndex = at;
      name = syntax.method.exec(code);
      if (name && !/^(?:public|private|protected|internal|static|async|suspend|override|open|final|void|fun|fn|pub|unsafe|Task|def)$/.test(name[1] ?? name[2] ?? '')) break;
      name = null;
      const word = /[A-Za-z_$][\w$<>?,\[\]]*|./y;
      word.lastIndex = at;
      at += word.exec(code)![0].length;
    }
    if (!name || seen.has(name.index)) continue;
    seen.add(name.index);
    const raw = name[1] ?? name[2]!;
    const ident = raw.replace(/^`|`$/g, '');
    const identStart = name.index + name[0].indexOf(raw) + (raw.startsWith('`') ? 1 : 0);
    const open = code.indexOf('{', identStart);
    const semicolon = code.indexOf(';', identStart);
    const end = open >= 0 && (semicolon < 0 || open < semicolon) ? (braces.get(open) ?? code.length) : semicolon >= 0 ? semicolon + 1 : code.length;
    const display = syntax.display ? displayName(text, code, regions, lineStart(text, m.index), identStart, syntax.display) : undefined;
    const backticked = raw.startsWith('`');
    out.push({
      kind: 'test',
      name: ident,
      ...(display ? { title: display.title, titleRange: display.range } : backticked ? { titleRange: [identStart, identStart + ident.length] as const } : {}),
      nameStart: identStart,
      nameEnd: identStart + ident.length,
      docStart: docStart(text, code, lineStart(text, m.index) === lineStart(text, identStart) ? identStart : m.index, syntax.annotation),
      start: m.index,
      end,
    });
  }
  syntax.marker.lastIndex = 0;
  return out;
}

function brackets1(code: string, open: number): number | undefined {
  const close = code[open] === '(' ? ')' : ']';
  let depth = 0;
  for (let i = open; i < code.length && i < open + 4000; i++) {
    if (code[i] === code[open]) depth++;
    else if (code[i] === close && --depth === 0) return i;
  }
  return undefined;
}

/** The string right after a display-name annotation between `from` and `to`. */
function displayName(text: string, code: string, regions: readonly Region[], from: number, to: number, before: RegExp): { title: string; range: [number, number] } | undefined {
  for (const r of regions) {
    if (r.start < from || r.start >= to || r.kind !== 'string') continue;
    if (before.test(code.slice(Math.max(from, r.start - 40), r.start))) return { title: text.slice(r.start + 1, r.end - 1), range: [r.start + 1, r.end - 1] };
  }
  return undefined;
}

const SCANNERS: Readonly<Record<TestLanguage, Scanner>> = { python: scanPython, go: scanGo, js: scanJs, java: scanJava, rust: scanRust, csharp: scanCsharp };

function namespaceOf(language: TestLanguage, code: string): string | undefined {
  const re = language === 'java' ? /^[ \t]*package[ \t]+([\w.]+)/m : language === 'csharp' ? /^[ \t]*namespace[ \t]+([\w.]+)/m : language === 'go' ? /^package[ \t]+(\w+)/m : undefined;
  return re ? re.exec(code)?.[1] : undefined;
}

/**
 * Tests and suites with their IDs: each comment or docstring belongs to the innermost test whose
 * doc or body holds it, else the innermost suite, else the header (above the first test), else a
 * section when it opens with an ID; titles and names give their own test's or suite's IDs.
 */
function assemble(text: string, regions: readonly Region[], found: Found[], namespace: string | undefined): TestFileFacts | undefined {
  const lines = new LineIndex(text);
  found.sort((a, b) => a.docStart - b.docStart || b.end - a.end);
  const suites = found.filter((f) => f.kind === 'suite');
  const testsFound = found.filter((f) => f.kind === 'test');
  if (testsFound.length === 0) return undefined;
  const suiteIds: IdRef[][] = suites.map(() => []);
  const testIds: IdRef[][] = testsFound.map(() => []);
  const header: IdRef[] = [];
  const sections: TestSection[] = [];
  // The header ends above the first test's doc, or at the first suite holding tests (its doc is the file's too).
  const firstTest = Math.min(...testsFound.map((t) => t.docStart), ...suites.filter((s) => testsFound.some((t) => t.start >= s.start && t.end <= s.end)).map((s) => lineStart(text, s.start)));
  const innermost = <T extends Found>(list: readonly T[], at: number): number => {
    let best = -1;
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      if (f.docStart <= at && at < f.end && (best < 0 || f.docStart >= list[best]!.docStart)) best = i;
    }
    return best;
  };
  const idsIn = (from: number, to: number): IdRef[] =>
    findIds(text, from, to).ids.map((f) => ({ kind: f.kind, id: f.id, range: lines.range(f.start, f.end), ...(f.expanded ? { expanded: true } : {}) }));
  // Tests never nest: the one holding an offset is the last whose doc starts at or before it.
  const testAt = (at: number): number => {
    let lo = 0;
    let hi = testsFound.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (testsFound[mid]!.docStart <= at) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && at < testsFound[best]!.end ? best : -1;
  };
  for (const r of regions) {
    if (r.kind === 'string') continue;
    const t = testAt(r.start);
    if (t >= 0) {
      for (const id of idsIn(r.start, r.end)) testIds[t]!.push(id);
      continue;
    }
    const s = innermost(suites, r.start);
    if (s >= 0) {
      for (const id of idsIn(r.start, r.end)) suiteIds[s]!.push(id);
      continue;
    }
    // A heading between tests: its first words are an ID (`# AC-7: …`, `// --- REQ-SEC2-002: … ---`).
    const opening = r.start + /^[\s#/*!<>=~-]*/.exec(text.slice(r.start, Math.min(r.end, r.start + 80)))![0].length;
    const eol = text.indexOf('\n', opening);
    const first = findIds(text, opening, eol < 0 || eol > r.end ? r.end : eol).ids;
    if (first.length === 0 || first[0]!.start !== opening || first[0]!.kind === 'SPEC') {
      if (r.start < firstTest) for (const id of idsIn(r.start, r.end)) header.push(id);
      continue;
    }
    const line = lines.positionAt(r.start).line;
    const ids = first.map((f): IdRef => ({ kind: f.kind, id: f.id, range: lines.range(f.start, f.end) }));
    sections.push({ lines: [line, lines.positionAt(r.end).line], ids });
  }
  const suiteIndex = new Map(suites.map((s, i) => [s, i]));
  const chainOf = (f: Found): number[] =>
    suites
      .filter((s) => s !== f && s.start <= f.start && f.end <= s.end)
      .sort((a, b) => a.start - b.start)
      .map((s) => suiteIndex.get(s)!);
  const suiteDecls: TestSuiteDecl[] = suites.map((s, i) => ({ name: s.name, lines: [lines.positionAt(s.docStart).line, lines.positionAt(s.end).line], ids: [...(s.titleRange ? idsIn(s.titleRange[0], s.titleRange[1]) : []), ...suiteIds[i]!] }));
  const tests: TestDecl[] = testsFound.map((t, i) => ({
    name: t.name,
    ...(t.title !== undefined ? { title: t.title } : {}),
    suites: chainOf(t),
    range: lines.range(t.nameStart, t.nameEnd),
    lines: [lines.positionAt(t.docStart).line, lines.positionAt(Math.max(t.start, t.end - 1)).line],
    ids: [...(t.titleRange ? idsIn(t.titleRange[0], t.titleRange[1]) : []), ...testIds[i]!, ...nameIds(t.name, lines.range(t.nameStart, t.nameEnd))],
  }));
  return {
    tests,
    suites: suiteDecls,
    header,
    headerEnd: Number.isFinite(firstTest) ? Math.max(-1, lines.positionAt(firstTest).line - 1) : -1,
    sections,
    ...(namespace !== undefined ? { namespace } : {}),
  };
}

/**
 * REQ/AC numbers a function name carries (`test_req_005_refund`, `testAC3Charges`,
 * `TestREQ012`): short IDs, resolved within the test's SPEC like any short ID.
 */
export function nameIds(name: string, range: IdRef['range']): IdRef[] {
  if (!/req|ac/i.test(name) || /[\s>]/.test(name)) return [];
  const words = name.split(/[_\-$]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[A-Z][a-z])/).filter(Boolean);
  const out: IdRef[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const glued = /^(req|ac)(\d{1,4})$/i.exec(w);
    if (glued) out.push({ kind: glued[1]!.toUpperCase() as 'REQ' | 'AC', id: `${glued[1]!.toUpperCase()}-${glued[2]}`, range });
    else if (/^(req|ac)$/i.test(w) && /^\d{1,4}$/.test(words[i + 1] ?? '')) out.push({ kind: w.toUpperCase() as 'REQ' | 'AC', id: `${w.toUpperCase()}-${words[++i]}`, range });
  }
  return out;
}
