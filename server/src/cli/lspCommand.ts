import { startServer } from '../lsp/startServer';
import { ArgumentError, type CliIO } from './io';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

/**
 * `specchain lsp --stdio`: runs the language server on this process's stdin and stdout (or
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`). Never resolves: the server exits the process
 * when the client says `exit`.
 */
export function lspCommand(args: readonly string[], _io: CliIO): Promise<number> {
  if (!args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) {
    throw new ArgumentError('name a transport: --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)');
  }
  startServer();
  return new Promise<number>(() => undefined);
}
