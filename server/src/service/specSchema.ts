import { parseDocument } from 'yaml';
import type { FieldValue, FrontmatterSchema, Range, SpecDoc, SpecProblem } from './types';

/**
 * Which frontmatter a SPEC is judged by, and what it must hold. MoAI-ADK's v2 releases write
 * SPECs from a template described in `.claude/skills/moai/workflows/plan.md` (7 required fields
 * `id version status created updated author priority`, `issue_number` added in v2.7.11), and from
 * v2.12 a plan auditor (`.claude/agents/moai/plan-auditor.md`) that asks for `created_at`; v3 writes
 * its 12-field schema and lints it (`internal/spec/lint.go`, `status.go`). The project's release is
 * `template_version` in `.moai/config/sections/system.yaml`. `docs/model-decisions.md` has the table.
 */

/** Where MoAI keeps the project's MoAI-ADK release. */
export const SYSTEM_SETTINGS_PATH = '.moai/config/sections/system.yaml';

/** The fields every v2 template writes (and the v0.x field standard before it). */
export const TEMPLATE_REQUIRED = ['id', 'version', 'status', 'created', 'updated', 'author', 'priority'] as const;
/** MoAI v3's 12 fields. */
export const CURRENT_REQUIRED = ['id', 'title', 'version', 'status', 'created', 'updated', 'author', 'priority', 'phase', 'module', 'lifecycle', 'tags'] as const;
/** MoAI v3's status enum (`ValidStatuses`). */
export const CURRENT_STATUSES = ['draft', 'planned', 'in-progress', 'implemented', 'completed', 'superseded', 'archived', 'rejected'] as const;
/**
 * Statuses the v2 workflows and skills write (`draft`, `in-progress`, `implemented`, `completed`;
 * the SPEC skill's Planned, In Progress, Completed, Blocked; the auditor's active, deprecated),
 * with v3's, which most v2 SPECs in the wild use as well.
 */
export const TEMPLATE_STATUSES = ['draft', 'planned', 'in-progress', 'implemented', 'completed', 'blocked', 'active', 'deprecated', 'superseded', 'archived', 'rejected'] as const;

/** A status as compared: case ignored, `_` and blanks as `-` (`In Progress`, `In_Progress` are `in-progress`). */
export function normalStatus(status: string): string {
  return status.trim().toLowerCase().replace(/[_\s]+/g, '-');
}

/** A MoAI-ADK release as numbers (`v2.6.2-teddy` is 2.6.2), or undefined when it is not one. */
export function releaseOf(version: string | undefined): readonly [number, number, number] | undefined {
  const m = version === undefined ? null : /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

function atLeast(release: readonly [number, number, number], major: number, minor: number, patch = 0): boolean {
  return release[0] !== major ? release[0] > major : release[1] !== minor ? release[1] > minor : release[2] >= patch;
}

/**
 * The project's MoAI-ADK release from `system.yaml`: `moai.template_version` (what `moai update`
 * wrote the templates from), else `moai.version`. Undefined when neither reads as a release.
 */
export function readMoaiVersion(text: string): string | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const root = doc.toJS({ maxAliasCount: 50 }) as unknown;
  const moai = isRecord(root) && isRecord(root.moai) ? root.moai : undefined;
  for (const key of ['template_version', 'version']) {
    const value = moai?.[key];
    if ((typeof value === 'string' || typeof value === 'number') && releaseOf(String(value))) return String(value).trim();
  }
  return undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The shape a SPEC's own fields follow: v3 once it writes `phase` or `module`, fields only v3 has. */
export function shapeOf(fields: Readonly<Record<string, FieldValue>>): FrontmatterSchema {
  return 'phase' in fields || 'module' in fields ? 'current' : 'legacy';
}

/** What a SPEC is judged by: its schema, required fields, statuses, the names that stand for a field, and how to say so. */
interface Template {
  readonly schema: FrontmatterSchema;
  readonly required: readonly string[];
  readonly statuses: readonly string[];
  /** Field -> other names that count for it (`spec_id` for `id`, `created_at` from v2.12). */
  readonly alternatives: Readonly<Record<string, readonly string[]>>;
  readonly name: string;
}

/**
 * The template a SPEC is judged by. In a v3 project, a SPEC writing `phase` or `module` follows v3;
 * one writing neither predates the upgrade and follows the v2 template. In a v2 project only a
 * SPEC writing both `phase` and `module` follows v3: one stray field (`lifecycle`, `tags`, `title`
 * also belong to v2's SPEC skill) does not make a v3 SPEC. With no known release, a SPEC writing
 * `phase` or `module` follows v3.
 */
export function templateFor(fields: Readonly<Record<string, FieldValue>>, moaiVersion: string | undefined): Template {
  const release = releaseOf(moaiVersion);
  const v3Fields = ['phase', 'module'].filter((f) => f in fields).length;
  const current = release === undefined ? v3Fields > 0 : release[0] >= 3 ? v3Fields > 0 : v3Fields === 2;
  const label = release ? `${release[0]}.${release[1]}` : undefined;
  if (current) {
    return { schema: 'current', required: CURRENT_REQUIRED, statuses: CURRENT_STATUSES, alternatives: { id: ['spec_id'] }, name: 'v3 frontmatter schema (the 12 fields of MoAI v3, with phase, module and lifecycle)' };
  }
  const auditor = release !== undefined && atLeast(release, 2, 12);
  return {
    schema: 'legacy',
    required: TEMPLATE_REQUIRED,
    statuses: TEMPLATE_STATUSES,
    alternatives: auditor ? { id: ['spec_id'], created: ['created_at'], updated: ['updated_at'] } : { id: ['spec_id'] },
    name: label && release![0] === 2 ? `SPEC template of MoAI-ADK ${label} (${TEMPLATE_REQUIRED.join(', ')})` : `v2 frontmatter template (${TEMPLATE_REQUIRED.join(', ')})`,
  };
}

/**
 * `spec/frontmatter-invalid` warnings of a SPEC against the template it follows: missing fields,
 * an unknown status, dates not written YYYY-MM-DD. None when the frontmatter could not be read.
 */
export function frontmatterProblems(doc: SpecDoc, moaiVersion: string | undefined): SpecProblem[] {
  const range = doc.frontmatterRange;
  if (!range || doc.problems.some((p) => p.severity === 'error' && p.code === 'spec/frontmatter-invalid')) return [];
  const { fields } = doc;
  const template = templateFor(fields, moaiVersion);
  const problems: SpecProblem[] = [];
  const top: Range = { start: range.start, end: { line: range.start.line, character: 3 } };
  const has = (f: string): boolean => f in fields || (template.alternatives[f] ?? []).some((a) => a in fields);
  const missing = template.required.filter((f) => !has(f));
  if (missing.length > 0) {
    const list = missing.map((f) => `"${f}"`).join(', ');
    problems.push({ code: 'spec/frontmatter-invalid', severity: 'warning', message: `${missing.length === 1 ? 'Missing field' : 'Missing fields'} ${list} of the ${template.name}.`, range: top });
  }
  const status = fields.status;
  if (status && (typeof status.value !== 'string' || !template.statuses.includes(normalStatus(status.value)))) {
    problems.push({
      code: 'spec/frontmatter-invalid',
      severity: 'warning',
      message: `Unknown status "${String(status.value)}"; the ${template.name} allows ${template.statuses.join(', ')}.`,
      range: status.valueRange,
    });
  }
  for (const key of ['created', 'updated', ...(template.alternatives.created ?? []), ...(template.alternatives.updated ?? [])]) {
    const f = fields[key];
    if (f && !isDate(f.value)) {
      problems.push({ code: 'spec/frontmatter-invalid', severity: 'warning', message: `"${key}" must be a date written YYYY-MM-DD, not "${String(f.value)}".`, range: f.valueRange });
    }
  }
  return problems;
}

function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // An ISO 8601 time may follow (`2026-02-28T12:30:00Z`, as written by tools that stamp SPECs): the date is there.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
