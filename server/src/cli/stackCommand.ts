import { FsWorkspace } from '../node/fsWorkspace';
import { checkDirectory, loadConfig } from '../node/folder';
import { readStack } from '../service/stack/readStack';
import { FRAMEWORKS } from '../service/stack/technologies';
import type { StackReport } from '../service/types';
import type { Workspace } from '../service/workspace';
import { jsonText } from './format';
import { ArgumentError, parseArgs, printable } from './io';

/** Where the command writes: results to `out`, messages to `err`. */
export interface StackIO {
  out(s: string): void;
  err(s: string): void;
}

/** The JSON contract of `specchain stack --format json`. */
export function stackJson(report: StackReport): string {
  const services = report.services.map((s) => ({
    root: s.root,
    role: s.role,
    language: s.language,
    manifests: s.manifests,
    frameworks: s.frameworks.map(({ name, version, resolved, manifest, line }) => ({ name, version, resolved, manifest, line })),
    databases: s.databases,
    databaseSources: s.databaseSources,
    orms: s.orms,
    auth: s.auth,
    testing: s.testing,
    graphql: s.graphql,
  }));
  return jsonText({ services, aggregators: report.aggregators ?? [] }, null, 2);
}

/** The stack for people: one block per service, names escaped for a terminal. */
export function stackText(report: StackReport): string {
  if (report.services.length === 0) return 'No manifests found (package.json, requirements*.txt, pyproject.toml, go.mod, Cargo.toml, pom.xml, build.gradle, build.sbt, composer.json …).';
  const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : '-');
  const blocks = report.services.map((s) => {
    const frameworks = s.frameworks.map((f) => {
      const name = FRAMEWORKS.find((x) => x.id === f.name)?.name ?? f.name;
      const version = [f.version, f.resolved !== null ? `resolved ${f.resolved}` : null].filter((v) => v !== null).join(', ');
      return `${name}${version ? ` ${version}` : ''} (${f.manifest}:${f.line})`;
    });
    const databases = s.databases.map((id) => {
      const from = s.databaseSources.filter((d) => d.id === id).map((d) => `${d.file}:${d.line}`);
      return `${id} (${from.join(', ')})`;
    });
    return [
      `${s.root === '.' ? '. (workspace root)' : s.root}  [${s.language}${s.role === 'library' ? ', library' : ''}]`,
      `  framework:  ${list(frameworks)}`,
      `  databases:  ${list(databases)}`,
      `  orm:        ${list(s.orms)}`,
      `  auth:       ${list(s.auth)}`,
      `  testing:    ${list(s.testing)}`,
      ...(s.graphql.length > 0 ? [`  graphql:    ${list(s.graphql)}`] : []),
      `  manifests:  ${list(s.manifests)}`,
      // Folder and file names reach the terminal: each line is escaped on its own.
    ].map(printable).join('\n');
  });
  const count = report.services.length;
  const gathering = (report.aggregators ?? []).map((a) => printable(a.root));
  const aggregatorLine = gathering.length > 0 ? `; build roots that only gather modules: ${gathering.join(', ')}` : '';
  return `${blocks.join('\n\n')}\n\n${count} service${count === 1 ? '' : 's'}${aggregatorLine}`;
}

/** Reads the stack of `workspace` and prints it; problems with manifests go to `err`. Returns the exit code. */
export async function runStack(workspace: Workspace, format: 'text' | 'json', io: StackIO): Promise<number> {
  const { report, manifests, skipped } = await readStack(workspace);
  for (const m of manifests) for (const e of m.errors ?? []) io.err(`specchain stack: warning: ${e}`);
  for (const s of skipped) io.err(`specchain stack: warning: ${s.path}: not read (${s.reason})`);
  io.out(format === 'json' ? stackJson(report) : stackText(report));
  return 0;
}

/** `specchain stack [DIR] [--format text|json] [--config FILE]`: exit 0, or 2 with a one-line message. */
export async function stackCommand(args: readonly string[], io: StackIO): Promise<number> {
  try {
    const { values, positional } = parseArgs(args, { values: ['format', 'config'], flags: [] });
    const format = values.get('format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new ArgumentError(`--format must be text or json, not "${format}"`);
    if (positional.length > 1) throw new ArgumentError(`stack takes one folder, got ${positional.length}`);
    const root = checkDirectory(positional[0] ?? '.');
    const { config, problems } = loadConfig(root, values.get('config'));
    for (const p of problems) io.err(`specchain: settings: ${p}`);
    const workspace = new FsWorkspace(root, config);
    const code = await runStack(workspace, format, io);
    for (const problem of workspace.problems) io.err(`specchain stack: warning: ${problem}`);
    return code;
  } catch (e) {
    io.err(`specchain stack: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
