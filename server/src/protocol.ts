/**
 * The custom protocol between the SpecChain client (sidebar, commands) and the language
 * server. Both sides import this file; nothing here depends on `vscode` or on a connection.
 *
 * URIs are `file:` URIs as LSP uses them; ranges are LSP ranges (0-based).
 */
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
  };
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
