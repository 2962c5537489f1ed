import type { GuidanceData } from './types';

/** Flask: a small WSGI core grown with extensions. */
export const flask: GuidanceData = {
  name: 'flask',
  language: 'python',
  docs: 'https://flask.palletsprojects.com/',
  summary: 'A minimal WSGI framework: the team picks each extension, so the plan names them explicitly.',
  keyPatterns: [
    'An application factory `create_app(config)` so tests and the server build their own app.',
    'One Blueprint per resource, registered with `url_prefix="/api/v1/<resource>"`.',
    'Class-based resources with `MethodView`, or flask-smorest to get OpenAPI and marshmallow validation in one place.',
    'Validate every body with marshmallow schemas (or Pydantic) before it reaches the service layer.',
    'Configuration classes per environment, secrets read from the environment only.',
  ],
  databaseIntegration: [
    'Flask-SQLAlchemy: one `db = SQLAlchemy()` bound with `db.init_app(app)`; the session is scoped to the app context and removed at teardown.',
    'Flask-Migrate wraps Alembic: `flask db migrate` then `flask db upgrade`, reviewing each generated script.',
    'Keep queries in repository or service functions, not in view functions.',
  ],
  dataAccess: {
    orm: 'Flask-SQLAlchemy (SQLAlchemy 2.0)',
    migrations: 'Flask-Migrate (Alembic)',
    pool: '`SQLALCHEMY_ENGINE_OPTIONS`: `pool_size`, `max_overflow`, `pool_pre_ping`',
  },
  authentication: [
    'Flask-JWT-Extended for token APIs: `@jwt_required()` on views and `get_jwt_identity()` for the caller.',
    'Flask-Login when the API serves a browser with cookie sessions.',
    '`werkzeug.security.generate_password_hash` / `check_password_hash`, or argon2-cffi.',
  ],
  testing: [
    'pytest fixtures build the app with `create_app({"TESTING": True})` and use `app.test_client()`.',
    '`app.test_cli_runner()` for custom CLI commands.',
    'A throwaway database per test session, tables created from the models or by running the migrations.',
  ],
  coverageCommand: 'pytest --cov=app --cov-fail-under={target}',
  auditCommand: 'pip-audit',
  middleware: [
    '`ProxyFix` from werkzeug when behind a reverse proxy',
    'Flask-CORS with explicit origins',
    'Flask-Talisman for security headers',
    'Flask-Limiter for rate limits',
    '`before_request` / `after_request` hooks for request IDs and timing',
    'Error handlers that render the error format',
  ],
  errorHandling:
    'Register handlers with `app.register_error_handler` for `HTTPException` and for domain errors, all returning the same `application/problem+json` body.',
  layout: [
    { path: 'app/__init__.py', purpose: 'create_app factory, extensions, blueprints' },
    { path: 'app/api/', purpose: 'one Blueprint per resource', tag: 'API' },
    { path: 'app/services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'app/models.py', purpose: 'SQLAlchemy models', tag: 'DB' },
    { path: 'migrations/', purpose: 'Flask-Migrate (Alembic) scripts', tag: 'DB' },
    { path: 'app/hooks.py', purpose: 'request hooks and error handlers', tag: 'MIDDLEWARE' },
    { path: 'tests/', purpose: 'pytest suites', tag: 'TEST' },
  ],
};
