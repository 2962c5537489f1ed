import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { noSpecsNote } from '../../../server/src/cli/noSpecs';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';

const BIN = path.resolve(__dirname, '../../../bin/specchain.js');
const GLOBS = DEFAULT_CONFIG.specGlobs;

describe('specchain check of a folder without SPECs', function () {
  this.timeout(60_000);
  let ws: string;
  before(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-nospecs-'));
    for (const [rel, text] of Object.entries({
      'repo/.moai/specs/SPEC-PAY-001/spec.md': '---\nid: PAY-001\n---\n# @SPEC:PAY-001: Pay\n',
      'repo/services/api/pay.py': '# @API:PAY-001\n',
      'repo/.moai/specs/README.md': 'no SPEC here\n',
      'lone/x.py': '# nothing\n',
    })) {
      mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      writeFileSync(path.join(ws, rel), text);
    }
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('says 0 SPECs were found and points at the .moai/specs above', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', 'services/api', '--no-cache', '--no-history'], { cwd: path.join(ws, 'repo'), encoding: 'utf8' });
    assert.equal(r.stderr, `specchain check: 0 SPECs found in services/api (specGlobs: ${GLOBS.join(', ')}); the nearest .moai/specs is .moai/specs: check . instead.\n`);
    assert.match(r.stdout, /0 SPECs/);
  });

  it('points at the .moai/specs below, says when the globs miss one here, and when there is none', () => {
    assert.equal(noSpecsNote(ws, GLOBS, [{ path: 'lone/x.py' }, { path: 'repo/.moai/specs/SPEC-PAY-001/spec.md' }], ws), `specchain check: 0 SPECs found in . (specGlobs: ${GLOBS.join(', ')}); the nearest .moai/specs is repo/.moai/specs: check repo instead.`);
    const repo = path.join(ws, 'repo');
    assert.equal(noSpecsNote(repo, ['specs/*.md'], [{ path: '.moai/specs/SPEC-PAY-001/spec.md' }], repo), 'specchain check: 0 SPECs found in . (specGlobs: specs/*.md), though .moai/specs exists: no file in it matches the globs.');
    const lone = path.join(ws, 'lone');
    assert.equal(noSpecsNote(lone, GLOBS, [{ path: 'x.py' }], lone), `specchain check: 0 SPECs found in . (specGlobs: ${GLOBS.join(', ')}), and no .moai/specs folder above or below it.`);
  });

  it('says nothing when SPECs were found', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '.', '--no-cache'], { cwd: path.join(ws, 'repo'), encoding: 'utf8' });
    assert.equal(r.stderr, '');
  });
});
