import { openFolder } from '../node/folder';
import { RunCache } from '../node/runCache';
import type { Severity } from '../service/types';
import { DEFAULT_CONFIG } from '../service/config';
import { collectCheck, formatJson, formatMarkdown, formatSarif, formatText, isCheckOutcome, type CheckOutcome } from './format';
import { ArgumentError, parseArgs, type CliIO } from './io';
import { noSpecsNote } from './noSpecs';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** `specchain check [DIR] [--format text|json|sarif|markdown] [--fail-on error|warning|never] [--results FILE|GLOB]… [--config FILE] [--no-cache] [--timings]` */
export async function checkCommand(args: readonly string[], io: CliIO, version: string): Promise<number> {
  const { values, repeated, flags, positional } = parseArgs(args, { values: ['format', 'fail-on', 'config', 'results'], flags: ['no-cache', 'timings'] });
  const format = values.get('format') ?? 'text';
  const failOn = values.get('fail-on') ?? 'error';
  if (!['text', 'json', 'sarif', 'markdown'].includes(format)) throw new ArgumentError(`--format must be text, json, sarif or markdown, not "${format}"`);
  if (!['error', 'warning', 'never'].includes(failOn)) throw new ArgumentError(`--fail-on must be error, warning or never, not "${failOn}"`);
  if (positional.length > 1) throw new ArgumentError(`check takes one folder, got ${positional.length}`);

  const started = Date.now();
  const configFile = values.get('config');
  const useCache = !flags.has('no-cache');
  const folder = openFolder(positional[0] ?? '.', { ...(configFile ? { configFile } : {}), cache: useCache });
  for (const p of folder.configProblems) io.err(`specchain: settings: ${p}`);
  const opened = Date.now();
  // Test results: `--results` (relative to the current folder), else the settings file's `testResults` globs.
  const resultArgs = repeated.get('results');
  const resultGlobs = resultArgs ?? (folder.config.testResults !== DEFAULT_CONFIG.testResults ? folder.config.testResults : undefined);
  // Results are read fresh each run, so a check with them does not reuse the last one's outcome.
  const runs = useCache && !folder.cacheRefused && !resultGlobs ? RunCache.open<CheckOutcome>('check', folder.root, folder.config) : undefined;
  const listing = runs ? await folder.workspace.list() : undefined;
  const listed = Date.now();
  let outcome = runs && listing ? runs.lookup(listing, isCheckOutcome) : undefined;
  const reused = outcome !== undefined;
  if (!outcome) {
    // The engine is loaded only when something has to be read.
    const { loadFolder } = await import('../node/open');
    const { service, load } = await loadFolder(folder, { cache: useCache && !folder.cacheRefused, ...(listing ? { listing } : {}) });
    const checking = Date.now();
    if (resultGlobs) {
      const { loadResults, modificationTimes } = await import('../node/testResults');
      const { files, problems } = loadResults(folder.root, process.cwd(), resultArgs, resultGlobs);
      for (const p of problems) io.err(`specchain check: results: ${p}`);
      service.setTestResults(files, modificationTimes(folder.root));
      if (flags.has('timings')) io.err(`specchain: timings: results ${Date.now() - checking} ms (${files.length} files)`);
    }
    outcome = collectCheck(service, load.files, load.skipped.length);
    if (runs && listing) runs.save(listing, outcome);
    if (flags.has('timings')) {
      const { list, analyze, index } = load.phases;
      io.err(`specchain: timings: open ${opened - started} ms, list ${listed - opened + list} ms, read+analyse ${analyze} ms, index ${index} ms, diagnostics ${Date.now() - checking} ms`);
    }
  }
  if (reused && flags.has('timings')) io.err(`specchain: timings: open ${opened - started} ms, list ${listed - opened} ms; no file changed since the last check: its results reused`);
  // A manifest that cannot be read hides its frameworks from the stack checks: say so.
  for (const warning of outcome.warnings) io.err(`specchain check: warning: ${warning}`);
  for (const problem of folder.workspace.problems) io.err(`specchain check: warning: ${problem}`);
  // Findings without any SPEC usually mean the wrong folder: say where the SPECs may be.
  if (outcome.specs.length === 0) io.err(noSpecsNote(folder.root, folder.config.specGlobs, listing ?? (await folder.workspace.list()), process.cwd()));
  const result = { ...outcome, root: folder.root, millis: Date.now() - started, reused };

  if (format === 'json') io.out(formatJson(result));
  else if (format === 'sarif') io.out(formatSarif(result, version));
  else if (format === 'markdown') io.out(formatMarkdown(result));
  else io.out(formatText(result, io.color));

  if (failOn === 'never') return 0;
  const threshold = RANK[failOn as Severity];
  return result.diagnostics.some((d) => RANK[d.severity] >= threshold) ? 1 : 0;
}
