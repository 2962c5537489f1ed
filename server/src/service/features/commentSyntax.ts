import { basename } from '../text';

/** How a line comment is written in a file: the text before and after the comment's content. */
export interface CommentSyntax {
  readonly open: string;
  readonly close: string;
}

const HASH = new Set(['py', 'pyi', 'sh', 'bash', 'zsh', 'rb', 'pl', 'r', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'ps1', 'nim', 'ex', 'exs', 'tf', 'coffee', 'jl', 'cmake', 'mk', 'gitignore', 'properties', 'txt']);
const DASHES = new Set(['sql', 'lua', 'hs', 'elm', 'ada', 'vhd', 'vhdl']);
const MARKUP = new Set(['md', 'markdown', 'mdx', 'html', 'htm', 'xml', 'vue', 'svelte', 'xhtml', 'svg']);
const BLOCK = new Set(['css', 'scss', 'less']);
const HASH_NAMES = new Set(['Dockerfile', 'Makefile', 'Containerfile', 'Gemfile', 'Rakefile', 'Procfile', 'Pipfile', '.env']);

/** The line-comment syntax of a file, from its name (`//` when unknown). */
export function commentSyntaxOf(path: string): CommentSyntax {
  const name = basename(path);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (HASH_NAMES.has(name) || HASH.has(ext) || /^requirements.*\.txt$/.test(name)) return { open: '# ', close: '' };
  if (DASHES.has(ext)) return { open: '-- ', close: '' };
  if (MARKUP.has(ext)) return { open: '<!-- ', close: ' -->' };
  if (BLOCK.has(ext)) return { open: '/* ', close: ' */' };
  if (ext === 'bat' || ext === 'cmd') return { open: 'REM ', close: '' };
  if (ext === 'vim') return { open: '" ', close: '' };
  if (['clj', 'cljs', 'el', 'lisp', 'scm', 'ini'].includes(ext)) return { open: '; ', close: '' };
  if (ext === 'tex' || ext === 'erl') return { open: '% ', close: '' };
  return { open: '// ', close: '' };
}
