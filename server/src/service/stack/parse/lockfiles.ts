import { visit } from 'jsonc-parser';
import type { ManifestFacts } from '../../types';
import { FactsBuilder } from './common';

/**
 * Lockfiles are read in one pass over their lines (or, for JSON, by a visitor that builds no
 * tree): they may hold tens of megabytes, and only names with resolved versions are wanted.
 */

/** `poetry.lock`, `uv.lock`, `Cargo.lock`: the `name` and `version` of each `[[package]]`. */
export function parsePackageArrayLock(path: string, kind: string, text: string, normalise: (name: string) => string): ManifestFacts {
  const facts = new FactsBuilder(path, kind, text);
  let name: string | undefined;
  let version: string | undefined;
  let inPackage = false;
  let sawPackage = false;
  const flush = (): void => {
    if (inPackage && name !== undefined && version !== undefined) facts.resolve(normalise(name), version);
    name = version = undefined;
  };
  for (const line of linesOf(text)) {
    if (line.startsWith('[')) {
      flush();
      inPackage = line.trim() === '[[package]]';
      sawPackage ||= inPackage;
      continue;
    }
    if (!inPackage) continue;
    const m = /^(name|version)\s*=\s*"([^"]*)"/.exec(line);
    if (m?.[1] === 'name') name ??= m[2]!;
    else if (m) version ??= m[2]!;
  }
  flush();
  if (!sawPackage && text.trim() !== '') facts.error('no [[package]] entry: not a lockfile SpecChain can read');
  return facts.build();
}

/** `yarn.lock`, classic (`"a@^1", a@^1.2:` then `  version "1.2.3"`) and Berry (`"a@npm:^1":` then `  version: 1.2.3`). */
export function parseYarnLock(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'lockfile:yarn', text);
  let names: string[] = [];
  for (const line of linesOf(text)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      names = line.replace(/:\s*$/, '').split(',').map((d) => packageOfDescriptor(d.trim().replace(/^"|"$/g, ''))).filter((n) => n !== '');
      continue;
    }
    const v = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line);
    if (v) for (const n of names) facts.resolve(n.toLowerCase(), v[1]!);
  }
  return facts.build();
}

/** `a@^1.0.0`, `@scope/a@npm:^1` -> `a`, `@scope/a`. */
function packageOfDescriptor(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? descriptor : descriptor.slice(0, at);
}

/** `10.4.1(class-validator@0.14.1)`, v5 `4.18.2_debug@4.3.4` -> the version; undefined for `link:`/`file:` members. */
function pnpmVersion(raw: string): string | undefined {
  const v = raw.trim().replace(/^['"]|['"]$/g, '');
  return /^\d/.test(v) ? v.replace(/[(_].*$/, '') : undefined;
}

/**
 * `pnpm-lock.yaml`: the keys of `packages:` (`/express@4.18.2:`, `express@4.18.2(…):`, v5
 * `/express/4.18.2:`), and under `importers:` the version each workspace member locks
 * (`version: 10.4.1(…)` below the name, or v5 `name: 4.18.2` on one line).
 */
export function parsePnpmLock(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'lockfile:pnpm', text);
  let inPackages = false;
  let inImporters = false;
  let importer: string | undefined;
  let inDeps = false;
  let pending: string | undefined;
  for (const line of linesOf(text)) {
    if (/^\S/.test(line)) {
      inPackages = /^packages:\s*$/.test(line);
      inImporters = /^importers:\s*$/.test(line);
      continue;
    }
    if (inImporters) {
      if (line.length > 4096) continue;
      const m = /^( +)(['"]?)([^'"\s][^'"]*?)\2:(?: +(\S.*))?$/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length;
      if (depth === 2) {
        importer = m[3]!;
        inDeps = false;
      } else if (depth === 4) inDeps = /^(?:dependencies|devDependencies|optionalDependencies)$/.test(m[3]!);
      else if (depth === 6 && inDeps && importer !== undefined) {
        pending = m[3]!.toLowerCase();
        const version = m[4] !== undefined ? pnpmVersion(m[4]) : undefined;
        if (version !== undefined) facts.resolveIn(importer, pending, version);
      } else if (depth === 8 && inDeps && importer !== undefined && pending !== undefined && m[3] === 'version' && m[4] !== undefined) {
        const version = pnpmVersion(m[4]);
        if (version !== undefined) facts.resolveIn(importer, pending, version);
      }
      continue;
    }
    if (!inPackages) continue;
    const key = /^ {2}['"]?\/?((?:@[^/@\s'"]+\/)?[^/@\s'"]+)[@/](\d[^(:\s'"]*)/.exec(line);
    if (key) facts.resolve(key[1]!.toLowerCase(), key[2]!);
  }
  return facts.build();
}

/** `package-lock.json` (v1 `dependencies`, v2/v3 `packages`): top-level resolved versions, read without building a tree. */
export function parsePackageLock(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'lockfile:npm', text);
  // The path of object keys down to the current value: ['packages', 'node_modules/x', 'version'].
  const keys: string[] = [];
  let pendingKey: string | undefined;
  let reported = false;
  visit(text, {
    onObjectBegin: () => {
      keys.push(pendingKey ?? '');
      pendingKey = undefined;
    },
    onObjectEnd: () => {
      keys.pop();
    },
    onObjectProperty: (property) => {
      pendingKey = property;
    },
    onLiteralValue: (value) => {
      const [root, section, entry, field] = [keys[0], keys[1], keys[2], pendingKey];
      pendingKey = undefined;
      if (root !== '' || field !== 'version' || typeof value !== 'string' || entry === undefined || keys.length !== 3) return;
      if (section === 'packages') {
        const m = /^(?:(.+?)\/)?node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(entry);
        // `apps/api/node_modules/x`: the version a workspace member keeps apart from the hoisted one.
        if (m && m[1] === undefined) facts.resolve(m[2]!.toLowerCase(), value);
        else if (m && !m[1]!.includes('node_modules/')) facts.resolveIn(m[1]!, m[2]!.toLowerCase(), value);
      } else if (section === 'dependencies') facts.resolve(entry.toLowerCase(), value);
    },
    onArrayBegin: () => {
      keys.push(pendingKey ?? '');
      pendingKey = undefined;
    },
    onArrayEnd: () => {
      keys.pop();
    },
    onError: (_error, offset) => {
      if (reported) return;
      reported = true;
      const pos = facts.lines.positionAt(offset);
      facts.error(`invalid JSON at line ${pos.line + 1}, column ${pos.character + 1}`);
    },
  });
  return facts.build();
}

function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
  }
}
