import type { Diagnostic } from '../types';
import { fingerprints } from './fingerprint';

/** A finding with its fingerprint. */
export interface Fingerprinted {
  readonly diagnostic: Diagnostic;
  readonly fingerprint: string;
}

/** Findings with their fingerprints, in the order given. */
export function withFingerprints(diagnostics: readonly Diagnostic[]): Fingerprinted[] {
  const fps = fingerprints(diagnostics);
  return diagnostics.map((diagnostic, i) => ({ diagnostic, fingerprint: fps[i]! }));
}

/** What a change did to the findings, matched by fingerprint. */
export interface FindingDelta<Old> {
  /** In the new findings and not among the old: what the change introduced (in the new findings' order). */
  readonly introduced: readonly Fingerprinted[];
  /** Among the old and not in the new: what the change fixed (in the old findings' order). */
  readonly fixed: readonly Old[];
  /** How many of the new findings were among the old. */
  readonly unchanged: number;
}

/**
 * Compares the findings after a change with those before (a base commit's findings, or a
 * baseline's records), by fingerprint: a finding whose lines moved is the same finding; one of
 * the same kind about the same ID, one more in its file, is new.
 */
export function compareFindings<Old extends { readonly fingerprint: string }>(before: readonly Old[], after: readonly Fingerprinted[]): FindingDelta<Old> {
  const old = new Set(before.map((f) => f.fingerprint));
  const now = new Set(after.map((f) => f.fingerprint));
  const introduced = after.filter((f) => !old.has(f.fingerprint));
  return { introduced, fixed: before.filter((f) => !now.has(f.fingerprint)), unchanged: after.length - introduced.length };
}
