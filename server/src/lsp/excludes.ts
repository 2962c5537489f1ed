import picomatch from 'picomatch';
import { BUILTIN_EXCLUDES, type SpecChainConfig } from '../service/config';

/** Decides whether a workspace-relative path is never read (built-in folders, `specchain.exclude`). */
export function excludeMatcher(config: SpecChainConfig): (path: string) => boolean {
  const builtin = new Set(BUILTIN_EXCLUDES);
  const user = config.exclude.length > 0 ? picomatch(config.exclude as string[], { dot: true }) : undefined;
  return (path) => path.split('/').some((segment) => builtin.has(segment)) || (user !== undefined && user(path));
}
