import type { GuidanceData } from './types';

/** Rocket: attribute-routed Rust web framework. */
export const rocket: GuidanceData = {
  name: 'rocket',
  language: 'rust',
  docs: 'https://rocket.rs/',
  summary: 'A Rust framework (0.5, async) where attributes declare routes and guards check every request before the handler runs.',
  keyPatterns: [
    'Attribute routes such as `#[get("/users/<id>")]`, mounted with `rocket::build().mount("/api/v1", routes![...])` in a `#[launch]` function.',
    'Request guards (`FromRequest`) for the caller\'s identity and other preconditions; a handler runs only when all its guards succeed.',
    '`Json<T>` data guards with serde for bodies; validation in the guard or in a domain constructor.',
    'Managed state with `.manage(x)` and `&State<T>` in handlers.',
    'Configuration from `Rocket.toml` and `ROCKET_` environment variables (figment profiles).',
  ],
  databaseIntegration: [
    'rocket_db_pools: `#[derive(Database)] #[database("main")] struct Db(sqlx::PgPool);` attached with `Db::init()`, used through the `Connection<Db>` guard.',
    'Migrations with sqlx run from an `AdHoc::try_on_ignite` fairing, or Diesel migrations.',
    'Diesel through rocket_sync_db_pools or diesel-async for a typed query builder.',
  ],
  dataAccess: {
    orm: 'rocket_db_pools with sqlx (or Diesel)',
    migrations: 'sqlx migrations run from an ignite fairing (or `diesel migration run`)',
    pool: '`[default.databases.main]` in Rocket.toml: `max_connections`, `connect_timeout`',
  },
  authentication: [
    'A request guard validating the bearer token with the jsonwebtoken crate, failing with `Outcome::Error((Status::Unauthorized, ...))`.',
    'Private cookies (`CookieJar::get_private`, `secrets` feature) for browser sessions.',
    'Password hashes with the argon2 crate.',
  ],
  testing: [
    '`rocket::local::blocking::Client::tracked(rocket())` (or the asynchronous client) dispatches requests without a network.',
    'Build the app in a function shared by `#[launch]` and the tests; a test profile points at a test database.',
  ],
  coverageCommand: 'cargo llvm-cov --fail-under-lines {target}',
  auditCommand: 'cargo audit',
  middleware: [
    '`Shield` fairing (on by default) for security headers',
    'A fairing adding request IDs and timing',
    'CORS with rocket_cors',
    'Authentication request guards on protected routes',
    'Rate limiting at the reverse proxy or in a guard',
    'Catchers for error statuses',
  ],
  errorHandling:
    'Handlers return `Result<Json<T>, ApiError>` where `ApiError` implements `Responder`; catchers registered with `.register("/", catchers![...])` give unmatched and failed requests the same `application/problem+json` body.',
  layout: [
    { path: 'src/main.rs', purpose: '#[launch], mounting routes and fairings' },
    { path: 'src/routes/', purpose: 'route handlers', tag: 'API' },
    { path: 'src/services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'src/db.rs', purpose: 'pool and queries', tag: 'DB' },
    { path: 'migrations/', purpose: 'SQL migrations', tag: 'DB' },
    { path: 'src/guards/', purpose: 'request guards and fairings', tag: 'MIDDLEWARE' },
    { path: 'tests/', purpose: 'local-client tests', tag: 'TEST' },
  ],
};
