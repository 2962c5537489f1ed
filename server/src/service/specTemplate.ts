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
  /** `legacy` writes MoAI's v2 template (no title, phase, module, lifecycle, tags); the v3 schema otherwise. */
  readonly schema?: 'legacy' | 'current';
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
 * The text of a new SPEC document: frontmatter in the current schema (every required field),
 * a `@SPEC:<ID>` title and an EARS requirements section to fill in.
 */
export function renderSpecTemplate(input: SpecTemplateInput): string {
  const day = input.date.toISOString().slice(0, 10);
  const domain = input.id.replace(/-[0-9]+$/, '').toLowerCase();
  const title = input.title.replace(/[\r\n]+/g, ' ').trim() || input.id;
  const v3 = input.schema !== 'legacy';
  return [
    '---',
    `id: SPEC-${input.id}`,
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
    `# @SPEC:${input.id}: ${title}`,
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
