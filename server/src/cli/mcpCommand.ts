import { ArgumentError, parseArgs, type CliIO } from './io';

/** `specchain mcp [--root DIR]`: the MCP server over stdio, rooted at DIR (default: the current folder). */
export async function mcpCommand(args: readonly string[], io: CliIO, version: string): Promise<number> {
  const { values, positional } = parseArgs(args, { values: ['root'], flags: [] });
  if (positional.length > 1) throw new ArgumentError(`mcp takes one folder, got ${positional.length}`);
  const root = values.get('root') ?? positional[0] ?? '.';
  const { serveMcp } = await import('../mcp/server');
  await serveMcp({ root, version, log: (message) => io.err(`specchain mcp: ${message}`) });
  return 0;
}
