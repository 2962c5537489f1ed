import { lexCode } from './code';
import { CSS, JAVASCRIPT, familyOf } from './languages';
import { lexMarkdown } from './markdown';
import { lexMarkup } from './markup';
import { lexPython } from './python';
import { RegionList } from './regionList';
import type { Region } from './types';

export { fileRole, hasGeneratedHeader, type RoleContext } from './fileRole';
export type { FileRole, Region, RegionKind } from './types';

/**
 * The comments, docstrings and string literals of a file, by its language family (from the
 * path, or a `#!` line). Offsets are UTF-16, half-open, sorted and disjoint; the rest of a source
 * file is code. Markdown gives its fenced and inline code as `string` and its HTML comments as
 * `comment`. A file of no known family gives no regions. Linear in the text's length; bad input
 * (a string or comment that never closes, mixed line endings) ends in code, never in a hang.
 */
export function lexRegions(path: string, text: string): readonly Region[] {
  const family = familyOf(path, text);
  if (family === undefined) return [];
  const out = new RegionList();
  if (family === 'python') lexPython(text, out);
  else if (family === 'markdown') lexMarkdown(text, out);
  else if (family === 'markup') lexMarkup(text, out, JAVASCRIPT, CSS);
  else lexCode(text, family, out);
  return out.regions;
}

