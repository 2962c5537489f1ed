import { parse as parseToml } from 'smol-toml';
import { FactsBuilder, messageOf } from './common';
import type { TomlLayout } from './tomlLayout';

export type TomlTable = Record<string, unknown>;
export const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Parses TOML, recording a clear error instead of throwing. */
export function readToml(facts: FactsBuilder, text: string): TomlTable | undefined {
  try {
    return parseToml(text) as TomlTable;
  } catch (e) {
    facts.error(`invalid TOML: ${messageOf(e)}`);
    return undefined;
  }
}

/** Version from a Poetry/Pipfile/Cargo value: a string, or a table with `version`. */
export function versionOfValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isTable(value) && typeof value.version === 'string') return value.version;
  if (Array.isArray(value)) {
    const versions = value.map(versionOfValue).filter((v): v is string => v !== undefined);
    return versions.length > 0 ? versions.join(' || ') : undefined;
  }
  return undefined;
}

/** The strings of a TOML array (`features = ["postgres"]`); nothing for any other value. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Adds each key of a TOML dependency table (Poetry, Pipfile, Cargo). */
export function addTomlTable(
  facts: FactsBuilder,
  layout: TomlLayout,
  path: readonly string[],
  table: unknown,
  dev: boolean,
  skip: readonly string[] = [],
  moreFeatures: ReadonlyMap<string, readonly string[]> = new Map(),
): void {
  if (!isTable(table)) return;
  for (const [key, value] of Object.entries(table)) {
    if (skip.includes(key.toLowerCase())) continue;
    const spot = layout.findKey(path, key);
    const renamed = isTable(value) && typeof value.package === 'string' ? value.package : key;
    const version = versionOfValue(value);
    const start = spot?.start ?? 0;
    const features = [...(isTable(value) ? stringsOf(value.features ?? value.extras) : []), ...(moreFeatures.get(key) ?? [])];
    facts.add(renamed, version, start, spot?.end ?? start, { dev, features, ...(spot?.versionAt ? { versionAt: spot.versionAt } : {}) });
  }
}
