import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseHookInput, undoReplacements } from '../../../server/src/cli/hookPayload';
import { mergeHookSettings } from '../../../server/src/cli/hookSettings';
import { commitAll, newRepository, removeRepository, writeFiles as write } from '../../fixtures/gitRepo';
import { MX_FILES } from '../../fixtures/mx';
import { sharedPath } from '../shared';
import { BIN, ensureBuilt } from '../../fixtures/cli';


/** The PostToolUse input Claude Code writes on a hook's stdin after an Edit (its documented fields). */
function editEvent(cwd: string, file: string, originalFile: string | undefined, oldString: string, newString: string): Record<string, unknown> {
  return {
    session_id: 'a1b2c3',
    transcript_path: path.join(tmpdir(), 'transcript.jsonl'),
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PostToolUse',
    tool_name: 'Edit',
    tool_input: { file_path: file, old_string: oldString, new_string: newString, replace_all: false },
    tool_response: { filePath: file, oldString, newString, ...(originalFile !== undefined ? { originalFile } : {}), structuredPatch: [], userModified: false, replaceAll: false },
    tool_use_id: 'toolu_01',
  };
}

/** Applies an Edit to the file on disk (as Claude Code does before PostToolUse) and returns the event. */
function edit(cwd: string, rel: string, oldString: string, newString: string, withOriginal = true): Record<string, unknown> {
  const file = path.join(cwd, rel);
  const before = readFileSync(file, 'utf8');
  assert.ok(before.includes(oldString), `${rel} holds ${oldString}`);
  writeFileSync(file, before.replace(oldString, newString));
  return editEvent(cwd, file, withOriginal ? before : undefined, oldString, newString);
}

/** Rewrites the file on disk and returns Write's event as Claude Code documents it (`tool_response` without the text before). */
function writeEvent(cwd: string, rel: string, oldString: string, newString: string): Record<string, unknown> {
  const file = path.join(cwd, rel);
  const before = readFileSync(file, 'utf8');
  assert.ok(before.includes(oldString), `${rel} holds ${oldString}`);
  const content = before.replace(oldString, newString);
  writeFileSync(file, content);
  return { session_id: 's', transcript_path: '/t', cwd, hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: file, content }, tool_response: { filePath: file, success: true } };
}

describe('specchain hook claude', function () {
  this.timeout(120_000);
  let ws: string;
  let cacheDir: string;
  const hook = (input: string | Record<string, unknown>, ...args: string[]): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, 'hook', 'claude', ...args], {
      input: typeof input === 'string' ? input : JSON.stringify(input),
      encoding: 'utf8',
      env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir, NO_COLOR: '1', CLAUDE_PROJECT_DIR: '' },
    });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  const check = (dir: string): void => {
    spawnSync(process.execPath, [BIN, 'check', dir], { encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: cacheDir } });
  };

  before(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-hook-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'specchain-hook-cache-'));
    write(ws, MX_FILES);
  });
  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('says nothing for a clean edit, with no cache yet', () => {
    const r = hook(edit(ws, 'src/orders/api.ts', 'export function createOrder(): void {}', 'export function createOrder(): void {\n  validate();\n}'));
    assert.deepEqual([r.code, r.out, r.err], [0, '', '']);
  });

  it('reports an @MX:SPEC link the edit broke: exit 2, the ID, its line and the closest SPEC on stderr', () => {
    const r = hook(edit(ws, 'src/orders/api.ts', '// @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-001, REQ-ORDER-002', '// @MX:SPEC: SPEC-ORDER-042 REQ-ORDER-001, REQ-ORDER-002'));
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /src\/orders\/api\.ts:3: .*SPEC-ORDER-042.*Did you mean SPEC-ORDER-001\? \[mx\/unknown-spec\]/);
    // Put it back for the next cases.
    assert.equal(hook(edit(ws, 'src/orders/api.ts', 'SPEC-ORDER-042', 'SPEC-ORDER-001')).code, 0);
  });

  it('reports an unknown REQ and a broken @TAG, and only what the edit introduced (broken.py keeps its old findings)', () => {
    const r = hook(edit(ws, 'src/orders/broken.py', '    pass\n', '    pass\n\n# @MX:NOTE: totals\n# @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-077\ndef totals():\n    pass\n'));
    assert.equal(r.code, 2, r.err);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 2, r.err);
    assert.match(lines[1]!, /broken\.py:8: REQ-ORDER-077 is not declared in SPEC-ORDER-001\.(?: Did you mean REQ-ORDER-0\d\d\?)? \[mx\/unknown-req\]/);
    // The file's old broken link (SPEC-ORDR-001) is not repeated.
    assert.doesNotMatch(r.err, /ORDR/);
    const tag = hook(edit(ws, 'src/user.py', '\n', '\n# @API:USRE-001\n'));
    assert.equal(tag.code, 2, tag.err);
    assert.match(tag.err, /src\/user\.py:\d+: .*USRE-001.*USER-001.*\[tag\/unknown-spec\]/);
  });

  it('compares with the facts the cache last stored when a Write event has no original text (its documented form)', () => {
    check(ws);
    const r = hook(writeEvent(ws, 'src/pay.go', '\n', '\n// @MX:NOTE: refunds\n// @MX:SPEC: SPEC-PAY-003\n'));
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /SPEC-PAY-003.*Did you mean SPEC-PAY-002\?/);
    // A write changing another line of the same file introduces nothing: the link broken before is not news.
    const again = hook(writeEvent(ws, 'src/pay.go', '// @MX:NOTE: refunds', '// @MX:NOTE: refunds and chargebacks'));
    assert.deepEqual([again.code, again.err], [0, '']);
  });

  it('with no original text and no cache, undoes an Edit from its own strings: old findings of the file are not news', () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'specchain-hook-fresh-'));
    const freshCache = mkdtempSync(path.join(tmpdir(), 'specchain-hook-cache-'));
    try {
      write(fresh, MX_FILES);
      const run = (event: Record<string, unknown>): { code: number; err: string } => {
        const r = spawnSync(process.execPath, [BIN, 'hook', 'claude'], { input: JSON.stringify(event), encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: freshCache, CLAUDE_PROJECT_DIR: '' } });
        return { code: r.status ?? -1, err: r.stderr };
      };
      // broken.py links SPEC-ORDR-001 already: a clean edit below it says nothing.
      const clean = run(edit(fresh, 'src/orders/broken.py', '    pass\n', '    pass\n\n\ndef helper():\n    return 1\n', false));
      assert.deepEqual([clean.code, clean.err], [0, '']);
      // MultiEdit, undone last edit first: only the link it broke is reported.
      const file = path.join(fresh, 'src/orders/api.ts');
      const text = readFileSync(file, 'utf8');
      const edits = [
        { old_string: 'SPEC-ORDER-001', new_string: 'SPEC-ORDER-009' },
        { old_string: 'SPEC-ORDER-009', new_string: 'SPEC-ORDER-042' },
      ];
      writeFileSync(file, text.replace('SPEC-ORDER-001', 'SPEC-ORDER-042'));
      const multi = run({ session_id: 's', transcript_path: '/t', cwd: fresh, hook_event_name: 'PostToolUse', tool_name: 'MultiEdit', tool_input: { file_path: file, edits }, tool_response: { filePath: file, success: true } });
      assert.equal(multi.code, 2, multi.err);
      assert.match(multi.err, /SPEC-ORDER-042/);
      assert.equal(multi.err.trim().split('\n').length, 2, multi.err);
      // A Write with nothing to compare with (no text before, no cache of this file's past, no git): the file's findings, said as such.
      rmSync(freshCache, { recursive: true, force: true });
      const unknown = run(writeEvent(fresh, 'src/orders/broken.py', '    pass\n', '    pass\n\n\ndef other():\n    return 2\n'));
      assert.equal(unknown.code, 2, unknown.err);
      assert.match(unknown.err, /broken\.py, as this edit left it, has \d+ problems? in its SPEC links \(its text before the edit is not known\)/);
      assert.match(unknown.err, /ORDR/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
      rmSync(freshCache, { recursive: true, force: true });
    }
  });

  it('with no original text and no cache, compares a Write with the file as last committed', () => {
    const repo = newRepository('specchain-hook-git-');
    const freshCache = mkdtempSync(path.join(tmpdir(), 'specchain-hook-cache-'));
    try {
      write(repo, MX_FILES);
      commitAll(repo, 'SPECs and code');
      const run = (event: Record<string, unknown>): { code: number; err: string } => {
        const r = spawnSync(process.execPath, [BIN, 'hook', 'claude'], { input: JSON.stringify(event), encoding: 'utf8', env: { ...process.env, SPECCHAIN_CACHE_DIR: freshCache, CLAUDE_PROJECT_DIR: '' } });
        return { code: r.status ?? -1, err: r.stderr };
      };
      const event = writeEvent(repo, 'src/orders/broken.py', '    pass\n', '    pass\n\n# @MX:NOTE: totals\n# @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-077\ndef totals():\n    pass\n');
      const r = run(event);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /REQ-ORDER-077/);
      // The committed file's own broken link is not news.
      assert.doesNotMatch(r.err, /ORDR/);
    } finally {
      removeRepository(repo);
      rmSync(freshCache, { recursive: true, force: true });
    }
  });

  it('checks a file Write created, and answers in the JSON decision form with --json', () => {
    const file = path.join(ws, 'src/orders/new.ts');
    const content = '// @MX:ANCHOR: cancel\n// @MX:REASON: public API\n// @MX:SPEC: SPEC-ORDERS-001\nexport function cancel(): void {}\n';
    writeFileSync(file, content);
    const event = { session_id: 's', transcript_path: '/t', cwd: ws, hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: file, content }, tool_response: { type: 'create', filePath: file, content, structuredPatch: [], originalFile: null } };
    const r = hook(event, '--json');
    assert.equal(r.code, 0, r.err);
    const answer = JSON.parse(r.out) as { decision: string; reason: string };
    assert.equal(answer.decision, 'block');
    assert.match(answer.reason, /src\/orders\/new\.ts:3: .*SPEC-ORDERS-001.*Did you mean SPEC-ORDER-001\?/);
  });

  it('names the references a SPEC edit left without their REQ', () => {
    const r = hook(edit(ws, '.moai/specs/SPEC-ORDER-001/spec.md', '### REQ-ORDER-002: Read', '### REQ-ORDER-020: Read'));
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /REQ-ORDER-002 of SPEC-ORDER-001 is no longer declared in \.moai\/specs\/SPEC-ORDER-001\/spec\.md, and 1 reference still names it: src\/orders\/api\.ts:3/);
    assert.doesNotMatch(r.err, /REQ-ORDER-001 of/);
    // Renamed back: nothing is left broken, nothing is said.
    const back = hook(edit(ws, '.moai/specs/SPEC-ORDER-001/spec.md', '### REQ-ORDER-020: Read', '### REQ-ORDER-002: Read'));
    assert.deepEqual([back.code, back.err], [0, '']);
  });

  it('checks MultiEdit like Edit', () => {
    const file = path.join(ws, 'tests/test_orders.py');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, `${before}\n# @MX:NOTE: more\n# @MX:SPEC: SPEC-USER-002\n`);
    const r = hook({ session_id: 's', transcript_path: '/t', cwd: ws, hook_event_name: 'PostToolUse', tool_name: 'MultiEdit', tool_input: { file_path: file, edits: [{ old_string: 'a', new_string: 'b' }] }, tool_response: { filePath: file, originalFile: before } });
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /SPEC-USER-002/);
  });

  it('never blocks on what it cannot use: other tools, garbage, an empty stdin, files outside the project', () => {
    const bash = hook({ session_id: 's', transcript_path: '/t', cwd: ws, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'echo @API:GHOST-001' }, tool_response: { stdout: '' } });
    assert.deepEqual([bash.code, bash.out, bash.err], [0, '', '']);
    for (const input of ['garbage', '', '[1,2]', '{"tool_name":"Edit","tool_input":{}}']) {
      const r = hook(input);
      assert.equal(r.code, 0, input);
      assert.equal(r.out, '');
      assert.equal(r.err.trim().split('\n').length, 1, `one line for ${JSON.stringify(input)}: ${r.err}`);
      assert.match(r.err, /^specchain hook: /);
    }
    const outside = mkdtempSync(path.join(tmpdir(), 'specchain-outside-'));
    try {
      const file = path.join(outside, 'x.ts');
      writeFileSync(file, '// @MX:NOTE: x\n// @MX:SPEC: SPEC-NOPE-001\n');
      const r = hook(editEvent(ws, file, '', 'a', 'b'));
      assert.deepEqual([r.code, r.out, r.err], [0, '', '']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('on a real @MX project: a broken link added to a file is reported with the closest SPEC', function () {
    const corpus = sharedPath(this, 'corpus/mx/elymas+universal-search');
    const copy = mkdtempSync(path.join(tmpdir(), 'specchain-hook-corpus-'));
    try {
      cpSync(corpus, copy, { recursive: true });
      check(copy);
      // A file with @MX:SPEC lines: the first one found walking the tree.
      const file = findFile(copy, (text) => /@MX:SPEC: ?SPEC-[A-Z]+-\d{3}/.test(text));
      assert.ok(file, 'a file with an @MX:SPEC line');
      const rel = path.relative(copy, file);
      const text = readFileSync(file, 'utf8');
      const id = /@MX:SPEC: ?(SPEC-[A-Z]+-\d{3})/.exec(text)![1]!;
      const broken = id.replace(/-(\d{3})$/, (_, n: string) => `-${String((Number(n) + 900) % 1000).padStart(3, '0')}`);
      const line = text.split('\n').findIndex((l) => l.includes(`@MX:SPEC`) && l.includes(id));
      const clean = hook(edit(copy, rel, text.split('\n')[0]!, text.split('\n')[0]!));
      assert.deepEqual([clean.code, clean.err], [0, ''], 'an edit that leaves the links as they were');
      const r = hook(edit(copy, rel, text.split('\n')[line]!, text.split('\n')[line]!.replace(id, broken)));
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, new RegExp(`${rel.replace(/[.\\/]/g, '\\$&')}:${line + 1}: .*${broken}`));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

function findFile(dir: string, test: (text: string) => boolean): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(abs, test);
      if (found) return found;
    } else if (/\.(?:go|py|ts|tsx)$/.test(entry.name) && test(readFileSync(abs, 'utf8'))) return abs;
  }
  return undefined;
}

describe('specchain hook install', function () {
  this.timeout(60_000);
  let ws: string;
  const install = (...args: string[]) => spawnSync(process.execPath, [BIN, 'hook', 'install', ws, ...args], { encoding: 'utf8' });
  beforeEach(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'specchain-install-'));
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('writes the PostToolUse entry into a new .claude/settings.json, once', () => {
    assert.equal(install().status, 0);
    const settings = JSON.parse(readFileSync(path.join(ws, '.claude/settings.json'), 'utf8'));
    assert.deepEqual(settings, { hooks: { PostToolUse: [{ matcher: 'Edit|MultiEdit|Write', hooks: [{ type: 'command', command: 'specchain hook claude' }] }] } });
    const again = install();
    assert.equal(again.status, 0);
    assert.match(again.stderr, /already runs/);
    assert.equal(JSON.parse(readFileSync(path.join(ws, '.claude/settings.json'), 'utf8')).hooks.PostToolUse.length, 1);
  });

  it('keeps every other setting and hook', () => {
    const before = { permissions: { allow: ['Bash(npm test)'] }, hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --write' }] }], Stop: [{ hooks: [{ type: 'command', command: 'echo done' }] }] } };
    write(ws, { '.claude/settings.json': JSON.stringify(before, null, 2) });
    assert.equal(install('--command', 'npx specchain hook claude').status, 0);
    const after = JSON.parse(readFileSync(path.join(ws, '.claude/settings.json'), 'utf8'));
    assert.deepEqual(after.permissions, before.permissions);
    assert.deepEqual(after.hooks.Stop, before.hooks.Stop);
    assert.deepEqual(after.hooks.PostToolUse, [...before.hooks.PostToolUse, { matcher: 'Edit|MultiEdit|Write', hooks: [{ type: 'command', command: 'npx specchain hook claude' }] }]);
  });

  it('refuses malformed settings and writes nothing', () => {
    write(ws, { '.claude/settings.json': '{ "hooks": { "PostToolUse": [ }' });
    const r = install();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.claude\/settings\.json: not valid JSON.*nothing was written/);
    assert.equal(readFileSync(path.join(ws, '.claude/settings.json'), 'utf8'), '{ "hooks": { "PostToolUse": [ }');
  });
});

describe('hook input and settings', () => {
  it('undoes an edit only where its new string now stands for certain', () => {
    const edit = (old_string: string, new_string: string, replace_all?: boolean) => ({ old_string, new_string, ...(replace_all !== undefined ? { replace_all } : {}) });
    assert.equal(undoReplacements('a\nB\nc\n', [edit('b', 'B')]), 'a\nb\nc\n');
    // Undone last first: the second edit worked on the first one's result.
    assert.equal(undoReplacements('x = 3', [edit('x = 1', 'x = 2'), edit('x = 2', 'x = 3')]), 'x = 1');
    // The new string stands twice: the file may have held it before the edit, so which one is not known.
    assert.equal(undoReplacements('return 2\nreturn 2\n', [edit('return 1', 'return 2')]), undefined);
    // Replaced everywhere: places that held the new string already cannot be told from the replaced ones.
    assert.equal(undoReplacements('bar(); bar();', [edit('foo', 'bar', true)]), undefined);
    assert.equal(undoReplacements('nothing here', [edit('a', 'b')]), undefined);
    assert.equal(undoReplacements('kept', [edit('dropped', '')]), undefined);
    // Text that a replacement pattern would read specially is put back as it is.
    assert.equal(undoReplacements('v = NEW', [edit("$& $' $1", 'NEW')]), "v = $& $' $1");
  });

  it('reads the fields Claude Code documents and nothing it does not need', () => {
    const r = parseHookInput(JSON.stringify({ session_id: 's', transcript_path: '/t', cwd: '/w', hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: '/w/a.ts', content: 'x' }, tool_response: { type: 'update', filePath: '/w/a.ts', originalFile: 'y' }, extra: 1 }));
    assert.deepEqual(r, { kind: 'check', tool: 'Write', cwd: '/w', file: { path: '/w/a.ts', previous: 'y' } });
    assert.equal(parseHookInput(JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: '/a' } })).kind, 'ignore');
    assert.equal(parseHookInput(JSON.stringify({ tool_name: 'Read', tool_input: { file_path: '/a' } })).kind, 'ignore');
    assert.equal(parseHookInput('{"tool_name": 3}').kind, 'invalid');
  });

  it('refuses settings whose hooks have another shape', () => {
    assert.ok('problem' in mergeHookSettings('{"hooks": []}', 'x'));
    assert.ok('problem' in mergeHookSettings('{"hooks": {"PostToolUse": {}}}', 'x'));
    assert.ok('problem' in mergeHookSettings('[1]', 'x'));
    const merged = mergeHookSettings('// comment\n{"model": "opus"}', 'x');
    assert.ok('text' in merged && merged.text.startsWith('// comment') && merged.added);
  });
});
