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
  if (isTable(doc.workspace)) addTomlTable(facts, layout, ['workspace', 'dependencies'], doc.workspace.dependencies, false);
  if (isTable(doc.target)) {
    for (const [cfg, spec] of Object.entries(doc.target)) {
      if (!isTable(spec)) continue;
      for (const [section, dev] of SECTIONS) addTomlTable(facts, layout, ['target', cfg, section], spec[section], dev);
    }
  }
  return facts.build();
}
