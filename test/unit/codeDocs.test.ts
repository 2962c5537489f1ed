import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { FolderPaths } from '../../server/src/lsp/uris';
import { codeDocPath, codeDocUrl, REPOSITORY_URL } from '../../server/src/service/codeDocs';
import { ALL_CODES } from '../../server/src/service/config';

const ROOT = path.resolve(__dirname, '../..');

describe('a page per diagnostic code', () => {
  it('exists in docs/codes for every code, and says when it fires, how to fix and how to silence it', () => {
    for (const code of ALL_CODES) {
      const page = path.join(ROOT, codeDocPath(code));
      assert.ok(existsSync(page), `${codeDocPath(code)} is missing`);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# \`${code}\``), `${code}: the page's title names the code`);
      for (const section of ['## When it fires', '## Example', '## How to fix', '## How to silence']) assert.ok(text.includes(section), `${code}: ${section}`);
    }
  });

  it("is linked from the README's table of codes", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const code of ALL_CODES) assert.ok(readme.includes(`| [\`${code}\`](${codeDocPath(code)}) |`), `${code} has no linked row in the README`);
  });

  it('lives in the repository package.json names, and LSP diagnostics link to it', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(REPOSITORY_URL, manifest.repository.url);
    assert.equal(codeDocUrl('tag/unknown-spec'), 'https://github.com/specchain/specchain/blob/main/docs/codes/tag-unknown-spec.md');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const lsp = toLspDiagnostic({ code: 'spec/dependency-cycle', severity: 'warning', path: 'a.md', message: 'm', range }, new FolderPaths('/tmp/ws'));
    assert.deepEqual(lsp.codeDescription, { href: `${REPOSITORY_URL}/blob/main/docs/codes/spec-dependency-cycle.md` });
  });
});
