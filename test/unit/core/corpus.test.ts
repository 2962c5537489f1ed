import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FsWorkspace } from '../../../server/src/node/fsWorkspace';
import { resolveConfig } from '../../../server/src/service/config';
import { LanguageService } from '../../../server/src/service/languageService';
import type { Diagnostic } from '../../../server/src/service/types';

import { sharedPath } from '../shared';

/** Real SPECs from MoAI-ADK, read where the team keeps them (never copied into the repo). */
let CORPUS = '';

async function open(dir: string, settings: object = {}): Promise<LanguageService> {
  const { config } = resolveConfig(settings);
  const svc = new LanguageService({ workspace: new FsWorkspace(path.join(CORPUS, dir), config), config });
  await svc.load();
  return svc;
}

const by = (ds: readonly Diagnostic[], code: string): string[] =>
  ds.filter((d) => d.code === code).map((d) => `${d.path.split('/').slice(-2).join('/')}:${d.range.start.line + 1}`);

describe('real SPECs from MoAI-ADK (shared corpus)', function () {
  before(function () {
    CORPUS = sharedPath(this, 'corpus/moai');
  });

  it('legacy v0.22.5: every SPEC folder indexed with its ID, whatever its quirks', async () => {
    const svc = await open('legacy-v0.22.5');
    const ids = Object.fromEntries(svc.index.specs().map((s) => [s.path.split('/')[2], s.id]));
    assert.deepEqual(ids, {
      'SPEC-AUTH-001': 'AUTH-004', // no frontmatter; the title says @SPEC:AUTH-004
      'SPEC-BAAS-ECOSYSTEM-001': 'BAAS-ECOSYSTEM-001', // alias key spec_id
      'SPEC-CLI-001': 'CLI-001',
      'SPEC-CONFIG-001': 'CONFIG-001',
      'SPEC-DOC-INTEGRATION-001': 'DOC-INTEGRATION-001',
      'SPEC-DOC-TAG-001': 'DOC-TAG-001',
      'SPEC-DOC-TAG-004': 'DOC-TAG-004',
      'SPEC-FEATURE-001': 'FEATURE-001', // id: SPEC-FEATURE-001
      'SPEC-HOOKS-001': 'HOOKS-001',
      'SPEC-INSTALLER-SEC-001': 'INSTALLER-SEC-001',
      'SPEC-LANGUAGE-DETECTION-001': 'LANGUAGE-DETECTION-001', // frontmatter after the title
      'PAY-001': 'PAY-001', // no frontmatter, folder without SPEC-
      'SPEC-SESSION-CLEANUP-002': 'SESSION-CLEANUP-002', // frontmatter in a code block; ID from the title
      'SPEC-TRUST-001': 'TRUST-001',
      'SPEC-UPDATE-REFACTOR-003': 'UPDATE-REFACTOR-003',
    });
    const statuses = Object.fromEntries(svc.index.specs().map((s) => [s.id, s.doc.status]));
    assert.equal(statuses['FEATURE-001'], 'planned');
    assert.equal(statuses['DOC-INTEGRATION-001'], 'draft'); // written "draft", quoted
    assert.equal(statuses['CLI-001'], 'completed'); // despite `author: @Goos`
  });

  it('legacy v0.22.5: `author: @Goos` is a warning with a quote fix, never an error', async () => {
    const svc = await open('legacy-v0.22.5');
    const all = svc.allDiagnostics();
    const quoted = all.filter((d) => d.code === 'spec/frontmatter-invalid' && d.data?.kind === 'quote-yaml');
    assert.deepEqual(
      quoted.map((d) => d.path.split('/')[2]).sort(),
      ['SPEC-CLI-001', 'SPEC-CONFIG-001', 'SPEC-DOC-TAG-001', 'SPEC-HOOKS-001', 'SPEC-INSTALLER-SEC-001', 'SPEC-TRUST-001', 'SPEC-UPDATE-REFACTOR-003'],
    );
    assert.ok(quoted.every((d) => d.severity === 'warning' && d.range.start.line === 6 && d.data?.kind === 'quote-yaml' && d.data.replacement === '"@Goos"'));
    assert.deepEqual(all.filter((d) => d.code.startsWith('spec/') && d.severity === 'error'), []);
    assert.deepEqual(by(all, 'spec/id-mismatch'), ['SPEC-AUTH-001/spec.md:1']);
  });

  it('current schema (v3.1.2+): SPECs and the lint fixtures of `moai spec lint`', async () => {
    const svc = await open('head-v3.1.2+', { specGlobs: ['.moai/specs/**/spec.md', 'internal/spec/testdata/**/spec.md'] });
    const ids = svc.index.specs().map((s) => s.id);
    for (const id of ['ADVISOR-RUNG-001', 'AGENCY-ABSORB-001', 'AGENT-ARCH-V2-001', 'ASTG-UPGRADE-001', 'CONFIG-DEAD-SWEEP-001', 'CONFIG-SECTION-INTEGRITY-001', 'GH-WORKFLOW-001', 'I18N-001', 'V3R2-SPC-003', 'V3R2-TST-001', 'V3R2-TST-004']) {
      assert.ok(ids.includes(id), `${id} indexed`);
    }
    assert.ok(svc.index.specs().filter((s) => s.path.startsWith('.moai/')).every((s) => s.doc.schema === 'current'));
    const all = svc.allDiagnostics();
    const fixtures = (code: string): string[] => by(all, code).filter((p) => !p.startsWith('SPEC-'));
    assert.deepEqual(fixtures('spec/duplicate-id'), ['dup-spec-id-a/spec.md:2', 'dup-spec-id-b/spec.md:2']);
    assert.deepEqual(fixtures('spec/dependency-cycle'), ['cycle-a/spec.md:13', 'cycle-b/spec.md:13']);
    assert.deepEqual(fixtures('spec/unknown-dependency'), ['missing-dep/spec.md:13']);
    const malformed = all.filter((d) => d.code === 'spec/frontmatter-invalid' && d.severity === 'error');
    assert.deepEqual(malformed.map((d) => d.path), ['internal/spec/testdata/malformed-yaml/spec.md']);
    assert.ok(ids.includes('V3R2-TST-004'), 'a SPEC with broken YAML is still listed');
    assert.deepEqual(
      all.filter((d) => d.path.includes('invalid-snake-case-only') && d.code === 'spec/frontmatter-invalid').map((d) => d.message),
      ['Missing fields "created", "updated", "tags" of the v3 frontmatter schema (the 12 fields of MoAI v3, with phase, module and lifecycle).'],
    );
    assert.deepEqual(all.filter((d) => d.path.includes('valid-12-field') && d.code.startsWith('spec/')), []);
    assert.deepEqual(all.filter((d) => d.path.includes('testdata/valid/') && d.code.startsWith('spec/')), []);
  });
});
