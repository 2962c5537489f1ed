/**
 * The custom protocol between the SpecChain client (sidebar, commands) and the language
 * server. Both sides import this file; nothing here depends on `vscode` or on a connection.
 *
 * URIs are `file:` URIs as LSP uses them; ranges are LSP ranges (0-based).
 */
import type { Range, StackReport } from './service/types';

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
  /** The SPEC that owns the chain this marker was borrowed from, when it is not this SPEC's own. */
  readonly borrowed?: string;
}

/** A requirement of an @MX-dialect SPEC with its references (the REQ level of the tree). */
export interface ReqNode {
  readonly id: string;
  readonly text?: string;
  readonly uri: string;
  readonly path: string;
  readonly range: Range;
  /** `@MX:SPEC` references from code. */
  readonly code: readonly TagNode[];
  /** References from tests. */
  readonly tests: readonly TagNode[];
  /** Acceptance criteria mapping this REQ, by ID. */
  readonly acs: readonly string[];
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
  /** Count of code markers per tag type (`{ API: 2, TEST: 1 }`). */
  readonly counts: Readonly<Record<string, number>>;
  /** Tags the SPEC declares in its text that no code carries yet (`@API:USER-001`). */
  readonly missing: readonly string[];
  /** `complete`: code and tests and nothing declared missing; `partial`: some; `none`: no code. */
  readonly completeness: 'complete' | 'partial' | 'none';
  /** Diagnostics reported on the SPEC document, by severity. */
  readonly problems: { readonly errors: number; readonly warnings: number };
  /** Framework the SPEC states (`stack.backend.framework`), when it states one. */
  readonly framework?: string;
  /** SPECs its frontmatter names (`depends_on`, `dependencies`, `blocks`, `related_specs`), for the graph. */
  readonly references?: readonly { readonly field: string; readonly id: string }[];
  /** Markers that quote this SPEC's tags without claiming them; shown apart, never count. */
  readonly mentions?: readonly TagNode[];
  /** Requirements of an @MX-dialect SPEC, when it declares any. */
  readonly reqs?: readonly ReqNode[];
}

export interface SpecTreeResult {
  readonly specs: readonly SpecNode[];
  readonly totals: {
    readonly specs: number;
    readonly tags: number;
    /** `tag/unknown-spec` plus `tag/broken-path` diagnostics. */
    readonly brokenLinks: number;
    readonly errors: number;
    readonly warnings: number;
  };
}

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
    readonly brokenLinks: number;
    /** Diagnostics of error severity in the whole workspace. */
    readonly errors: number;
  }
}
