/**
 * The custom protocol between the SpecChain client (sidebar, commands) and the language
 * server. Both sides import this file; nothing here depends on `vscode` or on a connection.
 *
 * URIs are `file:` URIs as LSP uses them; ranges are LSP ranges (0-based).
 */
import * as z from 'zod/mini';
import { natural, positionShape, rangeShape } from './service/shapes';
import type { SpecShape } from './service/specTemplate';
import type { DiagnosticCode, Range, Severity, StackReport } from './service/types';

/** A tag marker as the sidebar shows it. */
export interface TagNode {
  readonly type: string;
  readonly id: string;
  readonly sub?: string;
  readonly role: 'claim' | 'mention' | 'declaration' | 'title';
  readonly uri: string;
  /** Workspace-relative path, for display. */
  readonly path: string;
  readonly range: Range;
  /**
   * A claim of another SPEC that belongs to this one only because this SPEC declares the tag in
   * its chain (linking rule 3): shown as borrowed, not as this SPEC's own code.
   */
  readonly borrowed?: boolean;
}

/** An ID of an `@MX:SPEC`/`@MX:TEST` line as the sidebar shows it. */
export interface MxRefNode {
  /** The ID (`REQ-X-001`, `AC-3`, or the SPEC's `SPEC-X-001`). */
  readonly id: string;
  readonly uri: string;
  /** Workspace-relative path, for display. */
  readonly path: string;
  readonly range: Range;
  /** True for a reference from a test file (`*_test.go`, `tests/`, …). */
  readonly test: boolean;
}

/** A REQ or AC declaration in one of a SPEC's files. */
/** Where a SPEC, REQ or AC stands against the test results (see `service/evidence/states.ts`). */
export type EvidenceStateName = 'verified' | 'failing' | 'skipped' | 'not-run' | 'untested';

/** A SPEC's, REQ's or AC's evidence as the sidebar shows it: present when test result files were read. */
export interface EvidenceBadge {
  readonly state: EvidenceStateName;
  readonly stale: boolean;
  readonly tests: number;
  readonly failed: number;
  readonly notRun: number;
}

export interface ReqDeclNode {
  readonly id: string;
  /** Its test evidence, when result files were read. */
  readonly evidence?: EvidenceBadge;
  /** The requirement's or criterion's sentence (may be empty). */
  readonly text: string;
  readonly uri: string;
  readonly path: string;
  readonly range: Range;
}

/** A REQ with what points at it: code and test references, and the ACs mapping it. */
export interface ReqNode extends ReqDeclNode {
  readonly code: readonly MxRefNode[];
  readonly tests: readonly MxRefNode[];
  readonly acs: readonly ReqDeclNode[];
}

/** The `@MX` side of a SPEC: present when it declares REQ/AC IDs or `@MX` lines link to it. */
export interface MxSpecNode {
  readonly reqs: readonly ReqNode[];
  /** REQs some `@MX` line references, of those declared. */
  readonly coverage: { readonly referenced: number; readonly declared: number };
  /** `@MX` lines that name the SPEC and none of its REQs. */
  readonly specRefs: readonly MxRefNode[];
  /** REQ/AC IDs on lines naming this SPEC that it does not declare (`mx/unknown-req`). */
  readonly broken: readonly MxRefNode[];
}

/**
 * A broken link (`isBrokenLink` in `service/broken.ts`): a diagnostic of a link code at error or
 * warning severity, as the sidebar's "Broken links" group shows it. The group holds every one
 * of them, so its count is the status bar's.
 */
export interface BrokenLinkNode {
  /** What the link names, as written: a SPEC, REQ or AC ID, or a header line's path. */
  readonly id: string;
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly uri: string;
  /** Workspace-relative path, for display. */
  readonly path: string;
  readonly range: Range;
  /** The SPEC the link belongs to when one does (its own document, or the SPEC an `@MX` line names). */
  readonly specId?: string;
  /** True when the engine offers a quick fix for it (beyond disabling the line). */
  readonly fixable: boolean;
}

/** The severity Problems shows for each kind of gap in a SPEC's chain; absent where no diagnostic reports it. */
export interface ChainGaps {
  /** A tag the SPEC declares that no code carries (`chain/declared-missing`). */
  readonly declared?: Severity;
  /** No marker in code belongs to the SPEC (`spec/no-implementation`). */
  readonly code?: Severity;
  /** Code but no test (`chain/missing-test`). */
  readonly test?: Severity;
}

/** One SPEC with its chain. */
export interface SpecNode {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly uri: string;
  readonly path: string;
  /** Range of the SPEC's title (where "open" lands). */
  readonly range: Range;
  /** Markers in code (claims) that belong to this SPEC, in file order. */
  readonly tags: readonly TagNode[];
  /** Markers that quote this SPEC's tags (docs, prompts, string literals): never implementation. */
  readonly mentions: readonly TagNode[];
  /** Count of code markers per tag type (`{ API: 2, TEST: 1 }`). */
  readonly counts: Readonly<Record<string, number>>;
  /** Tags the SPEC declares in its text that no code carries yet (`@API:USER-001`). */
  readonly missing: readonly string[];
  /** `complete`: code and tests and nothing declared missing; `partial`: some; `none`: no code. */
  readonly completeness: 'complete' | 'partial' | 'none';
  /**
   * Diagnostics reported on the SPEC document, by severity, and the broken links that belong to
   * the SPEC (in its own files, or `@MX` REQ/AC IDs on lines naming it).
   */
  readonly problems: { readonly errors: number; readonly warnings: number; readonly broken: number };
  /** The severity of each gap of its chain, as Problems reports it: the tree paints its empty slots with it. */
  readonly gaps: ChainGaps;
  /** Framework the SPEC states (`stack.backend.framework`), when it states one. */
  readonly framework?: string;
  /** True for a SPEC under `_archive/`. */
  readonly archived?: boolean;
  /** Its REQ-level chain, for a SPEC of the `@MX` dialect (both dialects may show on one SPEC). */
  readonly mx?: MxSpecNode;
  /** Its test evidence (the worst of its REQs and ACs), when result files were read. */
  readonly evidence?: EvidenceBadge;
  /** SPECs its frontmatter names (`depends_on`, `dependencies`, `blocks`, `related_specs`), for the graph. */
  readonly references?: readonly { readonly field: string; readonly id: string }[];
  /** The endpoints the SPEC names, each with the handlers serving it in the code (the chain's API level). */
  readonly endpoints?: readonly EndpointNode[];
}

/** An endpoint a SPEC names (`POST /api/users`) where it is written, with its handlers. */
export interface EndpointNode {
  readonly method: string;
  /** The endpoint's path as the SPEC writes it (`/api/users/{id}`). */
  readonly endpoint: string;
  /** The SPEC document and the range of the endpoint in it. */
  readonly uri: string;
  readonly path: string;
  readonly range: Range;
  /** The REQ whose line names it, when one does. */
  readonly req?: string;
  /** The routes serving it; empty: "no route found". */
  readonly handlers: readonly HandlerNode[];
}

/** A route of the code serving an endpoint: where it is declared, and its tests. */
export interface HandlerNode {
  readonly method: string;
  /** The route's full path as the code composes it. */
  readonly route: string;
  readonly framework: string;
  /** The handler's name as written, when one is named. */
  readonly handler?: string;
  /** False when part of the route's path is computed at run time. */
  readonly static: boolean;
  readonly uri: string;
  readonly path: string;
  readonly range: Range;
  /** Test files of the handler's file, by naming convention (`test_users.py`, `users.controller.spec.ts`). */
  readonly tests: readonly { readonly uri: string; readonly path: string }[];
}

export interface SpecTreeResult {
  readonly specs: readonly SpecNode[];
  /** Every broken link of the workspace, both dialects, by ID then path then line. */
  readonly broken: readonly BrokenLinkNode[];
  readonly totals: {
    readonly specs: number;
    readonly tags: number;
    /** Broken links (`isBrokenLink`): the length of `broken`. */
    readonly brokenLinks: number;
    readonly errors: number;
    readonly warnings: number;
    /** REQs and ACs per evidence state, when test result files were read (as `indexChanged` sends them). */
    readonly evidence?: Readonly<Record<EvidenceStateName, number>>;
  };
  /** How the first folder's SPECs are written, for a new SPEC there to match (the Create SPEC command). */
  readonly shape?: SpecShape;
}

/**
 * A protocol node as the service builds it, by path: the LSP layer adds the `uri` of each
 * `path` (see `withUris` there).
 */
export type ByPath<T> = T extends readonly (infer U)[]
  ? readonly ByPath<U>[]
  : T extends object
    ? { readonly [K in keyof T as K extends 'uri' ? never : K]: ByPath<T[K]> }
    : T;

/** The sidebar's SPEC tree: every SPEC with its chain. */
export namespace SpecTreeRequest {
  export const method = 'specchain/specTree';
  export type Params = Record<string, never>;
  export type Result = SpecTreeResult;
}

/** The detected stack of the workspace, per service. */
export namespace StackRequest {
  export const method = 'specchain/stack';
  export type Params = Record<string, never>;
  export type Result = StackReport;
}

/** Framework guidance for the sidebar's Guidance section. */
export interface GuidanceView {
  readonly framework: string;
  readonly displayName: string;
  readonly docs: string;
  readonly sections: readonly { readonly title: string; readonly items: readonly string[] }[];
}

/** A line of the workspace a convention is read from; `line` is 1-based (0: the file as a whole). */
export interface ConventionSource {
  readonly path: string;
  readonly uri: string;
  readonly line: number;
}

/** One convention of a service, in words (code in backticks), with the lines it comes from. */
export interface ConventionFact {
  readonly label: string;
  readonly text: string;
  readonly sources: readonly ConventionSource[];
}

/**
 * The conventions found for the service a SPEC's plan is written for, for the Guidance view:
 * groups in a fixed order (Layout, Data layer, Authentication, Errors, Paging, Tests), a group
 * with nothing found left out.
 */
export interface ConventionsView {
  /** The service's folder (`.` for the root). */
  readonly service: string;
  /** The framework and its version (`Spring Boot 2.7.5`). */
  readonly framework: string;
  readonly groups: readonly { readonly title: string; readonly facts: readonly ConventionFact[] }[];
}

/**
 * The backend plan of a SPEC, rendered but not written: the client writes it (after asking
 * before an overwrite) so the server never touches the user's files.
 */
export namespace PlanRequest {
  export const method = 'specchain/plan';
  export interface Params {
    readonly specId: string;
    /**
     * The SPEC document the user picked, or any file or the root of the workspace folder to plan
     * in: needed when several folders hold the ID (the request is refused then, with
     * {@link PlanChoices} as the error's data).
     */
    readonly uri?: string;
  }
  export interface Result {
    readonly specId: string;
    readonly markdown: string;
    /** Where the plan belongs: `.moai/docs/backend-architecture-<ID>.md`. */
    readonly targetUri: string;
    /** Guidance for the SPEC's framework, or null when the framework is not determined. */
    readonly guidance: GuidanceView | null;
    /** The conventions of the SPEC's service, or null when no service's code was read for it. */
    readonly conventions: ConventionsView | null;
  }
}

/** The data of the error a plan request gets when several workspace folders hold its SPEC ID. */
export interface PlanChoices {
  /** Per folder, its SPEC document of that ID (the `uri` to send again) and the folder's root. */
  readonly choices: readonly { readonly uri: string; readonly folder: string }[];
}

/** The SPEC a position belongs to (a marker under the cursor, or the SPEC document itself). */
export namespace SpecAtRequest {
  export const method = 'specchain/specAt';
  export interface Params {
    readonly uri: string;
    readonly position: { readonly line: number; readonly character: number };
  }
  export type Result = { readonly specId: string } | null;
}

/** Re-reads the whole workspace from disk. */
export namespace RefreshRequest {
  export const method = 'specchain/refresh';
  export type Params = Record<string, never>;
  export type Result = { readonly files: number; readonly millis: number };
}

/**
 * Server to client: a folder is being (re)read from disk (`done: false`, with the number of
 * files listed) or has been read (`done: true`; its diagnostics follow, then `indexChanged`).
 */
export namespace IndexProgressNotification {
  export const method = 'specchain/indexProgress';
  export interface Params {
    readonly files: number;
    readonly done: boolean;
  }
}

/** Server to client: the index changed; the sidebar and status bar re-query. */
export namespace IndexChangedNotification {
  export const method = 'specchain/indexChanged';
  export interface Params {
    readonly specs: number;
    /** Broken links (`isBrokenLink` in `service/broken.ts`) in the whole workspace. */
    readonly brokenLinks: number;
    /** Diagnostics of error severity in the whole workspace. */
    readonly errors: number;
    /** REQs and ACs per evidence state, when test result files were read. */
    readonly evidence?: Readonly<Record<EvidenceStateName, number>>;
  }
}

// ---------------------------------------------------------------------------------------------
// Commands whose arguments cross a boundary.

/** A URI as LSP writes it (`file:///…`). */
const uriShape = z.string().check(z.minLength(1), z.maxLength(8192), z.regex(/^[A-Za-z][A-Za-z0-9+.-]*:/));
const specIdShape = z.string().check(z.minLength(1), z.maxLength(200));
/** An LSP location: a document and a range in it. */
const locationShape = z.object({ uri: uriShape, range: rangeShape });

/**
 * What a row of the SPECs view gives the commands of its context menu (`data-vscode-context`,
 * which VS Code passes as the command's argument): its SPEC (a broken link naming no SPEC has
 * none, but then the `id` it names: a SPEC, REQ or AC ID, or a path), and for a tag, reference
 * or broken-link row the marker and where it stands.
 */
export const rowContextShape = z
  .object({
    specId: z.optional(specIdShape),
    id: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
    tag: z.optional(z.string().check(z.maxLength(400))),
    uri: z.optional(uriShape),
    line: z.optional(natural),
    character: z.optional(natural),
  })
  .check(z.refine((row) => row.specId !== undefined || row.id !== undefined, 'a row names a SPEC or an ID'));
export type RowContext = z.output<typeof rowContextShape>;

/** A row's `data-vscode-context` as the page writes it: the row context, and what VS Code's menus read. */
export type RowMenuContext = RowContext & { readonly webviewSection: 'spec' | 'tag' | 'broken' | 'brokenId'; readonly preventDefaultContextMenuItems: true };

/**
 * The arguments of every command that something outside the extension's own code invokes with
 * arguments: the server (code lenses, `command:` links in hovers) and the SPECs view's rows
 * (context menus). One tuple schema per command: the server and the page build arguments of its
 * type (`lensCommand`, `commandLink`, `RowMenuContext`); the client checks them against it before
 * the command runs (`parseCommandArguments`), and turns LSP shapes into VS Code's in one place
 * (`client/src/commands/showReferences.ts`).
 *
 * To add such a command: add its entry here, its implementation to `COMMAND_FACTORIES` in
 * `client/src/commands/index.ts` (the type-check fails until it takes these arguments), and build
 * its arguments with the helpers below. A hover link's command also goes in the client's
 * `markdown.isTrusted.enabledCommands`, which is read from this table.
 */
export const COMMAND_ARGUMENTS = {
  /** A code lens: the references peek at `position` of `uri`, showing `locations`. */
  'specchain.showReferences': z.tuple([uriShape, positionShape, z.array(locationShape).check(z.maxLength(100_000))]),
  /** A hover link or a row: the SPEC's document at its title; with no argument, a SPEC is picked. */
  'specchain.openSpec': z.tuple([z.optional(z.union([specIdShape, rowContextShape]))]),
  /** A hover link: the SPEC in the SPECs view; with no argument, the SPEC at the cursor. */
  'specchain.revealSpec': z.tuple([z.optional(specIdShape)]),
  /** A hover link: an unsaved editor in VS Code's language `language` holding `content`. */
  'specchain.createMissingTest': z.tuple([z.string().check(z.regex(/^[a-z][a-z0-9-]{0,40}$/)), z.string().check(z.maxLength(10_000))]),
  /** A row (or a test): the plan of the SPEC; with no argument, a SPEC is picked. */
  'specchain.generatePlan': z.tuple([
    z.optional(z.union([specIdShape, rowContextShape])),
    z.optional(z.object({ overwrite: z.optional(z.boolean()), open: z.optional(z.boolean()) })),
  ]),
  'specchain.sidebar.open': z.tuple([rowContextShape]),
  'specchain.sidebar.openToSide': z.tuple([rowContextShape]),
  'specchain.sidebar.quickFix': z.tuple([rowContextShape]),
  'specchain.sidebar.copyId': z.tuple([rowContextShape]),
  'specchain.sidebar.copyTag': z.tuple([rowContextShape]),
  'specchain.sidebar.revealInExplorer': z.tuple([rowContextShape]),
} as const;

/** A command of `COMMAND_ARGUMENTS`. */
export type CommandId = keyof typeof COMMAND_ARGUMENTS;
/** The arguments of a command, as its implementation receives them. */
export type CommandArguments<K extends CommandId> = z.output<(typeof COMMAND_ARGUMENTS)[K]>;

/** The commands a hover may link to (VS Code runs only those a trusted hover names). */
export const HOVER_COMMANDS: readonly CommandId[] = ['specchain.openSpec', 'specchain.revealSpec', 'specchain.createMissingTest'];

/** True for a command of the table. */
export function isCommandId(id: string): id is CommandId {
  return Object.hasOwn(COMMAND_ARGUMENTS, id);
}

/** The arguments of `id` when they have its shape (unknown keys of objects dropped), else a sentence saying what is wrong. */
export function parseCommandArguments<K extends CommandId>(id: K, args: readonly unknown[]): { readonly ok: CommandArguments<K> } | { readonly error: string } {
  // Trailing `undefined`s are absent arguments (a menu may pass fewer, an API call explicit ones).
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  const parsed = COMMAND_ARGUMENTS[id].safeParse(args.slice(0, end));
  if (parsed.success) return { ok: parsed.data as CommandArguments<K> };
  const where = [...new Set(parsed.error.issues.map((i) => (i.path.length === 0 ? 'the argument list' : `argument ${Number(i.path[0]) + 1}${i.path.length > 1 ? ` (${i.path.slice(1).join('.')})` : ''}`)))];
  return { error: `${id} does not take these arguments: ${where.join(', ')} ${where.length === 1 ? 'is' : 'are'} not what it expects.` };
}

/** A command a code lens runs, as LSP sends it. */
export function lensCommand<K extends CommandId>(title: string, id: K, ...args: CommandArguments<K>): { title: string; command: K; arguments: CommandArguments<K> } {
  return { title, command: id, arguments: args };
}

/**
 * A `command:` link for a hover, as VS Code's Markdown reads it; parentheses are encoded too,
 * since a `)` in an argument would end the link.
 */
export function commandLink<K extends CommandId>(title: string, id: K, ...args: CommandArguments<K>): string {
  return `[${title}](command:${id}?${encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
