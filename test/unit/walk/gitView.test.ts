import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FsWorkspace } from '../../../server/src/node/fsWorkspace';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import { ensureBuilt, legacySpec, specchain, writeFiles } from '../../fixtures/cli';

const HAS_GIT = spawnSync('git', ['--version']).status === 0;
const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });
const listed = async (root: string, options = {}): Promise<string[]> => (await new FsWorkspace(root, DEFAULT_CONFIG, options).list()).map((e) => e.path);

/** Sets every file's modification time two minutes back, so that the caches trust them. */
function age(dir: string): void {
  const then = new Date(Date.now() - 120_000);
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) if (d.isFile() && !path.join(d.parentPath, d.name).includes(`${path.sep}.git${path.sep}`)) utimesSync(path.join(d.parentPath, d.name), then, then);
}

describe("git's view of the tree", function () {
  this.timeout(120_000);
  let base: string;
  beforeEach(function () {
    if (!HAS_GIT) return this.skip();
    base = mkdtempSync(path.join(tmpdir(), 'specchain-gitview-'));
  });
  afterEach(() => base && rmSync(base, { recursive: true, force: true }));

  /** A repository whose .gitignore hides `coverage/` and `.moai/`, with files git tracks there all the same. */
  function trackedUnderIgnored(): string {
    const root = path.join(base, 'repo');
    writeFiles(root, {
      '.gitignore': 'coverage/\n.moai/\n*.gen.ts\n',
      'coverage/meter.py': '# @API:PAY-001\n',
      'coverage/report.py': '# @API:GHOST-001\n',
      'coverage/deep/tracked.py': '# @TEST:PAY-001\n',
      '.moai/specs/SPEC-PAY-001/spec.md': legacySpec('PAY-001'),
      '.moai/cache/notes.md': '@API:GHOST-002\n',
      'src/api.gen.ts': '// @API:PAY-001\n',
      'src/untracked.gen.ts': '// @API:GHOST-003\n',
      'src/app.ts': '// @API:PAY-001\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '.gitignore', 'src/app.ts');
    git(root, 'add', '-f', 'coverage/meter.py', 'coverage/deep/tracked.py', '.moai/specs/SPEC-PAY-001/spec.md', 'src/api.gen.ts');
    git(root, 'commit', '-qm', 'x');
    return root;
  }

  it('a tracked file is read where .gitignore matches it; untracked ignored files are not', async () => {
    const root = trackedUnderIgnored();
    assert.deepEqual(await listed(root), ['.gitignore', '.moai/specs/SPEC-PAY-001/spec.md', 'coverage/deep/tracked.py', 'coverage/meter.py', 'src/api.gen.ts', 'src/app.ts']);
    // Events for files that appear later follow the same rule.
    const ws = new FsWorkspace(root, DEFAULT_CONFIG);
    await ws.list();
    assert.equal(ws.isIgnored('coverage/meter.py'), false);
    assert.equal(ws.isIgnored('coverage/report.py'), true);
    assert.equal(ws.isIgnored('.moai/cache/notes.md'), true);
    assert.equal(ws.isIgnored('.moai/specs/SPEC-PAY-001/spec.md'), false);
  });

  it('outside a git repository the .gitignore rules stand as before', async () => {
    const root = trackedUnderIgnored();
    rmSync(path.join(root, '.git'), { recursive: true });
    assert.deepEqual(await listed(root), ['.gitignore', 'src/app.ts']);
  });

  it('a workspace below the top of its repository: the .gitignore files above it and info/exclude apply', async () => {
    const top = path.join(base, 'top');
    writeFiles(top, { '.gitignore': 'secret/\n', 'app/secret/a.ts': 'x', 'app/keep/b.ts': 'x', 'app/c.log': 'x', 'app/d.tmp': 'x' });
    git(top, 'init', '-q');
    writeFileSync(path.join(top, '.git/info/exclude'), '*.log\n');
    writeFileSync(path.join(top, '.gitignore'), 'secret/\napp/*.tmp\n');
    assert.deepEqual(await listed(path.join(top, 'app')), ['keep/b.ts']);
  });

  it('check and its results cache follow git: git rm --cached, add -f and a .gitignore edit are noticed on the warm path', async () => {
    ensureBuilt();
    const root = trackedUnderIgnored();
    const env = { SPECCHAIN_CACHE_DIR: path.join(base, 'cache') };
    const files = (): string[] => {
      const r = specchain(['check', root, '--format', 'json'], { env });
      assert.ok(r.code === 0 || r.code === 1, r.err);
      return [...new Set((JSON.parse(r.out) as { diagnostics: { file: string }[]; specs: { file: string }[] }).specs.map((s) => s.file))];
    };
    const tags = (): number => (JSON.parse(specchain(['check', root, '--format', 'json'], { env }).out) as { tags: number }).tags;
    age(root);
    assert.deepEqual(files(), ['.moai/specs/SPEC-PAY-001/spec.md']);
    const all = tags();
    assert.equal(tags(), all, 'warm');
    git(root, 'rm', '-q', '--cached', 'coverage/meter.py');
    assert.equal(tags(), all - 1, 'an untracked file under coverage/ is ignored again');
    git(root, 'add', '-f', 'coverage/report.py');
    assert.equal(tags(), all, 'a newly tracked one is read');
    // A .gitignore edit that hides a tracked file: git's kept answer is stale, and asked again.
    writeFileSync(path.join(root, '.gitignore'), 'coverage/\n.moai/\n*.gen.ts\nsrc/app.ts\n');
    age(root);
    assert.equal(tags(), all, 'src/app.ts is tracked: still read');
  });

  it('a folder with a .git of its own (a worktree, another repository) is left out, as git leaves it; a submodule is not', async () => {
    const root = trackedUnderIgnored();
    git(root, 'worktree', 'add', '-q', 'wt');
    writeFiles(root, { 'nested/.git/HEAD': 'ref: refs/heads/main\n', 'nested/src/x.ts': 'x', 'lib/.git': 'gitdir: ../.git/modules/lib\n', 'lib/y.ts': 'y', '.gitmodules': '[submodule "lib"]\n\tpath = lib\n\turl = ../lib\n' });
    const paths = await listed(root);
    assert.ok(!paths.some((p) => p.startsWith('wt/') || p.startsWith('nested/')), paths.join('\n'));
    assert.ok(paths.includes('lib/y.ts'));
    const ws = new FsWorkspace(root, DEFAULT_CONFIG);
    await ws.list();
    assert.equal(ws.isIgnored('wt/src/app.ts'), true);
    assert.equal(ws.isIgnored('lib/y.ts'), false);
    // Outside a repository, folders holding repositories are what the user opened: all listed.
    rmSync(path.join(root, '.git'), { recursive: true });
    assert.ok((await listed(root)).includes('nested/src/x.ts'));
  });

  it('vendor/ is left out only where it holds dependencies', async () => {
    const root = path.join(base, 'v');
    writeFiles(root, {
      'go/go.mod': 'module x\n',
      'go/vendor/github.com/x/y.go': 'x',
      'php/vendor/autoload.php': 'x',
      'php/vendor/lib/z.php': 'x',
      'mods/vendor/modules.txt': 'x',
      'mods/vendor/a.go': 'x',
      'src/pages/admin/vendor/list.tsx': 'x',
      'ruby/Gemfile': 'x',
      'ruby/vendor/bundle/gem.rb': 'x',
    });
    assert.deepEqual(await listed(root), ['go/go.mod', 'ruby/Gemfile', 'src/pages/admin/vendor/list.tsx']);
    const ws = new FsWorkspace(root, DEFAULT_CONFIG);
    assert.equal(ws.isIgnored('src/pages/admin/vendor/list.tsx'), false);
    assert.equal(ws.isIgnored('go/vendor/github.com/x/y.go'), true);
  });

  it('a folder that cannot be read is named on stderr with the reason', function () {
    ensureBuilt();
    const root = path.join(base, 'ws');
    writeFiles(root, { '.moai/specs/SPEC-OPEN-001/spec.md': legacySpec('OPEN-001'), '.moai/specs/SPEC-SHUT-001/spec.md': legacySpec('SHUT-001') });
    chmodSync(path.join(root, '.moai/specs/SPEC-SHUT-001'), 0);
    chmodSync(base, 0o755);
    const asRoot = process.getuid?.() === 0;
    if (asRoot && spawnSync('setpriv', ['--version']).status !== 0) return this.skip();
    const args = ['check', root, '--no-cache'];
    const r = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(__dirname, '../../../bin/specchain.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOME: base } })
      : spawnSync(process.execPath, [path.join(__dirname, '../../../bin/specchain.js'), ...args], { encoding: 'utf8' });
    chmodSync(path.join(root, '.moai/specs/SPEC-SHUT-001'), 0o755);
    assert.match(r.stderr, /^specchain check: warning: a folder could not be read, so the files in it are not checked: \.moai\/specs\/SPEC-SHUT-001 \(EACCES\)$/m);
    assert.match(r.stdout, /1 SPECs?\b/);
  });
});
