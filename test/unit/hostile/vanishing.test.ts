import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { openFolder } from '../../../server/src/node/folder';
import { loadFolder } from '../../../server/src/node/open';
import { LanguageService } from '../../../server/src/service/languageService';
import { legacySpec, tempWorkspace } from '../../fixtures/cli';

/** A workspace listed, then two of its files deleted before they are read (as a branch switch does mid-scan). */
function listedThenDeleted(): { t: ReturnType<typeof tempWorkspace>; folder: ReturnType<typeof openFolder> } {
  const t = tempWorkspace('vanish', {
    '.moai/specs/SPEC-KEEP-001/spec.md': legacySpec('KEEP-001'),
    '.moai/specs/SPEC-GONE-001/spec.md': legacySpec('GONE-001'),
    'src/keep.ts': '// @CODE:KEEP-001\n// @CODE:GONE-001\n',
    'src/gone.ts': '// @CODE:KEEP-001\n',
  });
  return { t, folder: openFolder(t.ws, { cache: false }) };
}

function deleteTwo(ws: string): void {
  rmSync(path.join(ws, '.moai/specs/SPEC-GONE-001'), { recursive: true });
  rmSync(path.join(ws, 'src/gone.ts'));
}

describe('hostile: files deleted between the listing and their read', function () {
  this.timeout(120_000);

  for (const how of ['on this thread', 'through the analysers and caches'] as const) {
    it(`are gone, not unreadable: no finding on a deleted SPEC, no skipped file (${how})`, async () => {
      const { t, folder } = listedThenDeleted();
      try {
        const listing = await folder.workspace.list();
        assert.equal(listing.length, 4);
        deleteTwo(t.ws);
        let service: LanguageService;
        let skipped: readonly unknown[];
        if (how === 'on this thread') {
          service = new LanguageService({ workspace: folder.workspace, config: folder.config });
          skipped = (await service.load(listing)).skipped;
        } else {
          const loaded = await loadFolder(folder, { cache: true, listing });
          service = loaded.service;
          skipped = loaded.load.skipped;
        }
        assert.deepEqual(skipped, []);
        const diagnostics = service.allDiagnostics();
        assert.deepEqual(diagnostics.filter((d) => d.path.includes('GONE') || d.path === 'src/gone.ts'), [], JSON.stringify(diagnostics));
        // The deleted SPEC is absent: the marker naming it is a broken link, as after any deletion.
        assert.ok(diagnostics.some((d) => d.path === 'src/keep.ts' && d.message.includes('GONE-001')), JSON.stringify(diagnostics));
        assert.ok(service.index.skipped.size === 0);
      } finally {
        t.remove();
      }
    });
  }

  it('a watched reload of a file deleted meanwhile forgets it', async () => {
    const { t, folder } = listedThenDeleted();
    try {
      const service = new LanguageService({ workspace: folder.workspace, config: folder.config });
      await service.load();
      deleteTwo(t.ws);
      await service.reload('.moai/specs/SPEC-GONE-001/spec.md');
      await service.reload('src/gone.ts');
      assert.equal(service.index.facts('src/gone.ts'), undefined);
      assert.equal(service.index.skipped.size, 0);
      assert.deepEqual(service.allDiagnostics().filter((d) => d.path.includes('GONE')), []);
    } finally {
      t.remove();
    }
  });
});
