/** The SPEC ID syntax of the tag model: `USER-001`, `E2E-INIT-001`, `PY314-001`. */
export const SPEC_ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]{3,}$/;

/**
 * Normalises what a user typed as a SPEC ID: trims it and drops a leading `SPEC-` (which is not
 * part of the ID). Returns the ID, or an explanation of what is wrong with it.
 */
export function parseSpecId(input: string): { readonly id: string } | { readonly error: string } {
  const trimmed = input.trim();
  const id = trimmed.startsWith('SPEC-') ? trimmed.slice('SPEC-'.length) : trimmed;
  if (id.length === 0) return { error: 'Type a SPEC ID such as USER-001.' };
  if (SPEC_ID_PATTERN.test(id)) return { id };
  if (SPEC_ID_PATTERN.test(id.toUpperCase())) return { error: `SPEC IDs are upper case: ${id.toUpperCase()}` };
  if (!/-[0-9]{3,}$/.test(id)) return { error: 'A SPEC ID ends with a dash and at least three digits, as in USER-001.' };
  return { error: 'A SPEC ID is upper-case letters and digits in dash-separated parts, starting with a letter, as in AUTH-LOGIN-001.' };
}
