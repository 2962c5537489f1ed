import { TAG_ID, bareSpecId } from '../../server/src/service/tags';

/**
 * Normalises what a user typed as a SPEC ID: trims it and drops a leading `SPEC-` (which is not
 * part of the ID). Returns the ID, or an explanation of what is wrong with it.
 */
export function parseSpecId(input: string): { readonly id: string } | { readonly error: string } {
  const trimmed = input.trim();
  const id = bareSpecId(trimmed);
  if (id.length === 0) return { error: 'Type a SPEC ID such as USER-001.' };
  if (TAG_ID.test(id)) return { id };
  if (TAG_ID.test(id.toUpperCase())) return { error: `SPEC IDs are upper case: ${id.toUpperCase()}` };
  if (!/-[0-9]{3,}$/.test(id)) return { error: 'A SPEC ID ends with a dash and at least three digits, as in USER-001.' };
  return { error: 'A SPEC ID is upper-case letters and digits in dash-separated parts, starting with a letter, as in AUTH-LOGIN-001.' };
}
