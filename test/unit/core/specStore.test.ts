import * as assert from 'node:assert/strict';
import { specsIgnoredBy } from '../../../server/src/service/specStore';
import { load, where } from './helpers';

const CODE = {
  'svc/orders.py': '# @MX:ANCHOR: orders\n# @MX:REASON: clients\n# @MX:SPEC: SPEC-ORD-001 REQ-ORD-001\n',
  'svc/pay.go': '// @MX:NOTE: pay\n// @MX:SPEC: SPEC-PAY-002\n',
  'legacy/users.py': '# @API:USER-001 | SPEC: SPEC-USER-001/spec.md\n',
};

describe('SPECs kept outside the clone', () => {
  it('finds the .gitignore line that keeps .moai/specs out of git, and none when it is re-included', () => {
    assert.deepEqual(specsIgnoredBy('node_modules/\n\n# MoAI\n.moai/\n'), { line: 3, start: 0, pattern: '.moai/' });
    assert.deepEqual(specsIgnoredBy('.moai/specs/\n'), { line: 0, start: 0, pattern: '.moai/specs/' });
    assert.equal(specsIgnoredBy('.moai/*\n!.moai/config/\n!.moai/specs/\n!.moai/specs/**\n'), undefined);
    assert.equal(specsIgnoredBy('.moai/cache/\n.moai/reports/\n'), undefined);
    assert.equal(specsIgnoredBy('dist/\n'), undefined);
  });

  it('says once on the .gitignore line that the SPECs are elsewhere, and reports no link as broken', async () => {
    const svc = await load({ ...CODE, '.gitignore': 'dist/\n.moai/\n', '.moai/config/sections/system.yaml': 'moai:\n  template_version: 2.14.0\n' });
    const all = svc.allDiagnostics();
    assert.deepEqual(
      all.map((d) => `${d.code} ${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`),
      ['spec/no-specs .gitignore:2:1-7'],
    );
    const [d] = all;
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /specGlobs: \.moai\/specs\/\*\*\/spec\.md, \.moai\/specs\/\*\*\/SPEC-\*\.md\), yet 3 links name SPECs: \.gitignore line 2 \(`\.moai\/`\) keeps \.moai\/specs out of git/);
    assert.match(d!.message, /point `specGlobs` at it/);
  });

  it('with no .moai/ folder at all, says so on the first link', async () => {
    const svc = await load(CODE);
    assert.deepEqual(where(svc.allDiagnostics(), 'spec/no-specs'), ['legacy/users.py:1:3-1:16']);
    assert.equal(svc.allDiagnostics().length, 1);
    assert.match(svc.allDiagnostics()[0]!.message, /this folder has no \.moai\/ folder/);
  });

  it('keeps every broken link when .moai/ is in the clone, and says nothing when SPECs exist', async () => {
    const tracked = await load({ ...CODE, '.moai/config/sections/mx.yaml': 'mx:\n  exclude: []\n' });
    const all = tracked.allDiagnostics();
    assert.deepEqual(where(all, 'spec/no-specs'), []);
    assert.deepEqual([where(all, 'mx/unknown-spec').length, where(all, 'tag/unknown-spec').length, where(all, 'tag/broken-path').length], [2, 1, 1]);
    const withSpec = await load({ ...CODE, '.gitignore': '.moai/\n', '.moai/specs/SPEC-PAY-002/spec.md': '# SPEC-PAY-002: Pay\n' });
    assert.deepEqual(where(withSpec.allDiagnostics(), 'spec/no-specs'), []);
    assert.equal(where(withSpec.allDiagnostics(), 'mx/unknown-spec').length, 1);
  });
});
