/**
 * The `specchain` command line: thin adapters over the service for CI and terminals.
 * Exit codes: 0 ok, 1 findings at or above --fail-on (or a refused plan), 2 usage or I/O error.
 */
import { UsageError } from '../node/folder';
import { checkCommand } from './checkCommand';
import { isatty } from 'node:tty';
import { ArgumentError, printable, type CliIO } from './io';
import { Stdout, isClosedPipe, writeFailure } from './stdout';

declare const SPECCHAIN_VERSION: string | undefined;
const VERSION = typeof SPECCHAIN_VERSION === 'string' ? SPECCHAIN_VERSION : '0.0.0-dev';

const HELP = `specchain ${VERSION}: SPEC and @TAG chain checks for SPEC-first backends

Usage:
  specchain check [DIR] [--format text|json|sarif|markdown] [--fail-on error|warning|never] [--results FILE|GLOB]... [--config FILE] [--no-cache] [--timings]
  specchain report --html DIR [WORKSPACE] [--results FILE|GLOB]... [--config FILE]
  specchain stack [DIR] [--format text|json]
  specchain routes [DIR] [--format text|json] [--no-cache]
  specchain plan <SPEC-ID> [DIR] [--stdout] [--force]
  specchain lsp --stdio
  specchain mcp [--root DIR]                     (Model Context Protocol server over stdio, for coding agents)
  specchain hook claude [--root DIR] [--json]    (Claude Code's PostToolUse hook: reads its JSON on stdin)
  specchain hook install [DIR] [--command CMD]   (adds the hook to DIR/.claude/settings.json)
  specchain --version | --help

DIR defaults to the current folder. Settings come from DIR/.specchain.json when present.
Unchanged files, and the results of a tree where no file changed, come from caches in
$SPECCHAIN_CACHE_DIR (default ~/.cache/specchain/facts); --no-cache reads everything again.`;

type Command = (args: readonly string[], io: CliIO) => Promise<number>;

/** `check` is loaded with the CLI; the others only when asked for, so `check` starts faster. */
const COMMANDS: Record<string, Command> = {
  check: (args, io) => checkCommand(args, io, VERSION),
  lsp: async (args, io) => (await import('./lspCommand')).lspCommand(args, io),
  stack: async (args, io) => (await import('./stackCommand')).stackCommand(args, io),
  plan: async (args, io) => (await import('./planCommand')).planCommand(args, io),
  report: async (args, io) => (await import('./reportCommand')).reportCommand(args, io),
  routes: async (args, io) => (await import('./routesCommand')).routesCommand(args, io),
  mcp: async (args, io) => (await import('./mcpCommand')).mcpCommand(args, io, VERSION),
  hook: async (args, io) => (await import('./hookCommand')).hookCommand(args, io),
};

/** Runs one command line and returns the exit code; never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`specchain: unknown command "${name}" (try specchain --help)`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof ArgumentError || e instanceof UsageError) {
      io.err(`specchain ${name}: ${e.message}`);
      return 2;
    }
    io.err(`specchain ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

/** Runs the process's command line with the real stdout and stderr. */
export function main(): void {
  const stdout = new Stdout();
  // A closed or full stderr has nowhere to be reported: its errors must not end the run.
  process.stderr.on('error', () => undefined);
  const io: CliIO = {
    out: (text) => stdout.write(text + '\n'),
    // Messages are one line each: whatever they quote (file names, IDs) is escaped.
    err: (text) => process.stderr.write(printable(text) + '\n'),
    color: isatty(1) && !process.env.NO_COLOR,
  };
  const argv = process.argv.slice(2);
  void run(argv, io).then(async (code) => {
    const failed = await stdout.finish();
    // A reader that has gone (`| head -1`) took what it wanted: end quietly, with the run's own code.
    if (failed && !isClosedPipe(failed)) {
      io.err(`specchain${argv[0] && Object.hasOwn(COMMANDS, argv[0]) ? ` ${argv[0]}` : ''}: ${writeFailure(failed)}`);
      code = 2;
    }
    process.exitCode = code;
  });
}

if (require.main === module) main();
