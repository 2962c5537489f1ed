import { openFolder } from '../node/folder';
import type { Route } from '../service/routes';
import { jsonRoute } from './format';
import { ArgumentError, parseArgs, printable, type CliIO } from './io';

/** The routes for people: one line each, names escaped for a terminal, then a count per service. */
export function routesText(routes: readonly Route[]): string {
  if (routes.length === 0) return 'No routes found in the code of a supported framework.';
  const width = Math.min(60, Math.max(...routes.map((r) => r.path.length)));
  const lines = routes.map((r) => printable(`${r.method.padEnd(7)} ${r.path.padEnd(width)}  ${r.file}:${r.line}  ${r.framework}${r.static ? '' : `  (not static: ${r.reason ?? 'unknown prefix'})`}`));
  const services = new Map<string, number>();
  for (const r of routes) services.set(r.service, (services.get(r.service) ?? 0) + 1);
  const summary = [...services].map(([s, n]) => `${s === '.' ? '. (workspace root)' : s}: ${n}`).join(', ');
  return `${lines.join('\n')}\n\n${routes.length} route${routes.length === 1 ? '' : 's'} (${printable(summary)})`;
}

/** `specchain routes [DIR] [--format json|text] [--config FILE] [--no-cache]`: the routes of the code, with full paths. */
export async function routesCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, flags, positional } = parseArgs(args, { values: ['format', 'config'], flags: ['no-cache'] });
  const format = values.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new ArgumentError(`--format must be text or json, not "${format}"`);
  if (positional.length > 1) throw new ArgumentError(`routes takes one folder, got ${positional.length}`);
  const configFile = values.get('config');
  const folder = openFolder(positional[0] ?? '.', { ...(configFile ? { configFile } : {}), cache: !flags.has('no-cache') });
  for (const p of folder.configProblems) io.err(`specchain: settings: ${p}`);
  const { loadFolder } = await import('../node/open');
  const { service } = await loadFolder(folder, { cache: !flags.has('no-cache') && !folder.cacheRefused });
  const routes = [...service.routes().all].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : 1)));
  io.out(format === 'json' ? JSON.stringify({ routes: routes.map(jsonRoute) }, null, 2) : routesText(routes));
  return 0;
}
