import * as assert from 'node:assert/strict';
import { fileRole, lexRegions } from '../../../server/src/service/lexer';

/** The regions of a text as `kind:text` strings, for exact assertions. */
function regions(path: string, text: string): string[] {
  return lexRegions(path, text).map((r) => `${r.kind}:${text.slice(r.start, r.end)}`);
}

describe('lexer: C-like family', () => {
  it('finds line and block comments and strings in TypeScript', () => {
    const text = 'const a = "@SPEC:X-001"; // @CODE:AUTH-001\n/* block\n @TEST:AUTH-001 */ f(\'x\', `t ${1}`);';
    assert.deepEqual(regions('src/a.ts', text), ['string:"@SPEC:X-001"', 'comment:// @CODE:AUTH-001', 'comment:/* block\n @TEST:AUTH-001 */', "string:'x'", 'string:`t ${1}`']);
  });

  it('tells a regular expression from division, so quotes inside it open no string', () => {
    const text = "const re = /'\\/[/]/g; const q = a / b / c; // @CODE:A-001";
    assert.deepEqual(regions('a.js', text), ["string:/'\\/[/]/", 'comment:// @CODE:A-001']);
  });

  it('keeps comment markers inside strings as strings', () => {
    assert.deepEqual(regions('a.go', 'x := "// not a comment" + `raw\n/* no */`\n// yes'), ['string:"// not a comment"', 'string:`raw\n/* no */`', 'comment:// yes']);
  });

  it('knows Rust lifetimes, char literals, raw strings and nested comments', () => {
    const text = "fn f<'a>(x: &'a str) -> char { let s = r#\"say \"hi\"\"#; /* a /* b */ c */ '\\n' }";
    assert.deepEqual(regions('lib.rs', text), ['string:r#"say "hi""#', 'comment:/* a /* b */ c */', "string:'\\n'"]);
  });

  it('reads Java text blocks, C# verbatim strings, C++ raw strings, PHP hash comments', () => {
    assert.deepEqual(regions('A.java', 's = """\n// in\n"""; // out'), ['string:"""\n// in\n"""', 'comment:// out']);
    assert.deepEqual(regions('a.cs', 's = @"C:\\dir\\"; // out'), ['string:@"C:\\dir\\"', 'comment:// out']);
    assert.deepEqual(regions('a.cpp', 's = R"x(a ")" b)x"; // out'), ['string:R"x(a ")" b)x"', 'comment:// out']);
    assert.deepEqual(regions('a.php', "#[Attr]\n# @CODE:A-001\n$x = 'it''s';"), ['comment:# @CODE:A-001', "string:'it'", "string:'s'"]);
  });

  it('CSS has block comments only', () => {
    assert.deepEqual(regions('a.css', 'a { background: url(//x.org/a.png); } /* @DOC:A-001 */'), ['comment:/* @DOC:A-001 */']);
  });
});

describe('lexer: Python', () => {
  it('tells docstrings of modules, classes and functions from other strings', () => {
    const text = [
      '#!/usr/bin/env python',
      '"""Module. @CODE:CLI-001"""',
      'import x',
      'class A(Base):',
      '    # note',
      "    '''Class doc.'''",
      '    def f(self,',
      '          y) -> None:',
      '        r"""Function doc."""',
      '        s = "@SPEC:API-001 -> @DOC:AUTH-001"',
      '        "not a docstring either"',
    ].join('\n');
    assert.deepEqual(regions('cli.py', text), [
      'comment:#!/usr/bin/env python',
      'docstring:"""Module. @CODE:CLI-001"""',
      'comment:# note',
      "docstring:'''Class doc.'''",
      'docstring:"""Function doc."""',
      'string:"@SPEC:API-001 -> @DOC:AUTH-001"',
      'string:"not a docstring either"',
    ]);
  });

  it('a string after a one-line def or an assignment is a string', () => {
    assert.deepEqual(regions('a.py', 'def f(): return 1\n"x"\ny = """z"""\n'), ['string:"x"', 'string:"""z"""']);
  });

  it('handles CRLF line endings', () => {
    assert.deepEqual(regions('a.py', 'def f():\r\n    """doc"""\r\n    # c\r\n'), ['docstring:"""doc"""', 'comment:# c']);
  });
});

describe('lexer: hash, dash and markup families', () => {
  it('shell: # starts a comment only after a blank; quotes inside words are not strings', () => {
    assert.deepEqual(regions('run.sh', 'echo ${#x} it\'s # @CODE:SH-001\nx="a # b"'), ['comment:# @CODE:SH-001', 'string:"a # b"']);
  });

  it('YAML and TOML comments', () => {
    assert.deepEqual(regions('ci.yml', 'url: http://x#y\n# @CODE:CI-001\nname: "q # r"'), ['comment:# @CODE:CI-001', 'string:"q # r"']);
    assert.deepEqual(regions('pyproject.toml', 'a = 1 # @CODE:B-001'), ['comment:# @CODE:B-001']);
  });

  it('SQL, Lua and Haskell', () => {
    assert.deepEqual(regions('m.sql', "SELECT 'it''s -- x' -- @DB:A-001\n/* b */"), ["string:'it''s -- x'", 'comment:-- @DB:A-001', 'comment:/* b */']);
    assert.deepEqual(regions('m.lua', 'x = [[long\nstring]] --[==[ block\n]==] -- line'), ['string:[[long\nstring]]', 'comment:--[==[ block\n]==]', 'comment:-- line']);
    assert.deepEqual(regions('M.hs', "f x' = x' {- a {- b -} -} -- c"), ['comment:{- a {- b -} -}', 'comment:-- c']);
  });

  it('HTML and Vue: comments, and script and style bodies lexed as JS and CSS', () => {
    const text = '<!-- @DOC:UI-001 --><template><p>@API:X-001</p></template>\n<script setup>\n// @CODE:UI-001\nconst s = "q";\n</script><style>/* c */</style>';
    assert.deepEqual(regions('App.vue', text), ['comment:<!-- @DOC:UI-001 -->', 'comment:// @CODE:UI-001', 'string:"q"', 'comment:/* c */']);
  });

  it('files of no known family give no regions', () => {
    assert.deepEqual(lexRegions('notes.unknownext', '// @CODE:A-001'), []);
  });
});

describe('lexer: markdown', () => {
  it('fenced code, inline code and HTML comments', () => {
    const text = ['Prose @SPEC:A-001 and `@CODE:B-001` and ``a ` b``.', '', '```python', '# @CODE:C-001', '```', '<!-- @TEST:D-001 -->', '~~~', 'open fence'].join('\n');
    assert.deepEqual(regions('README.md', text), ['string:`@CODE:B-001`', 'string:``a ` b``', 'string:```python\n# @CODE:C-001\n```', 'comment:<!-- @TEST:D-001 -->', 'string:~~~\nopen fence']);
  });

  it('an unclosed code span or comment is prose, and a span does not cross a blank line', () => {
    assert.deepEqual(regions('a.md', 'a ` b\n\nc ` d <!-- e'), []);
  });

  it('a longer closing fence closes, a shorter one does not', () => {
    assert.deepEqual(regions('a.md', '````\n```\n`````\nafter `x`'), ['string:````\n```\n`````', 'string:`x`']);
  });
});

describe('lexer: bad input degrades to code', () => {
  it('an unterminated block comment leaves the rest as code', () => {
    assert.deepEqual(regions('a.ts', '// one\n/* never closes @CODE:A-001'), ['comment:// one']);
  });

  it('a string that does not close on its line leaves that line as code and goes on', () => {
    assert.deepEqual(regions('a.ts', 'x = "open // not a comment\n// @CODE:A-001'), ['comment:// @CODE:A-001']);
  });

  it('an unterminated triple-quoted string leaves the rest as code', () => {
    assert.deepEqual(regions('a.py', '# c\n"""never\n# not a comment'), ['comment:# c']);
  });

  it('mixed line endings end line comments at \\r, \\n and \\r\\n', () => {
    assert.deepEqual(regions('a.rb', '# a\r# b\r\n# c\nx'), ['comment:# a', 'comment:# b', 'comment:# c']);
  });
});

describe('file roles', () => {
  const plain = { isSpecDocument: false, isSpecCompanion: false };
  it('decides a role once from path, settings and first lines', () => {
    assert.equal(fileRole('.moai/specs/SPEC-A-001/spec.md', '', { isSpecDocument: true, isSpecCompanion: false }), 'spec');
    assert.equal(fileRole('.moai/specs/SPEC-A-001/plan.md', '', { isSpecDocument: false, isSpecCompanion: true }), 'spec-companion');
    assert.equal(fileRole('.moai/reports/tag-analysis.md', '', plain), 'generated');
    assert.equal(fileRole('.moai-backups/x/src/a.py', '', plain), 'generated');
    assert.equal(fileRole('src/a.py.bak', '', plain), 'generated');
    assert.equal(fileRole('api/x.pb.go', '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage x', plain), 'generated');
    assert.equal(fileRole('a.ts', '/**\n * @generated\n */', plain), 'generated');
    assert.equal(fileRole('.moai/docs/backend-architecture-A-001.md', '# Plan', plain), 'generated');
    assert.equal(fileRole('validation-results.json', '{}', plain), 'data');
    assert.equal(fileRole('yarn.lock', '', plain), 'data');
    assert.equal(fileRole('pnpm-lock.yaml', '', plain), 'data');
    assert.equal(fileRole('logs/run.log', '', plain), 'data');
    assert.equal(fileRole('docs/guide.md', '', plain), 'docs');
    assert.equal(fileRole('.claude/agents/spec.md', '', plain), 'docs');
    assert.equal(fileRole('notes.unknownext', '', plain), 'docs');
    assert.equal(fileRole('src/a.py', '', plain), 'source');
    assert.equal(fileRole('bin/tool', '#!/bin/sh\n', plain), 'source');
    assert.equal(fileRole('Dockerfile', '', plain), 'source');
  });

  it('looks for a generated header only in the first lines', () => {
    assert.equal(fileRole('a.ts', `${'\n'.repeat(600)}// @generated`, plain), 'source');
  });
});
