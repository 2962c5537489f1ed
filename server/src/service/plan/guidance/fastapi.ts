import type { GuidanceData } from './types';

/** FastAPI: async Python APIs typed end to end with Pydantic. */
export const fastapi: GuidanceData = {
  name: 'fastapi',
  language: 'python',
  docs: 'https://fastapi.tiangolo.com/',
  summary: 'An ASGI framework where type hints drive validation, serialisation and the OpenAPI schema.',
  keyPatterns: [
    'One `APIRouter` per resource, included in the app with `app.include_router(router, prefix="/api/v1")`.',
    'Pydantic v2 models for every request and response; separate Create, Update and Read schemas, and `response_model` on each route so internal fields never leak.',
    'Dependencies (`Depends`) supply the database session, the current user, pagination and settings; they are overridable in tests.',
    '`async def` endpoints only with async drivers; blocking libraries belong in plain `def` endpoints, which FastAPI runs in a thread pool.',
    'A `lifespan` context manager creates and disposes shared clients (engine, HTTP client, cache) instead of module-level globals.',
    'Settings from the environment through `pydantic-settings` (`BaseSettings`), validated at startup.',
  ],
  databaseIntegration: [
    'SQLAlchemy 2.0 with `create_async_engine` and `AsyncSession` (asyncpg for PostgreSQL, aiomysql or asyncmy for MySQL).',
    'A yield dependency opens one session per request and commits or rolls back at its end.',
    'Alembic for migrations: `alembic revision --autogenerate`, then read the generated script before committing it.',
    'SQLModel is a lighter option when tables and schemas map one to one.',
  ],
  dataAccess: {
    orm: 'SQLAlchemy 2.0 (async) with asyncpg',
    migrations: 'Alembic',
    pool: 'SQLAlchemy engine pool: `pool_size`, `max_overflow`, `pool_pre_ping=True`',
  },
  authentication: [
    '`OAuth2PasswordBearer` reads the bearer token; a `get_current_user` dependency decodes it with PyJWT and loads the user.',
    '`Security(..., scopes=[...])` for scope checks on single routes.',
    'Password hashes with Argon2 (`argon2-cffi`, or `pwdlib`); never store or log the raw password.',
  ],
  testing: [
    'pytest with `fastapi.testclient.TestClient`, or `httpx.AsyncClient(transport=ASGITransport(app))` for async tests (pytest-asyncio or anyio).',
    '`app.dependency_overrides` swaps the session and the current user in tests.',
    'A test database with one transaction per test rolled back at teardown keeps tests independent.',
  ],
  coverageCommand: 'pytest --cov=app --cov-fail-under={target}',
  auditCommand: 'pip-audit',
  middleware: [
    '`CORSMiddleware` with an explicit list of origins',
    '`TrustedHostMiddleware` for the allowed host names',
    'Request ID and access log middleware (`@app.middleware("http")`)',
    'Rate limiting with `slowapi`',
    '`GZipMiddleware` for large responses',
    'Exception handlers that render the error format',
  ],
  errorHandling:
    'Register `@app.exception_handler` for domain errors and for `RequestValidationError`, each returning an `application/problem+json` body; raise `HTTPException` only at the API edge.',
  layout: [
    { path: 'app/main.py', purpose: 'app factory, lifespan, routers included' },
    { path: 'app/api/v1/', purpose: 'one APIRouter module per resource', tag: 'API' },
    { path: 'app/schemas/', purpose: 'Pydantic request and response models' },
    { path: 'app/services/', purpose: 'business logic, no HTTP types', tag: 'SERVICE' },
    { path: 'app/models/', purpose: 'SQLAlchemy models', tag: 'DB' },
    { path: 'alembic/versions/', purpose: 'migrations', tag: 'DB' },
    { path: 'app/core/', purpose: 'settings, security helpers, middleware', tag: 'MIDDLEWARE' },
    { path: 'tests/', purpose: 'pytest suites', tag: 'TEST' },
  ],
};
