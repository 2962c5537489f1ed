import type { WorkspaceIndex } from '../index';
import { plainRequirement } from '../reqText';
import { MX_STANDALONE_KINDS, MX_SUB_KINDS, type Position } from '../types';
import type { CompletionEntry } from './completion';
import { uniqueReqs } from './reqCoverage';

/** `@MX:SPEC` or `@MX:TEST` (any case, colon optional), then the value typed so far. */
const LINK_VALUE = /(?<![\w@])@MX:(?:SPEC|TEST)(?![\w-])[ \t]*:?(.*)$/i;
const KIND = /(?<![\w@])@MX:([A-Za-z]*)$/i;
const TYPED = /[A-Za-z0-9.-]*$/;
const NAMED_SPEC = /(?<![\w-])SPEC-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;

/**
 * Completions of the `@MX` dialect for a line whose text up to the cursor is `linePrefix`:
 * kinds after `@MX:`; SPEC IDs on an `@MX:SPEC`/`@MX:TEST` line; after a SPEC ID on that line,
 * that SPEC's REQ and AC IDs (with no SPEC named, those of the SPEC owning `path`).
 * Undefined when the cursor is not in such a place.
 */
export function getMxCompletions(index: WorkspaceIndex, linePrefix: string, position: Position, path?: string): CompletionEntry[] | undefined {
  const kind = KIND.exec(linePrefix);
  if (kind) {
    const typed = kind[1]!;
    const range = rangeBack(position, typed.length);
    return [...MX_STANDALONE_KINDS, ...MX_SUB_KINDS]
      .filter((k) => k.startsWith(typed.toUpperCase()))
      .map((k) => ({ kind: 'mx-kind' as const, label: k, detail: MX_STANDALONE_KINDS.includes(k) ? 'standalone @MX tag' : 'sub-line of the tag above', newText: `${k}: `, range }));
  }
  const link = LINK_VALUE.exec(linePrefix);
  if (!link) return undefined;
  const value = link[1]!;
  const typed = TYPED.exec(value)![0];
  const before = value.slice(0, value.length - typed.length);
  const range = rangeBack(position, typed.length);
  const named: string[] = [];
  for (const m of before.matchAll(NAMED_SPEC)) {
    const id = index.resolveSpecId(m[0]);
    if (id !== undefined && !named.includes(id)) named.push(id);
  }
  const upper = typed.toUpperCase();
  const out: CompletionEntry[] = [];
  const owner = named.length === 0 && path !== undefined ? (index.moduleOwner(path) ?? index.specOfFile(path)) : undefined;
  const reqSpecs = named.length > 0 ? named : owner !== undefined ? [owner] : [];
  if (!upper.startsWith('S')) {
    for (const specId of reqSpecs) {
      for (const r of uniqueReqs(index, specId)) {
        if (!r.decl.id.toUpperCase().startsWith(upper)) continue;
        out.push({ kind: r.decl.kind === 'REQ' ? 'req-id' : 'ac-id', label: r.decl.id, detail: `SPEC-${specId}${r.decl.text ? `: ${clip(plainRequirement(r.decl.text))}` : ''}`, newText: r.decl.id, range });
      }
    }
  }
  if (out.length === 0 || upper.startsWith('S')) {
    const seen = new Set<string>();
    for (const spec of index.specs()) {
      const label = `SPEC-${spec.id}`;
      if (seen.has(spec.id) || named.includes(spec.id) || !label.startsWith(upper)) continue;
      seen.add(spec.id);
      out.push({ kind: 'spec-id', label, ...(spec.doc.title ? { detail: spec.doc.title } : {}), newText: label, range });
    }
  }
  return out;
}

function rangeBack(position: Position, length: number): CompletionEntry['range'] {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
