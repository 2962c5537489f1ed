/**
 * The `specchain` command line: thin adapters over the service for CI and terminals.
 * Exit codes: 0 ok, 1 findings at or above --fail-on (or a refused plan), 2 usage or I/O error.
 */
import { UsageError } from '../node/folder';
import { checkCommand } from './checkCommand';
import { ArgumentError, printable, type CliIO } from './io';

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
  const command = COMMANDS[name];
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
  const io: CliIO = {
    out: (text) => process.stdout.write(text + '\n'),
    // Messages are one line each: whatever they quote (file names, IDs) is escaped.
    err: (text) => process.stderr.write(printable(text) + '\n'),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
