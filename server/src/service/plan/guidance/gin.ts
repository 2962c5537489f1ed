import type { GuidanceData } from './types';

/** Gin: a fast HTTP router and middleware chain for Go. */
export const gin: GuidanceData = {
  name: 'gin',
  language: 'go',
  docs: 'https://gin-gonic.com/',
  summary: 'A lean Go web framework: a radix-tree router, binding with validation, and a middleware chain.',
  keyPatterns: [
    '`gin.New()` with the middleware listed explicitly (rather than `gin.Default()`), route groups such as `r.Group("/api/v1")`.',
    'Bind and validate input with `c.ShouldBindJSON(&req)` and `binding:"required,email"` struct tags (go-playground/validator).',
    'Handlers depend on service interfaces; services on repository interfaces; everything wired in `main` through constructors.',
    'Pass `c.Request.Context()` down to services and queries so cancelled requests stop their work.',
    'Graceful shutdown with `http.Server.Shutdown` on SIGTERM.',
  ],
  databaseIntegration: [
    'GORM (`gorm.io/gorm` with `gorm.io/driver/postgres`) or sqlx / pgx for hand-written SQL.',
    'Versioned migrations with golang-migrate or goose; `AutoMigrate` only for prototypes.',
    'Transactions with `db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {...})`.',
  ],
  dataAccess: {
    orm: 'GORM (or sqlx / pgx)',
    migrations: 'golang-migrate or goose',
    pool: '`SetMaxOpenConns`, `SetMaxIdleConns`, `SetConnMaxLifetime` on the `*sql.DB` (pgxpool settings with pgx)',
  },
  authentication: [
    'A middleware validating bearer tokens with `github.com/golang-jwt/jwt/v5`, storing the claims with `c.Set` and calling `c.AbortWithStatusJSON` on failure.',
    'Password hashes with `golang.org/x/crypto/bcrypt` (or argon2id from `x/crypto/argon2`).',
    'Role checks as group middleware; casbin for policy-based access control.',
  ],
  testing: [
    '`httptest.NewRecorder()` and `router.ServeHTTP(w, req)` against the real router, with `gin.SetMode(gin.TestMode)`.',
    'Table-driven tests with testify (`assert`, `require`).',
    'testcontainers-go for repository tests against a real database.',
  ],
  coverageCommand: 'go test ./... -coverprofile=coverage.out && go tool cover -func=coverage.out (fail the build below {target}%)',
  auditCommand: 'govulncheck ./...',
  middleware: [
    '`gin.Recovery()`',
    'Request ID and structured logging (`log/slog`)',
    'CORS with `github.com/gin-contrib/cors`',
    'Rate limiting (`golang.org/x/time/rate` or a Redis-backed limiter)',
    'Authentication on protected groups',
    'Error-rendering middleware reading `c.Errors` after `c.Next()`',
  ],
  errorHandling:
    'Handlers call `c.Error(err)` and return; one middleware after `c.Next()` maps `c.Errors` to a status and an `application/problem+json` body.',
  layout: [
    { path: 'cmd/server/main.go', purpose: 'wiring and startup' },
    { path: 'internal/handler/', purpose: 'HTTP handlers', tag: 'API' },
    { path: 'internal/service/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'internal/repository/', purpose: 'data access', tag: 'DB' },
    { path: 'internal/middleware/', purpose: 'auth, logging, errors', tag: 'MIDDLEWARE' },
    { path: 'migrations/', purpose: 'SQL migrations', tag: 'DB' },
    { path: 'internal/**/*_test.go', purpose: 'tests beside the code', tag: 'TEST' },
  ],
};
