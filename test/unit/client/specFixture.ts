import type { SpecNode } from '../../../server/src/protocol';

/** An LSP range on one line. */
export const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

/** A SPEC of the tree as the server sends it: active, no chain, no problems, unless `extra` says otherwise. */
export const specNode = (id: string, title: string, extra: Partial<SpecNode> = {}): SpecNode => ({
  id,
  title,
  status: 'active',
  uri: `file:///ws/.moai/specs/SPEC-${id}/spec.md`,
  path: `.moai/specs/SPEC-${id}/spec.md`,
  range: range(12, 0, 20),
  tags: [],
  mentions: [],
  counts: {},
  missing: [],
  completeness: 'none',
  problems: { errors: 0, warnings: 0, broken: 0 },
  gaps: {},
  ...extra,
});
