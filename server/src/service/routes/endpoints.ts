import type { RouteMethod, SpecEndpoint } from '../types';

export type { SpecEndpoint } from '../types';

const METHODS = 'GET|POST|PUT|PATCH|DELETE';
/** `METHOD /path`, `METHOD `/path``, `METHOD https://host/path`: linear, no nested quantifier. */
const ENDPOINT = new RegExp(`\\b(${METHODS})\\b[ \\t]*[\`"']?[ \\t]*(?:https?://[^\\s/\`'"]+)?(/[A-Za-z0-9\\-._~%{}:<>@$*+/\\[\\]]*)`, 'g');
const METHOD_CELL = new RegExp(`^\`?(?:${METHODS})(?:[ \\t]*[,/|&][ \\t]*(?:${METHODS}))*\`?$`);
const PATH_CELL = /^`?(?:https?:\/\/[^\s/`]+)?(\/[A-Za-z0-9\-._~%{}:<>@$*+/[\]]*)`?$/;
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
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.length > MAX_LINE || !/(?:GET|POST|PUT|PATCH|DELETE)/.test(line)) continue;
    const before = out.length;
    for (const m of line.matchAll(ENDPOINT)) {
      const path = clean(m[2]!);
      if (path.length < 2 && path !== '/') continue;
      out.push({ method: m[1] as RouteMethod, path, range: { start: { line: i, character: m.index }, end: { line: i, character: m.index + m[0].length } } });
    }
    if (out.length === before && line.trimStart().startsWith('|')) fromCells(line, i, out);
  }
  return out;
}

/** A table row with the method and the path in separate cells (`| POST | /api/users |`). */
function fromCells(line: string, lineNo: number, out: SpecEndpoint[]): void {
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
  const path = clean(PATH_CELL.exec(pathCell.text)![1]!);
  const range = { start: { line: lineNo, character: pathCell.start }, end: { line: lineNo, character: pathCell.start + pathCell.text.length } };
  for (const m of method.text.replace(/`/g, '').split(/[^A-Z]+/)) if (m) out.push({ method: m as RouteMethod, path, range });
}

function clean(raw: string): string {
  let path = raw.replace(/[.:,;!*`]+$/, '');
  // A closing bracket of the sentence, not of a `[id]` segment.
  while (/[)\]]$/.test(path) && count(path, path.endsWith(')') ? '(' : '[') < count(path, path.endsWith(')') ? ')' : ']')) path = path.slice(0, -1).replace(/[.:,;!*`]+$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function count(text: string, c: string): number {
  let n = 0;
  for (const x of text) if (x === c) n++;
  return n;
}
