/**
 * The one template of a new SPEC document, used by the Create SPEC command of the client and by
 * the "Create SPEC" quick fix of the server.
 */

/** What a new SPEC document is made from. */
export interface SpecTemplateInput {
  /** The SPEC ID without `SPEC-`. */
  readonly id: string;
  readonly title: string;
  readonly author: string;
  /** The creation date, written as `YYYY-MM-DD` in UTC. */
  readonly date: Date;
  /** How the workspace's SPECs are written; MoAI's current template where it has none. */
  readonly shape?: Partial<SpecShape>;
}

/** How a workspace writes its SPECs, so that a new one looks like its neighbours. */
export interface SpecShape {
  /** Flat `SPEC-<ID>.md` files rather than folders. */
  readonly flat: boolean;
  /** `legacy` writes MoAI's v2 template (no title, phase, module, lifecycle, tags); `current` the v3 schema. */
  readonly schema: 'legacy' | 'current';
  /** `id: AUTH-001` rather than `id: SPEC-AUTH-001`. */
  readonly bareId: boolean;
  /** The title line: `# @SPEC:AUTH-001: …` (the tag dialect) or `# SPEC-AUTH-001: …` (MoAI's @MX era). */
  readonly heading: 'tag' | 'plain';
}

/** Workspace-relative path of a SPEC's document: a folder by default, or a flat `SPEC-<ID>.md`. */
export function specDocumentPath(id: string, flat = false): string {
  return flat ? `.moai/specs/SPEC-${id}.md` : `.moai/specs/SPEC-${id}/spec.md`;
}

/** Quotes a value for YAML so that `@`, `:` or `#` in it can never break the frontmatter. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The text of a new SPEC document: frontmatter with every required field of the workspace's
 * schema (v3 unless its SPECs are v2), its ID and title written as its SPECs write them, and an
 * EARS requirements section to fill in.
 */
export function renderSpecTemplate(input: SpecTemplateInput): string {
  const day = input.date.toISOString().slice(0, 10);
  const domain = input.id.replace(/-[0-9]+$/, '').toLowerCase();
  const title = input.title.replace(/[\r\n]+/g, ' ').trim() || input.id;
  const v3 = input.shape?.schema !== 'legacy';
  return [
    '---',
    `id: ${input.shape?.bareId ? '' : 'SPEC-'}${input.id}`,
    ...(v3 ? [`title: ${yamlString(title)}`] : []),
    'version: "0.1.0"',
    'status: draft',
    `created: ${day}`,
    `updated: ${day}`,
    `author: ${yamlString(input.author)}`,
    'priority: medium',
    ...(v3 ? ['phase: plan', `module: ${yamlString(domain)}`, 'lifecycle: spec-anchored', `tags: ${yamlString(domain)}`] : []),
    '---',
    '',
    input.shape?.heading === 'plain' ? `# SPEC-${input.id}: ${title}` : `# @SPEC:${input.id}: ${title}`,
    '',
    '## Overview',
    '',
    'What this SPEC delivers and why.',
    '',
    '## Requirements (EARS)',
    '',
    '### Ubiquitous',
    '',
    '- The system SHALL …',
    '',
    '### Event-driven',
    '',
    '- WHEN …, the system SHALL …',
    '',
    '### State-driven',
    '',
    '- WHILE …, the system SHALL …',
    '',
    '### Optional',
    '',
    '- WHERE …, the system MAY …',
    '',
    '### Unwanted behaviour',
    '',
    '- IF …, THEN the system SHALL …',
    '',
    '## Acceptance criteria',
    '',
    '- Given …, when …, then …',
    '',
  ].join('\n');
}
