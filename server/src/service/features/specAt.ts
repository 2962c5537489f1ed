import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { targetAt } from './locate';
import { mxSubjects, mxTargetAt } from './mxLocate';

/**
 * The SPEC a position belongs to: the SPEC of the marker, `@MX` ID or dependency item under the
 * cursor, else the SPEC whose document (or companion) the file is, else the SPEC owning the file
 * by `module:`; undefined elsewhere.
 */
export function getSpecAt(index: WorkspaceIndex, path: string, position: Position): string | undefined {
  const mx = mxTargetAt(index, path, position);
  const subject = mx ? mxSubjects(mx)[0] : undefined;
  if (subject) return subject.specId;
  const target = targetAt(index, path, position);
  if (target?.kind === 'tag') {
    if (target.specIds[0] !== undefined) return target.specIds[0];
  } else if (target && index.specsWithId(target.specId).length > 0) return target.specId;
  return index.facts(path)?.spec?.id ?? index.specOfFile(path) ?? index.moduleOwner(path);
}
