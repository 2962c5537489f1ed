import * as assert from 'node:assert/strict';
import { getCodeActions } from '../../../server/src/service/features/codeActions';
import type { LanguageService } from '../../../server/src/service/languageService';
import { apply, load } from '../core/helpers';

const SPEC = '---\nid: PAY-001\nversion: 0.1.0\nstatus: draft\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: dev\npriority: high\n---\n\n# Payments\n\n- REQ-PAY-001: The system SHALL pay.\n';

/** The quick fixes of one file's diagnostics of `code`, with the text each one leaves. */
async function fixes(svc: LanguageService, path: string, text: string, code: string): Promise<{ title: string; text: string | undefined; created?: string; createdText?: string }[]> {
  const diagnostics = svc.diagnostics(path).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${path}`);
  const actions = await getCodeActions({ index: svc.index, path, text, diagnostics, today: new Date('2026-01-02T00:00:00Z'), readText: async () => undefined });
  return actions.map((a) => {
    const op = a.edit.operations[0];
    return { title: a.title, text: a.edit.edits.has(path) ? apply(text, a.edit.edits.get(path)) : undefined, ...(op?.kind === 'create' ? { created: op.path, createdText: op.text } : {}) };
  });
}

describe('@MX quick fixes', () => {
  it('replaces an unknown SPEC or REQ ID with the suggestion', async () => {
    const text = '// @MX:NOTE: n\n// @MX:SPEC: SPEC-PAY-01 REQ-PAY-01\n';
    const svc = await load({ '.moai/specs/SPEC-PAY-001/spec.md': SPEC, 'src/a.ts': text });
    const spec = await fixes(svc, 'src/a.ts', text, 'mx/unknown-spec');
    assert.deepEqual(spec.map((f) => f.title), [
      'Replace SPEC-PAY-01 with SPEC-PAY-001',
      'Mark the broken link to SPEC-PAY-01 as MoAI does (@MX:LEGACY + @MX:TODO)',
      'Create SPEC-PAY-01 (.moai/specs/SPEC-PAY-01/spec.md)',
      'Disable mx/unknown-spec for this line',
    ]);
    assert.equal(spec[0]!.text, '// @MX:NOTE: n\n// @MX:SPEC: SPEC-PAY-001 REQ-PAY-01\n');
    const fixed = spec[0]!.text!;
    svc.update('src/a.ts', fixed);
    const req = await fixes(svc, 'src/a.ts', fixed, 'mx/unknown-req');
    assert.equal(req[0]!.text, '// @MX:NOTE: n\n// @MX:SPEC: SPEC-PAY-001 REQ-PAY-001\n');
  });

  it("a broken link gets MoAI's LEGACY + TODO lines in the file's comment syntax, or a SPEC in the workspace's shape", async () => {
    const text = 'def f():\n    # @MX:NOTE: n\n    # @MX:SPEC: SPEC-KB-CONNECTORS-001\n    pass\n';
    const svc = await load({ '.moai/specs/SPEC-PAY-001/spec.md': SPEC, 'app/a.py': text });
    const found = await fixes(svc, 'app/a.py', text, 'mx/unknown-spec');
    assert.deepEqual(found.map((f) => f.title), [
      'Mark the broken link to SPEC-KB-CONNECTORS-001 as MoAI does (@MX:LEGACY + @MX:TODO)',
      'Create SPEC-KB-CONNECTORS-001 (.moai/specs/SPEC-KB-CONNECTORS-001/spec.md)',
      'Disable mx/unknown-spec for this line',
    ]);
    assert.equal(found[0]!.text, 'def f():\n    # @MX:NOTE: n\n    # @MX:SPEC: SPEC-KB-CONNECTORS-001\n    # @MX:LEGACY: true\n    # @MX:TODO: Broken SPEC link, verify context\n    pass\n');
    const flat = await load({ '.moai/specs/SPEC-PAY-001.md': SPEC, '.moai/specs/SPEC-PAY-002.md': SPEC.replace('PAY-001', 'PAY-002'), 'app/a.py': text });
    const create = (await fixes(flat, 'app/a.py', text, 'mx/unknown-spec'))[1]!;
    assert.deepEqual([create.title, create.created], ['Create SPEC-KB-CONNECTORS-001 (.moai/specs/SPEC-KB-CONNECTORS-001.md)', '.moai/specs/SPEC-KB-CONNECTORS-001.md']);
  });

  it('a new SPEC looks like its neighbours: their ID form, their title line, their frontmatter fields', async () => {
    const text = '# @MX:NOTE: n\n# @MX:SPEC: SPEC-KB-CONNECTORS-001\n';
    // MoAI's @MX era: `# SPEC-X: title`, v3 fields, `id: SPEC-X`.
    const v3 = (id: string): string => `---\nid: SPEC-${id}\ntitle: T\nversion: 0.1.0\nstatus: draft\ncreated: 2026-01-01\nupdated: 2026-01-01\nauthor: dev\npriority: high\nphase: plan\nmodule: src\nlifecycle: spec-anchored\ntags: t\n---\n\n# SPEC-${id}: Payments\n`;
    const mx = await load({ '.moai/specs/SPEC-PAY-001/spec.md': v3('PAY-001'), '.moai/specs/SPEC-PAY-002/spec.md': v3('PAY-002'), 'app/a.py': text });
    const made = (await fixes(mx, 'app/a.py', text, 'mx/unknown-spec')).find((f) => f.created)!.createdText!;
    assert.match(made, /^id: SPEC-KB-CONNECTORS-001$/m);
    assert.match(made, /^# SPEC-KB-CONNECTORS-001: KB-CONNECTORS-001$/m);
    assert.match(made, /^phase: plan$/m);
    // The tag dialect of MoAI v0.x: `id: X` without SPEC-, v2 fields, `# @SPEC:X: title`.
    const v2 = (id: string): string => `---\nid: ${id}\nversion: 0.1.0\nstatus: draft\ncreated: 2025-01-01\nupdated: 2025-01-01\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: Docs\n`;
    const tagText = '// @API:DOC-TAG-002\n';
    const legacy = await load({ '.moai/specs/SPEC-DOC-TAG-001/spec.md': v2('DOC-TAG-001'), '.moai/specs/SPEC-DOC-INTEGRATION-001/spec.md': v2('DOC-INTEGRATION-001'), 'src/a.ts': tagText });
    const created = (await fixes(legacy, 'src/a.ts', tagText, 'tag/unknown-spec')).find((f) => f.created)!;
    assert.equal(created.created, '.moai/specs/SPEC-DOC-TAG-002/spec.md');
    assert.match(created.createdText!, /^id: DOC-TAG-002$/m);
    assert.match(created.createdText!, /^# @SPEC:DOC-TAG-002: DOC-TAG-002$/m);
    assert.doesNotMatch(created.createdText!, /^(?:phase|lifecycle|title):/m);
  });

  it('inserts an @MX:REASON line under a WARN or ANCHOR, inside a JSDoc block too', async () => {
    const text = '/**\n * @MX:ANCHOR: entry\n */\nexport function f() {}\n';
    const svc = await load({ 'src/a.ts': text });
    const [reason] = await fixes(svc, 'src/a.ts', text, 'mx/missing-reason');
    assert.equal(reason!.text, '/**\n * @MX:ANCHOR: entry\n * @MX:REASON: \n */\nexport function f() {}\n');
    // The line it adds holds no reason yet: the warning stays, saying so, with no second fix.
    svc.update('src/a.ts', reason!.text!);
    const empty = svc.diagnostics('src/a.ts').filter((d) => d.code === 'mx/missing-reason');
    assert.deepEqual(empty.map((d) => [d.message, d.data]), [["@MX:ANCHOR's @MX:REASON line is empty: write the reason after its colon.", undefined]]);
    svc.update('src/a.ts', reason!.text!.replace('@MX:REASON: ', '@MX:REASON: called from every route'));
    assert.deepEqual(svc.diagnostics('src/a.ts').filter((d) => d.code === 'mx/missing-reason'), []);
  });
});
