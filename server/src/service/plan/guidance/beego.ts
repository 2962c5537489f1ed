import type { GuidanceData } from './types';

/** Beego v2: a full-stack MVC framework for Go. */
export const beego: GuidanceData = {
  name: 'beego',
  language: 'go',
  docs: 'https://beego.wiki/',
  summary: 'A full-stack Go framework (v2: `github.com/beego/beego/v2`) with MVC controllers, its own ORM, filters and the `bee` tool.',
  keyPatterns: [
    'Controllers embed `web.Controller`; routes map methods explicitly, e.g. `web.Router("/users/:id", &UserController{}, "get:Get;put:Put")`.',
    'Versioned APIs with namespaces: `web.NewNamespace("/api/v1", web.NSNamespace("/users", ...))`.',
    'Set `CopyRequestBody = true` to read JSON bodies from `c.Ctx.Input.RequestBody`; validate with `core/validation` or go-playground/validator.',
    'Configuration in `conf/app.conf` with run modes (`dev`, `prod`); secrets from the environment.',
    'The `bee` tool scaffolds API projects and generates Swagger documents from annotation comments.',
  ],
  databaseIntegration: [
    'Beego ORM (`client/orm`): `orm.RegisterDataBase`, `orm.RegisterModel`, then `orm.NewOrm()` per unit of work.',
    'Transactions with `o.DoTx(func(ctx context.Context, txOrm orm.TxOrmer) error {...})`.',
    'Versioned migrations with `bee migrate` or golang-migrate; `RunSyncdb` only in development.',
  ],
  dataAccess: {
    orm: 'Beego ORM (`github.com/beego/beego/v2/client/orm`)',
    migrations: '`bee migrate` or golang-migrate',
    pool: '`orm.MaxIdleConnections` and `orm.MaxOpenConnections` options of `orm.RegisterDataBase`',
  },
  authentication: [
    'A filter registered with `web.InsertFilter("/api/*", web.BeforeRouter, authFilter)` validating bearer tokens with golang-jwt.',
    'The built-in session module for browser clients.',
    'Password hashes with `golang.org/x/crypto/bcrypt`.',
  ],
  testing: [
    '`httptest.NewRecorder()` and `web.BeeApp.Handlers.ServeHTTP(w, r)` after the routers are registered.',
    'Table-driven `go test` with testify; a separate test database configured in the `test` run mode.',
  ],
  coverageCommand: 'go test ./... -coverprofile=coverage.out && go tool cover -func=coverage.out (fail the build below {target}%)',
  auditCommand: 'govulncheck ./...',
  middleware: [
    'Panic recovery (`RecoverPanic` in app.conf)',
    'Filters at `BeforeStatic`/`BeforeRouter` for request IDs and logging',
    'CORS with `server/web/filter/cors`',
    'Authentication filter on the API namespace',
    'Filters at `AfterExec`/`FinishRouter` for timing and access logs',
  ],
  errorHandling:
    'A base controller helper sets the status with `c.Ctx.Output.SetStatus` and serves an `application/problem+json` body; `web.ErrorController` covers 404 and 500.',
  layout: [
    { path: 'main.go', purpose: 'startup' },
    { path: 'routers/router.go', purpose: 'namespaces and routes' },
    { path: 'controllers/', purpose: 'API controllers', tag: 'API' },
    { path: 'services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'models/', purpose: 'ORM models', tag: 'DB' },
    { path: 'database/migrations/', purpose: 'migrations', tag: 'DB' },
    { path: 'filters/', purpose: 'auth and logging filters', tag: 'MIDDLEWARE' },
    { path: 'tests/', purpose: 'go test suites', tag: 'TEST' },
  ],
};
