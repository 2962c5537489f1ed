import { companionPaths } from '../analyze';
import type { Link, WorkspaceIndex } from '../index';

/** Markers in code (claims) that belong to a SPEC, by file path then file order. */
export function chainClaims(index: WorkspaceIndex, specId: string): Link[] {
  const out: Link[] = [];
  const files = index.linksOf(specId);
  for (const path of [...files.keys()].sort()) for (const link of files.get(path)!) if (link.tag.role === 'claim') out.push(link);
  return out;
}

/** Count of code markers per tag type, in the configured order of the types. */
export function chainCounts(index: WorkspaceIndex, specId: string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const link of chainClaims(index, specId)) counts.set(link.tag.type, (counts.get(link.tag.type) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const type of index.tagTypes) if (counts.has(type)) out[type] = counts.get(type)!;
  for (const [type, n] of counts) if (!(type in out)) out[type] = n;
  return out;
}

/** `2 API · 1 DB · 3 TEST`, or undefined when no code carries the SPEC. */
export function formatCounts(counts: Readonly<Record<string, number>>): string | undefined {
  const parts = Object.entries(counts).map(([type, n]) => `${n} ${type}`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The tags (`@TYPE:ID`) a SPEC declares in its document and companions, in order, without repeats. */
export function declaredTags(index: WorkspaceIndex, specPath: string): string[] {
  const out = new Set<string>();
  for (const path of [specPath, ...companionPaths(specPath)]) {
    for (const tag of index.facts(path)?.tags ?? []) if (tag.role === 'declaration' && tag.type !== 'SPEC') out.add(`@${tag.type}:${tag.id}`);
  }
  return [...out];
}

/** Declared tags no marker in code carries yet. */
export function missingTags(index: WorkspaceIndex, specId: string, specPath: string): string[] {
  const declared = declaredTags(index, specPath);
  if (declared.length === 0) return [];
  const carried = new Set<string>();
  const ids = new Set([specId, ...declared.map((t) => t.slice(t.indexOf(':') + 1))]);
  for (const id of ids) for (const links of index.linksOf(id).values()) for (const link of links) carried.add(`@${link.tag.type}:${link.tag.id}`);
  return declared.filter((t) => !carried.has(t));
}
