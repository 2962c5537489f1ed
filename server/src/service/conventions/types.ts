/**
 * The conventions of one service, each fact with the file and line it comes from: what a plan
 * written for that service follows instead of generic advice.
 */

/** Where a fact comes from: a workspace-relative file and its 1-based line (0: the file as a whole). */
export interface Citation {
  readonly path: string;
  readonly line: number;
}

/**
 * The layers a backend plan places files in: request handlers and the routes that reach them,
 * business logic, data access, models, request and response shapes, middleware, tests and
 * schema migrations.
 */
export type Layer = 'handler' | 'route' | 'service' | 'repository' | 'model' | 'schema' | 'middleware' | 'test' | 'migration';

/** How the values of one placeholder of a path are written. */
export interface NameStyle {
  readonly case: 'pascal' | 'camel' | 'snake' | 'kebab' | 'lower';
  /** Whether most names are plural; absent when as many are singular. */
  readonly plural?: boolean;
}

/**
 * Where files of one layer live and how they are named, as a path template: constant folders,
 * and placeholders (`<feature>`, `<name>`) where siblings differ. `styles` says how each
 * placeholder is written in the existing files.
 */
export interface LayerPlace {
  readonly layer: Layer;
  /** `apps/api/src/app/<feature>/<feature>.controller.ts`, `mall-admin/…/controller/<Name>Controller.java`. */
  readonly template: string;
  readonly styles: Readonly<Record<string, NameStyle>>;
  /** Files that follow the template. */
  readonly count: number;
  /** A few of them, the most typical first. */
  readonly examples: readonly string[];
  /** Every file that follows it. */
  readonly files: readonly string[];
  /**
   * Files of the layer at the same depth that differ from it (`topics/use-cases/get-topic/get-topic.use-case.ts`
   * beside a majority of `<feature>/usecases/…/….usecase.ts`): a feature folder holding some keeps its own way.
   */
  readonly others?: readonly string[];
  /** The values each folder placeholder takes in those files, the most common first (at most five). */
  readonly values: Readonly<Record<string, readonly string[]>>;
  /** The service folder or workspace library it belongs to. */
  readonly root: string;
}

/** A library the service's code uses. */
export interface LibraryUse {
  readonly id: string;
  readonly name: string;
  /** Files of the service (and of the workspace libraries it uses) that import it. */
  readonly files: number;
  /** A few import sites, the service's own first. */
  readonly uses: readonly Citation[];
  /** The manifest line declaring it, with the version written there. */
  readonly declared?: Citation & { readonly version?: string };
  /** The workspace library the service reaches it through (`libs/dal`, `mall-mbg`). */
  readonly via?: WorkspaceLibrary;
}

/** A module of the same repository that the service depends on. */
export interface WorkspaceLibrary {
  readonly root: string;
  /** Its package name or coordinates (`@novu/dal`, `com.macro.mall:mall-mbg`). */
  readonly name: string;
  /** Where the service declares the dependency. */
  readonly declared?: Citation;
}

/** A convention read from lines of code: what it is and where it is written. */
export interface CodeFact {
  /** What the lines name: a guard, an exception, a setting, a parameter. */
  readonly value: string;
  readonly where: readonly Citation[];
}

/** Paging parameters existing list endpoints take, and the type carrying them when they share one. */
export interface PagingFact {
  /** `['pageNum', 'pageSize']`, `['limit', 'offset']`, one name when it stands alone. */
  readonly params: readonly string[];
  readonly where: readonly Citation[];
  /** The paging type list handlers take (`PageInfo`), with how many files use it. */
  readonly type?: { readonly name: string; readonly files: number; readonly where: readonly Citation[] };
}

/** The schema migration tool of a service, or the scripts it keeps instead. */
export interface MigrationFact {
  readonly tool: string;
  /** Its files' folder or the call that migrates (`AutoMigrate`). */
  readonly where: readonly Citation[];
  /** The folder new migrations go in, when there is one. */
  readonly folder?: string;
  /** How a new migration file is named there (`0007_<name>.py`, `V<n>__<name>.sql`). */
  readonly naming?: string;
}

/** The conventions of one service. */
export interface ServiceConventions {
  readonly root: string;
  readonly language: string;
  /** The framework, its version as declared or resolved, and its major version. */
  readonly framework?: { readonly name: string; readonly version?: string; readonly major?: number; readonly declared: Citation };
  /** Workspace libraries the service depends on, read with it. */
  readonly libraries: readonly WorkspaceLibrary[];
  /** Places per layer, the service's own first, then its libraries'; the most used first in each. */
  readonly layers: readonly LayerPlace[];
  /** Data access libraries in use, the most used first; `style` for SQLAlchemy (`1.x`, `2.0`). */
  readonly data: readonly (LibraryUse & { readonly style?: CodeFact })[];
  readonly migrations?: MigrationFact;
  /** SQL scripts kept in the repository when no migration tool is (a schema dump). */
  readonly schemaScripts: readonly Citation[];
  readonly auth: { readonly libraries: readonly LibraryUse[]; readonly mechanisms: readonly CodeFact[] };
  readonly errors: {
    /** Global error handlers (exception handlers, advices, filters, error middleware). */
    readonly handlers: readonly CodeFact[];
    /** What handlers raise or call to fail, the most used first. */
    readonly raises: readonly CodeFact[];
    /** What they raise for a missing resource (`Http404`, `NotFoundException`), when they do. */
    readonly notFound?: CodeFact;
    /** Error bodies written by handlers (their first key), or the response wrapper they return. */
    readonly bodies: readonly CodeFact[];
  };
  /** The type handlers return (`CommonResult` of `CommonResult<T>`): the response wrapper, when they share one. */
  readonly responseType?: CodeFact;
  /** How existing list endpoints page, the most used way first. */
  readonly paging: readonly PagingFact[];
  readonly validation: readonly LibraryUse[];
  readonly tests: {
    readonly runners: readonly LibraryUse[];
    /** The `test` script of a manifest. */
    readonly script?: CodeFact;
  };
}
