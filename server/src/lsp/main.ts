/**
 * Entry of the SpecChain language server (bundled as dist/server.js). The VS Code client
 * starts it over IPC; other editors run `node dist/server.js --stdio` or `specchain lsp --stdio`.
 */
import { startServer } from './startServer';

startServer();
