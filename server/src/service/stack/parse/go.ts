import type { ManifestFacts } from '../../types';
import { FactsBuilder, clip } from './common';

/**
 * `go.mod`: `require` lines, single or in a `require ( … )` block. Requirements marked
 * `// indirect` are kept with `indirect` set: they name no framework the service chose, but a
 * database driver behind GORM is often only there.
 */
export function parseGoMod(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'go.mod', text);
  let block: string | undefined;
  let sawModule = false;
  let modulePath: string | undefined;
  for (let line = 0; line < facts.lines.lineCount; line++) {
    const raw = facts.lines.lineText(line);
    const code = raw.replace(/\/\/.*$/, '');
    const trimmed = code.trim();
    if (trimmed === '') continue;
    if (block) {
      if (trimmed === ')') {
        block = undefined;
        continue;
      }
      if (block === 'require') addRequire(facts, line, raw, code, code);
      continue;
    }
    const open = /^(require|replace|exclude|retract|tool|godebug)\s*\($/.exec(trimmed);
    if (open) {
      block = open[1]!;
      continue;
    }
    const moduleLine = /^module\s+"?([^\s"]+)/.exec(trimmed);
    if (moduleLine) {
      sawModule = true;
      modulePath = moduleLine[1]!;
    }
    const single = /^(\s*require\s+)(.*)$/.exec(code);
    if (single) addRequire(facts, line, raw, single[2]!, code, single[1]!.length);
    else if (!/^(module|go|toolchain|replace|exclude|retract|tool|godebug)\b/.test(trimmed)) facts.error(`line ${line + 1}: unexpected directive: ${clip(trimmed)}`);
  }
  if (block) facts.error(`unclosed "${block} (" block`);
  if (!sawModule) facts.error('no module directive');
  return { ...facts.build(), ...(modulePath ? { module: { id: modulePath } } : {}) };
}

/** `go.work`: the modules of the workspace (`use ./api`, `use ( ./a ./b )`), as folders. */
export function parseGoWork(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'go.work', text);
  const members: string[] = [];
  let inUse = false;
  for (let line = 0; line < facts.lines.lineCount; line++) {
    const code = facts.lines.lineText(line).replace(/\/\/.*$/, '').trim();
    if (inUse) {
      if (code === ')') inUse = false;
      else if (code !== '') members.push(code);
    } else if (/^use\s*\($/.test(code)) inUse = true;
    else if (/^use\s+\S/.test(code)) members.push(code.slice(3).trim());
  }
  const folders = members.map((m) => m.replace(/^"|"$/g, '').replace(/^\.\/?/, '').replace(/\/$/, '') || '.');
  return { ...facts.build(), module: { members: folders, aggregatorOnly: true } };
}

function addRequire(facts: FactsBuilder, line: number, raw: string, spec: string, code: string, prefix = 0): void {
  const m = /^(\s*)(\S+)\s+(\S+)\s*$/.exec(spec);
  const lineStart = facts.lines.offsetAt({ line, character: 0 });
  if (!m) {
    facts.error(`line ${line + 1}: expected "module version": ${clip(code.trim())}`);
    return;
  }
  const start = lineStart + prefix + m[1]!.length;
  const versionStart = start + m[2]!.length + spec.slice(m[1]!.length + m[2]!.length).search(/\S/);
  const indirect = /\/\/\s*indirect\b/.test(raw);
  facts.add(m[2]!, m[3]!, start, versionStart + m[3]!.length, { indirect, versionAt: [versionStart, versionStart + m[3]!.length] });
}

/** `go.sum`: every module version it checks; the highest one per module is taken as resolved. */
export function parseGoSum(path: string, text: string, higher: (a: string, b: string) => boolean): ManifestFacts {
  const facts = new FactsBuilder(path, 'lockfile:go', text);
  const best = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(v[^\s/]+)(\/go\.mod)?\s+h1:/.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const prev = best.get(name);
    if (prev === undefined || higher(m[2]!, prev)) best.set(name, m[2]!);
  }
  for (const [name, version] of best) facts.resolve(name, version);
  return facts.build();
}
