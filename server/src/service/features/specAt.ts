import type { WorkspaceIndex } from '../index';
import type { Position } from '../types';
import { refAt } from './dialects';

/**
 * The SPEC a position belongs to: the SPEC of the marker, `@MX` ID or dependency item under the
 * cursor, else the SPEC whose document (or companion) the file is, else the SPEC owning the file
 * by `module:`; undefined elsewhere.
 */
export function getSpecAt(index: WorkspaceIndex, path: string, position: Position): string | undefined {
  return refAt(index, path, position)?.subjects[0]?.specId ?? index.facts(path)?.spec?.id ?? index.specOfFile(path) ?? index.moduleOwner(path);
}
