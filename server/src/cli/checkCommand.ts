import * as nodePath from 'node:path';
import { openFolder, UsageError, type Folder } from '../node/folder';
import { RunCache } from '../node/runCache';
import type { Diagnostic, Severity } from '../service/types';
import type { ResultFile } from '../service/evidence/resultTypes';
import { DEFAULT_CONFIG } from '../service/config';
import { compareFindings, withFingerprints, type Fingerprinted } from '../service/delta/compare';
import { findingRecord, formatBaseline, parseBaseline, type Baseline } from '../service/delta/baseline';
import { attachHistory } from '../service/history/attach';
import { collectCheck, coverageOf, formatJson, formatSarif, formatText, isCheckOutcome, type CheckOutcome, type DeltaSummary } from './format';
import { formatMarkdown, linksFor } from './markdown';
import { ArgumentError, parseArgs, type CliIO } from './io';
import { noSpecsNote } from './noSpecs';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/**
 * `specchain check [DIR] [--format text|json|sarif|markdown] [--fail-on error|warning|never]
 * [--since REF | --baseline FILE] [--write-baseline FILE] [--results FILE|GLOB]… [--config FILE]
 * [--no-cache] [--no-history] [--timings]`
 */
export async function checkCommand(args: readonly string[], io: CliIO, version: string): Promise<number> {
  const { values, repeated, flags, positional } = parseArgs(args, {
    values: ['format', 'fail-on', 'config', 'results', 'since', 'baseline', 'write-baseline'],
    flags: ['no-cache', 'timings', 'no-history'],
  });
  const format = values.get('format') ?? 'text';
  const failOn = values.get('fail-on') ?? 'error';
  const since = values.get('since');
  const baselineFile = values.get('baseline');
  const writeBaseline = values.get('write-baseline');
  if (!['text', 'json', 'sarif', 'markdown'].includes(format)) throw new ArgumentError(`--format must be text, json, sarif or markdown, not "${format}"`);
  if (!['error', 'warning', 'never'].includes(failOn)) throw new ArgumentError(`--fail-on must be error, warning or never, not "${failOn}"`);
  if (positional.length > 1) throw new ArgumentError(`check takes one folder, got ${positional.length}`);
  if (since !== undefined && baselineFile !== undefined) throw new ArgumentError('--since and --baseline each say what is old: give one of them');
  const timings = flags.has('timings');

  const started = Date.now();
  const configFile = values.get('config');
  const useCache = !flags.has('no-cache');
  const folder = openFolder(positional[0] ?? '.', { ...(configFile ? { configFile } : {}), cache: useCache });
  for (const p of folder.configProblems) io.err(`specchain: settings: ${p}`);
  // A baseline that cannot be read is refused before any work.
  const baseline = baselineFile !== undefined ? await readBaseline(baselineFile) : undefined;
  const opened = Date.now();
  // Test results: `--results` (relative to the current folder), else the settings file's `testResults` globs.
  const resultArgs = repeated.get('results');
  const resultGlobs = resultArgs ?? (folder.config.testResults !== DEFAULT_CONFIG.testResults ? folder.config.testResults : undefined);
  // Results are read fresh each run, so a check with them does not reuse the last one's outcome;
  // `--since` needs every file's analysis, which a reused outcome does not have.
  const runs = useCache && !folder.cacheRefused && !resultGlobs && since === undefined ? RunCache.open<CheckOutcome>('check', folder.root, folder.config) : undefined;
  const listing = runs || since !== undefined ? await folder.workspace.list() : undefined;
  const listed = Date.now();
  let outcome = runs && listing ? runs.lookup(listing, isCheckOutcome) : undefined;
  const reused = outcome !== undefined;
  let base: (() => Promise<{ outcome: CheckOutcome; commit: string; millis: number; read: number }>) | undefined;
  if (!outcome) {
    // The engine is loaded only when something has to be read.
    const { loadFolder } = await import('../node/open');
    const recorder = since !== undefined ? new (await import('../node/since')).RecordingAnalyzer() : undefined;
    const { service, load, problems } = await loadFolder(folder, {
      cache: useCache && !folder.cacheRefused,
      ...(listing ? { listing } : {}),
      ...(recorder ? { wrap: (inner) => recorder.around(inner) } : {}),
    });
    const checking = Date.now();
    for (const problem of problems) io.err(`specchain check: warning: ${problem}`);
    let results: readonly ResultFile[] | undefined;
    if (resultGlobs) {
      const { loadResults, modificationTimes } = await import('../node/testResults');
      const read = loadResults(folder.root, process.cwd(), resultArgs, resultGlobs);
      results = read.files;
      for (const p of read.problems) io.err(`specchain check: results: ${p}`);
      service.setTestResults(results, modificationTimes(folder.root));
      if (timings) io.err(`specchain: timings: results ${Date.now() - checking} ms (${results.length} files)`);
    }
    outcome = collectCheck(service, load.files, load.skipped.length);
    if (runs && listing) runs.save(listing, outcome);
    if (timings) {
      const { list, analyze, index } = load.phases;
      io.err(`specchain: timings: open ${opened - started} ms, list ${listed - opened + list} ms, read+analyse ${analyze} ms, index ${index} ms, diagnostics ${Date.now() - checking} ms`);
    }
    if (since !== undefined && recorder && listing) {
      base = async () => {
        const { loadBase } = await import('../node/since');
        const loaded = await loadBase(folder, since, listing, recorder.outcomes, results);
        return { outcome: collectCheck(loaded.service, 0, 0), commit: loaded.commit, millis: loaded.millis, read: loaded.read };
      };
    }
  }
  if (reused && timings) io.err(`specchain: timings: open ${opened - started} ms, list ${listed - opened} ms; no file changed since the last check: its results reused`);
  // A manifest that cannot be read hides its frameworks from the stack checks: say so.
  for (const warning of outcome.warnings) io.err(`specchain check: warning: ${warning}`);
  for (const problem of folder.workspace.problems) io.err(`specchain check: warning: ${problem}`);
  // Findings without any SPEC usually mean the wrong folder: say where the SPECs may be.
  if (outcome.specs.length === 0) io.err(noSpecsNote(folder.root, folder.config.specGlobs, listing ?? (await folder.workspace.list()), process.cwd()));

  // Fingerprints are of all of today's findings, before any is left out.
  const head = withFingerprints(flags.has('no-history') ? outcome.diagnostics : await explained(folder, outcome.diagnostics, io, timings));
  if (writeBaseline !== undefined) {
    const where = await writeBaselineFile(folder, writeBaseline, formatBaseline(head, coverageOf(outcome)));
    io.err(`specchain check: baseline of ${head.length} finding${head.length === 1 ? '' : 's'} written to ${where}`);
  }
  let delta: DeltaSummary | undefined;
  let shown: readonly Fingerprinted[] = head;
  if (base) {
    const before = await base();
    if (timings) io.err(`specchain: timings: base ${before.commit.slice(0, 12)} ${before.millis} ms (${before.read} files read from git, the others reused)`);
    const compared = compareFindings(withFingerprints(before.outcome.diagnostics), head);
    shown = compared.introduced;
    delta = { against: { since: since!, commit: before.commit }, unchanged: compared.unchanged, fixed: compared.fixed.map(findingRecord), coverage: { before: coverageOf(before.outcome), after: coverageOf(outcome) } };
  } else if (baseline) {
    const compared = compareFindings(baseline.findings, head);
    shown = compared.introduced;
    delta = { against: { baseline: baselineFile! }, unchanged: compared.unchanged, fixed: compared.fixed, coverage: { ...(baseline.coverage ? { before: baseline.coverage } : {}), after: coverageOf(outcome) } };
  }
  const result = {
    ...outcome,
    diagnostics: shown.map((f) => f.diagnostic),
    fingerprints: shown.map((f) => f.fingerprint),
    ...(delta ? { delta } : {}),
    root: folder.root,
    millis: Date.now() - started,
    reused,
  };

  if (format === 'json') io.out(formatJson(result));
  else if (format === 'sarif') io.out(formatSarif(result, version));
  else if (format === 'markdown') io.out(formatMarkdown(result, linksFor(folder.root, process.env, nodePath.relative)));
  else io.out(formatText(result, io.color));

  if (failOn === 'never') return 0;
  const threshold = RANK[failOn as Severity];
  return result.diagnostics.some((d) => RANK[d.severity] >= threshold) ? 1 : 0;
}

/** The diagnostics with what git history says about the unknown IDs they name; a note on stderr when it says nothing. */
async function explained(folder: Folder, diagnostics: readonly Diagnostic[], io: CliIO, timings: boolean): Promise<Diagnostic[]> {
  const { explainUnknownIds } = await import('../node/gitHistory');
  const found = await explainUnknownIds(folder.root, folder.config.specGlobs, diagnostics);
  if (found.note) io.err(`specchain check: note: ${found.note}`);
  if (timings && found.millis > 0) io.err(`specchain: timings: history ${found.millis} ms (${found.histories.size} IDs classified)`);
  return attachHistory(diagnostics, found.histories);
}

/** The largest baseline read: a million findings would be a few hundred MB; this is far past any real one. */
const MAX_BASELINE = 64 * 1024 * 1024;

/** Reads `--baseline FILE` (relative to the current folder); a missing or malformed one is a usage error (exit 2). */
async function readBaseline(file: string): Promise<Baseline> {
  const { readText } = await import('../node/readText');
  const text = readText(nodePath.resolve(file), MAX_BASELINE);
  if (typeof text !== 'string') {
    const why = text.skip === 'too-large' ? `larger than ${MAX_BASELINE / 1024 / 1024} MB` : text.skip === 'binary' ? 'not text' : 'no such file, or it cannot be read';
    throw new UsageError(`--baseline ${file}: ${why}${text.skip === 'unreadable' || text.skip === 'vanished' ? ' (write one with --write-baseline)' : ''}`);
  }
  const parsed = parseBaseline(text);
  if ('problem' in parsed) throw new UsageError(`--baseline ${file}: not a SpecChain baseline: ${parsed.problem}`);
  return parsed;
}

/**
 * Writes the baseline where the user said (relative to the current folder). Inside the checked
 * folder it goes through the one checked writer (never through a link that leads out).
 */
async function writeBaselineFile(folder: Folder, file: string, text: string): Promise<string> {
  const { writeNamedFile } = await import('../node/workspaceFiles');
  try {
    await writeNamedFile(folder.root, nodePath.resolve(file), text);
  } catch (e) {
    throw new UsageError(`--write-baseline ${file}: ${(e as Error).message}`);
  }
  return file;
}
