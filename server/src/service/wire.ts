import { Tag } from './tags';
import type { FileFacts, TagRole } from './types';

const ROLES: readonly TagRole[] = ['claim', 'mention', 'declaration', 'title'];
const FIELDS = 7;

/**
 * `FileFacts` as it crosses a thread or goes into the cache: the markers flattened into one
 * array of seven values each (type, id, sub, role, line, start, end), which copies and
 * deserialises several times faster than objects.
 */
export interface WireFacts extends Omit<FileFacts, 'tags'> {
  readonly tags: readonly (string | number | null)[];
}

export function encodeFacts(facts: FileFacts): WireFacts {
  const flat: (string | number | null)[] = new Array(facts.tags.length * FIELDS);
  let i = 0;
  for (const t of facts.tags) {
    const { start, end } = t.range;
    flat[i++] = t.type;
    flat[i++] = t.id;
    flat[i++] = t.sub ?? null;
    flat[i++] = ROLES.indexOf(t.role);
    flat[i++] = start.line;
    flat[i++] = start.character;
    flat[i++] = end.character;
  }
  return { ...facts, tags: flat };
}

export function decodeFacts(wire: WireFacts): FileFacts {
  const flat = wire.tags;
  const tags: Tag[] = new Array(flat.length / FIELDS);
  for (let i = 0, j = 0; i < flat.length; i += FIELDS, j++) {
    tags[j] = new Tag(flat[i] as string, flat[i + 1] as string, (flat[i + 2] as string | null) ?? undefined, ROLES[flat[i + 3] as number]!, flat[i + 4] as number, flat[i + 5] as number, flat[i + 6] as number);
  }
  return { ...wire, tags };
}
