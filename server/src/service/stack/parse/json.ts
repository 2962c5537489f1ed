import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ManifestFacts } from '../../types';
import { FactsBuilder } from './common';

/** Parses JSON with positions; problems go to `facts`. Returns the root object node or undefined. */
function parseJsonObject(facts: FactsBuilder, text: string): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // The first error is the one to fix; later ones usually follow from it.
  for (const e of errors.slice(0, 1)) {
    const pos = facts.lines.positionAt(e.offset);
    facts.error(`invalid JSON at line ${pos.line + 1}, column ${pos.character + 1}: ${printParseErrorCode(e.error)}`);
  }
  if (!root) return undefined;
  if (root.type !== 'object') {
    facts.error('expected a JSON object at the top level');
    return undefined;
  }
  return root;
}

/** Each `"name": "version"` member of the object at `section`. */
function* members(root: Node, section: string): Generator<{ key: Node; value: Node }> {
  const obj = findNodeAtLocation(root, [section]);
  if (obj?.type !== 'object') return;
  for (const prop of obj.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key && value && typeof key.value === 'string') yield { key, value };
  }
}

function addSections(facts: FactsBuilder, root: Node, sections: readonly (readonly [string, boolean])[]): void {
  for (const [section, dev] of sections) {
    for (const { key, value } of members(root, section)) {
      const version = typeof value.value === 'string' ? value.value : undefined;
      const versionAt = version !== undefined ? ([value.offset + 1, value.offset + value.length - 1] as const) : undefined;
      facts.add(key.value as string, version, key.offset, value.offset + value.length, { dev, ...(versionAt ? { versionAt } : {}) });
    }
  }
}

/** `package.json`: dependencies of every kind, dev ones marked. */
export function parsePackageJson(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'package.json', text);
  const root = parseJsonObject(facts, text);
  if (root) {
    addSections(facts, root, [
      ['dependencies', false],
      // A peer dependency is the host's to install: a package that only peers a framework is a library.
      ['peerDependencies', true],
      ['optionalDependencies', false],
      ['devDependencies', true],
    ]);
    // The package's name, so that a sibling of a workspace that depends on it is known to use it.
    const name = findNodeAtLocation(root, ['name'])?.value;
    if (typeof name === 'string' && name !== '') return { ...facts.build(), module: { id: name } };
  }
  return facts.build();
}

/** `composer.json`: `require` and `require-dev`. */
export function parseComposerJson(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'composer.json', text);
  const root = parseJsonObject(facts, text);
  if (root) addSections(facts, root, [['require', false], ['require-dev', true]]);
  return facts.build();
}

const stripV = (v: string): string => v.replace(/^v(?=\d)/, '');

/** `composer.lock`: `packages` and `packages-dev`. */
export function parseComposerLock(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'lockfile:composer', text);
  const root = parseJsonObject(facts, text);
  if (root) {
    for (const section of ['packages', 'packages-dev']) {
      const list = findNodeAtLocation(root, [section]);
      for (const pkg of list?.type === 'array' ? (list.children ?? []) : []) {
        const name = findNodeAtLocation(pkg, ['name'])?.value;
        const version = findNodeAtLocation(pkg, ['version'])?.value;
        if (typeof name === 'string' && typeof version === 'string') facts.resolve(name.toLowerCase(), stripV(version));
      }
    }
  }
  return facts.build();
}

/** `Pipfile.lock`: `default` and `develop`, versions written as `==x`. */
export function parsePipfileLock(path: string, text: string, normalise: (name: string) => string): ManifestFacts {
  const facts = new FactsBuilder(path, 'lockfile:pipenv', text);
  const root = parseJsonObject(facts, text);
  if (root) {
    for (const section of ['default', 'develop']) {
      for (const { key, value } of members(root, section)) {
        const version = findNodeAtLocation(value, ['version'])?.value;
        if (typeof version === 'string') facts.resolve(normalise(key.value as string), version.replace(/^===?/, ''));
      }
    }
  }
  return facts.build();
}
