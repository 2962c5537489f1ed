import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FsWorkspace } from '../../../server/src/node/fsWorkspace';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import { BIN, ensureBuilt } from '../../fixtures/cli';


function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

const SPEC = (id: string, status = 'active'): string =>
  `---\nid: ${id}\nversion: 0.1.0\nstatus: ${status}\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: ${id} title\n`;

describe('specchain CLI', function () {
  this.timeout(60_000);
  let ws: string;
  let cacheDir: string;
  const run = (...args: string[]): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, NO_COLOR: '1' } });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  before(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-cli-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-cache-'));
    write(ws, {
      '.moai/specs/SPEC-USER-001/spec.md': SPEC('USER-001'),
      '.moai/specs/SPEC-AUTH-001/spec.md': SPEC('AUTH-001', 'draft'),
      'backend/app/users.py': '# users\n\n  # @API:USER-001\n# @TEST:USER-001\n# @API:USR-001 typo\n',
      'backend/app/ütf.py': '# é @DB:AUTH-01\n',
      'node_modules/lib/x.js': '// @API:GHOST-001\n',
      'generated/out.ts': '// @API:GHOST-002\n',
      '.gitignore': 'generated/\n',
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x40, 0x41]),
      'data/blob.bin': Buffer.from('@API:GHOST-003\0\0'),
      'data/huge.txt': '// @API:GHOST-004\n' + 'x'.repeat(2 * 1024 * 1024),
    });
    symlinkSync('..', path.join(ws, 'backend', 'loop'));
  });
  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('--format json follows the contract: relative files, 1-based positions, all SPECs', () => {
    const r = run('check', ws, '--format', 'json');
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.root, ws);
    assert.deepEqual(json.specs, [
      { id: 'AUTH-001', file: '.moai/specs/SPEC-AUTH-001/spec.md', title: 'AUTH-001 title', status: 'draft' },
      { id: 'USER-001', file: '.moai/specs/SPEC-USER-001/spec.md', title: 'USER-001 title', status: 'active' },
    ]);
    const unknown = json.diagnostics.filter((d: { code: string }) => d.code === 'tag/unknown-spec');
    assert.deepEqual(unknown, [
      {
        code: 'tag/unknown-spec',
        severity: 'error',
        file: 'backend/app/users.py',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 15,
        message: '@API:USR-001 belongs to no SPEC: no SPEC has the ID USR-001. Did you mean USER-001?',
        fingerprint: unknown[0]?.fingerprint,
      },
    ]);
    assert.match(unknown[0].fingerprint, /^[0-9a-f]{16}$/);
    const malformed = json.diagnostics.find((d: { code: string }) => d.code === 'tag/malformed');
    assert.deepEqual([malformed.file, malformed.line, malformed.column, malformed.endColumn], ['backend/app/ütf.py', 1, 5, 16]);
    assert.ok(!r.out.includes('GHOST'), 'node_modules, .gitignored, binary and huge files are not read');
    assert.equal(json.tags, 5, 'three markers in code and the two SPEC titles');
  });

  it('the text summary counts each severity as the listing above it shows them: hints apart from info', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specchain-cli-hints-'));
    try {
      // A mention of an unknown ID in prose is a hint; a SPEC with no code yet an info; a marker of no SPEC an error.
      write(dir, { '.moai/specs/SPEC-NOTE-001/spec.md': SPEC('NOTE-001'), 'docs/notes.md': 'See @API:NOPE-001 for details.\n', 'src/a.py': '# @API:GONE-001\n' });
      const text = run('check', dir, '--no-cache');
      const listed = (severity: string): number => text.out.split('\n').filter((l) => new RegExp(`^  \\d+:\\d+ +${severity} `).test(l)).length;
      assert.ok(listed('hint') > 0 && listed('info') > 0, text.out);
      const summary = /^(\d+) errors?, (\d+) warnings?, (\d+) info(?:, (\d+) hints?)? in/m.exec(text.out);
      assert.ok(summary, text.out);
      assert.deepEqual(summary.slice(1).map((n) => Number(n ?? 0)), [listed('error'), listed('warning'), listed('info'), listed('hint')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text output is grouped by file with a summary line; SARIF 2.1.0 for code scanning', () => {
    // --no-cache: whether the last run's results are reused depends on the fixture's age (two seconds).
    const text = run('check', ws, '--no-cache');
    assert.equal(text.code, 1);
    assert.match(text.out, /^backend\/app\/users\.py\n {2}5:3 {5}error {3}@API:USR-001 belongs to no SPEC.*tag\/unknown-spec$/m);
    assert.match(text.out, /^1 error, 1 warning, \d+ info(?:, \d+ hints?)? in \d+ files · \d+ broken links? · 2 SPECs, 5 tags, \d+ files read \(3 skipped\) in \d+ ms$/m);
    const sarif = JSON.parse(run('check', ws, '--format', 'sarif').out);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'tag/unknown-spec');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'backend/app/users.py', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 15 },
    });
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'chain/missing-test'));
  });

  it('exit codes follow --fail-on', () => {
    assert.equal(run('check', ws, '--fail-on', 'never').code, 0);
    assert.equal(run('check', ws, '--fail-on', 'warning').code, 1);
    const clean = mkdtempSync(path.join(tmpdir(), 'specchain-clean-'));
    write(clean, { '.moai/specs/SPEC-A-001/spec.md': SPEC('A-001', 'draft'), 'src/a.ts': '// @API:A-001\n// @TEST:A-001\n', '.specchain.json': '{"rules":{"stack/not-detected":"off","chain/declared-missing":"off"}}' });
    assert.equal(run('check', clean).code, 0);
    assert.equal(run('check', clean, '--fail-on', 'warning').code, 0);
    rmSync(clean, { recursive: true, force: true });
  });

  it('bad input gets exit 2 and one line, never a stack trace', () => {
    for (const [args, message] of [
      [['check', path.join(ws, 'nope')], /nope: no such directory/],
      [['check', path.join(ws, '.gitignore')], /\.gitignore: not a directory/],
      [['check', ws, '--format', 'xml'], /--format must be text, json, sarif or markdown/],
      [['check', ws, '--bogus'], /unknown option --bogus/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ] as const) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.doesNotMatch(r.err, /\n\s+at /);
    }
    const manifests = mkdtempSync(path.join(tmpdir(), 'specchain-manifests-'));
    write(manifests, { 'svc/package.json': '{ "dependencies": { "express": ', 'py/pyproject.toml': '[project\nname = "x"\n' });
    const broken = run('check', manifests);
    assert.equal(broken.code, 0, 'broken manifests are reported, not fatal');
    assert.match(broken.err, /warning: svc\/package\.json: invalid JSON/);
    assert.match(broken.err, /warning: py\/pyproject\.toml: invalid TOML/);
    rmSync(manifests, { recursive: true, force: true });
    write(ws, { 'broken/.specchain.json': '{ nope' });
    const r = run('check', path.join(ws, 'broken'));
    assert.equal(r.code, 2);
    assert.match(r.err, /\.specchain\.json: not valid JSON/);
  });

  it('the cache never serves a changed file', () => {
    const file = path.join(ws, 'backend/app/users.py');
    assert.equal(JSON.parse(run('check', ws, '--format', 'json').out).diagnostics.filter((d: { code: string }) => d.code === 'tag/unknown-spec').length, 1);
    writeFileSync(file, '# @API:USER-001\n# @TEST:USER-001\n# @API:NOPE-001\n# @API:NOPE-002\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const second = JSON.parse(run('check', ws, '--format', 'json').out);
    assert.equal(second.diagnostics.filter((d: { code: string }) => d.code === 'tag/unknown-spec').length, 2);
    assert.deepEqual(JSON.parse(run('check', ws, '--format', 'json', '--no-cache').out), second);
  });
});

describe('specchain check reuses the results of an unchanged tree', function () {
  this.timeout(120_000);
  let ws: string;
  let cacheDir: string;
  let clock = Date.now() - 600_000;
  const run = (...args: string[]): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, 'check', ws, '--timings', ...args], { encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, NO_COLOR: '1' } });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  const reused = (r: { err: string }): boolean => /results reused/.test(r.err);
  /** Gives files a modification time of their own, well in the past (a change, but not a racy one). */
  const settle = (...rels: string[]): void => {
    clock += 1000;
    for (const rel of rels) utimesSync(path.join(ws, rel), new Date(clock), new Date(clock));
  };
  const FILES: Record<string, string> = {
    '.moai/specs/SPEC-USER-001/spec.md': SPEC('USER-001'),
    '.moai/specs/SPEC-AUTH-001/spec.md': SPEC('AUTH-001'),
    'app/users.py': '# @API:USER-001\n# @API:USR-001\n',
    'app/auth.py': '# @API:AUTH-001\n',
    'tests/test_users.py': '# @TEST:USER-001\n',
    'broken/pyproject.toml': '[project\n',
    '.gitignore': 'build/\n',
  };

  before(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-runs-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-runs-cache-'));
    write(ws, FILES);
    settle(...Object.keys(FILES));
  });
  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('prints exactly what a full check prints, in every format, warnings included', () => {
    const first = run('--format', 'json');
    assert.equal(reused(first), false, first.err);
    for (const format of ['json', 'sarif', 'text']) {
      const again = run('--format', format);
      assert.ok(reused(again), again.err);
      const full = run('--format', format, '--no-cache');
      const withoutTime = (text: string): string => text.replace(/ in \d+ ms$/m, '');
      if (format === 'text') {
        // The summary says where the numbers come from: the last check's files, or those just read.
        assert.match(again.out, /files unchanged since the last check in \d+ ms$/m);
        assert.match(full.out, /files read in \d+ ms$/m);
        assert.equal(withoutTime(again.out).replace('unchanged since the last check', 'read'), withoutTime(full.out));
      } else assert.equal(withoutTime(again.out), withoutTime(full.out), format);
      assert.equal(again.code, full.code);
      assert.match(again.err, /warning: broken\/pyproject\.toml: invalid TOML/);
    }
  });

  it('sees every kind of change: an edit of the same size, a SPEC, added, deleted and renamed files, .gitignore, settings', () => {
    const changes: [string, () => void][] = [
      ['same-size edit', () => {
        writeFileSync(path.join(ws, 'app/auth.py'), '# @API:AUTH-002\n');
        settle('app/auth.py');
      }],
      ['same-size rewrite with its modification time put back', () => {
        const file = path.join(ws, 'app/auth.py');
        const { mtime } = statSync(file);
        writeFileSync(file, '# @API:AUTH-003\n');
        utimesSync(file, mtime, mtime);
      }],
      ['SPEC status', () => {
        writeFileSync(path.join(ws, '.moai/specs/SPEC-AUTH-001/spec.md'), SPEC('AUTH-001', 'draft'));
        settle('.moai/specs/SPEC-AUTH-001/spec.md');
      }],
      ['added file', () => {
        write(ws, { 'app/extra.py': '# @DB:GHOST-001\n' });
        settle('app/extra.py');
      }],
      ['deleted file', () => rmSync(path.join(ws, 'tests/test_users.py'))],
      ['renamed file', () => {
        mkdirSync(path.join(ws, 'lib'));
        renameSync(path.join(ws, 'app/extra.py'), path.join(ws, 'lib/extra.py'));
      }],
      ['.gitignore', () => {
        writeFileSync(path.join(ws, '.gitignore'), 'build/\nlib/\n');
        settle('.gitignore');
      }],
      ['settings', () => {
        write(ws, { '.specchain.json': JSON.stringify({ rules: { 'tag/unknown-spec': 'warning' } }) });
        settle('.specchain.json');
      }],
    ];
    run('--format', 'json');
    for (const [name, change] of changes) {
      const before = run('--format', 'json');
      assert.ok(reused(before), `${name}: the unchanged tree is reused first`);
      change();
      const after = run('--format', 'json');
      assert.equal(reused(after), false, `${name}: a change is never served from the cache`);
      assert.deepEqual(JSON.parse(after.out), JSON.parse(run('--format', 'json', '--no-cache').out), name);
      assert.notDeepEqual(JSON.parse(after.out), JSON.parse(before.out), `${name}: the change shows in the output`);
      assert.ok(reused(run('--format', 'json')), `${name}: the new results are kept`);
    }
  });

  it('reads everything again when the saved results are corrupt or unreadable', () => {
    run('--format', 'json');
    assert.ok(reused(run('--format', 'json')));
    const saved = readdirSync(cacheDir).filter((f) => f.endsWith('.check.json'));
    assert.ok(saved.length > 0);
    for (const file of saved) writeFileSync(path.join(cacheDir, file), '{"root": "trunc');
    const after = run('--format', 'json');
    assert.equal(reused(after), false, after.err);
    assert.deepEqual(JSON.parse(after.out), JSON.parse(run('--format', 'json', '--no-cache').out));
    assert.ok(reused(run('--format', 'json')), 'and saves them again');
  });

  it('does not keep the results of a tree with a file changed in the last seconds', () => {
    writeFileSync(path.join(ws, 'app/users.py'), '# @API:USER-001\n# @API:USR-009\n');
    // Stamped a minute ahead, the file stays "fresh" however slowly the two runs go on a busy machine.
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(path.join(ws, 'app/users.py'), ahead, ahead);
    assert.equal(reused(run('--format', 'json')), false);
    assert.equal(reused(run('--format', 'json')), false, 'a file this fresh may change again within its timestamp');
    settle('app/users.py');
    run('--format', 'json');
    assert.ok(reused(run('--format', 'json')));
  });
});

describe('a cache folder inside the workspace', function () {
  this.timeout(60_000);
  it('is never read as part of it', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'specchain-inner-cache-'));
    write(ws, { '.moai/specs/SPEC-USER-001/spec.md': SPEC('USER-001'), 'app/users.py': '# @API:USER-001\n# @API:USR-001\n', 'tests/t.py': '# @TEST:USER-001\n' });
    const past = new Date(Date.now() - 60_000);
    for (const rel of ['.moai/specs/SPEC-USER-001/spec.md', 'app/users.py', 'tests/t.py']) utimesSync(path.join(ws, rel), past, past);
    const env = { ...process.env, SPECCHAIN_CACHE_DIR: path.join(ws, '.cache', 'specchain'), NO_COLOR: '1' };
    const check = (...extra: string[]) => spawnSync(process.execPath, [BIN, 'check', ws, '--format', 'json', '--timings', ...extra], { encoding: 'utf8', env });
    try {
      const first = check();
      assert.ok(existsSync(path.join(ws, '.cache', 'specchain')), 'the cache is where it was asked to be');
      const second = check();
      assert.match(second.stderr, /results reused/, 'the cache files are not part of the tree');
      const files = (out: string): string[] => JSON.parse(out).diagnostics.map((d: { file: string }) => d.file);
      assert.ok(files(second.stdout).includes('app/users.py'));
      assert.deepEqual(files(second.stdout).filter((f) => f.startsWith('.cache/')), []);
      assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
      assert.deepEqual(JSON.parse(check('--no-cache').stdout), JSON.parse(first.stdout));
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('listing honours .gitignore', function () {
  this.timeout(30_000);
  it('prunes folders, ignores files by pattern, re-includes with !, and says the same of files that appear later', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specchain-ignore-'));
    write(dir, {
      '.gitignore': 'gen/\n*.log\n!keep.log\n',
      'a.ts': '',
      'gen/b.ts': '',
      'x.log': '',
      'keep.log': '',
      'sub/.gitignore': 'local/\n*.gen.ts\n',
      'sub/local/c.ts': '',
      'sub/d.ts': '',
      'sub/deep/q.gen.ts': '',
      'sub/deep/z.log': '',
      'other/q.gen.ts': '',
      'other/local/e.ts': '',
      'build/f.ts': '',
    });
    const workspace = new FsWorkspace(dir, { ...DEFAULT_CONFIG, exclude: ['**/*.tmp'] });
    const listed = (await workspace.list()).map((e) => e.path);
    assert.deepEqual(listed, ['.gitignore', 'a.ts', 'keep.log', 'other/local/e.ts', 'other/q.gen.ts', 'sub/.gitignore', 'sub/d.ts']);
    // The same rules for files that appear later (the language server's watched-file events).
    const later = { 'gen/new.ts': true, 'sub/local/new.ts': true, 'sub/x/local/deep.ts': true, 'y.log': true, 'keep.log': false, 'sub/new.ts': false, 'node_modules/p/i.js': true, 'a/b.tmp': true, 'other/local/f.ts': false, 'sub/deep/new.gen.ts': true, 'other/new.gen.ts': false, 'sub/deep/new.log': true };
    for (const [path, ignored] of Object.entries(later)) assert.equal(workspace.isIgnored(path), ignored, path);
    // Folders, as the server's own watcher asks before it watches one: `gen/` matches the folder, not a file of that name.
    const folders = { gen: true, 'sub/local': true, sub: false, other: false, 'other/local': false, node_modules: true };
    for (const [path, ignored] of Object.entries(folders)) assert.equal(workspace.isIgnored(path, true), ignored, `${path}/`);
    assert.equal(workspace.isIgnored('gen'), false, 'a file named gen is not matched by gen/');
    rmSync(dir, { recursive: true, force: true });
  });
});
