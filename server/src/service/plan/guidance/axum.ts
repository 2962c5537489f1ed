import type { GuidanceData } from './types';

/** Axum: the Tokio team's web framework built on tower. */
export const axum: GuidanceData = {
  name: 'axum',
  language: 'rust',
  docs: 'https://docs.rs/axum/latest/axum/',
  summary: 'A Rust framework on Tokio, hyper and tower: typed extractors in, `IntoResponse` out, tower layers around.',
  keyPatterns: [
    '`Router::new().route("/users/{id}", get(show).put(update))` (axum 0.8 path syntax; `/:id` before 0.8), nested with `.nest("/api/v1", api)`.',
    'Extractors declare what a handler needs: `State`, `Path`, `Query`, `Json`; the body extractor comes last.',
    'Shared application state (pool, config, clients) passed with `.with_state(state)`; state must be `Clone`, so wrap heavy parts in `Arc`.',
    'Handlers return `Result<Json<T>, AppError>`; `AppError` implements `IntoResponse`, so `?` works in every handler.',
    'Validation in a custom extractor with the validator or garde crate; serde derives for all DTOs.',
    'Start with `tokio::net::TcpListener` and `axum::serve(listener, app).with_graceful_shutdown(signal)`.',
  ],
  databaseIntegration: [
    'sqlx with a `PgPool` in the state; `query_as!` checks SQL against the schema at compile time (`cargo sqlx prepare` for offline CI builds).',
    '`sqlx::migrate!()` embeds the `migrations/` folder and runs it at startup or in the deploy step.',
    'SeaORM or Diesel (with diesel-async) when an ORM is preferred.',
  ],
  dataAccess: {
    orm: 'sqlx (`PgPool` in state) or SeaORM',
    migrations: 'sqlx migrations (`sqlx migrate add`, `sqlx::migrate!()`)',
    pool: '`PgPoolOptions::new().max_connections(n).acquire_timeout(...)`',
  },
  authentication: [
    'A custom extractor implementing `FromRequestParts` that validates the bearer token with the jsonwebtoken crate; handlers that take it are protected.',
    '`TypedHeader<Authorization<Bearer>>` from axum-extra to read the header.',
    'Password hashes with the argon2 crate; tower-sessions for cookie sessions.',
  ],
  testing: [
    '`tower::ServiceExt::oneshot` sends a built `Request` to the `Router` without a socket.',
    '`#[tokio::test]` for async tests; `#[sqlx::test]` gives each test its own migrated database.',
    'Integration tests in `tests/` build the app through the same function as `main`.',
  ],
  coverageCommand: 'cargo llvm-cov --fail-under-lines {target}',
  auditCommand: 'cargo audit',
  middleware: [
    '`SetRequestIdLayer` / `PropagateRequestIdLayer` (tower-http)',
    '`TraceLayer` for request logs and spans',
    '`TimeoutLayer` and `RequestBodyLimitLayer`',
    '`CorsLayer` with explicit origins',
    'Rate limiting with tower_governor',
    '`CompressionLayer`',
    'Authentication via an extractor or `middleware::from_fn_with_state`',
  ],
  errorHandling:
    'One `AppError` enum (thiserror) implementing `IntoResponse`, mapping each variant to a status and an `application/problem+json` body.',
  layout: [
    { path: 'src/main.rs', purpose: 'startup, state, router assembly' },
    { path: 'src/routes/', purpose: 'handlers per resource', tag: 'API' },
    { path: 'src/services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'src/db/', purpose: 'queries and models', tag: 'DB' },
    { path: 'migrations/', purpose: 'sqlx migrations', tag: 'DB' },
    { path: 'src/middleware/', purpose: 'auth extractor, layers', tag: 'MIDDLEWARE' },
    { path: 'tests/', purpose: 'integration tests', tag: 'TEST' },
  ],
};
