import { spawnSync } from 'node:child_process';
import * as nodePath from 'node:path';
import { openFolder } from '../node/folder';
import { loadFolder } from '../node/open';
import { loadResults, modificationTimes, writeReport } from '../node/testResults';
import { renderHtmlReport, type ReportSource } from '../service/evidence/htmlReport';
import { ArgumentError, parseArgs, type CliIO } from './io';

/** The commit and its date, from git when the folder is a checkout; `SOURCE_DATE_EPOCH` wins for the date. */
function sourceOf(root: string): ReportSource {
  const git = spawnSync('git', ['-C', root, 'log', '-1', '--format=%H%n%cI'], { encoding: 'utf8', timeout: 10_000 });
  const [commit, date] = git.status === 0 ? git.stdout.trim().split('\n') : [];
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return {
    ...(commit ? { commit } : {}),
    ...(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? { date: new Date(epoch * 1000).toISOString() } : date ? { date } : {}),
  };
}

/**
 * `specchain report --html DIR [WORKSPACE] [--results FILE|GLOB]… [--config FILE]`: a static
 * traceability report of the workspace with the results given (or its `testResults` globs).
 */
export async function reportCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, repeated, positional } = parseArgs(args, { values: ['html', 'config', 'results'], flags: [] });
  const out = values.get('html');
  if (out === undefined) throw new ArgumentError('report needs --html DIR');
  if (positional.length > 1) throw new ArgumentError(`report takes one workspace folder, got ${positional.length}`);
  const configFile = values.get('config');
  const folder = openFolder(positional[0] ?? '.', { ...(configFile ? { configFile } : {}) });
  for (const p of folder.configProblems) io.err(`specchain: settings: ${p}`);
  const { service } = await loadFolder(folder, { cache: !folder.cacheRefused });
  const { files, problems } = loadResults(folder.root, process.cwd(), repeated.get('results'), folder.config.testResults);
  for (const p of problems) io.err(`specchain report: results: ${p}`);
  service.setTestResults(files, modificationTimes(folder.root));
  const pages = renderHtmlReport(service.index, service.evidence()!, sourceOf(folder.root));
  const dir = nodePath.resolve(out);
  await writeReport(folder.root, dir, pages);
  io.out(`specchain report: ${pages.size} files written to ${dir}`);
  return 0;
}
