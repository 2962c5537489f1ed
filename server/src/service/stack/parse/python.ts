import type { ManifestFacts } from '../../types';
import { FactsBuilder, clip } from './common';
import { addTomlTable, isTable, readToml } from './toml';
import { TomlLayout } from './tomlLayout';

/** PEP 503 name normalisation: case-folded, runs of `-_.` become `-`. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 requirement: name, extras, version specifier, marker, with offsets inside the string. */
export interface Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** Version specifier as written (`>=0.100,<0.200`), when present. */
  readonly specifier?: string;
  readonly specifierAt?: readonly [number, number];
  readonly marker?: string;
  readonly url?: string;
  /** Offset just past the requirement proper (before any marker or trailing options). */
  readonly end: number;
}

/** One `op version` clause of a PEP 440 specifier; anchored, with no ambiguous repetition. */
const CLAUSE = /^(?:===|==|!=|~=|<=|>=|<|>)[ \t]*[A-Za-z0-9.*+!_-]+$/;

/**
 * True when `text` is a specifier (`>=1.0, <2`, a trailing comma allowed). Split on commas and
 * matched one clause at a time, so the work stays linear whatever padding the line carries.
 */
function isSpecifier(text: string): boolean {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.every((part) => CLAUSE.test(part));
}

/** Parses one PEP 508 requirement string; undefined when it is not one. */
export function parseRequirement(text: string): Requirement | undefined {
  const head = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*/.exec(text);
  if (!head) return undefined;
  const name = head[1]!;
  const extras = (head[2] ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  let pos = head[0].length;
  const semi = text.indexOf(';', pos);
  const body = semi === -1 ? text.slice(pos) : text.slice(pos, semi);
  const marker = semi === -1 ? undefined : text.slice(semi + 1).trim();
  let specifier: string | undefined;
  let specifierAt: readonly [number, number] | undefined;
  let url: string | undefined;
  if (body.trimStart().startsWith('@')) {
    url = body.trim().slice(1).trim();
  } else if (body.trim() !== '') {
    let spec = body;
    let offset = pos;
    const paren = /^\s*\(([^)]*)\)\s*$/.exec(spec);
    if (paren) {
      offset += spec.indexOf('(') + 1;
      spec = paren[1]!;
    }
    const trimmed = spec.trim();
    if (!isSpecifier(trimmed)) return undefined;
    const lead = spec.length - spec.trimStart().length;
    const written = trimmed.endsWith(',') ? trimmed.slice(0, -1).trimEnd() : trimmed;
    specifier = written.replace(/\s+/g, ' ');
    specifierAt = [offset + lead, offset + lead + written.length];
  }
  pos = specifierAt ? specifierAt[1] : head[0].trimEnd().length;
  return {
    name,
    extras,
    ...(specifier !== undefined ? { specifier, specifierAt } : {}),
    ...(marker ? { marker } : {}),
    ...(url ? { url } : {}),
    end: url ? (semi === -1 ? text.trimEnd().length : semi) : pos,
  };
}

/** A line ending in `\` (spaces after it allowed) continues on the next one. */
function endsContinued(line: string): boolean {
  return line.trimEnd().endsWith('\\');
}

/**
 * `requirements*.txt`: one requirement per line, `#` comments, `\` continuations; option lines
 * (`-r`, `-c`, `-e`, `--index-url` …), bare URLs and paths are not dependencies and are skipped.
 */
export function parseRequirementsTxt(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'requirements.txt', text);
  const dev = /(^|[-_.])(dev|test|tests|testing|lint|ci)([-_.]|$)/i.test(path.slice(path.lastIndexOf('/') + 1).replace(/\.txt$/, ''));
  let line = 0;
  while (line < facts.lines.lineCount) {
    const first = line;
    // Continued lines are gathered in a list and joined once: no string regrows per line.
    const pieces = [facts.lines.lineText(line)];
    while (endsContinued(pieces[pieces.length - 1]!) && line + 1 < facts.lines.lineCount) {
      pieces[pieces.length - 1] = pieces[pieces.length - 1]!.trimEnd().slice(0, -1);
      line++;
      pieces.push(facts.lines.lineText(line));
    }
    const logical = pieces.join(' ');
    line++;
    const content = logical.replace(/(^|\s)#.*$/, '').replace(/\s--?[a-z][\w-]*(=\S*)?.*$/i, '');
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('-') || /^[a-z+]+:\/\//i.test(trimmed) || /^[./~]/.test(trimmed) || trimmed.startsWith('$')) continue;
    const req = parseRequirement(content);
    if (!req) {
      facts.error(`line ${first + 1}: not a requirement: ${clip(trimmed)}`);
      continue;
    }
    const lineStart = facts.lines.offsetAt({ line: first, character: 0 });
    const lead = content.length - content.trimStart().length;
    const sameLine = line - first === 1;
    const versionAt = req.specifierAt && sameLine ? ([lineStart + req.specifierAt[0], lineStart + req.specifierAt[1]] as const) : undefined;
    const end = sameLine ? lineStart + content.trimEnd().length : facts.lines.offsetAt({ line: first, character: facts.lines.lineText(first).length });
    facts.add(req.name, req.specifier, lineStart + lead, end, { dev, features: req.extras, ...(versionAt ? { versionAt } : {}) });
  }
  return facts.build();
}

/** `pyproject.toml`: PEP 621 `[project]` (+ optional groups, PEP 735 groups) and Poetry. */
export function parsePyproject(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'pyproject.toml', text);
  const doc = readToml(facts, text);
  if (!doc) return facts.build();
  const layout = new TomlLayout(facts.lines);
  const addStrings = (table: readonly string[], key: string, items: unknown, dev: boolean): void => {
    if (!Array.isArray(items)) return;
    let after = -1;
    for (const item of items) {
      if (typeof item !== 'string') continue;
      const req = parseRequirement(item);
      const spot = layout.findArrayString(table, key, item, after);
      if (!req) {
        const line = spot ? facts.lines.positionAt(spot.start).line + 1 : undefined;
        facts.error(`${line ? `line ${line}: ` : ''}not a PEP 508 requirement: ${clip(item)}`);
        continue;
      }
      if (spot) after = spot.start;
      const start = spot?.start ?? 0;
      const versionAt = spot && req.specifierAt ? ([spot.start + req.specifierAt[0], spot.start + req.specifierAt[1]] as const) : undefined;
      facts.add(req.name, req.specifier, start, spot?.end ?? start, { dev, features: req.extras, ...(versionAt ? { versionAt } : {}) });
    }
  };
  const project = doc.project;
  if (isTable(project)) {
    addStrings(['project'], 'dependencies', project.dependencies, false);
    if (isTable(project['optional-dependencies'])) {
      for (const [group, items] of Object.entries(project['optional-dependencies'])) addStrings(['project', 'optional-dependencies'], group, items, true);
    }
  }
  if (isTable(doc['dependency-groups'])) {
    for (const [group, items] of Object.entries(doc['dependency-groups'])) addStrings(['dependency-groups'], group, items, true);
  }
  const tool = isTable(doc.tool) ? doc.tool : {};
  const poetry = isTable(tool.poetry) ? tool.poetry : undefined;
  if (poetry) {
    addTomlTable(facts, layout, ['tool', 'poetry', 'dependencies'], poetry.dependencies, false, ['python']);
    addTomlTable(facts, layout, ['tool', 'poetry', 'dev-dependencies'], poetry['dev-dependencies'], true);
    if (isTable(poetry.group)) {
      for (const [group, spec] of Object.entries(poetry.group)) {
        if (isTable(spec)) addTomlTable(facts, layout, ['tool', 'poetry', 'group', group, 'dependencies'], spec.dependencies, group !== 'main');
      }
    }
  }
  return facts.build();
}

/** `Pipfile`: `[packages]` and `[dev-packages]`. */
export function parsePipfile(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'Pipfile', text);
  const doc = readToml(facts, text);
  if (!doc) return facts.build();
  const layout = new TomlLayout(facts.lines);
  addTomlTable(facts, layout, ['packages'], doc.packages, false);
  addTomlTable(facts, layout, ['dev-packages'], doc['dev-packages'], true);
  return facts.build();
}
