import type { ManifestFacts } from '../../types';
import { FactsBuilder, maskComments } from './common';

interface Block {
  readonly name: string;
  readonly start: number;
  end: number;
}

/** The name written before a `{` at `brace`: `dependencies {`, `subprojects() {`, `tasks.x {`. */
function blockName(masked: string, brace: number): string {
  let end = brace;
  while (end > 0 && /\s/.test(masked[end - 1]!)) end--;
  // Step over one argument list without nested parentheses, as in `configure(x) {`.
  if (masked[end - 1] === ')') {
    const open = masked.lastIndexOf('(', end - 2);
    const close = masked.lastIndexOf(')', end - 2);
    if (open !== -1 && open > close && end - open <= 200) {
      end = open;
      while (end > 0 && /\s/.test(masked[end - 1]!)) end--;
    }
  }
  let start = end;
  while (start > 0 && end - start < 200 && /[\w.]/.test(masked[start - 1]!)) start--;
  while (start < end && !/[A-Za-z_]/.test(masked[start]!)) start++;
  return masked.slice(start, end);
}

/** Named `{ … }` blocks (`plugins`, `dependencies`, `buildscript` …) with their offsets, in order of start; strings skipped. */
export function scanBlocks(masked: string): { blocks: Block[]; unclosed: number; extraClosing: number } {
  const blocks: Block[] = [];
  const stack: Block[] = [];
  let extraClosing = 0;
  // The next line end, found again only once passed: a search per quote would be quadratic on a long line.
  let nl = -1;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    if (c === '"' || c === "'") {
      const end = masked.indexOf(c, i + 1);
      if (nl <= i) {
        nl = masked.indexOf('\n', i + 1);
        if (nl === -1) nl = masked.length;
      }
      i = end === -1 || nl < end ? i : end;
    } else if (c === '{') {
      const block = { name: blockName(masked, i), start: i, end: masked.length };
      blocks.push(block);
      stack.push(block);
    } else if (c === '}') {
      const block = stack.pop();
      if (block) block.end = i;
      else extraClosing++;
    }
  }
  return { blocks, unclosed: stack.length, extraClosing };
}

/**
 * Answers "which named block is innermost at this offset" for offsets asked in increasing order,
 * in one sweep over the blocks (they nest, so the open ones form a stack). Linear in the number
 * of blocks and questions together, however many blocks a file has.
 */
class BlockCursor {
  readonly #open: Block[] = [];
  #next = 0;

  constructor(private readonly blocks: readonly Block[]) {}

  at(offset: number): string | undefined {
    const open = this.#open;
    while (this.#next < this.blocks.length && this.blocks[this.#next]!.start < offset) {
      const block = this.blocks[this.#next++]!;
      while (open.length > 0 && open[open.length - 1]!.end < block.start) open.pop();
      open.push(block);
    }
    while (open.length > 0 && open[open.length - 1]!.end <= offset) open.pop();
    return open[open.length - 1]?.name;
  }
}

/** Simple string variables (`ext { x = '1' }`, `val x = "1"`, `def x = '1'`, `set('x', '1')`). */
export function stringVariables(masked: string): Map<string, string> {
  const vars = new Map<string, string>();
  // `[ \t]` rather than `\s` at line starts: a run of blank lines is not walked again from each of them.
  for (const m of masked.matchAll(/(?:\b(?:def|val|var)[ \t]+|\bext\.|^[ \t]*)([A-Za-z_]\w*)[ \t]*=[ \t]*["']([^"'$\n]+)["']/gm)) vars.set(m[1]!, m[2]!);
  for (const m of masked.matchAll(/\bset\(\s*["']([\w.-]+)["']\s*,\s*["']([^"'$\n]+)["']\s*\)/g)) vars.set(m[1]!, m[2]!);
  for (const m of masked.matchAll(/\bextra\[\s*["']([\w.-]+)["']\s*\]\s*=\s*["']([^"'$\n]+)["']/g)) vars.set(m[1]!, m[2]!);
  return vars;
}

/** Replaces `$x` and `${x}` by known variables; undefined when one is unknown. */
export function interpolate(value: string, vars: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const out = value.replace(/\$\{([\w.]+)\}|\$([A-Za-z_]\w*)/g, (_, a: string | undefined, b: string | undefined) => {
    const v = vars.get((a ?? b)!.replace(/^(project\.|rootProject\.)/, ''));
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : out;
}

const lineEndOf = (facts: FactsBuilder, offset: number): number => {
  const line = facts.lines.positionAt(offset).line;
  return facts.lines.offsetAt({ line, character: facts.lines.lineText(line).length });
};

/**
 * `build.gradle` (Groovy) and `build.gradle.kts` (Kotlin): plugin ids with versions in the
 * `plugins` block (`id 'x' version 'y'`, `id("x") version "y"`, `kotlin("jvm")`), `apply plugin:`,
 * and coordinates (`implementation 'g:a:v'`, `implementation("g:a:v")`, `platform(…)`, map form
 * `group: 'g', name: 'a', version: 'v'`) in `dependencies` blocks, `buildscript` included.
 */
export function parseGradle(path: string, text: string): ManifestFacts {
  const kind = path.endsWith('.kts') ? 'build.gradle.kts' : 'build.gradle';
  const facts = new FactsBuilder(path, kind, text);
  const masked = maskComments(text, { line: '//', block: ['/*', '*/'] });
  const { blocks, unclosed, extraClosing } = scanBlocks(masked);
  const vars = stringVariables(masked);
  if (unclosed > 0 || extraClosing > 0) facts.error(`unbalanced braces (${[unclosed > 0 ? `${unclosed} unclosed` : '', extraClosing > 0 ? `${extraClosing} extra closing` : ''].filter(Boolean).join(', ')})`);

  const pluginPatterns: readonly [RegExp, (id: string) => string][] = [
    [/\bid\s*(?:\(\s*)?(["'])([\w.-]+)\1\s*(?:\)\s*)?(?:version\s*(?:\(\s*)?(["'])([^"'\n]+)\3)?/g, (id) => id],
    [/\balias\s*\(\s*()libs\.plugins\.([\w.]+)\s*\)()()/g, (alias) => `libs.plugins.${alias}`],
    [/\bkotlin\s*\(\s*(["'])([\w.-]+)\1\s*\)(?:\s*version\s*(?:\(\s*)?(["'])([^"'\n]+)\3)?/g, (id) => `org.jetbrains.kotlin.${id}`],
  ];
  for (const [re, nameOf] of pluginPatterns) {
    const blockAt = new BlockCursor(blocks);
    for (const m of masked.matchAll(re)) {
      if (blockAt.at(m.index) !== 'plugins') continue;
      const raw = m[4] || undefined;
      const version = raw === undefined ? undefined : (interpolate(raw, vars) ?? raw);
      const at = raw !== undefined && version === raw ? m.index + m[0].lastIndexOf(raw) : undefined;
      // `apply false` declares a plugin (and its version) for subprojects without applying it here.
      const notApplied = /^[ \t)]*apply[ \t(]*false\b/.test(masked.slice(m.index + m[0].length, lineEndOf(facts, m.index)));
      facts.add(nameOf(m[2]!), version, m.index, lineEndOf(facts, m.index), { indirect: notApplied, ...(at !== undefined ? { versionAt: [at, at + raw!.length] as const } : {}) });
    }
  }
  for (const m of masked.matchAll(/\bapply\s+plugin\s*:\s*(["'])([\w.-]+)\1/g)) facts.add(m[2]!, undefined, m.index, lineEndOf(facts, m.index));

  const coordinate = /\b([A-Za-z_]\w*)\s*(?:\(\s*)?(?:(?:platform|enforcedPlatform)\s*\(\s*)?(["'])([^"'\n]+)\2/g;
  const coordinateBlock = new BlockCursor(blocks);
  const catalogAlias = /\b([A-Za-z_]\w*)\s*\(\s*(?:(?:platform|enforcedPlatform)\s*\(\s*)?libs\.(?!plugins\.|versions\.|bundles\.)([\w.]+)/g;
  const aliasBlock = new BlockCursor(blocks);
  for (const m of masked.matchAll(catalogAlias)) {
    if (aliasBlock.at(m.index) !== 'dependencies') continue;
    facts.add(`libs.${m[2]!}`, undefined, m.index, lineEndOf(facts, m.index), { dev: /^test/i.test(m[1]!) });
  }
  for (const m of masked.matchAll(coordinate)) {
    if (coordinateBlock.at(m.index) !== 'dependencies' || /^(platform|enforcedPlatform|project|files|fileTree|group|name|version)$/.test(m[1]!)) continue;
    const parts = m[3]!.split(':');
    if (parts.length < 2 || parts.some((p, i) => i < 2 && p.trim() === '')) continue;
    const raw = parts[2]?.replace(/@.*$/, '');
    const version = raw === undefined ? undefined : interpolate(raw, vars);
    const at = raw !== undefined && version === raw ? m.index + m[0].indexOf(m[3]!) + parts[0]!.length + parts[1]!.length + 2 : undefined;
    facts.add(`${parts[0]}:${parts[1]}`, version ?? raw, m.index, lineEndOf(facts, m.index), {
      dev: /^test/i.test(m[1]!),
      ...(at !== undefined ? { versionAt: [at, at + raw!.length] as const } : {}),
    });
  }
  // `implementation project(':library')`: a project of the same build, kept as its path (`:library`) for the stack to resolve.
  const projectRef = /\b([A-Za-z_]\w*)\s*(?:\(\s*)?project\s*\(\s*(?:path\s*[:=]\s*)?(["'])(:[\w:.-]*)\2/g;
  const projectBlock = new BlockCursor(blocks);
  for (const m of masked.matchAll(projectRef)) {
    if (projectBlock.at(m.index) !== 'dependencies') continue;
    facts.add(m[3]!, undefined, m.index, lineEndOf(facts, m.index), { dev: /^test/i.test(m[1]!) });
  }
  const mapForm = /\b([A-Za-z_]\w*)\s*(?:\(\s*)?group\s*[:=]\s*(["'])([^"'\n]+)\2\s*,\s*name\s*[:=]\s*(["'])([^"'\n]+)\4(?:\s*,\s*version\s*[:=]\s*(["'])([^"'\n]+)\6)?/g;
  const mapBlock = new BlockCursor(blocks);
  for (const m of masked.matchAll(mapForm)) {
    if (mapBlock.at(m.index) !== 'dependencies') continue;
    const raw = m[7];
    const version = raw === undefined ? undefined : interpolate(raw, vars);
    const at = raw !== undefined && version === raw ? m.index + m[0].lastIndexOf(raw) : undefined;
    facts.add(`${m[3]}:${m[5]}`, version ?? raw, m.index, lineEndOf(facts, m.index), {
      dev: /^test/i.test(m[1]!),
      ...(at !== undefined ? { versionAt: [at, at + raw!.length] as const } : {}),
    });
  }
  return facts.build();
}

/**
 * `settings.gradle(.kts)`: the projects the build includes (`include ':api', ':core:model'`,
 * `include("api")`), as folders (`api`, `core/model`). It declares modules and runs nothing.
 */
export function parseGradleSettings(path: string, text: string): ManifestFacts {
  const kind = path.endsWith('.kts') ? 'settings.gradle.kts' : 'settings.gradle';
  const facts = new FactsBuilder(path, kind, text);
  const masked = maskComments(text, { line: '//', block: ['/*', '*/'] });
  const members: string[] = [];
  for (let line = 0; line < facts.lines.lineCount; line++) {
    const start = facts.lines.offsetAt({ line, character: 0 });
    const text = facts.lines.lineText(line);
    const statement = /^[ \t]*include[ \t(]/.exec(masked.slice(start, start + text.length));
    if (!statement) continue;
    const rest = text.slice(statement[0].length);
    for (const m of rest.matchAll(/["']:?([\w.:-]+)["']/g)) members.push(m[1]!.replace(/:/g, '/'));
  }
  return { ...facts.build(), module: { members, aggregatorOnly: true } };
}
