import type { ByPath, EvidenceBadge, SpecNode } from '../../protocol';
import type { Evidence, EvidenceReport } from './states';

function badge(e: Evidence): EvidenceBadge {
  return { state: e.state, stale: e.stale, tests: e.counts.tests, failed: e.counts.failed, notRun: e.counts.notRun };
}

/** The sidebar's SPEC nodes with their evidence badges (the SPEC's, each REQ's and AC's). */
export function withEvidenceBadges(specs: readonly ByPath<SpecNode>[], report: EvidenceReport): ByPath<SpecNode>[] {
  return specs.map((s) => ({
    ...s,
    evidence: badge(report.spec(s.id)),
    ...(s.mx
      ? {
          mx: {
            ...s.mx,
            reqs: s.mx.reqs.map((r) => ({ ...r, evidence: badge(report.item(s.id, r.id)), acs: r.acs.map((a) => ({ ...a, evidence: badge(report.item(s.id, a.id)) })) })),
          },
        }
      : {}),
  }));
}
