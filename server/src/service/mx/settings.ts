import { isMap, parseDocument } from 'yaml';
import { LineIndex } from '../text';
import type { MxProblem, MxSettings } from '../types';

/** Where the project's @MX settings live. */
export const MX_SETTINGS_PATH = '.moai/config/sections/mx.yaml';

/** MoAI's own defaults: per-file limits, no excludes beyond SpecChain's, REASON for WARN and ANCHOR. */
export const DEFAULT_MX_SETTINGS: MxSettings = {
  limits: { ANCHOR: 3, WARN: 5, NOTE: 10, TODO: 5 },
  exclude: [],
  requireReasonFor: ['WARN', 'ANCHOR'],
};

/**
 * Reads `.moai/config/sections/mx.yaml` (`mx.limits.<kind>_per_file`, `mx.exclude`,
 * `mx.require_reason_for`). What is not YAML, or has the wrong type, gives a problem naming
 * the key and keeps that setting's default; nothing here throws.
 */
export function readMxSettings(text: string): { settings: MxSettings; problems: MxProblem[] } {
  const problems: MxProblem[] = [];
  const lines = new LineIndex(text);
  const problem = (message: string, offset = 0): void => {
    const line = lines.positionAt(offset).line;
    problems.push({ code: 'mx/config-invalid', message, range: lines.lineRange(line) });
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    problem(`mx.yaml is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); MoAI's default limits and rules apply.`, doc.errors[0]!.pos[0]);
    return { settings: DEFAULT_MX_SETTINGS, problems };
  }
  const root = doc.toJS({ maxAliasCount: 50 }) as unknown;
  const top = isRecord(root) ? (isRecord(root.mx) ? root.mx : root) : undefined;
  if (!isMap(doc.contents) || !top) {
    if (doc.contents !== null) problem('mx.yaml must be a mapping (`mx:` with `limits`, `exclude`, `require_reason_for`); the defaults apply.');
    return { settings: DEFAULT_MX_SETTINGS, problems };
  }
  const at = (key: string): number => {
    const i = text.search(new RegExp(`^[ \\t]*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*:`, 'm'));
    return i === -1 ? 0 : i;
  };

  const limits: Record<string, number> = { ...DEFAULT_MX_SETTINGS.limits };
  if (top.limits !== undefined) {
    if (!isRecord(top.limits)) problem('`limits` must be a mapping such as `anchor_per_file: 3`; the default limits apply.', at('limits'));
    else {
      for (const [key, value] of Object.entries(top.limits)) {
        const kind = /^([a-z]+)_per_file$/i.exec(key)?.[1]?.toUpperCase();
        if (!kind) continue;
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) limits[kind] = value;
        else problem(`\`limits.${key}\` must be a whole number, not ${JSON.stringify(value)}; the default ${limits[kind] ?? 'none'} applies.`, at(key));
      }
    }
  }
  let exclude = DEFAULT_MX_SETTINGS.exclude;
  if (top.exclude !== undefined) {
    if (Array.isArray(top.exclude) && top.exclude.every((e) => typeof e === 'string')) exclude = top.exclude as string[];
    else problem('`exclude` must be a list of glob strings; nothing extra is excluded.', at('exclude'));
  }
  let requireReasonFor = DEFAULT_MX_SETTINGS.requireReasonFor;
  if (top.require_reason_for !== undefined) {
    if (Array.isArray(top.require_reason_for) && top.require_reason_for.every((e) => typeof e === 'string')) requireReasonFor = (top.require_reason_for as string[]).map((k) => k.toUpperCase());
    else problem('`require_reason_for` must be a list of kinds such as `[ANCHOR, WARN]`; WARN and ANCHOR need a reason.', at('require_reason_for'));
  }
  return { settings: { limits, exclude, requireReasonFor }, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
