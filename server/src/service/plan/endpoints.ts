import { lineAt, specBlocks, type FlatText, type SpecBlock } from './markdown';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An endpoint a SPEC names as `METHOD /path`. */
export interface Endpoint {
  readonly method: HttpMethod;
  /** The path as written, query string and trailing slash removed. */
  readonly path: string;
  /** 1-based line of its first mention. */
  readonly line: number;
}

const METHOD_NAMES = 'GET|POST|PUT|PATCH|DELETE';
/** `METHOD /path` or `METHOD https://host/path`; path parameters in `{}`, `<>` or `:name` form. */
const ENDPOINT = new RegExp(`\\b(${METHOD_NAMES})\\s+["']?(?:https?://[^\\s/\`'"]+)?(/[A-Za-z0-9\\-._~%{}:<>@$*+/\\[\\]]*)`, 'g');
const METHOD_CELL = new RegExp(`^(?:${METHOD_NAMES})(?:\\s*[,/|&]\\s*(?:${METHOD_NAMES}))*$`);
const PATH_CELL = /^(?:https?:\/\/[^\s/]+)?(\/[A-Za-z0-9\-._~%{}:<>@$*+/[\]]*)$/;

/**
 * True when `text` names an API of its own: at least two distinct endpoints as `METHOD /path`
 * (a path below `/`) outside the given ranges (`[start, end)`, sorted). What makes a SPEC a
 * backend SPEC; one endpoint in passing (`gh api -X POST /repos/…`, a probe's `GET /status`) does not.
 */
export function namesEndpoint(text: string, outside: readonly { readonly start: number; readonly end: number }[] = []): boolean {
  let k = 0;
  const seen = new Set<string>();
  for (const match of text.matchAll(ENDPOINT)) {
    while (k < outside.length && outside[k]!.end <= match.index) k++;
    if (k < outside.length && outside[k]!.start <= match.index) continue;
    const raw = match[2]!;
    let end = raw.length;
    while (end > 0 && '/.,:;)'.includes(raw[end - 1]!)) end--;
    if (end === 0) continue;
    seen.add(`${match[1]} ${raw.slice(0, end)}`);
    if (seen.size >= 2) return true;
  }
  return false;
}

/**
 * The endpoints a SPEC names as `METHOD /path`, in prose, inline code, headings, table rows
 * (also as separate method and path cells) and code blocks, deduplicated, in document order.
 */
export function extractEndpoints(source: string | readonly SpecBlock[]): readonly Endpoint[] {
  const blocks = typeof source === 'string' ? specBlocks(source) : source;
  const found = new Map<string, Endpoint>();
  const add = (method: string, rawPath: string, line: number): void => {
    const path = cleanPath(rawPath);
    const key = `${method} ${path}`;
    if (!found.has(key)) found.set(key, { method: method as HttpMethod, path, line });
  };
  for (const block of blocks) {
    const before = found.size;
    for (const part of block.parts) {
      for (const match of part.text.matchAll(ENDPOINT)) add(match[1]!, match[2]!, lineAt(part, match.index));
    }
    if (block.kind === 'row' && found.size === before) fromCells(block.parts, add);
  }
  return [...found.values()];
}

/** A table row whose method and path stand in separate cells (`| POST | /api/users |`). */
function fromCells(cells: readonly FlatText[], add: (method: string, path: string, line: number) => void): void {
  const methodCell = cells.find((cell) => METHOD_CELL.test(cell.text.trim()));
  const pathCell = cells.find((cell) => PATH_CELL.test(cell.text.trim()));
  if (!methodCell || !pathCell) return;
  const path = PATH_CELL.exec(pathCell.text.trim())![1]!;
  for (const method of methodCell.text.trim().split(/[^A-Z]+/)) add(method, path, lineAt(pathCell, 0));
}

function cleanPath(raw: string): string {
  const path = raw.replace(/[.:,;!*]+$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
