import type { SpecEntry } from '../index';
import { finding, type Finding, type RuleContext } from '../rules/context';
import type { LinkedTest } from './states';

/** Where a test stands and what it is called, for messages: `tests/test_auth.py:12 TestLogin > test_bad`. */
export function testLabel(t: LinkedTest): string {
  return `${t.name} (${t.path}:${t.line + 1})`;
}

/** The first line of a failure message, bounded, for one-line diagnostics. */
export function firstLine(message: string | undefined, max = 160): string | undefined {
  const line = message?.split('\n').find((l) => l.trim() !== '')?.trim();
  if (line === undefined) return undefined;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * `evidence/failing`: at a REQ/AC declaration whose linked tests include a failing one, naming
 * it, its message and how many of the linked tests fail.
 */
export function checkEvidenceFailing(ctx: RuleContext, path: string): Finding[] {
  const report = ctx.evidence();
  const facts = ctx.index.facts(path);
  if (!report || !facts?.reqs?.length) return [];
  const specId = facts.spec?.id ?? ctx.index.specOfFile(path);
  if (specId === undefined) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const entry of ctx.index.reqsOf(specId)) {
    if (entry.path !== path || seen.has(entry.decl.id)) continue;
    seen.add(entry.decl.id);
    const e = report.item(specId, entry.decl.id);
    if (e.state !== 'failing') continue;
    const failed = e.tests.filter((t) => t.outcome === 'failed' || t.outcome === 'error');
    const first = failed[0]!;
    const why = firstLine(first.result?.message);
    const others = failed.length > 1 ? ` (${failed.length} of ${e.counts.tests} linked tests fail)` : e.counts.tests > 1 ? ` (1 of ${e.counts.tests} linked tests)` : '';
    out.push(
      finding('evidence/failing', path, entry.decl.range, `${entry.decl.id} is failing: test ${testLabel(first)} ${first.outcome === 'error' ? 'errored' : 'failed'}${why ? `: ${why}` : ''}${others}.`, {
        related: failed.slice(0, 5).map((t) => ({ path: t.path, range: { start: { line: t.line, character: 0 }, end: { line: t.line, character: 0 } }, message: `${t.outcome === 'error' ? 'errored' : 'failed'}: ${t.name}` })),
      }),
    );
  }
  return out;
}

/** Statuses that claim the work is done. */
const DONE = new Set(['completed', 'complete', 'implemented', 'done']);

/**
 * `evidence/status-unproven`: a SPEC whose frontmatter says it is completed or implemented while
 * a REQ is failing, not run or untested; and, as a hint, a draft SPEC whose every REQ is verified.
 */
export function checkStatusUnproven(ctx: RuleContext, spec: SpecEntry): Finding[] {
  const report = ctx.evidence();
  const status = spec.doc.status?.toLowerCase().replace(/_/g, '-');
  if (!report || status === undefined) return [];
  const entries = ctx.index.reqsOf(spec.id);
  const reqs = entries.filter((r) => r.decl.kind === 'REQ');
  const ids = [...new Set((reqs.length > 0 ? reqs : entries).map((r) => r.decl.id))];
  if (ids.length === 0) return [];
  const range = spec.doc.fields.status?.valueRange ?? spec.doc.titleRange;
  const states = ids.map((id) => ({ id, e: report.item(spec.id, id) }));
  const kind = reqs.length > 0 ? 'REQ' : 'AC';
  if (DONE.has(status)) {
    const unproven = states.filter(({ e }) => e.state === 'failing' || e.state === 'not-run' || e.state === 'untested');
    if (unproven.length === 0) return [];
    const say = (list: typeof states, what: string): string | undefined => (list.length === 0 ? undefined : `${list.slice(0, 4).map((s) => s.id).join(', ')}${list.length > 4 ? ` and ${list.length - 4} more` : ''} ${what}`);
    const parts = [
      say(unproven.filter((s) => s.e.state === 'failing'), 'failing'),
      say(unproven.filter((s) => s.e.state === 'not-run'), 'with tests that did not run'),
      say(unproven.filter((s) => s.e.state === 'untested'), 'with no test'),
    ].filter((p): p is string => p !== undefined);
    return [finding('evidence/status-unproven', spec.path, range, `SPEC-${spec.id} is marked ${spec.doc.status}, but ${unproven.length} of ${ids.length} ${kind}s are unproven: ${parts.join('; ')}.`)];
  }
  if (status === 'draft' && states.every(({ e }) => e.state === 'verified')) {
    return [finding('evidence/status-unproven', spec.path, range, `Every ${kind} of SPEC-${spec.id} is verified by passing tests, yet it is still a draft: its status may move on.`, { severity: 'hint', atMost: 'hint' })];
  }
  return [];
}

