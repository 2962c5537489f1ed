import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { FsWorkspace } from '../../../server/src/node/fsWorkspace';
import { resolveConfig } from '../../../server/src/service/config';
import { LanguageService } from '../../../server/src/service/languageService';
import { sharedPath } from '../shared';

async function open(dir: string): Promise<LanguageService> {
  const { config } = resolveConfig({});
  const svc = new LanguageService({ workspace: new FsWorkspace(dir, config), config });
  await svc.load();
  return svc;
}

/** Every `@MX:SPEC` marker in code, with whether each of its SPEC IDs resolves. */
function specLines(svc: LanguageService): { path: string; line: number; linked: boolean }[] {
  const out: { path: string; line: number; linked: boolean }[] = [];
  for (const facts of svc.index.allFacts()) {
    for (const m of facts.mx ?? []) {
      if (m.kind !== 'SPEC' || m.place === 'markdown' || !m.refs.some((r) => r.kind === 'SPEC')) continue;
      const links = svc.index.mxLinks(facts.path).filter((l) => l.marker === m && l.ref.kind === 'SPEC');
      out.push({ path: facts.path, line: m.range.start.line + 1, linked: links.every((l) => l.specIds.length > 0) });
    }
  }
  return out;
}

describe('@MX projects of the shared corpus', function () {
  this.timeout(60_000);
  let root: string;
  before(function () {
    root = sharedPath(this, 'corpus');
  });

  it('elymas+universal-search: every @MX:SPEC line is linked, no mx/unknown-spec', async () => {
    const svc = await open(path.join(root, 'mx/elymas+universal-search'));
    const lines = specLines(svc);
    assert.ok(lines.length >= 270, `${lines.length} @MX:SPEC lines naming a SPEC`);
    assert.deepEqual(lines.filter((l) => !l.linked), []);
    assert.deepEqual(svc.allDiagnostics().filter((d) => d.code === 'mx/unknown-spec'), []);
  });

  it('GetKlai+klai: exactly the two references to SPEC-KB-CONNECTORS-001 are mx/unknown-spec; colon-less markers are read', async () => {
    const svc = await open(path.join(root, 'mx/GetKlai+klai'));
    const unknown = svc.allDiagnostics().filter((d) => d.code === 'mx/unknown-spec');
    assert.deepEqual(
      unknown.map((d) => `${d.path}:${d.range.start.line + 1}`),
      ['klai-connector/app/adapters/airtable.py:12', 'klai-connector/app/adapters/confluence.py:21'],
    );
    const colonless = svc.index.mxLinks('klai-portal/backend/app/services/recording_cleanup.py').filter((l) => !l.marker.colon);
    assert.deepEqual(colonless.map((l) => [l.ref.id, l.specIds]), [['GDPR-002', ['GDPR-002']]]);
  });

  it('MoAI head: every SPEC document is indexed, flat files and archives included', async () => {
    const dir = path.join(root, 'moai/head-v3.1.2+');
    const expected: string[] = [];
    const walk = (rel: string): void => {
      for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const p = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (e.name === 'spec.md' || /^SPEC-.*\.md$/.test(e.name)) expected.push(p);
      }
    };
    walk('.moai/specs');
    const svc = await open(dir);
    assert.ok(expected.length > 0);
    assert.deepEqual(svc.index.specs().map((s) => s.path).sort(), expected.sort());
  });
});
