import * as z from 'zod/mini';
import { rangeShape, relativePathShape, text } from './shapes';

/** A version as manifests and SPECs write it, ranges included (`^1.2`, `>= 2.0`). */
const VERSION = /^[0-9A-Za-z.+~^<>=!* -]{1,64}$/;

/**
 * What a quick fix needs, carried in `Diagnostic.data` and discriminated by `kind`: the one
 * definition of every kind. The engine's rules write these objects; the language server sends
 * them to the editor in `publishDiagnostics` and receives them back with each code-action
 * request (`lsp/convert.ts` checks both ways with {@link checkedData}); the code actions read
 * them (`features/codeActions.ts`, one fix per kind, which the compiler holds complete).
 *
 * Every field is checked as strictly as its use needs, since the client sends `data` back: a
 * forged one (an ID with `../`, a replacement with a newline, a manifest path out of the
 * workspace) must not become an edit or a new file.
 *
 * To add a kind: add its schema to `DATA_SCHEMAS` below (the `DiagnosticData` type follows), give
 * it a fix in `FIXES` of `features/codeActions.ts` (the type-check fails until you do), and write
 * it from a rule. Nothing else lists the kinds: the adapter and the tests read this table.
 */
export const DATA_SCHEMAS = {
  /** The range is (or holds) an ID to replace by a close known one. */
  'replace-id': z.object({ kind: z.literal('replace-id'), suggestion: text(/^(?!.*\.\.)[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u, 200) }),
  /** A malformed marker and its well-formed spelling. */
  'replace-marker': z.object({ kind: z.literal('replace-marker'), marker: text(/^@[A-Za-z][A-Za-z0-9_]*:[^\s]{1,300}$/, 400) }),
  /** `tag/unknown-spec` with no close ID: create the SPEC (the fix also holds the ID to the model's syntax). */
  'create-spec': z.object({ kind: z.literal('create-spec'), id: text(/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 200) }),
  /** A frontmatter value YAML reads wrong unquoted, and its quoted form. */
  'quote-yaml': z.object({ kind: z.literal('quote-yaml'), replacement: text(/^"[^\r\n]{0,10000}"$/, 10002) }),
  /** A SPEC's stated version against a manifest's: either side can be set to the other. */
  'set-version': z.object({
    kind: z.literal('set-version'),
    specVersion: text(VERSION, 64),
    manifestVersion: text(VERSION, 64),
    manifestPath: relativePathShape,
    manifestRange: rangeShape,
  }),
  /** Frameworks the SPEC's `stack.backend.framework` may be set to. */
  'pick-framework': z.object({ kind: z.literal('pick-framework'), choices: z.readonly(z.array(text(/^[a-z0-9][a-z0-9.-]{0,40}$/i, 41)).check(z.maxLength(50))) }),
  /** `mx/unknown-spec` without a close ID: MoAI's rule marks the tag legacy with a TODO, or the SPEC is created. */
  'mx-broken-link': z.object({ kind: z.literal('mx-broken-link'), id: text(/^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,199}$/u, 200) }),
  /** `mx/missing-reason`: insert an `@MX:REASON:` line under the tag. */
  'mx-add-reason': z.object({ kind: z.literal('mx-add-reason') }),
  /** An unknown ID git history says was renamed (IDs only: nothing else becomes an edit). */
  'retarget-id': z.object({
    kind: z.literal('retarget-id'),
    from: text(/^(?!.*\.\.)[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u, 200),
    to: text(/^(?!.*\.\.)[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u, 200),
  }),
} as const;

const DIAGNOSTIC_DATA = z.discriminatedUnion('kind', Object.values(DATA_SCHEMAS) as unknown as [(typeof DATA_SCHEMAS)[DataKind], ...(typeof DATA_SCHEMAS)[DataKind][]]);

/** The kinds of diagnostic data. */
export type DataKind = keyof typeof DATA_SCHEMAS;

/** Quick-fix payloads, discriminated by `kind`. */
export type DiagnosticData = { readonly [K in DataKind]: Readonly<z.output<(typeof DATA_SCHEMAS)[K]>> }[DataKind];

/** Every kind, for tests and adapters that must cover them all. */
export const DATA_KINDS = Object.keys(DATA_SCHEMAS) as DataKind[];

/**
 * The data when it has the shape of its kind (unknown keys dropped), else undefined. The one
 * check of diagnostic data, wherever it crosses a process boundary.
 */
export function checkedData(data: unknown): DiagnosticData | undefined {
  const parsed = DIAGNOSTIC_DATA.safeParse(data);
  return parsed.success ? (parsed.data as DiagnosticData) : undefined;
}
