import type { FrameworkName, Range } from '../types';

/** The frameworks whose routes are read: the fifteen supported ones and Next.js route handlers. */
export type RouteFramework = FrameworkName | 'nextjs';

/** The HTTP methods a route answers, upper case; `ANY` for a route that takes every method. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ANY';

/**
 * Where a route or a prefix hangs, within one file: a key naming
 * - `name` a module-level variable (`router`, `api_router`, `$routes`);
 * - `fn/name` a variable local to function `fn`;
 * - `fn#0` the first parameter of function `fn` (a router handed in by the caller);
 * - `fn()` the router function `fn` returns;
 * - `class:Name` a controller class;
 * - `*` the file itself (a `urls.py`, a Laravel or Play routes file, Sails' `config/routes.js`).
 */
export type OwnerKey = string;

/** A route as one file declares it, before prefixes from other files are known. */
export interface LocalRoute {
  readonly framework: RouteFramework;
  readonly methods: readonly RouteMethod[];
  /** The path on its owner, parameters normalised to `{name}`; `''` for the owner's own path. */
  readonly path: string;
  readonly owner: OwnerKey;
  /** The decorator, annotation or registration that declares the route. */
  readonly range: Range;
  /** The handler's name as written, when one is named (`UserController.show`, `list_users`). */
  readonly handler?: string;
  /** Why the path cannot be known from the code (it is computed), when it cannot. */
  readonly dynamic?: string;
  /**
   * A view class whose methods decide the route's methods (`UserApi.as_view()`), or with
   * `viewset`, a DRF viewset registered on a router: its list and detail routes and actions.
   */
  readonly view?: string;
  readonly viewset?: { readonly trailingSlash: boolean };
}

/** What a mount or an include hands its prefix to. */
export type MountTarget =
  /** A name in the file's scope (`users.router`, `usersRouter`, `UserModule`), resolved through its imports. */
  | { readonly name: string }
  /** The router the named function returns (`api::router()`, `user_routes()`). */
  | { readonly call: string }
  /** The parameter `index` of the named function, the parent being passed to it (`InitUserRouter(group)`, `register(plugin)`). */
  | { readonly pass: string; readonly index: number }
  /** A module or file named by a string: `include('app.urls')`, `require('./users')`, `-> /v1 posts.Routes`, `base_path('routes/api.php')`. */
  | { readonly module: string }
  /** Every file under a folder (Symfony's controller imports); with `nested`, each prefixed by its folder path below it (Fastify autoload). */
  | { readonly folder: string; readonly nested?: boolean };

/** One prefix handed from a parent owner to a child (`include_router`, `app.use`, `nest`, `Group`, `include()`). */
export interface Mount {
  readonly parent: OwnerKey;
  /** The prefix, normalised like a route path; `''` for none. */
  readonly prefix: string;
  /** Why the prefix cannot be known from the code, when it cannot. */
  readonly dynamic?: string;
  readonly target: MountTarget;
  /** 0-based line of the mount. */
  readonly line: number;
}

/** An owner that is a starting point (an app) or carries its own prefix (`APIRouter(prefix=…)`). */
export interface OwnerDecl {
  readonly key: OwnerKey;
  /** True for an application object (`FastAPI()`, `express()`, `gin.Default()`): its routes are served as written. */
  readonly root?: boolean;
  readonly prefix?: string;
  readonly dynamic?: string;
  /** Another owner this one is the same router as (`const api = router`). */
  readonly alias?: string;
}

/** A name a file imports: `local` stands for `name` of `module` (`*` the module itself, `default` its default export). */
export interface ImportBinding {
  readonly local: string;
  readonly module: string;
  readonly name: string;
}

/** A class a file declares that routes depend on (a DRF viewset, a Django view), with what it answers. */
export interface ViewClass {
  readonly name: string;
  readonly bases: readonly string[];
  /** Handler methods it defines (`get`, `post`, `list`, `retrieve`, …), lower case. */
  readonly methods: readonly string[];
  /** Extra routes of a viewset (`@action`): path below the base, detail or list, methods. */
  readonly actions?: readonly { readonly path: string; readonly detail: boolean; readonly methods: readonly RouteMethod[]; readonly line: number }[];
  readonly line: number;
}

/**
 * The route facts of one file, as analysis finds them (plain data, cached with the file's other
 * facts). Composition across files (`composeRoutes`) turns them into full paths.
 */
export interface RouteFacts {
  readonly routes: readonly LocalRoute[];
  readonly mounts?: readonly Mount[];
  readonly owners?: readonly OwnerDecl[];
  readonly imports?: readonly ImportBinding[];
  /** Exported names and the owner each stands for (`default` for `export default` / `module.exports`). */
  readonly exports?: Readonly<Record<string, OwnerKey>>;
  /** String constants the file defines (`API_V1_STR = "/api/v1"`), for prefixes named elsewhere. */
  readonly constants?: Readonly<Record<string, string>>;
  /** Classes routes depend on (DRF viewsets, Django class-based views). */
  readonly classes?: readonly ViewClass[];
  /** Settings that shape every route of a service: a global prefix, Django's root URL module. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Functions the file defines, for calls resolved by name (Go, Rust). */
  readonly functions?: readonly string[];
}

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
