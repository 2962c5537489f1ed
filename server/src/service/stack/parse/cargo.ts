import type { ManifestFacts } from '../../types';
import { FactsBuilder } from './common';
import { addTomlTable, isTable, readToml } from './toml';
import { TomlLayout } from './tomlLayout';

const SECTIONS: readonly (readonly [string, boolean])[] = [
  ['dependencies', false],
  ['build-dependencies', false],
  ['dev-dependencies', true],
];

/**
 * `Cargo.toml`: `[dependencies]` with plain strings or inline tables, `[dependencies.x]`
 * sections, dev/build sections, `[workspace.dependencies]` and `[target.'cfg'.dependencies]`.
 * A `package = "…"` key renames the dependency to the crate it really is.
 */
export function parseCargoToml(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'Cargo.toml', text);
  const doc = readToml(facts, text);
  if (!doc) return facts.build();
  const layout = new TomlLayout(facts.lines);
  for (const [section, dev] of SECTIONS) addTomlTable(facts, layout, [section], doc[section], dev);
  if (isTable(doc.workspace)) addTomlTable(facts, layout, ['workspace', 'dependencies'], doc.workspace.dependencies, !isTable(doc.package));
  if (isTable(doc.target)) {
    for (const [cfg, spec] of Object.entries(doc.target)) {
      if (!isTable(spec)) continue;
      for (const [section, dev] of SECTIONS) addTomlTable(facts, layout, ['target', cfg, section], spec[section], dev);
    }
  }
  const workspace = isTable(doc.workspace) ? doc.workspace : undefined;
  const members = Array.isArray(workspace?.members) ? workspace.members.filter((m): m is string => typeof m === 'string') : [];
  const name = isTable(doc.package) && typeof doc.package.name === 'string' ? doc.package.name : undefined;
  // A workspace without [package] is a virtual manifest: it gathers crates and builds none itself.
  return { ...facts.build(), module: { ...(name ? { id: name } : {}), ...(members.length > 0 ? { members } : {}), ...(workspace && !name ? { aggregatorOnly: true } : {}) } };
}
