import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSarif, relativeUri, type CheckResult } from '../../../server/src/cli/format';
import { codeDocUrl } from '../../../server/src/service/codeDocs';
import type { Diagnostic } from '../../../server/src/service/types';

/** Paths a real repository can hold, each with the URI reference it must become. */
const PATHS: [string, string][] = [
  ['src/my dir/a b.py', 'src/my%20dir/a%20b.py'],
  ['src/a b#c.py', 'src/a%20b%23c.py'],
  ['docs/why?.md', 'docs/why%3F.md'],
  ['data/100%.ts', 'data/100%25.ts'],
  ['src/usuário/ação.go', 'src/usu%C3%A1rio/a%C3%A7%C3%A3o.go'],
  ['c:weird/x.py', 'c%3Aweird/x.py'],
  ['plain/path-1_2.ts', 'plain/path-1_2.ts'],
];

function sarifOf(root: string, paths: readonly string[]): { runs: { originalUriBaseIds: { SRCROOT: { uri: string } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] } {
  const diagnostics: Diagnostic[] = paths.map((p) => ({ code: 'tag/unknown-spec', severity: 'error', path: p, message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }));
  const result: CheckResult = { root, millis: 1, specs: [], tags: 0, files: paths.length, skipped: 0, diagnostics, warnings: [] };
  return JSON.parse(formatSarif(result, '0.0.0'));
}

describe('SARIF', () => {
  it('percent-encodes spaces, #, ?, %, : and non-ASCII in each segment, keeping the slashes', () => {
    for (const [p, uri] of PATHS) assert.equal(relativeUri(p), uri, p);
  });

  it('resolves every artifact against SRCROOT back to the file, even under a root with a space and #', () => {
    const root = '/tmp/my repo #2/ü';
    const run = sarifOf(root, PATHS.map(([p]) => p)).runs[0]!;
    const base = run.originalUriBaseIds.SRCROOT.uri;
    assert.equal(base, 'file:///tmp/my%20repo%20%232/%C3%BC/');
    const files = run.results.map((r) => fileURLToPath(new URL(r.locations[0]!.physicalLocation.artifactLocation.uri, base)));
    assert.deepEqual(files, PATHS.map(([p]) => path.join(root, p)));
  });

  it('links each rule to the page of its code', () => {
    const rules = sarifOf('/tmp/x', []).runs[0]!.tool.driver.rules;
    assert.ok(rules.length > 0);
    for (const rule of rules) assert.equal(rule.helpUri, codeDocUrl(rule.id));
  });
});
