import type { ManifestFacts } from '../../types';
import { FactsBuilder } from './common';
import { isTable, readToml, type TomlTable } from './toml';
import { TomlLayout } from './tomlLayout';

/** A version as a catalog writes it: a string, or `{ strictly | require | prefer = "…" }`. */
function richVersion(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isTable(value)) return undefined;
  const v = value.strictly ?? value.require ?? value.prefer;
  return typeof v === 'string' ? v : undefined;
}

/**
 * A Gradle version catalog (`gradle/libs.versions.toml`). Builds that use one write
 * `implementation(libs.spring.boot.starter.web)` and `alias(libs.plugins.spring.boot)`, so the
 * coordinates and plugin ids are here: `[libraries]` (`"g:a:v"`, `{ module = "g:a" }` or
 * `{ group, name }`) and `[plugins]` (`"id:v"` or `{ id }`), with a literal version or a
 * `version.ref` into `[versions]`, whose entry is then where the version stands.
 */
export function parseVersionCatalog(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'libs.versions.toml', text);
  const doc = readToml(facts, text);
  if (!doc) return facts.build();
  const layout = new TomlLayout(facts.lines);
  const versions: TomlTable = isTable(doc.versions) ? doc.versions : {};
  const aliases: Record<string, string> = {};
  for (const section of ['libraries', 'plugins'] as const) {
    const table = doc[section];
    if (!isTable(table)) continue;
    for (const [alias, value] of Object.entries(table)) {
      const spot = layout.findKey([section], alias);
      let name: string | undefined;
      let version: string | undefined;
      let versionAt: readonly [number, number] | undefined;
      if (typeof value === 'string') {
        const parts = value.split(':');
        const nameParts = section === 'libraries' ? 2 : 1;
        if (parts.length < nameParts || parts.slice(0, nameParts).some((p) => p === '')) continue;
        name = parts.slice(0, nameParts).join(':');
        version = parts[nameParts];
        // The whole "g:a:v" string stands in quotes: the version is its last part.
        if (version !== undefined && spot?.versionAt) versionAt = [spot.versionAt[1] - version.length, spot.versionAt[1]];
      } else if (isTable(value)) {
        const module = typeof value.module === 'string' ? value.module : typeof value.group === 'string' && typeof value.name === 'string' ? `${value.group}:${value.name}` : undefined;
        name = section === 'libraries' ? module : typeof value.id === 'string' ? value.id : undefined;
        const ref = isTable(value.version) && typeof value.version.ref === 'string' ? value.version.ref : undefined;
        if (ref !== undefined) {
          version = richVersion(versions[ref]);
          versionAt = typeof versions[ref] === 'string' ? layout.findKey(['versions'], ref)?.versionAt : undefined;
        } else {
          version = richVersion(value.version);
          versionAt = typeof value.version === 'string' ? spot?.versionAt : undefined;
        }
      }
      if (name === undefined) continue;
      aliases[catalogAccessor(section, alias)] = name;
      const start = spot?.start ?? 0;
      facts.add(name, version, start, spot?.end ?? start, versionAt ? { versionAt } : {});
    }
  }
  return { ...facts.build(), module: { aliases } };
}

/** The accessor a build script writes for a catalog alias: `spring-boot_web` is `libs.spring.boot.web`. */
export function catalogAccessor(section: 'libraries' | 'plugins', alias: string): string {
  const path = alias.replace(/[-_]/g, '.').toLowerCase();
  return section === 'plugins' ? `libs.plugins.${path}` : `libs.${path}`;
}
