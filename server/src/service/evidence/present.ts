import { escapeMarkdown } from '../text';
import { firstLine } from './rules';
import type { Evidence, LinkedTest } from './states';

const WORD: Readonly<Record<Evidence['state'], string>> = { verified: 'verified', failing: 'failing', skipped: 'skipped', 'not-run': 'not run', untested: 'no test' };

/** A lens title: `3 tests · 1 failing`, `2 tests · verified`, `1 test · not run`, `no test` (`· stale` when the results are older than the code). */
export function evidenceLensTitle(e: Evidence): string {
  if (e.counts.tests === 0) return 'no test';
  const n = `${e.counts.tests} test${e.counts.tests === 1 ? '' : 's'}`;
  const detail =
    e.state === 'failing'
      ? `${e.counts.failed} failing`
      : e.state === 'verified'
        ? e.counts.notRun > 0
          ? `${e.counts.passed} passed, ${e.counts.notRun} not run`
          : 'verified'
        : WORD[e.state];
  return `${n} · ${detail}${e.stale ? ' · stale' : ''}`;
}

/**
 * Hover lines for a SPEC, REQ or AC's evidence: its state, then each failing test with its name,
 * a link to it and the first line of its message, then how many others there are.
 */
export function evidenceHoverLines(e: Evidence, link: (path: string, line: number) => string | undefined): string[] {
  const lines = [`Tests: **${WORD[e.state]}**${e.stale ? ' (results older than the code)' : ''} · ${evidenceLensTitle(e)}`, ''];
  const failing = e.tests.filter((t) => t.outcome === 'failed' || t.outcome === 'error');
  for (const t of failing.slice(0, 5)) lines.push(`- ✗ ${testLink(t, link)}${t.result?.message ? `: ${escapeMarkdown(firstLine(t.result.message, 200)!)}` : ''}`);
  if (failing.length > 5) lines.push(`- … and ${failing.length - 5} more failing`);
  const others = e.tests.filter((t) => !failing.includes(t));
  for (const t of others.slice(0, Math.max(0, 5 - Math.min(failing.length, 5)))) lines.push(`- ${t.outcome === 'passed' ? '✓' : t.outcome === 'skipped' ? '–' : '○'} ${testLink(t, link)} (${t.outcome === 'not-run' ? 'not run' : t.outcome})`);
  if (e.tests.length > 0) lines.push('');
  return lines;
}

function testLink(t: LinkedTest, link: (path: string, line: number) => string | undefined): string {
  const target = link(t.path, t.line);
  const name = `\`${t.name.replace(/`/g, "'")}\``;
  return target ? `[${name}](${target})` : `${name} (\`${t.path}:${t.line + 1}\`)`;
}
