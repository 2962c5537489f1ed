import { dirname } from '../text';
import type { Route, RouteFramework } from './types';

/** A folder that holds route declarations of one service. */
export interface RouteFolder {
  /** The service folder (`.` for the root). */
  readonly service: string;
  /** The folder, workspace-relative. */
  readonly folder: string;
  readonly frameworks: readonly RouteFramework[];
  /** The files of the folder that declare routes, sorted. */
  readonly files: readonly string[];
  /** How many routes they declare. */
  readonly routes: number;
  /** One route of the folder as an example, for citing (file and 1-based line). */
  readonly example: { readonly file: string; readonly line: number; readonly method: string; readonly path: string };
}

/**
 * Where a repository keeps its handlers, per service: the folders whose files declare routes,
 * most routes first, with their frameworks, files and an example route to cite. This is the
 * layout fact the backend plan builds on ("new handlers go beside these").
 */
export function routeLayout(routes: readonly Route[]): RouteFolder[] {
  const byFolder = new Map<string, { service: string; folder: string; frameworks: Set<RouteFramework>; files: Set<string>; routes: number; example: Route }>();
  for (const r of routes) {
    const folder = dirname(r.file);
    const key = `${r.service}\0${folder}`;
    let entry = byFolder.get(key);
    if (!entry) byFolder.set(key, (entry = { service: r.service, folder, frameworks: new Set(), files: new Set(), routes: 0, example: r }));
    entry.frameworks.add(r.framework);
    entry.files.add(r.file);
    entry.routes++;
  }
  return [...byFolder.values()]
    .map((e) => ({
      service: e.service,
      folder: e.folder,
      frameworks: [...e.frameworks].sort(),
      files: [...e.files].sort(),
      routes: e.routes,
      example: { file: e.example.file, line: e.example.line, method: e.example.method, path: e.example.path },
    }))
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : b.routes - a.routes || (a.folder < b.folder ? -1 : 1)));
}
