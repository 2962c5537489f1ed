import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** The tools Claude Code's matcher names for the hook (a regular expression over tool names). */
export const HOOK_MATCHER = 'Edit|MultiEdit|Write';

/** What merging the hook into a settings file gives. */
export type MergedSettings = { readonly text: string; readonly added: boolean } | { readonly problem: string };

/**
 * `.claude/settings.json` with a PostToolUse entry running `command` for Edit, MultiEdit and
 * Write, every other setting kept as written (the file is edited in place, not rewritten). A
 * file that already runs `command` on PostToolUse is left as it is (`added: false`); a file that
 * is not a JSON object, or whose `hooks` or `hooks.PostToolUse` has another shape, is refused.
 */
export function mergeHookSettings(text: string | undefined, command: string): MergedSettings {
  const source = text === undefined || text.trim() === '' ? '{}' : text;
  const errors: ParseError[] = [];
  const settings: unknown = parse(source, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0]!;
    return { problem: `not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}): fix it or add the hook by hand` };
  }
  if (!isObject(settings)) return { problem: 'not a JSON object: fix it or add the hook by hand' };
  const hooks = settings.hooks;
  if (hooks !== undefined && !isObject(hooks)) return { problem: '"hooks" is not an object: fix it or add the hook by hand' };
  const post = hooks?.PostToolUse;
  if (post !== undefined && !Array.isArray(post)) return { problem: '"hooks.PostToolUse" is not a list: fix it or add the hook by hand' };
  const entries = (post ?? []) as unknown[];
  const present = entries.some((entry) => isObject(entry) && Array.isArray(entry.hooks) && entry.hooks.some((h) => isObject(h) && h.command === command));
  if (present) return { text: source, added: false };
  const entry = { matcher: HOOK_MATCHER, hooks: [{ type: 'command', command }] };
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: source.includes('\r\n') ? '\r\n' : '\n' };
  const edits = post === undefined ? modify(source, ['hooks', 'PostToolUse'], [entry], { formattingOptions }) : modify(source, ['hooks', 'PostToolUse', entries.length], entry, { formattingOptions, isArrayInsertion: true });
  const merged = applyEdits(source, edits);
  return { text: merged.endsWith('\n') ? merged : `${merged}\n`, added: true };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
