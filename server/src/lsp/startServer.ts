import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { SpecChainServer } from './server';

/**
 * Starts the SpecChain language server on the transport named in the process arguments
 * (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`) and listens.
 */
export function startServer(): SpecChainServer {
  const connection = createConnection(ProposedFeatures.all);
  const server = new SpecChainServer(connection);
  connection.listen();
  return server;
}
