import { UsageError } from '../node/folder';
import { openWorkspace } from '../node/open';
import { OutsideWorkspaceError, readWorkspaceFile, writeWorkspaceFile } from '../node/workspaceFiles';
import { generatePlan } from '../service/plan/generate';
import { planInputFor, type PlanLookup } from '../service/plan/planInput';
import { planTargetPath } from '../service/plan/targetPath';
import { bareSpecId } from '../service/tags';
import { ArgumentError, parseArgs } from './io';

/** Where the command writes its messages. */
export interface PlanIO {
  out(text: string): void;
  err(text: string): void;
}

/** What the command needs from the world; the CLI plugs in the workspace and the file system. */
export interface PlanDeps {
  /** The plan input of a SPEC by bare ID. */
  lookup(specId: string): Promise<PlanLookup>;
  /** A workspace-relative file's text, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Writes a workspace-relative file, creating its folders. */
  writeFile(path: string, text: string): Promise<void>;
}

export interface PlanOptions {
  readonly specId: string;
  readonly stdout: boolean;
  readonly force: boolean;
}

/**
 * Generates and writes one SPEC's plan. Exit codes: 0 written, already identical, or printed;
 * 1 unknown SPEC or a changed file left alone (no `--force`); 2 a refused ID or an I/O failure.
 */
export async function runPlan(options: PlanOptions, deps: PlanDeps, io: PlanIO): Promise<number> {
  const target = planTargetPath(options.specId);
  if (target === undefined) {
    io.err(refusal(options.specId));
    return 2;
  }
  const id = bareSpecId(options.specId);
  const found = await deps.lookup(id);
  if (found.kind === 'unknown') {
    io.err(`specchain plan: no SPEC has the ID "${id}"${found.suggestion ? ` (did you mean ${found.suggestion}?)` : ''}`);
    return 1;
  }
  if (found.kind === 'unreadable') {
    io.err(`specchain plan: ${found.path} cannot be read (${found.reason})`);
    return 2;
  }
  const markdown = generatePlan(found.input);
  if (options.stdout) {
    io.out(markdown.trimEnd());
    return 0;
  }
  let current;
  try {
    current = await deps.readFile(target);
  } catch (e) {
    io.err(cannotWrite(target, e));
    return 2;
  }
  if (current === markdown) {
    io.out(`${target} is up to date.`);
    return 0;
  }
  if (current !== undefined && !options.force) {
    io.err(`specchain plan: ${target} exists and differs from the plan SpecChain would write, so it was left unchanged. Rerun with --force to overwrite it, or with --stdout to see the new plan.`);
    return 1;
  }
  try {
    await deps.writeFile(target, markdown);
  } catch (e) {
    io.err(cannotWrite(target, e));
    return 2;
  }
  io.out(current === undefined ? `Wrote ${target}` : `Overwrote ${target} (--force)`);
  return 0;
}

function cannotWrite(target: string, e: unknown): string {
  if (e instanceof OutsideWorkspaceError) return `specchain plan: refusing to write ${target}: ${e.message}; SpecChain writes only inside the workspace`;
  return `specchain plan: cannot write ${target} (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
}

/** The longest part of a user's ID echoed back in a message. */
const ECHO_LIMIT = 80;

function refusal(specId: string): string {
  const shown = specId.length > ECHO_LIMIT ? `${JSON.stringify(specId.slice(0, ECHO_LIMIT))}… (${specId.length} characters)` : JSON.stringify(specId);
  const why = bareSpecId(specId).length > 200 ? 'an ID is at most 200 characters long' : 'an ID is made of letters, digits, ".", "_" and "-", without "..", so the plan stays in .moai/docs/';
  return `specchain plan: refusing the SPEC ID ${shown}: ${why}`;
}

/** Reads and writes workspace-relative files under `root`, never through a link that leaves it. */
export function fileAccess(root: string): Pick<PlanDeps, 'readFile' | 'writeFile'> {
  return {
    readFile: (path) => readWorkspaceFile(root, path),
    writeFile: (path, text) => writeWorkspaceFile(root, path, text),
  };
}

/** `specchain plan <SPEC-ID> [DIR] [--stdout] [--force]` */
export async function planCommand(args: readonly string[], io: PlanIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { values: [], flags: ['stdout', 'force'] });
    if (parsed.positional.length === 0) throw new ArgumentError('usage: specchain plan <SPEC-ID> [DIR] [--stdout] [--force]');
    if (parsed.positional.length > 2) throw new ArgumentError(`plan takes a SPEC ID and one folder, got ${parsed.positional.length} arguments`);
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    io.err(`specchain plan: ${e.message}`);
    return 2;
  }
  const [specId, dir = '.'] = parsed.positional as [string, string?];
  const options: PlanOptions = { specId, stdout: parsed.flags.has('stdout'), force: parsed.flags.has('force') };
  if (planTargetPath(specId) === undefined) {
    io.err(refusal(specId));
    return 2;
  }
  let opened;
  try {
    opened = await openWorkspace(dir);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`specchain plan: ${e.message}`);
    return 2;
  }
  const { service, configProblems, problems } = opened;
  for (const problem of configProblems) io.err(`specchain: settings: ${problem}`);
  for (const problem of problems) io.err(`specchain plan: warning: ${problem}`);
  return runPlan(options, { lookup: (id) => planInputFor(service, id), ...fileAccess(service.workspace.root) }, io);
}
