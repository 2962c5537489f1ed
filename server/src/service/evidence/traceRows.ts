import { findIds } from '../mx/ids';
import { LineIndex } from '../text';
import type { IdRef, TraceRow } from '../types';

/**
 * A test file as traceability tables write it (`hn_test.go`, `tests/test_auth.py`,
 * `login.test.ts`, `ChargeTest.java`), optionally with `::name` after it.
 */
const TEST_FILE = /(?<![\w./-])((?:[\w.-]+\/)*(?:\w+_test\.go|test_\w+\.py|\w+_test\.py|[\w.-]+\.(?:test|spec)\.[cm]?[jt]sx?|\w+Tests?\.(?:java|kt|cs)|\w+_test\.rs))(?:::(\w+))?/g;
/** A test function named alone: Go's `TestX`, pytest's `test_x`. */
const TEST_NAME = /(?<![\w./:-])(Test[A-Z]\w*|test_\w+)(?![\w.(])/g;

/**
 * The rows of a SPEC's traceability tables that name tests: a table row with REQ/AC IDs in a
 * cell and a test file or function in another. The IDs are those of the first cell that has
 * any (the row's REQ, or its ACs when it names no REQ first).
 */
export function scanTraceRows(text: string): TraceRow[] {
  if (!text.includes('|')) return [];
  const out: TraceRow[] = [];
  let lines: LineIndex | undefined;
  let at = 0;
  for (let line = 0; at <= text.length; line++) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const row = text.slice(at, end);
    if (/^\s*\|/.test(row) && /(?:REQ|AC)-/.test(row) && /test/i.test(row)) {
      const parsed = parseRow(text, at, row);
      if (parsed) {
        lines ??= new LineIndex(text);
        const li = lines;
        out.push({ ids: parsed.ids.map((f): IdRef => ({ kind: f.kind, id: f.id, range: li.range(f.start, f.end), ...(f.expanded ? { expanded: true } : {}) })), tests: parsed.tests, line });
      }
    }
    if (end === text.length) break;
    at = end + 1;
  }
  return out;
}

function parseRow(text: string, rowStart: number, row: string): { ids: ReturnType<typeof findIds>['ids']; tests: { file?: string; name?: string }[] } | undefined {
  let ids: ReturnType<typeof findIds>['ids'] = [];
  const tests: { file?: string; name?: string }[] = [];
  let cellStart = row.indexOf('|') + 1;
  while (cellStart < row.length) {
    let cellEnd = row.indexOf('|', cellStart);
    if (cellEnd === -1) cellEnd = row.length;
    const cell = row.slice(cellStart, cellEnd);
    if (ids.length === 0) {
      const found = findIds(text, rowStart + cellStart, rowStart + cellEnd).ids.filter((f) => f.kind !== 'SPEC');
      if (found.length > 0) {
        ids = found;
        cellStart = cellEnd + 1;
        continue;
      }
    }
    const files: [number, number][] = [];
    for (const m of cell.matchAll(TEST_FILE)) {
      tests.push({ file: m[1]!, ...(m[2] ? { name: m[2] } : {}) });
      files.push([m.index, m.index + m[0].length]);
    }
    for (const m of cell.matchAll(TEST_NAME)) if (!files.some(([s, e]) => m.index >= s && m.index < e)) tests.push({ name: m[1]! });
    cellStart = cellEnd + 1;
  }
  return ids.length > 0 && tests.length > 0 ? { ids, tests } : undefined;
}
