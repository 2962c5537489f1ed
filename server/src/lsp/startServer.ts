import { ErrorCodes, ProposedFeatures, ResponseError, createConnection } from 'vscode-languageserver/node';
import { AFTER_SHUTDOWN, afterShutdownStrategy } from './afterShutdown';
import { SpecChainServer } from './server';

/**
 * Starts the SpecChain language server on the transport named in the process arguments
 * (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`) and listens.
 */
export function startServer(): SpecChainServer {
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: afterShutdownStrategy() });
  connection.onRequest(AFTER_SHUTDOWN, () => new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down; only exit is accepted.'));
  const server = new SpecChainServer(connection);
  connection.listen();
  return server;
}
