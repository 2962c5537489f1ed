import type { GuidanceData } from './types';

/** Play Framework: reactive web framework for Scala and Java. */
export const play: GuidanceData = {
  name: 'play',
  language: 'scala',
  docs: 'https://www.playframework.com/',
  summary: 'A stateless, non-blocking framework for Scala (and Java) with a compiled routes file and built-in filters.',
  keyPatterns: [
    'Routes declared in `conf/routes`, e.g. `GET /api/v1/users/:id controllers.UserController.show(id: Long)`; the compiler checks them.',
    'Controllers extend `BaseController` (or `AbstractController`) with injected `ControllerComponents`; actions are `Action.async` returning `Future[Result]`.',
    'JSON with play-json: `Json.format[T]` and `request.body.validate[T]` with `JsResult` folding into 400 or the happy path.',
    'Guice or compile-time dependency injection; blocking JDBC work on a dedicated execution context, never the default one.',
    'Configuration in `application.conf` (HOCON) with environment overrides.',
  ],
  databaseIntegration: [
    'Slick through play-slick (`DatabaseConfigProvider`), or Anorm for hand-written SQL.',
    'Play evolutions in `conf/evolutions/default/1.sql` (or Flyway); automatic apply only outside production.',
    'A custom `ExecutionContext` sized to the connection pool for database calls.',
  ],
  dataAccess: {
    orm: 'Slick via play-slick (or Anorm)',
    migrations: 'Play evolutions (or Flyway)',
    pool: 'HikariCP (the default): `db.default.hikaricp.maximumPoolSize`, with a database execution context of the same size',
  },
  authentication: [
    'An `ActionBuilder` / `ActionRefiner` producing an authenticated request; protected actions use it instead of `Action`.',
    'JWT validation with jwt-scala, or pac4j / Silhouette for fuller identity flows.',
    'Play\'s signed session cookie for browser clients.',
  ],
  testing: [
    'ScalaTest with scalatestplus-play (`PlaySpec`, `GuiceOneAppPerSuite`).',
    '`FakeRequest` with `route(app, request)` and helpers such as `status`, `contentAsJson`.',
    'An in-memory or containerised test database configured through the test application config.',
  ],
  coverageCommand: 'sbt coverage test coverageReport (sbt-scoverage with `coverageMinimumStmtTotal := {target}` and `coverageFailOnMinimum := true`)',
  auditCommand: 'sbt dependencyCheck (sbt-dependency-check)',
  middleware: [
    '`AllowedHostsFilter` and `SecurityHeadersFilter` (enabled by default)',
    '`CORSFilter` with explicit origins',
    '`CSRFFilter` for cookie-authenticated browser routes',
    'A custom `Filter` for request IDs and access logs',
    '`GzipFilter`',
    'Authenticated action builders on protected routes',
  ],
  errorHandling:
    'A custom `HttpErrorHandler` (set with `play.http.errorHandler`) returns `application/problem+json` for client and server errors; controllers map domain errors the same way.',
  layout: [
    { path: 'app/controllers/', purpose: 'controllers', tag: 'API' },
    { path: 'app/services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'app/models/', purpose: 'models and DAOs', tag: 'DB' },
    { path: 'conf/evolutions/default/', purpose: 'evolution scripts', tag: 'DB' },
    { path: 'app/filters/', purpose: 'filters and action builders', tag: 'MIDDLEWARE' },
    { path: 'conf/routes', purpose: 'route table' },
    { path: 'test/', purpose: 'ScalaTest suites', tag: 'TEST' },
  ],
};
