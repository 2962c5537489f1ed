import type { ManifestFacts } from '../../types';
import { FactsBuilder } from './common';
import { addTomlTable, isTable, readToml, stringsOf } from './toml';
import { TomlLayout } from './tomlLayout';

const SECTIONS: readonly (readonly [string, boolean])[] = [
  ['dependencies', false],
  ['build-dependencies', false],
  ['dev-dependencies', true],
];

/**
 * The features of each dependency that the crate's own `[features]` switch on
 * (`postgresql = ["diesel/postgres"]`, `"sqlx?/sqlite"`): a crate built with any of its features
 * can reach what they enable, so `diesel` counts as `diesel[postgres]` for databases.
 */
function featuresEnabled(table: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!isTable(table)) return out;
  for (const value of Object.values(table)) {
    for (const item of stringsOf(value)) {
      const m = /^([A-Za-z0-9_-]+)\??\/([A-Za-z0-9_-]+)$/.exec(item);
      if (!m) continue;
      const list = out.get(m[1]!) ?? [];
      if (!list.includes(m[2]!)) list.push(m[2]!);
      out.set(m[1]!, list);
    }
  }
  return out;
}

/**
 * `Cargo.toml`: `[dependencies]` with plain strings or inline tables, `[dependencies.x]`
 * sections, dev/build sections, `[workspace.dependencies]` and `[target.'cfg'.dependencies]`.
 * A `package = "…"` key renames the dependency to the crate it really is. Features the
 * crate's `[features]` table switches on count as the dependency's.
 */
export function parseCargoToml(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'Cargo.toml', text);
  const doc = readToml(facts, text);
  if (!doc) return facts.build();
  const layout = new TomlLayout(facts.lines);
  const enabled = featuresEnabled(doc.features);
  for (const [section, dev] of SECTIONS) addTomlTable(facts, layout, [section], doc[section], dev, [], enabled);
  if (isTable(doc.workspace)) addTomlTable(facts, layout, ['workspace', 'dependencies'], doc.workspace.dependencies, !isTable(doc.package));
  if (isTable(doc.target)) {
    for (const [cfg, spec] of Object.entries(doc.target)) {
      if (!isTable(spec)) continue;
      for (const [section, dev] of SECTIONS) addTomlTable(facts, layout, ['target', cfg, section], spec[section], dev, [], enabled);
    }
  }
  const workspace = isTable(doc.workspace) ? doc.workspace : undefined;
  const members = Array.isArray(workspace?.members) ? workspace.members.filter((m): m is string => typeof m === 'string') : [];
  const name = isTable(doc.package) && typeof doc.package.name === 'string' ? doc.package.name : undefined;
  // A workspace without [package] is a virtual manifest: it gathers crates and builds none itself.
  return { ...facts.build(), module: { ...(name ? { id: name } : {}), ...(members.length > 0 ? { members } : {}), ...(workspace && !name ? { aggregatorOnly: true } : {}) } };
}
