import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { commitAll, git, mxFunc, prScenario, removeRepository, writeFiles, type Scenario } from '../../fixtures/gitRepo';
import { BIN, ensureBuilt } from '../../fixtures/cli';


interface JsonDiagnostic {
  code: string;
  file: string;
  line: number;
  message: string;
  fingerprint: string;
  history?: { kind: string; commit?: string; date?: string; subject?: string; renamedTo?: string; closest?: string };
}

describe('check --since, baselines and ID history with real git', function () {
  this.timeout(120_000);
  let s: Scenario;
  let cacheDir: string;
  const run = (cwd: string, args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, NO_COLOR: '1', GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_SHA: '', ...env } });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  const json = (cwd: string, args: string[]): { diagnostics: JsonDiagnostic[]; delta?: Record<string, unknown> } => {
    const r = run(cwd, ['check', '.', '--format', 'json', '--fail-on', 'never', ...args]);
    assert.equal(r.code, 0, r.err);
    return JSON.parse(r.out);
  };
  const brief = (d: JsonDiagnostic): string => `${d.code} ${d.file}:${d.line}`;

  before(() => {
    ensureBuilt();
    cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-cache-'));
    s = prScenario();
  });
  after(() => {
    removeRepository(s.dir);
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('classifies every unknown ID from the history, with the right commit and new ID', () => {
    const all = json(s.dir, []).diagnostics.filter((d) => d.history);
    const byTarget = Object.fromEntries(all.map((d) => [/(SPEC-[A-Z]+-\d+|REQ-[A-Z]+-\d+)(?=[,.] | is)/.exec(d.message)?.[1] ?? d.message, d.history]));
    assert.deepEqual(byTarget['SPEC-ALERT-001'], { kind: 'renamed', commit: s.rename, date: byTarget['SPEC-ALERT-001']!.date, subject: 'Rename the alerts SPEC to notify', renamedTo: 'SPEC-NOTIFY-001' });
    assert.equal(byTarget['SPEC-GHOST-001']!.kind, 'never-existed');
    assert.equal(byTarget['SPEC-NEWBROKEN-001']!.kind, 'never-existed');
    assert.equal(byTarget['REQ-PAY-002']!.kind, 'deleted');
    assert.equal(byTarget['REQ-PAY-002']!.commit, s.reqDeletion);
    assert.equal(byTarget['REQ-PAY-009']!.kind, 'never-existed');
    const alert = all.find((d) => d.file === 'src/alert.go' && d.message.includes('SPEC-ALERT-001'))!;
    assert.match(alert.message, new RegExp(`SPEC-ALERT-001 was renamed to SPEC-NOTIFY-001 in ${s.rename.slice(0, 7)}\\.$`));
    assert.doesNotMatch(alert.message, /Did you mean/);
  });

  it('classifies a deleted SPEC with the commit that deleted it (on main, where the link still stands)', () => {
    git(s.dir, 'checkout', '-q', 'main');
    try {
      const old = json(s.dir, []).diagnostics.find((d) => d.file === 'src/old.go' && d.message.includes('SPEC-OLD-001'))!;
      assert.deepEqual({ kind: old.history!.kind, commit: old.history!.commit }, { kind: 'deleted', commit: s.deletion });
      assert.match(old.message, new RegExp(`SPEC-OLD-001 was deleted in ${s.deletion.slice(0, 7)}\\.$`));
    } finally {
      git(s.dir, 'checkout', '-q', 'feature');
    }
  });

  it('--since reports exactly what the branch introduced, whatever moved, and exits 1 on them alone', () => {
    const since = json(s.dir, ['--since', 'main']);
    assert.deepEqual(since.diagnostics.map(brief).sort(), ['mx/unknown-req src/charge.go:2', 'mx/unknown-spec src/alert.go:8']);
    assert.equal(since.delta!.since, 'main');
    assert.equal(since.delta!.base, s.main);
    assert.deepEqual((since.delta!.fixed as JsonDiagnostic[]).map((f) => f.code + ' ' + f.file), ['mx/unknown-spec src/old.go']);
    // The old links moved down (src/alert.go) or stayed: not new.
    assert.equal(since.delta!.unchanged, 3);
    const text = run(s.dir, ['check', '.', '--since', 'main']);
    assert.equal(text.code, 1, text.err);
    assert.match(text.out, /2 new findings since main \(merge base [0-9a-f]{7}\); 1 fixed, 3 unchanged\./);
    // On main itself nothing is new: exit 0 although old errors stand.
    git(s.dir, 'checkout', '-q', 'main');
    try {
      const same = run(s.dir, ['check', '.', '--since', 'main']);
      assert.equal(same.code, 0, same.out + same.err);
      assert.equal(run(s.dir, ['check', '.']).code, 1);
    } finally {
      git(s.dir, 'checkout', '-q', 'feature');
    }
  });

  it('--since counts uncommitted work in the working tree, and never writes into the tree', () => {
    const before = git(s.dir, 'status', '--porcelain', '--untracked-files=all');
    writeFileSync(path.join(s.dir, 'src', 'wip.go'), mxFunc('Wip', 'SPEC-WIP-001'));
    try {
      const since = json(s.dir, ['--since', 'main']);
      assert.ok(since.diagnostics.some((d) => d.file === 'src/wip.go'), 'an untracked file is new');
      assert.equal(git(s.dir, 'status', '--porcelain', '--untracked-files=all'), `${before ? before + '\n' : ''}?? src/wip.go`);
    } finally {
      rmSync(path.join(s.dir, 'src', 'wip.go'));
    }
  });

  it('carries the fingerprint in JSON and in SARIF partialFingerprints, the same for a finding whose line moved', () => {
    const feature = json(s.dir, []).diagnostics.find((d) => d.file === 'src/alert.go' && d.message.includes('SPEC-ALERT-001'))!;
    git(s.dir, 'checkout', '-q', 'main');
    let onMain: JsonDiagnostic;
    try {
      onMain = json(s.dir, []).diagnostics.find((d) => d.file === 'src/alert.go' && d.message.includes('SPEC-ALERT-001'))!;
    } finally {
      git(s.dir, 'checkout', '-q', 'feature');
    }
    assert.notEqual(feature.line, onMain.line);
    assert.equal(feature.fingerprint, onMain.fingerprint);
    const sarif = JSON.parse(run(s.dir, ['check', '.', '--format', 'sarif', '--since', 'main']).out);
    const results = sarif.runs[0].results as { partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.deepEqual(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri).sort(), ['src/alert.go', 'src/charge.go']);
    for (const r of results) assert.match(r.partialFingerprints['specchainFingerprint/v1']!, /^[0-9a-f]{16}$/);
  });

  it('--format markdown holds the new findings with links, the fixed one, coverage before and after, and exits 1', () => {
    const r = run(s.dir, ['check', '.', '--since', 'main', '--format', 'markdown']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /\*\*1 new error, 1 new warning\*\*/);
    assert.match(r.out, /\[src\/alert\.go:8\]\(src\/alert\.go#L8\)/);
    assert.match(r.out, /\[src\/charge\.go:2\]\(src\/charge\.go#L2\)/);
    assert.doesNotMatch(r.out, /SPEC-GHOST-001|src\/refund\.go/, 'old findings are not listed');
    assert.match(r.out, /### Fixed\n\n- `mx\/unknown-spec` src\/old\.go:2: @MX:SPEC names SPEC-OLD-001/);
    assert.match(r.out, /### REQ coverage\n\n1\/2 \(50\.0%\) → 1\/2 REQs referenced/);
    const gh = run(s.dir, ['check', '.', '--since', 'main', '--format', 'markdown'], { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: s.feature, GITHUB_WORKSPACE: s.dir });
    assert.match(gh.out, new RegExp(`\\(https://github\\.com/acme/shop/blob/${s.feature}/src/charge\\.go#L2\\)`));
  });

  it('calls out a drop in REQ coverage', () => {
    writeFileSync(path.join(s.dir, 'src', 'pay.go'), 'func Pay() {}\n');
    try {
      const r = run(s.dir, ['check', '.', '--since', 'main', '--format', 'markdown']);
      assert.match(r.out, /1\/2 \(50\.0%\) → 0\/2 REQs referenced by code or tests \(0\.0%\)/);
      assert.match(r.out, /> \*\*REQ coverage dropped\*\* from 50\.0% to 0\.0%: 1 REQ fewer referenced\./);
    } finally {
      git(s.dir, 'checkout', '--', 'src/pay.go');
    }
  });

  it('a baseline written on main reports exactly the branch’s new findings, in a stable file', () => {
    const file = path.join(s.dir, '.specchain-baseline.json');
    git(s.dir, 'checkout', '-q', 'main');
    try {
      const w = run(s.dir, ['check', '.', '--write-baseline', '.specchain-baseline.json', '--fail-on', 'never', '--format', 'json']);
      assert.equal(w.code, 0, w.err);
      assert.match(w.err, /baseline of 4 findings written to \.specchain-baseline\.json/);
      const first = readFileSync(file, 'utf8');
      run(s.dir, ['check', '.', '--write-baseline', '.specchain-baseline.json', '--no-cache', '--fail-on', 'never']);
      assert.equal(readFileSync(file, 'utf8'), first, 'the same findings write the same file');
      const baseline = JSON.parse(first);
      assert.equal(baseline.version, 1);
      assert.deepEqual(baseline.findings.map((f: { file: string }) => f.file), ['src/alert.go', 'src/old.go', 'src/old.go', 'src/refund.go']);
    } finally {
      git(s.dir, 'checkout', '-q', 'feature');
    }
    const r = json(s.dir, ['--baseline', '.specchain-baseline.json']);
    assert.deepEqual(r.diagnostics.map(brief).sort(), ['mx/unknown-req src/charge.go:2', 'mx/unknown-spec src/alert.go:8']);
    assert.equal(run(s.dir, ['check', '.', '--baseline', '.specchain-baseline.json']).code, 1);
    rmSync(file);
  });

  it('a malformed or missing baseline is a clear error (exit 2)', () => {
    const bad = path.join(s.dir, 'bad-baseline.json');
    for (const [content, expected] of [
      ['{"tool":"specchain","version":1,"fingerprintVersion":1,"findings":[{"fingerprint":"xyz"}]}', /findings\[0\]\.fingerprint: not in the expected form/],
      ['{"tool":"other","version":1}', /tool: expected "specchain"/],
      ['[1,2', /not valid JSON/],
    ] as const) {
      writeFileSync(bad, content);
      const r = run(s.dir, ['check', '.', '--baseline', 'bad-baseline.json']);
      assert.equal(r.code, 2);
      assert.match(r.err, expected);
    }
    rmSync(bad);
    const missing = run(s.dir, ['check', '.', '--baseline', 'none.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--baseline none\.json: no such file/);
  });

  it('refuses refs git would read as options, and names the fetch for an unknown ref', () => {
    for (const ref of ['--upload-pack=touch /tmp/specchain-pwned', '-x', 'a b']) {
      const r = run(s.dir, ['check', '.', `--since=${ref}`]);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /--since: /);
    }
    assert.ok(!existsSync('/tmp/specchain-pwned'));
    const unknown = run(s.dir, ['check', '.', '--since', 'origin/release']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no such branch, tag or commit in this clone\. Fetch it first: git fetch origin release/);
  });

  it('in a shallow clone: findings without history, one line says why; --since names the fetch to run (exit 2)', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'specchain-shallow-'));
    try {
      git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', '--no-single-branch', `file://${s.dir}`, 'repo');
      const dir = path.join(clone, 'repo');
      const r = run(dir, ['check', '.', '--format', 'json', '--fail-on', 'never']);
      const diagnostics = JSON.parse(r.out).diagnostics as JsonDiagnostic[];
      assert.ok(diagnostics.some((d) => d.message.includes('SPEC-ALERT-001')));
      assert.ok(diagnostics.every((d) => d.history === undefined));
      assert.equal(r.err.split('\n').filter((l) => /no git history/.test(l)).length, 1);
      assert.match(r.err, /no git history for the 5 unknown IDs: this is a shallow clone/);
      const since = run(dir, ['check', '.', '--since', 'origin/main']);
      assert.equal(since.code, 2, since.out);
      assert.match(since.err, /not in this shallow clone\. Fetch more history: git fetch --deepen=100 origin main .*git fetch --unshallow/);
      git(dir, 'fetch', '-q', '--unshallow');
      const deepened = run(dir, ['check', '.', '--since', 'origin/main', '--format', 'json']);
      assert.deepEqual((JSON.parse(deepened.out).diagnostics as JsonDiagnostic[]).map(brief).sort(), ['mx/unknown-req src/charge.go:2', 'mx/unknown-spec src/alert.go:8']);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('without git, or outside a repository: the findings stay, one line says why', () => {
    const noGit = run(s.dir, ['check', '.', '--format', 'json', '--fail-on', 'never'], { PATH: '/nonexistent' });
    assert.equal(noGit.code, 0, noGit.err);
    assert.equal(JSON.parse(noGit.out).diagnostics.filter((d: JsonDiagnostic) => d.code.endsWith('unknown-spec') || d.code.endsWith('unknown-req')).length, 5);
    assert.match(noGit.err, /no git history for the 5 unknown IDs: git is not installed/);
    const since = run(s.dir, ['check', '.', '--since', 'main'], { PATH: '/nonexistent' });
    assert.equal(since.code, 2);
    const plain = mkdtempSync(path.join(tmpdir(), 'specchain-plain-'));
    try {
      writeFiles(plain, { '.moai/specs/SPEC-A-001/spec.md': '# SPEC-A-001: A\n', 'x.go': mxFunc('X', 'SPEC-B-001') });
      const r = run(plain, ['check', '.', '--fail-on', 'never'], { GIT_CEILING_DIRECTORIES: path.dirname(plain) });
      assert.match(r.err, /no git history for the 1 unknown ID: the folder is not in a git repository/);
      assert.match(r.out, /SPEC-B-001/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('checks a folder below the repository root, and reads paths that are not UTF-8', () => {
    const sub = path.join(s.dir, 'svc');
    writeFiles(sub, { '.moai/specs/SPEC-SUB-001/spec.md': '# SPEC-SUB-001: Sub\n', 'a.go': mxFunc('A', 'SPEC-SUB-001') });
    writeFileSync(Buffer.concat([Buffer.from(path.join(s.dir, 'svc') + '/'), Buffer.from([0x6c, 0xe9, 0x2e, 0x67, 0x6f])]), mxFunc('Latin', 'SPEC-SUB-002'));
    const base = commitAll(s.dir, 'A service with its own SPECs');
    try {
      writeFiles(sub, { 'b.go': mxFunc('B', 'SPEC-SUB-003') });
      const r = run(sub, ['check', '.', '--since', base, '--format', 'json']);
      assert.deepEqual((JSON.parse(r.out).diagnostics as JsonDiagnostic[]).map(brief), ['mx/unknown-spec b.go:2']);
    } finally {
      git(s.dir, 'reset', '-q', '--hard', s.feature);
      git(s.dir, 'clean', '-qfd');
    }
  });
});
