import { openWorkspace } from '../node/open';
import type { Severity } from '../service/types';
import { collectCheck, formatJson, formatSarif, formatText } from './format';
import { ArgumentError, parseArgs, type CliIO } from './io';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** `specchain check [DIR] [--format text|json|sarif] [--fail-on error|warning|never] [--config FILE] [--no-cache] [--timings]` */
export async function checkCommand(args: readonly string[], io: CliIO, version: string): Promise<number> {
  const { values, flags, positional } = parseArgs(args, { values: ['format', 'fail-on', 'config'], flags: ['no-cache', 'timings'] });
  const format = values.get('format') ?? 'text';
  const failOn = values.get('fail-on') ?? 'error';
  if (!['text', 'json', 'sarif'].includes(format)) throw new ArgumentError(`--format must be text, json or sarif, not "${format}"`);
  if (!['error', 'warning', 'never'].includes(failOn)) throw new ArgumentError(`--fail-on must be error, warning or never, not "${failOn}"`);
  if (positional.length > 1) throw new ArgumentError(`check takes one folder, got ${positional.length}`);

  const started = Date.now();
  const configFile = values.get('config');
  const { service, load, configProblems } = await openWorkspace(positional[0] ?? '.', { ...(configFile ? { configFile } : {}), cache: !flags.has('no-cache') });
  for (const p of configProblems) io.err(`specchain: settings: ${p}`);
  // A manifest that cannot be read hides its frameworks from the stack checks: say so.
  for (const facts of service.index.allFacts()) for (const e of facts.manifest?.errors ?? []) io.err(`specchain check: warning: ${e}`);
  const checking = Date.now();
  const result = collectCheck(service, service.workspace.root, load.files, load.skipped.length, Date.now() - started);
  if (flags.has('timings')) {
    const { list, analyze, index } = load.phases;
    io.err(`specchain: timings: open ${checking - started - load.millis} ms, list ${list} ms, read+analyse ${analyze} ms, index ${index} ms, diagnostics ${Date.now() - checking} ms`);
  }

  if (format === 'json') io.out(formatJson(result));
  else if (format === 'sarif') io.out(formatSarif(result, version));
  else io.out(formatText(result, io.color));

  if (failOn === 'never') return 0;
  const threshold = RANK[failOn as Severity];
  return result.diagnostics.some((d) => RANK[d.severity] >= threshold) ? 1 : 0;
}
