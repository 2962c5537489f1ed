import type { CodeSyntax } from './code';

const C_BLOCK = [{ open: '/*', close: '*/' }] as const;
const NESTED_BLOCK = [{ open: '/*', close: '*/', nests: true }] as const;

export const JAVASCRIPT: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'`, backtick: 'template', regex: true };
export const CSS: CodeSyntax = { line: [], blocks: C_BLOCK, quotes: `"'` };
const SCSS: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'` };
const C: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'` };
const CPP: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'`, raw: 'cpp' };
const CSHARP: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'`, triple: '"', raw: 'csharp' };
const JAVA: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'`, triple: '"' };
const KOTLIN: CodeSyntax = { line: ['//'], blocks: NESTED_BLOCK, quotes: `"'`, triple: '"' };
const SWIFT: CodeSyntax = { line: ['//'], blocks: NESTED_BLOCK, quotes: '"', triple: '"' };
const DART: CodeSyntax = { line: ['//'], blocks: NESTED_BLOCK, quotes: `"'`, triple: `"'` };
const GO: CodeSyntax = { line: ['//'], blocks: C_BLOCK, quotes: `"'`, backtick: 'raw' };
const RUST: CodeSyntax = { line: ['//'], blocks: NESTED_BLOCK, quotes: `"'`, charQuote: true, raw: 'rust' };
const PHP: CodeSyntax = { line: ['//', '#'], blocks: C_BLOCK, quotes: `"'`, multiline: true, hashAttributes: true };
const RUBY: CodeSyntax = { line: ['#'], blocks: [{ open: '\n=begin', close: '\n=end' }], quotes: `"'`, multiline: true, quoteAfterBoundary: true };
const SHELL: CodeSyntax = { line: ['#'], lineAfterBlank: true, blocks: [], quotes: `"'`, multiline: true, quoteAfterBoundary: true };
const YAML: CodeSyntax = { line: ['#'], lineAfterBlank: true, blocks: [], quotes: `"'`, quoteAfterBoundary: true };
const SQL: CodeSyntax = { line: ['--'], blocks: C_BLOCK, quotes: `'"`, multiline: true, sqlQuotes: true };
const LUA: CodeSyntax = { line: ['--'], blocks: [], quotes: `"'`, luaLong: true };
const HASKELL: CodeSyntax = { line: ['--'], blocks: [{ open: '{-', close: '-}', nests: true }], quotes: `"'`, charQuote: true };

/** Language families by file extension (lower case, without the dot). */
const BY_EXTENSION: Readonly<Record<string, CodeSyntax | 'python' | 'markup' | 'markdown'>> = {
  ...Object.fromEntries(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'].map((e) => [e, JAVASCRIPT])),
  css: CSS,
  scss: SCSS,
  less: SCSS,
  ...Object.fromEntries(['c', 'h', 'm', 'mm'].map((e) => [e, C])),
  ...Object.fromEntries(['cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx'].map((e) => [e, CPP])),
  cs: CSHARP,
  java: JAVA,
  groovy: JAVA,
  gradle: JAVA,
  kt: KOTLIN,
  kts: KOTLIN,
  scala: KOTLIN,
  sc: KOTLIN,
  sbt: KOTLIN,
  swift: SWIFT,
  dart: DART,
  go: GO,
  rs: RUST,
  php: PHP,
  rb: RUBY,
  rake: RUBY,
  gemspec: RUBY,
  ...Object.fromEntries(['sh', 'bash', 'zsh', 'fish', 'ps1', 'r', 'pl', 'pm', 'ex', 'exs', 'cmake', 'mk', 'tf', 'hcl', 'nix', 'cfg', 'conf', 'ini', 'env', 'properties'].map((e) => [e, SHELL])),
  ...Object.fromEntries(['yml', 'yaml', 'toml'].map((e) => [e, YAML])),
  ...Object.fromEntries(['sql', 'psql', 'pgsql'].map((e) => [e, SQL])),
  lua: LUA,
  hs: HASKELL,
  elm: HASKELL,
  ...Object.fromEntries(['py', 'pyi', 'pyw'].map((e) => [e, 'python' as const])),
  ...Object.fromEntries(['html', 'htm', 'xml', 'xhtml', 'svg', 'vue', 'svelte', 'astro', 'jsp', 'xsd', 'xsl', 'plist', 'csproj', 'fsproj'].map((e) => [e, 'markup' as const])),
  ...Object.fromEntries(['md', 'markdown', 'mdx', 'mdc'].map((e) => [e, 'markdown' as const])),
};

/** File names without a telling extension. */
const BY_NAME: Readonly<Record<string, CodeSyntax>> = {
  dockerfile: SHELL,
  containerfile: SHELL,
  makefile: SHELL,
  gnumakefile: SHELL,
  rakefile: RUBY,
  gemfile: RUBY,
  vagrantfile: RUBY,
  procfile: SHELL,
  justfile: SHELL,
  '.gitignore': SHELL,
  '.gitattributes': SHELL,
  '.dockerignore': SHELL,
  '.editorconfig': SHELL,
  '.env': SHELL,
};

export type Family = CodeSyntax | 'python' | 'markup' | 'markdown';

/** The lexer family of a file: by name, extension, or a `#!` first line; undefined for prose and unknown files. */
export function familyOf(path: string, text: string): Family | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const byName = BY_NAME[name] ?? (name.startsWith('dockerfile') || name.startsWith('.env.') ? SHELL : undefined);
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  const family = dot > 0 ? BY_EXTENSION[name.slice(dot + 1)] : undefined;
  if (family) return family;
  if (text.startsWith('#!')) return /^#![^\r\n]*\bpython/.test(text) ? 'python' : /^#![^\r\n]*\b(?:node|deno|bun)\b/.test(text) ? JAVASCRIPT : SHELL;
  return undefined;
}
