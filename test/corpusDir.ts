import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared corpus folder (`../shared/corpus` beside the repository, or `$SPECCHAIN_SHARED/corpus`
 * when set, as in a git worktree), or undefined when it is absent: tests that need it then
 * skip and say why.
 */
export function corpusDir(...parts: string[]): string | undefined {
  const shared = process.env['SPECCHAIN_SHARED'] ?? resolve(__dirname, '..', '..', 'shared');
  const dir = join(shared, 'corpus', ...parts);
  return existsSync(dir) ? dir : undefined;
}
