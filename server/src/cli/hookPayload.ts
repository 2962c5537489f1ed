import { z } from 'zod';

/** The tools whose PostToolUse event the hook checks: the ones that write a file. */
export const EDITING_TOOLS: readonly string[] = ['Edit', 'MultiEdit', 'Write'];

/**
 * The fields of Claude Code's PostToolUse hook input the hook reads (the documented
 * `session_id`, `transcript_path`, `cwd`, `hook_event_name`, `tool_name`, `tool_input`,
 * `tool_response`); others are let through, since Claude Code adds fields over time.
 */
const PAYLOAD = z.looseObject({
  hook_event_name: z.string().optional(),
  cwd: z.string().optional(),
  tool_name: z.string(),
  tool_input: z.unknown().optional(),
  tool_response: z.unknown().optional(),
});

/** `tool_input` of Edit, MultiEdit and Write: each names the file as `file_path`. */
const FILE_INPUT = z.looseObject({ file_path: z.string().min(1) });

/** One replacement of Edit (its `tool_input`) or of MultiEdit (each of its `edits`). */
const REPLACEMENT = z.looseObject({ old_string: z.string(), new_string: z.string(), replace_all: z.boolean().optional() });
const MULTI_EDIT_INPUT = z.looseObject({ edits: z.array(REPLACEMENT).min(1) });

/**
 * What Edit, MultiEdit and Write answer: `originalFile` is the file's text before the tool ran
 * (null when Write created it), `type` is `create` or `update` for Write.
 */
const FILE_RESPONSE = z.looseObject({
  originalFile: z.string().nullable().optional(),
  type: z.string().optional(),
});

/** One file an editing tool wrote. */
export interface EditedFile {
  /** As the tool named it: absolute, or relative to `cwd`. */
  readonly path: string;
  /** Its text before the edit; null when the tool created it; undefined when the payload does not say. */
  readonly previous: string | null | undefined;
  /** The replacements Edit or MultiEdit made, in order: the text before can be had by undoing them. */
  readonly replacements?: readonly Replacement[];
}

/** One replacement an editing tool made. */
export interface Replacement {
  readonly old_string: string;
  readonly new_string: string;
  readonly replace_all?: boolean | undefined;
}

/** What a hook input asks of the hook. */
export type HookRequest =
  | { readonly kind: 'ignore'; readonly why: string }
  | { readonly kind: 'check'; readonly tool: string; readonly cwd: string | undefined; readonly file: EditedFile }
  | { readonly kind: 'invalid'; readonly problem: string };

/** Reads a PostToolUse hook input (the text Claude Code writes on the hook's stdin). */
export function parseHookInput(text: string): HookRequest {
  if (text.trim() === '') return { kind: 'invalid', problem: 'no hook input on stdin (Claude Code sends a JSON object)' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { kind: 'invalid', problem: `the hook input is not JSON (${(e as Error).message})` };
  }
  const payload = PAYLOAD.safeParse(json);
  if (!payload.success) return { kind: 'invalid', problem: `the hook input is not a tool event: ${describe(payload.error)}` };
  const { tool_name: tool, hook_event_name: event, cwd } = payload.data;
  if (event !== undefined && event !== 'PostToolUse') return { kind: 'ignore', why: `${event} events are not checked` };
  if (!EDITING_TOOLS.includes(tool)) return { kind: 'ignore', why: `${tool} writes no file` };
  const input = FILE_INPUT.safeParse(payload.data.tool_input);
  if (!input.success) return { kind: 'invalid', problem: `${tool}'s tool_input has no file_path: ${describe(input.error)}` };
  const response = FILE_RESPONSE.safeParse(payload.data.tool_response ?? {});
  const previous = response.success ? (response.data.type === 'create' ? null : response.data.originalFile) : undefined;
  const replacements = tool === 'Write' ? undefined : replacementsOf(payload.data.tool_input);
  return { kind: 'check', tool, cwd, file: { path: input.data.file_path, previous, ...(replacements ? { replacements } : {}) } };
}

/** The replacements of an Edit's or a MultiEdit's `tool_input`; undefined when it has none that read. */
function replacementsOf(input: unknown): Replacement[] | undefined {
  const multi = MULTI_EDIT_INPUT.safeParse(input);
  if (multi.success) return multi.data.edits;
  const single = REPLACEMENT.safeParse(input);
  return single.success ? [single.data] : undefined;
}

/**
 * The text before the replacements were made, from the text after them: each undone, last
 * first, where its new string now stands. Undefined when that place is not certain, so that the
 * edit is not undone by a guess: a new string found nowhere or more than once (it may have been
 * in the file before the edit), or a `replace_all` (the file may have held the new string
 * already, and those places must not be undone).
 */
export function undoReplacements(text: string, replacements: readonly Replacement[]): string | undefined {
  let out = text;
  for (let i = replacements.length - 1; i >= 0; i--) {
    const { old_string: before, new_string: after, replace_all: all } = replacements[i]!;
    const at = after === '' || all ? -1 : out.indexOf(after);
    if (at === -1 || out.indexOf(after, at + 1) !== -1) return undefined;
    out = out.slice(0, at) + before + out.slice(at + after.length);
  }
  return out;
}

/** One line saying what is wrong, from zod's first issue. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the input';
  return `${where}: ${issue.message}`;
}
