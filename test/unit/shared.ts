import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Material the team keeps beside the repository (`../shared/`: real MoAI SPECs, the benchmark's
 * workspace generator), never copied into it: `$SPECCHAIN_SHARED`, or else the nearest `shared`
 * folder beside the repository or beside a folder above it (a git worktree nests one level
 * deeper). A clone on its own has none: the tests that read it are then reported as pending,
 * with the reason on a line that `test/run-all.mjs` collects into its results table. The
 * project's own fixtures cover the same behaviour.
 */
function findShared(): string | undefined {
  if (process.env.SPECCHAIN_SHARED) return path.resolve(process.env.SPECCHAIN_SHARED);
  let dir = path.resolve(__dirname, '..', '..');
  for (let parent = path.dirname(dir); parent !== dir; dir = parent, parent = path.dirname(dir)) {
    const candidate = path.join(parent, 'shared');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const SHARED = findShared();

/** The line prefix `test/run-all.mjs` looks for to say why tests were skipped. */
export const SKIP_MARK = 'SPECCHAIN_SKIPPED';

const announced = new Set<string>();

/**
 * The absolute path of `../shared/<rel>`. In a mocha `before` hook (or test) of a suite that
 * needs it, an absent path skips the suite, says why once, and marks its tests as pending.
 */
export function sharedPath(context: Mocha.Context, rel: string): string {
  const abs = SHARED === undefined ? undefined : path.join(SHARED, ...rel.split('/'));
  if (abs === undefined || !existsSync(abs)) {
    const reason = abs === undefined ? "no ../shared/ beside the repository (SPECCHAIN_SHARED can name it)" : `${abs} not found`;
    if (!announced.has(reason)) {
      announced.add(reason);
      console.log(`${SKIP_MARK} ${reason}`);
    }
    return context.skip();
  }
  return abs;
}
