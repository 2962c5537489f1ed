/**
 * Core data types of the SpecChain service. Everything here is plain data that can be
 * structured-cloned between worker threads and serialised to JSON.
 *
 * Positions follow LSP conventions: 0-based line, 0-based UTF-16 character offset.
 */

import type { DiagnosticData } from './diagnosticData';

export type { DiagnosticData };
import type { SignalKind } from './conventions/signals';
import type { IdHistory } from './history/types';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Every diagnostic code SpecChain can report (see docs/diagnostics.md). */
export type DiagnosticCode =
  | 'tag/unknown-spec'
  | 'tag/malformed'
  | 'tag/broken-path'
  | 'tag/invisible-char'
  | 'spec/duplicate-id'
  | 'spec/id-mismatch'
  | 'spec/frontmatter-invalid'
  | 'spec/unknown-dependency'
  | 'spec/dependency-cycle'
  | 'spec/no-implementation'
  | 'spec/no-frontmatter'
  | 'spec/title-mismatch'
  | 'spec/duplicate-req'
  | 'spec/req-uncovered'
  | 'spec/ac-unknown-req'
  | 'spec/no-specs'
  | 'mx/unknown-spec'
  | 'mx/unknown-req'
  | 'mx/dangling-spec'
  | 'mx/missing-reason'
  | 'mx/missing-upgrade'
  | 'mx/over-limit'
  | 'mx/unknown-kind'
  | 'mx/moai-invisible'
  | 'mx/config-invalid'
  | 'mx/range-cut'
  | 'chain/missing-test'
  | 'chain/declared-missing'
  | 'stack/version-mismatch'
  | 'stack/framework-mismatch'
  | 'stack/unsupported-framework'
  | 'stack/architecture-mismatch'
  | 'stack/not-detected'
  | 'evidence/failing'
  | 'evidence/status-unproven'
  | 'api/route-missing';

export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/** A finding in one file. `path` is workspace-relative with `/` separators. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly range: Range;
  /** What a quick fix needs (`diagnosticData.ts` defines every kind). */
  readonly data?: DiagnosticData;
  readonly related?: readonly RelatedLocation[];
  /** For a link code (`LINK_CODES` in `broken.ts`): the ID or path the link names, as written. */
  readonly target?: string;
  /** For an unknown SPEC/REQ/AC ID, what git history says about it (`history/attach.ts`). */
  readonly history?: IdHistory;
}

/** The tag types of the default configuration. */
export const DEFAULT_TAG_TYPES: readonly string[] = ['SPEC', 'API', 'DB', 'SERVICE', 'MIDDLEWARE', 'TEST', 'CODE', 'DOC'];

/**
 * How a marker occurs:
 * - `claim`: in a source file, "this code implements/tests that";
 * - `mention`: in a markdown file that is not a SPEC document;
 * - `declaration`: inside a SPEC document, the SPEC claims the tag for its chain;
 * - `title`: the SPEC's own `@SPEC:<ID>` in its title.
 */
export type TagRole = 'claim' | 'mention' | 'declaration' | 'title';

/** One `@TYPE:ID[:SUB]` marker. The range covers the whole marker on one line. */
export interface TagOccurrence {
  readonly type: string;
  readonly id: string;
  readonly sub?: string;
  readonly role: TagRole;
  readonly range: Range;
}

/** Something that looks like a tag of a known type but breaks the ID syntax. */
export interface MalformedTag {
  readonly text: string;
  readonly range: Range;
  /** The well-formed spelling, when one can be guessed (`@API:user-001` -> `@API:USER-001`). */
  readonly suggestion?: string;
}

/** A path carried by a header line such as `# @CODE:AUTH-001 | SPEC: SPEC-AUTH-001.md | TEST: tests/x.py`. */
export interface HeaderPath {
  readonly label: string;
  readonly target: string;
  readonly range: Range;
}

/** `specchain-disable-next-line [code ...]`: silences the codes (all when empty) on `line`. */
export interface DisableDirective {
  readonly line: number;
  readonly codes: readonly string[];
}

/** A frontmatter value with where it stands. */
export interface FieldValue {
  readonly value: unknown;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

/**
 * The frontmatter shape: `legacy` is MoAI's v2 template (`id version status created updated
 * author priority issue_number`), `current` the v3 schema (12 fields, `phase module lifecycle`),
 * `unknown` no frontmatter at all.
 */
export type FrontmatterSchema = 'legacy' | 'current' | 'unknown';

/** An entry of `depends_on`, `dependencies`, `blocks` or `related_specs`. */
export interface SpecReference {
  readonly field: string;
  readonly id: string;
  readonly range: Range;
}

/** The `stack.backend` block of a SPEC. */
export interface SpecStack {
  readonly language?: FieldValue;
  readonly framework?: FieldValue;
  readonly version?: FieldValue;
  readonly database?: FieldValue;
  /** Range of the `stack:` key, for diagnostics about the block as a whole. */
  readonly range: Range;
}

/** A problem the SPEC parser found in one document (frontmatter, ID). */
export interface SpecProblem {
  readonly code: 'spec/frontmatter-invalid' | 'spec/id-mismatch' | 'spec/no-frontmatter' | 'spec/title-mismatch';
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: DiagnosticData;
}

/** A parsed SPEC document (`spec.md`). */
export interface SpecDoc {
  /** The SPEC ID without a leading `SPEC-`; undefined only if nothing yields one. */
  readonly id: string | undefined;
  readonly idSource: 'frontmatter' | 'title' | 'folder' | 'none';
  /** Where the ID is written (frontmatter value, title, or the first line). */
  readonly idRange: Range;
  /** The ID the `SPEC-<ID>` folder name gives, when the folder follows that form. */
  readonly folderId?: string;
  readonly title?: string;
  /** The first level-1 heading, or the first line when there is none. */
  readonly titleRange: Range;
  readonly status?: string;
  readonly version?: string;
  readonly schema: FrontmatterSchema;
  /** Range of the frontmatter block, `---` lines included. */
  readonly frontmatterRange?: Range;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly references: readonly SpecReference[];
  readonly stack?: SpecStack;
  /** What the SPEC's text asks of the framework (GraphQL, WebSocket, ...), for stack checks. */
  readonly capabilities: readonly { readonly name: string; readonly range: Range }[];
  /** The SPEC names `METHOD /path` endpoints outside fenced code: with a `stack:` block, what makes it a backend SPEC. */
  readonly namesEndpoints?: boolean;
  readonly problems: readonly SpecProblem[];
  /** True for a SPEC under an `_archive/` folder: known and linkable, shown as archived. */
  readonly archived?: boolean;
  /** True for a flat SPEC file `.moai/specs/SPEC-<ID>.md` (no folder, no companions). */
  readonly flat?: boolean;
  /** Other IDs the SPEC answers to: a frontmatter `id` that differs from the folder's. */
  readonly aliases?: readonly string[];
  /** Paths the SPEC owns by its `module:` field (workspace-relative prefixes, no trailing `/`). */
  readonly modules?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// The @MX dialect (mx-model.md): REQ/AC declarations in SPEC files, @MX markers in code.

/** The kind of ID a reference names: a SPEC, a requirement or an acceptance criterion. */
export type RefKind = 'SPEC' | 'REQ' | 'AC';

/**
 * "A reference at a range names an ID of a kind": what every dialect's link reduces to.
 * SPEC IDs are bare (`AUTH-001` for `SPEC-AUTH-001`); REQ/AC IDs are as written (`REQ-AUTH-003`,
 * `AC-014.a`). A member of an expanded range (`REQ-X-011..015`) has the whole range's range
 * and `expanded: true`.
 */
export interface IdRef {
  readonly kind: RefKind;
  readonly id: string;
  readonly range: Range;
  readonly expanded?: boolean;
}

/** How a REQ or AC declaration is written. */
export type DeclarationForm = 'heading' | 'list' | 'bold' | 'table';

/** A REQ or AC declared in one of a SPEC's files. */
export interface ReqDeclaration {
  readonly kind: 'REQ' | 'AC';
  /** As written: `REQ-API-111`, `AC-HAL-01-01.a`. */
  readonly id: string;
  /** The ID itself. */
  readonly range: Range;
  readonly form: DeclarationForm;
  /** 0-based line of the heading whose section holds the declaration (for a heading, its parent); -1 when none. */
  readonly section: number;
  /** The requirement's sentence: the text after the ID to the end of the item or section (bounded). */
  readonly text: string;
  /** For an AC, the REQs it maps (`maps REQ-…`, or REQ IDs in its heading or row); empty for a REQ. */
  readonly maps: readonly IdRef[];
}

/** The standalone `@MX` kinds; the others in `MX_SUB_KINDS` attach to one of these. */
export const MX_STANDALONE_KINDS: readonly string[] = ['NOTE', 'WARN', 'ANCHOR', 'TODO', 'DEBT', 'LEGACY'];
/** Sub-line kinds: they attach to the nearest standalone tag above them in the file. */
export const MX_SUB_KINDS: readonly string[] = ['SPEC', 'REASON', 'TEST', 'PRIORITY', 'CEILING', 'UPGRADE'];

/** Where an `@MX` marker stands: which kind of comment, or prose of a markdown file. */
export type MxPlace = 'line' | 'block' | 'docstring' | 'html' | 'markdown';

/** Why MoAI's scanner takes no link (or not the one written) from an `@MX:SPEC`/`@MX:TEST` line. */
export type MoaiMiss =
  /** MoAI scans no file of this extension (`.tsx`, `.jsx`, `.c`, `.h`, `.vue`, …). */
  | 'extension'
  /** A folder on the path is one `moai mx scan` skips (`out/`, `coverage/`, `.cache/`, …). */
  | 'folder'
  /** The extension's line-comment prefix (`//` or `#`) does not stand before `@MX:` on the line: JSDoc ` * `, block, HTML and PHP `#` comments, bare docstring lines. */
  | 'no-prefix'
  /** No colon after the kind (`@MX:SPEC SPEC-X-001`): not a tag line for MoAI. */
  | 'no-colon'
  /** `@MX:TEST`: MoAI reads no link from it. */
  | 'test'
  /** The kind is not written `SPEC` in capitals (`@MX:Spec:`): MoAI's SPEC pattern is case-sensitive. */
  | 'kind-case'
  /** The value does not start with an upper-case SPEC ID (`@MX:SPEC: REQ-…`, `(SPEC-…)`, `spec-x-001`). */
  | 'value'
  /** No tag MoAI sees stands above the line in the file, so it drops the link. */
  | 'no-tag'
  /** A later `@MX:SPEC` line naming another SPEC under the same tag replaces this one's link. */
  | 'replaced';

/** MoAI's reading of one `@MX:SPEC`/`@MX:TEST` line: the SPEC ID it links, or why none. */
export interface MoaiReading {
  readonly miss?: MoaiMiss;
  /** The SPEC ID MoAI links from the line (`SPEC-ADP-001` of `SPEC-ADP-001b`). */
  readonly read?: string;
}

/** One `@MX:<KIND>` marker. */
export interface MxMarker {
  /** Upper-cased kind as written (`SPEC`, `ANCHOR`, or an unknown one such as `TASK`). */
  readonly kind: string;
  /** `@MX:KIND` itself. */
  readonly range: Range;
  /** The kind's letters. */
  readonly kindRange: Range;
  /** The value after the kind and the optional colon, trimmed, to the end of the line or comment. */
  readonly value: string;
  /** False for `@MX:SPEC SPEC-X-001` (MoAI's scanner needs the colon). */
  readonly colon: boolean;
  /** `[AUTO]` after the colon: an agent wrote the tag. */
  readonly auto: boolean;
  readonly place: MxPlace;
  /** For a sub-line (or `LEGACY: true`), the index of the standalone tag it attaches to in this file; -1 when none. */
  readonly parent: number;
  /** For `SPEC`/`TEST` values: the SPEC, REQ and AC IDs named, ranges expanded; free text left alone. */
  readonly refs: readonly IdRef[];
  /** Comment lines below the marker that continue its text (no marker on them, not blank); 0 for most. */
  readonly continued: number;
  /** For an `@MX:SPEC`/`@MX:TEST` line of a source file: the SPEC ID MoAI's own scanner links from it, or why none. */
  readonly moai?: MoaiReading;
}

/** A problem found while reading one file's @MX or REQ/AC facts (a cut range, a broken mx.yaml). */
export interface MxProblem {
  readonly code: 'mx/range-cut' | 'mx/config-invalid';
  readonly message: string;
  readonly range: Range;
}

/** `.moai/config/sections/mx.yaml`, read with the defaults where it says nothing or is wrong. */
export interface MxSettings {
  /** Per standalone kind (upper case), the most tags of that kind one file may hold. */
  readonly limits: Readonly<Record<string, number>>;
  /** Globs of files whose markers MoAI does not read (and SpecChain then does not check). */
  readonly exclude: readonly string[];
  /** Kinds that need an `@MX:REASON` sub-line. */
  readonly requireReasonFor: readonly string[];
}

/** One dependency line of a manifest. Filled in by the stack module. */
export interface ManifestDependency {
  /** Package name as written (case kept). */
  readonly name: string;
  /** Declared version or range as written, when there is one. */
  readonly version?: string;
  /** 0-based line of the declaration. */
  readonly line: number;
  readonly range: Range;
  readonly dev?: boolean;
  /** Required only through another dependency (a Go `// indirect` line). */
  readonly indirect?: boolean;
  /** Features or extras switched on (`sqlx` with `features = ["postgres"]`). */
  readonly features?: readonly string[];
}

/** A database a file names outside any package list (a URL, an image, a Prisma provider). */
export interface DatabaseHint {
  readonly id: string;
  /** 0-based line. */
  readonly line: number;
}

/** What a framework manifest declares. */
export interface ManifestFacts {
  readonly path: string;
  readonly kind: string;
  readonly dependencies: readonly ManifestDependency[];
  /** Resolved versions from a lockfile beside the manifest, by lower-case package name. */
  readonly resolved?: Readonly<Record<string, string>>;
  /**
   * A workspace lockfile's versions per member folder (relative to the lockfile, `.` for its
   * own), by lower-case package name: what each member really gets when members lock different versions.
   */
  readonly importers?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Problems reading the manifest (broken JSON/TOML/XML): reported, never thrown. */
  readonly errors?: readonly string[];
  /** Databases the file names outside its dependencies (config files, Cargo features, Prisma). */
  readonly databases?: readonly DatabaseHint[];
  /** How the manifest takes part in a multi-module build, when it does. */
  readonly module?: ModuleInfo;
  /** For a Compose file: its services, so databases go to the services that use them. */
  readonly compose?: readonly ComposeService[];
}

/** One service of a Compose file, as far as databases are concerned. */
export interface ComposeService {
  readonly name: string;
  /** 0-based line of its key. */
  readonly line: number;
  /** `build` (or `build.context`) as written: the folder of the code it runs. */
  readonly build?: string;
  /** `image` as written (`dockersamples/examplevotingapp_vote`). */
  readonly image?: string;
  /** The database it runs (from its image, or a build context named after one: `context: mysql`). */
  readonly database?: string;
  /** Services it names in `depends_on`, `links`, or as a host in its environment (`DB_HOST: db`). */
  readonly uses: readonly string[];
  /** Databases its environment reaches by URL (`DATABASE_URL: postgres://…`). */
  readonly reaches: readonly DatabaseHint[];
}

/** A manifest's place in a multi-module build (Maven, Gradle settings, Cargo and Go workspaces). */
export interface ModuleInfo {
  /** `groupId:artifactId` of a pom, the module path of a `go.mod`. */
  readonly id?: string;
  /** Maven `packaging` (`pom` for parents and aggregators). */
  readonly packaging?: string;
  /** Member folders as written (`<module>`, Gradle `include`, Cargo `members`, `go.work` `use`), `/`-separated. */
  readonly members?: readonly string[];
  /** The Maven parent: its coordinates and where its pom should be (`relativePath`). */
  readonly parent?: { readonly id: string; readonly relativePath: string };
  /** Maven `properties`, values as written. */
  readonly properties?: Readonly<Record<string, string>>;
  /** Versions managed by `dependencyManagement`, by `groupId:artifactId`; imported BOMs by `groupId:*`. */
  readonly managed?: Readonly<Record<string, string>>;
  /** A Gradle version catalog's accessors (`libs.spring.boot.web`) and the coordinates they name. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** A Cargo virtual manifest, a Gradle settings file: it declares members, nothing to run. */
  readonly aggregatorOnly?: boolean;
}

/** A module a source file imports: a package (`mongoose`, `@novu/dal`), a Python or Java package, a Go import path. */
export interface ImportRef {
  readonly module: string;
  /** 0-based line of its first import. */
  readonly line: number;
}

/** A line of code that tells a convention of the repository (see `conventions/signals.ts`). */
export interface CodeSignal {
  readonly kind: SignalKind;
  /** 0-based line. */
  readonly line: number;
  /** What the line names: the guard, the exception, the paging parameter, the base class. */
  readonly value: string;
}

/** What a source or configuration file says about the repository's conventions. */
export interface CodeFacts {
  readonly imports?: readonly ImportRef[];
  readonly signals?: readonly CodeSignal[];
}

// ---------------------------------------------------------------------------------------------
// Evidence: the tests of a file and the traceability rows of a SPEC, for binding test results.

/** A test the runner reports on: a test function or method, or a JavaScript `it`/`test` call. */
export interface TestDecl {
  /** The function or method name, or the `it`/`test` title as written (placeholders kept). */
  readonly name: string;
  /** A second name the runner may report: JUnit 5 `@DisplayName`, .NET `DisplayName`. */
  readonly title?: string;
  /** Indexes into `TestFileFacts.suites`, outermost first: enclosing classes, `describe` calls, Rust modules. */
  readonly suites: readonly number[];
  /** Where the name (or title) stands. */
  readonly range: Range;
  /** First line of its doc (comments, decorators, annotations above it) and last line of its body. */
  readonly lines: readonly [number, number];
  /** SPEC/REQ/AC IDs in its doc comments, docstring, body comments, title or name (REQ/AC as written). */
  readonly ids: readonly IdRef[];
}

/** A class, `describe` block or Rust module holding tests. */
export interface TestSuiteDecl {
  readonly name: string;
  readonly lines: readonly [number, number];
  /** IDs in its title and in its comments outside any test. */
  readonly ids: readonly IdRef[];
}

/** A comment block between tests that opens with an ID, as a heading: it covers the tests below it up to the next one. */
export interface TestSection {
  readonly lines: readonly [number, number];
  readonly ids: readonly IdRef[];
}

/** The tests of a source file, with the IDs around them. */
export interface TestFileFacts {
  readonly tests: readonly TestDecl[];
  readonly suites: readonly TestSuiteDecl[];
  /** IDs in the comments and docstrings above the first test (the file's header and preamble). */
  readonly header: readonly IdRef[];
  /** Last line of the header: a marker at or above it covers every test of the file. */
  readonly headerEnd: number;
  readonly sections: readonly TestSection[];
  /** Java/Kotlin package, C# namespace, Go package clause. */
  readonly namespace?: string;
}

/** A table row of a SPEC document or `acceptance.md` naming tests for its REQs/ACs (`| REQ-X-001 | … | `x_test.go::TestY` |`). */
export interface TraceRow {
  /** The REQ/AC IDs of the row. */
  readonly ids: readonly IdRef[];
  /** Test files (`tests/test_x.py`, `x_test.go`) and functions (`TestY`, `test_y`, `file::name`) it names. */
  readonly tests: readonly { readonly file?: string; readonly name?: string }[];
  readonly line: number;
}

/** Everything SpecChain extracts from one file; the unit of caching and incremental update. */
export interface FileFacts {
  /** Routes, prefixes and imports a source file declares (see `service/routes`). */
  readonly routes?: RouteFacts;
  /** The endpoints a SPEC document names (`POST /api/users`). */
  readonly endpoints?: readonly SpecEndpoint[];
  readonly path: string;
  readonly tags: readonly TagOccurrence[];
  readonly malformed: readonly MalformedTag[];
  readonly headerPaths: readonly HeaderPath[];
  readonly disables: readonly DisableDirective[];
  readonly spec?: SpecDoc;
  readonly manifest?: ManifestFacts;
  /** `@MX` markers of the file, in order (absent when it has none). */
  readonly mx?: readonly MxMarker[];
  /** REQ/AC declarations of a SPEC file (`spec.md`, a flat SPEC, `acceptance.md`). */
  readonly reqs?: readonly ReqDeclaration[];
  /** `mx.yaml` settings, when this file is the project's `.moai/config/sections/mx.yaml`. */
  readonly mxSettings?: MxSettings;
  readonly mxProblems?: readonly MxProblem[];
  /** Imports and convention signals of a source or configuration file (`conventions/scan.ts`). */
  readonly code?: CodeFacts;
  /** The tests of a test file (test functions, `it` calls, annotated methods). */
  readonly tests?: TestFileFacts;
  /** Traceability rows of a SPEC document or `acceptance.md` that name tests. */
  readonly traces?: readonly TraceRow[];
  /** The project's MoAI-ADK release (`template_version`), when this file is `.moai/config/sections/system.yaml`. */
  readonly moaiVersion?: string;
  /** For the root `.gitignore`: the line that keeps `.moai/specs` out of git, when one does. */
  readonly specsIgnored?: SpecsIgnored;
  /** IDs and markers holding invisible characters (`tag/invisible-char`). */
  readonly invisible?: readonly InvisibleInId[];
}

/** The `.gitignore` line (0-based, with the pattern's column) that keeps `.moai/specs` out of git, and its pattern. */
export interface SpecsIgnored {
  readonly line: number;
  readonly start: number;
  readonly pattern: string;
}

/** An ID or marker with invisible characters inside (a soft hyphen, a zero-width space, a bidi control). */
export interface InvisibleInId {
  readonly range: Range;
  /** The text as written, invisible characters included. */
  readonly raw: string;
  /** The text as it shows: without them. */
  readonly visible: string;
}

/** Why a file was not read. */
/** Why a listed file was not read; `vanished`: it was deleted between the listing and the read, so it is simply gone. */
export type SkipReason = 'too-large' | 'binary' | 'unreadable' | 'vanished';

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
}

/** The framework names SpecChain supports. */
export type FrameworkName =
  | 'fastapi' | 'flask' | 'django'
  | 'express' | 'fastify' | 'nestjs' | 'sails'
  | 'gin' | 'beego'
  | 'axum' | 'rocket'
  | 'spring-boot'
  | 'play'
  | 'laravel' | 'symfony';

/** A framework found in a manifest. */
export interface DetectedFramework {
  readonly name: FrameworkName;
  /** Declared version or range as written in the manifest, or null. */
  readonly version: string | null;
  /** Version resolved by a lockfile beside the manifest, or null. */
  readonly resolved: string | null;
  /** Manifest path, workspace-relative. */
  readonly manifest: string;
  /** 1-based line of the declaration in the manifest. */
  readonly line: number;
  /** Range of the declaration in the manifest (0-based, LSP style). */
  readonly range: Range;
}

/** A database of a service and the place that names it. */
export interface DatabaseSource {
  readonly id: string;
  /** Workspace-relative file path. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
}

/** One service: the folder holding one or more manifests. */
export interface ServiceStack {
  /** Folder, workspace-relative (`.` for the root). */
  readonly root: string;
  /** `library` for a module with no framework of its own to run (or a Rust crate with only `lib.rs`). */
  readonly role: 'service' | 'library';
  readonly language: string;
  readonly manifests: readonly string[];
  readonly frameworks: readonly DetectedFramework[];
  readonly databases: readonly string[];
  /** Where each database was found: the file and 1-based line, first source first. */
  readonly databaseSources: readonly DatabaseSource[];
  readonly orms: readonly string[];
  readonly auth: readonly string[];
  readonly testing: readonly string[];
  /** GraphQL server libraries (Apollo, Mercurius, Strawberry, gqlgen, async-graphql, DGS …). */
  readonly graphql: readonly string[];
  /** How many routes SpecChain read from the service's code (set by the language service). */
  readonly routes?: number;
  /**
   * HTTP servers other than the supported frameworks (chi, Koa, Ktor, Actix Web …), and
   * `nextjs-route-handlers` for a Next.js app with route handlers (`app/…/route.ts`, `pages/api/`).
   */
  readonly servers: readonly string[];
  /** Front ends (React, Vue, Next.js …). */
  readonly frontends: readonly string[];
  /** What libraries add to the framework: `grpc`, `websocket`, `sse` (GraphQL is `graphql`). */
  readonly capabilities: readonly string[];
}

/** The detected stack of a workspace (`specchain stack --format json`). */
export interface StackReport {
  readonly services: readonly ServiceStack[];
  /** Folders of builds that only gather modules (Maven `packaging pom`, Cargo and Gradle roots): not services. */
  readonly aggregators?: readonly { readonly root: string; readonly manifest: string }[];
}

// ---------------------------------------------------------------------------------------------
// Routes read from the code (`service/routes/`): the per-file facts analysis caches.

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

/** An endpoint a SPEC names (`POST /api/users`), with where it is written. */
export interface SpecEndpoint {
  readonly method: RouteMethod;
  /** As written, query and trailing punctuation removed. */
  readonly path: string;
  /** The `METHOD /path` text (or the path cell of a table row). */
  readonly range: Range;
  /**
   * Set when the SPEC names the endpoint without asking this code to serve it: `call` for a
   * full URL on a host (an API the code calls), `excluded` under an out-of-scope heading.
   */
  readonly mention?: 'call' | 'excluded';
}
