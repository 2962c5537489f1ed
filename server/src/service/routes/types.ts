import type { Range, RouteFramework, RouteMethod } from '../types';

export type { ImportBinding, LocalRoute, Mount, MountTarget, OwnerDecl, OwnerKey, RouteFacts, RouteFramework, RouteMethod, ViewClass } from '../types';

/** A route with the full path a client calls. */
export interface Route {
  readonly method: RouteMethod;
  /** The full path, parameters as `{name}`; when not static, the part that is known. */
  readonly path: string;
  readonly framework: RouteFramework;
  /** Workspace-relative file of the declaration. */
  readonly file: string;
  /** 1-based line of the declaration. */
  readonly line: number;
  /** The declaration's range (0-based), for the editor. */
  readonly range: Range;
  /** False when part of the path (a prefix, a computed segment) cannot be known from the code. */
  readonly static: boolean;
  /** Why the path is not static. */
  readonly reason?: string;
  readonly handler?: string;
  /** The service folder the route belongs to (`.` for the root). */
  readonly service: string;
}
