import type { RouteMethod, SpecEndpoint } from '../types';

export type { SpecEndpoint } from '../types';

const METHODS = 'GET|POST|PUT|PATCH|DELETE';
/**
 * `METHOD /path`, `GET/POST /path` (one endpoint per method), `METHOD `/path``,
 * `METHOD https://host/path`. The path may not be one upper-case word (`POST/PATCH` is a list,
 * `GET/LIST` a word, not `/PATCH` or `/LIST`). Linear: the list's separators are not spaces, so no two quantifiers compete.
 */
const ENDPOINT = new RegExp(
  `\\b((?:${METHODS})(?:[ \\t]*[/,|&][ \\t]*(?:${METHODS}))*)\\b[ \\t]*[\`"']?[ \\t]*(https?://[^\\s/\`'"]+)?(?!/[A-Z]+\\b(?![/{]))(/[A-Za-z0-9\\-._~%{}:<>@$*+/\\[\\]]*)`,
  'g',
);
/** Headings of sections that name endpoints the SPEC does not ask for ("Out of Scope", "Exclusions", "Non-goals", "Future work"). */
const EXCLUDED_HEADING = /out[- ]of[- ]scope|exclusions?\b|non[- ]goals?|not to build|future (?:work|scope|enhancements?)|\bdeferred\b/i;
const METHOD_CELL = new RegExp(`^\`?(?:${METHODS})(?:[ \\t]*[,/|&][ \\t]*(?:${METHODS}))*\`?$`);
const PATH_CELL = /^`?(https?:\/\/[^\s/`]+)?(\/[A-Za-z0-9\-._~%{}:<>@$*+/[\]]*)`?$/;
/** Words before an endpoint on its line that say it goes away rather than exists ("Remove `GET /api/x`"). */
const REMOVED = /\b(?:remove[ds]?|removing|removal|delete[ds]? the|deprecate[ds]?|deprecating|drop(?:s|ped)?|retire[ds]?|verwijder\w*)\b/i;
/** Lines longer than this are not read for endpoints (minified or generated text). */
const MAX_LINE = 4000;

/**
 * The endpoints a SPEC document names, in order, each once per line: `METHOD /path` in prose,
 * headings, REQ lines, inline and fenced code, and table rows whose method and path stand in
 * separate cells. The frontmatter is skipped.
 */
export function specEndpoints(text: string): SpecEndpoint[] {
  const out: SpecEndpoint[] = [];
  const lines = text.split('\n');
  let i = 0;
  if (lines[0]?.trimEnd() === '---') {
    i = 1;
    while (i < lines.length && lines[i]!.trimEnd() !== '---') i++;
    i++;
  }
  /** The level of the out-of-scope heading the lines are under (0: none). */
  let excludedLevel = 0;
  let fence = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (/^[ \t]*(?:```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^(#{1,6})[ \t]/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      if (excludedLevel && level <= excludedLevel) excludedLevel = 0;
      if (!excludedLevel && EXCLUDED_HEADING.test(line)) excludedLevel = level;
    }
    if (line.length > MAX_LINE || !/(?:GET|POST|PUT|PATCH|DELETE)/.test(line)) continue;
    const before = out.length;
    const excluded = excludedLevel ? ({ mention: 'excluded' } as const) : undefined;
    for (const m of line.matchAll(ENDPOINT)) {
      const path = clean(m[3]!);
      if ((path.length < 2 && path !== '/') || unclosed(path)) continue;
      const range = { start: { line: i, character: m.index }, end: { line: i, character: m.index + m[0].length } };
      const mention = m[2] ? ({ mention: 'call' } as const) : REMOVED.test(line.slice(0, m.index)) ? ({ mention: 'excluded' } as const) : excluded;
      for (const method of m[1]!.split(/[^A-Z]+/)) if (method) out.push({ method: method as RouteMethod, path, range, ...mention });
    }
    if (out.length === before && line.trimStart().startsWith('|')) fromCells(line, i, out, excluded);
  }
  return out;
}

/** A table row with the method and the path in separate cells (`| POST | /api/users |`). */
function fromCells(line: string, lineNo: number, out: SpecEndpoint[], excluded: { mention: 'excluded' } | undefined): void {
  const cells: { text: string; start: number }[] = [];
  let start = line.indexOf('|') + 1;
  for (let at = line.indexOf('|', start); at !== -1; at = line.indexOf('|', start)) {
    const raw = line.slice(start, at);
    cells.push({ text: raw.trim(), start: start + (raw.length - raw.trimStart().length) });
    start = at + 1;
  }
  const method = cells.find((c) => METHOD_CELL.test(c.text));
  const pathCell = cells.find((c) => PATH_CELL.test(c.text));
  if (!method || !pathCell) return;
  const cell = PATH_CELL.exec(pathCell.text)!;
  const path = clean(cell[2]!);
  const mention = cell[1] ? ({ mention: 'call' } as const) : excluded;
  const range = { start: { line: lineNo, character: pathCell.start }, end: { line: lineNo, character: pathCell.start + pathCell.text.length } };
  for (const m of method.text.replace(/`/g, '').split(/[^A-Z]+/)) if (m) out.push({ method: m as RouteMethod, path, range, ...mention });
}

function clean(raw: string): string {
  let path = raw.replace(/[.:,;!*`]+$/, '');
  // A closing bracket of the sentence, not of a `[id]` segment.
  while (/[)\]]$/.test(path) && count(path, path.endsWith(')') ? '(' : '[') < count(path, path.endsWith(')') ? ')' : ']')) path = path.slice(0, -1).replace(/[.:,;!*`]+$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** A path cut at a character paths do not hold (`/sources/{url|youtube|text}`): a notation, not a path. */
function unclosed(path: string): boolean {
  return count(path, '{') !== count(path, '}');
}

function count(text: string, c: string): number {
  let n = 0;
  for (const x of text) if (x === c) n++;
  return n;
}
