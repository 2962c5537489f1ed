import { LineIndex, basename } from '../text';
import type { CodeFacts, CodeSignal, ImportRef } from '../types';
import { SIGNAL_RULES, type CodeLanguage } from './signals';

/** Most imports and signals one file keeps: a generated file of thousands is summed up by its first ones. */
const MAX_IMPORTS = 100;
const MAX_PER_SIGNAL = 12;
const MAX_SIGNALS = 200;

const BY_EXTENSION: Readonly<Record<string, CodeLanguage>> = {
  py: 'python',
  js: 'js', jsx: 'js', mjs: 'js', cjs: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js',
  go: 'go',
  java: 'java', kt: 'java', scala: 'java',
  php: 'php',
  rs: 'rust',
};

/** The language a file's conventions are read in, or undefined for a file that says none. */
export function codeLanguageOf(path: string): CodeLanguage | undefined {
  const name = basename(path);
  if (name === 'package.json') return 'package-json';
  if (name === 'composer.json') return 'composer-json';
  if (/^application(?:-[\w-]+)?\.(?:ya?ml|properties)$/.test(name)) return 'spring-config';
  if (name.endsWith('.xml')) return /mapper|dao/i.test(path) ? 'mapper-xml' : undefined;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}

/** Lines longer than this (minified code, data) are not read for conventions. */
const MAX_LINE = 1000;

/**
 * What one file says about the repository's conventions: the modules it imports (packages,
 * not relative paths) and the signals of `signals.ts`, each with its 0-based line. Pure and
 * per file, so it is cached with the rest of the file's facts. The file is searched natively
 * for each rule's hints and only the lines holding one are matched, so the cost follows the
 * candidates, not the file's size. Import statements count at the start of a line (after
 * `from`/`require(` in JavaScript), where a comment does not start.
 */
export function scanCode(path: string, text: string): CodeFacts | undefined {
  const language = codeLanguageOf(path);
  if (language === undefined || !mayHoldConventions(path, (k) => text.includes(k))) return undefined;
  const keywords = IMPORT_KEYWORDS[language];
  const lines = new LazyLines(text);

  const imports: ImportRef[] = [];
  const seen = new Set<string>();
  for (const [module, offset] of importsOf(language, lines)) {
    if (module === undefined || module === '' || seen.has(module)) continue;
    seen.add(module);
    imports.push({ module, line: lines.lineOf(offset) });
    if (imports.length >= MAX_IMPORTS) break;
  }

  const signals: CodeSignal[] = [];
  // A file that imports nothing uses no library and declares no convention worth reading
  // (configuration formats, which import nothing, have no import statements to look for).
  if (imports.length > 0 || !keywords) scanSignals(language, basename(path), lines, signals);
  if (imports.length === 0 && signals.length === 0) return undefined;
  return { ...(imports.length ? { imports } : {}), ...(signals.length ? { signals } : {}) };
}

/**
 * True when a file can hold conventions: a file of a language conventions are read in which,
 * for a language that imports, holds an import keyword. `holds` searches the file (its text or
 * its bytes), so a reader can skip decoding a file that cannot.
 */
export function mayHoldConventions(path: string, holds: (needle: string) => boolean): boolean {
  const language = codeLanguageOf(path);
  if (language === undefined) return false;
  const keywords = IMPORT_KEYWORDS[language];
  return keywords === undefined || keywords.some(holds);
}

/** The words an import statement of each language holds; a module without one is not read. */
const IMPORT_KEYWORDS: Partial<Record<CodeLanguage, readonly string[]>> = {
  python: ['import'], js: ['import', 'require('], go: ['import'], java: ['import'], php: ['use '], rust: ['use '],
};

/** Lines that are comments (commented-out settings, examples in doc comments), by their first characters. */
const COMMENT_LINE: Partial<Record<CodeLanguage, RegExp>> = {
  python: /^[ \t]*#/,
  js: /^[ \t]*(?:\/\/|\/\*|\*)/,
  go: /^[ \t]*(?:\/\/|\/\*|\*)/,
  java: /^[ \t]*(?:\/\/|\/\*|\*)/,
  php: /^[ \t]*(?:\/\/|\/\*|\*|#(?!\[))/,
  'spring-config': /^[ \t]*#/,
};

/** Per language, one pattern of every rule's hints: the file is searched once for all of them. */
const HINTS = new Map<CodeLanguage, RegExp>(
  (Object.keys(SIGNAL_RULES) as CodeLanguage[]).map((language) => {
    const hints = [...new Set(SIGNAL_RULES[language].flatMap((r) => r.hints))].sort((a, b) => b.length - a.length);
    return [language, new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')];
  }),
);

/** The signals of a file: its lines holding a hint, each tried against the rules that hint belongs to. */
function scanSignals(language: CodeLanguage, name: string, lines: LazyLines, out: CodeSignal[]): void {
  const rules = SIGNAL_RULES[language].filter((rule) => !rule.file || rule.file.test(name));
  if (rules.length === 0) return;
  const candidates = lines.matching(HINTS.get(language)!);
  if (candidates.length === 0) return;
  const kinds = new Set<string>();
  for (const rule of rules) {
    if (rule.after && !kinds.has(rule.after)) continue;
    let count = 0;
    const values = new Set<string>();
    for (const [lineStart, line] of candidates) {
      if (!rule.hints.some((hint) => line.includes(hint)) || COMMENT_LINE[language]?.test(line)) continue;
      for (const match of line.matchAll(globalOf(rule.pattern))) {
        const value = rule.value ?? match.slice(1).find((g) => g !== undefined) ?? match[0].trim();
        if (values.has(value)) continue;
        values.add(value);
        kinds.add(rule.kind);
        out.push({ kind: rule.kind, line: lines.lineOf(lineStart), value });
        if (++count >= MAX_PER_SIGNAL || out.length >= MAX_SIGNALS) break;
      }
      if (count >= MAX_PER_SIGNAL || out.length >= MAX_SIGNALS) break;
    }
    if (out.length >= MAX_SIGNALS) return;
  }
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/** The global form of a rule's pattern, to find every match on a line (`skip: int = 0, limit: int = 100`). */
function globalOf(pattern: RegExp): RegExp {
  let g = GLOBAL.get(pattern);
  if (!g) GLOBAL.set(pattern, (g = new RegExp(pattern.source, `${pattern.flags}g`)));
  return g;
}

/** A text's lines, found around native substring searches; the line index is built on first need. */
class LazyLines {
  #index: LineIndex | undefined;

  constructor(readonly text: string) {}

  lineOf(offset: number): number {
    return (this.#index ??= new LineIndex(this.text)).positionAt(offset).line;
  }

  /** `[start offset, text]` of each line (at most `MAX_LINE` long) where a global `pattern` matches, in order. */
  matching(pattern: RegExp): (readonly [number, string])[] {
    const text = this.text;
    const out: (readonly [number, string])[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = text.lastIndexOf('\n', m.index) + 1;
      let end = text.indexOf('\n', m.index);
      if (end === -1) end = text.length;
      if (end - start <= MAX_LINE) out.push([start, text.slice(start, end)]);
      pattern.lastIndex = end;
    }
    return out;
  }

  /** `[start offset, text]` of each line holding one of `needles`, in order, each line once. */
  holding(needles: readonly string[]): (readonly [number, string])[] {
    const text = this.text;
    const starts = new Set<number>();
    for (const needle of needles) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
        const start = text.lastIndexOf('\n', at) + 1;
        let end = text.indexOf('\n', at);
        if (end === -1) end = text.length;
        if (end - start <= MAX_LINE) starts.add(start);
        at = end - needle.length;
      }
    }
    return [...starts].sort((a, b) => a - b).map((start) => {
      const end = text.indexOf('\n', start);
      return [start, text.slice(start, end === -1 ? undefined : end)] as const;
    });
  }
}

/** `[module, offset]` of each import statement of a file, in the language's own form. */
function* importsOf(language: CodeLanguage, lines: LazyLines): Generator<readonly [string | undefined, number]> {
  const each = function* (needles: readonly string[], pattern: RegExp, pick: (m: RegExpExecArray) => string | undefined): Generator<readonly [string | undefined, number]> {
    for (const [start, line] of lines.holding(needles)) {
      const m = pattern.exec(line);
      if (m) yield [pick(m), start];
    }
  };
  switch (language) {
    case 'python':
      yield* each(['import '], /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]{0,200})[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]{0,200}))/, (m) => m[1] ?? m[2]);
      return;
    case 'js':
      yield* jsImports(lines.text);
      return;
    case 'go':
      yield* goImports(lines.text);
      return;
    case 'java':
      yield* each(['import '], /^[ \t]*import[ \t]+(?:static[ \t]+)?([\w.]{1,300})/, (m) => javaPackage(m[1]!));
      return;
    case 'php':
      yield* each(['use '], /^[ \t]*use[ \t]+\\?([A-Za-z_][\w\\]{0,300})/, (m) => m[1]);
      return;
    case 'rust':
      yield* each(['use '], /^[ \t]*(?:pub[ \t]+)?use[ \t]+([a-z_]\w{0,100})::/, (m) => (m[1] === 'crate' || m[1] === 'self' || m[1] === 'super' ? undefined : m[1]));
      return;
    default:
      return;
  }
}

/** The package of a JavaScript import (`@scope/name`, `name`); undefined for relative paths and Node built-ins. */
function jsPackage(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The package of a Java import: the class (and anything after it) dropped. */
function javaPackage(name: string): string {
  const parts = name.split('.');
  const firstClass = parts.findIndex((p) => /^[A-Z*]/.test(p));
  return (firstClass > 0 ? parts.slice(0, firstClass) : parts).join('.');
}

/**
 * JavaScript's `import … from 'x'` (over several lines too), `import 'x'` and `require('x')`:
 * the statement is read from its `import` keyword to its first quote-delimited specifier.
 */
function* jsImports(text: string): Generator<readonly [string | undefined, number]> {
  for (let at = text.indexOf('import'); at !== -1; at = text.indexOf('import', at + 6)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (text.slice(lineStart, at).trim() !== '') continue;
    const m = /^import\b[^'";]{0,2000}?(?:\bfrom[ \t]*)?['"]([^'"\n]{1,200})['"]/.exec(text.slice(at, at + 2300));
    if (m) yield [jsPackage(m[1]!), at];
  }
  for (let at = text.indexOf('require('); at !== -1; at = text.indexOf('require(', at + 8)) {
    const m = /^require\([ \t]*['"]([^'"\n]{1,200})['"][ \t]*\)/.exec(text.slice(at, at + 220));
    if (m && !/[\w$.]/.test(text[at - 1] ?? '')) yield [jsPackage(m[1]!), at];
  }
}

/** Go's `import "x"` and `import ( … )` blocks, at the start of a line. */
function* goImports(text: string): Generator<readonly [string, number]> {
  for (let at = text.indexOf('import'); at !== -1; at = text.indexOf('import', at + 6)) {
    if (at > 0 && text[at - 1] !== '\n') continue;
    const single = /^import[ \t]+(?:[\w.]+[ \t]+)?"([^"\n]{1,300})"/.exec(text.slice(at, at + 400));
    if (single) {
      yield [single[1]!, at];
      continue;
    }
    if (!/^import[ \t]*\(/.test(text.slice(at, at + 20))) continue;
    const open = text.indexOf('(', at) + 1;
    const close = text.indexOf(')', open);
    const block = text.slice(open, close === -1 ? Math.min(text.length, open + 20000) : close);
    for (const m of block.matchAll(/^[ \t]*(?:[\w.]+[ \t]+)?"([^"\n]{1,300})"/gm)) yield [m[1]!, open + m.index];
  }
}
