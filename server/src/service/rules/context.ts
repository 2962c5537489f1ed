import type { SpecChainConfig } from '../config';
import type { EvidenceReport } from '../evidence/states';
import type { SpecEntry, WorkspaceIndex } from '../index';
import type { SpecBinding, WorkspaceRoutes } from '../routes';
import type { MissingStore } from '../specStore';
import type { Diagnostic, DiagnosticCode, DiagnosticData, Range, RelatedLocation } from '../types';

/** What every rule sees: the index and the configuration. */
export interface RuleContext {
  readonly index: WorkspaceIndex;
  readonly config: SpecChainConfig;
  /** Closest SPEC ID to a broken one, for "did you mean". */
  closestId(id: string): string | undefined;
  /** Closest REQ/AC ID declared in the SPECs of `scope` (every SPEC when empty), for "did you mean". */
  closestReq(id: string, scope: readonly string[]): string | undefined;
  /** True for a file the project's mx.yaml `exclude` leaves out of MoAI's @MX scan. */
  mxExcluded(path: string): boolean;
  /** Test evidence from the result files given, or undefined when none were (no `evidence/*` finding then). */
  evidence(): EvidenceReport | undefined;
  /** The endpoints a SPEC names, bound to the routes of its services. */
  endpointsOf(spec: SpecEntry): SpecBinding;
  /** The routes of the workspace, composed across files per service. */
  routes(): WorkspaceRoutes;
  /**
   * `spec/no-specs` when the workspace holds no SPEC while links name SPECs and `.moai/` is
   * git-ignored or absent (the SPECs live outside this clone); then no link is reported as broken.
   */
  missingStore(): MissingStore | undefined;
}

/**
 * A finding before severity mapping: rules give the natural severity, settings decide, but never
 * above `atMost` (a mention of an unknown ID stays a hint whatever the rule's setting).
 */
export type Finding = Omit<Diagnostic, 'severity'> & { readonly severity?: Diagnostic['severity']; readonly atMost?: Diagnostic['severity'] };

export function finding(
  code: DiagnosticCode,
  path: string,
  range: Range,
  message: string,
  extra: { data?: DiagnosticData; related?: RelatedLocation[]; severity?: Diagnostic['severity']; atMost?: Diagnostic['severity']; target?: string } = {},
): Finding {
  return { code, path, range, message, ...extra };
}
