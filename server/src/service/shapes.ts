import * as z from 'zod/mini';

/**
 * Schemas of the small shapes every boundary carries (positions, ranges, workspace paths),
 * shared by the definitions of diagnostic data (`diagnosticData.ts`) and of the custom protocol
 * (`../protocol.ts`). Each schema checks what arrives from another process and gives its type.
 */

/** A 0-based line or UTF-16 column. */
export const natural = z.int().check(z.minimum(0));

export const positionShape = z.object({ line: natural, character: natural });

export const rangeShape = z.object({ start: positionShape, end: positionShape });

/** A workspace-relative path with `/` separators that stays inside the workspace (no `..`, not absolute). */
export const relativePathShape = z.string().check(
  z.minLength(1),
  z.maxLength(4096),
  z.refine((p) => p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), 'a workspace-relative path inside the workspace'),
);

/** A string matching `pattern`, whose length is bounded (the pattern bounds it too; this reads clearer in errors). */
export const text = (pattern: RegExp, max: number): z.ZodMiniString<string> => z.string().check(z.maxLength(max), z.regex(pattern));
