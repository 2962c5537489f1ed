import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(ROOT, 'bin', 'specchain.js');

/** Builds the bundles the command runs, when a checkout has none yet. */
export function ensureBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) assert.equal(spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' }).status, 0, 'build');
}

/** Writes files (text or bytes) under `dir`, creating their folders. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** The built command run as a user would, with a time limit (a hang fails the test). */
export function specchain(args: readonly string[], options: SpawnSyncOptions = {}): { code: number; out: string; err: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  return { code: r.status ?? -1, out: String(r.stdout ?? ''), err: String(r.stderr ?? ''), signal: r.signal };
}

/** A legacy-schema SPEC document with the ID `id`. */
export const legacySpec = (id: string): string =>
  `---\nid: ${id}\nversion: 0.1.0\nstatus: active\ncreated: 2025-10-01\nupdated: 2025-10-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: ${id} title\n`;

/** A temporary folder holding a workspace `ws` of `files` and, beside it, the cache folder `env` names. */
export function tempWorkspace(prefix: string, files: Record<string, string | Buffer>): { base: string; ws: string; env: NodeJS.ProcessEnv; remove(): void } {
  ensureBuilt();
  const base = mkdtempSync(path.join(tmpdir(), `specchain-${prefix}-`));
  const ws = path.join(base, 'ws');
  writeTree(ws, files);
  return { base, ws, env: { SPECCHAIN_CACHE_DIR: path.join(base, 'cache') }, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** Every file under `dir`, relative. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name))).sort();
}

/** The command under a file-size limit of 0 blocks: every write to a file fails with EFBIG, as on a full disk. */
export function underNoSpace(args: string[], env: NodeJS.ProcessEnv): { code: number | null; err: string } {
  const r = spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, err: r.stderr };
}

/**
 * Standard error without the line saying why unknown IDs get no git history: these workspaces
 * are temporary folders outside any repository, where that line is expected (issue 19).
 */
export function withoutHistoryNote(stderr: string): string {
  return stderr.replace(/^specchain check: note: no git history for [^\n]*\n/m, '');
}
