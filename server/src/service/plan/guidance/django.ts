import type { GuidanceData } from './types';

/** Django with Django REST Framework. */
export const django: GuidanceData = {
  name: 'django',
  language: 'python',
  docs: 'https://www.djangoproject.com/',
  summary: 'A batteries-included framework; for APIs it is paired with Django REST Framework (DRF).',
  keyPatterns: [
    'DRF `ModelSerializer` for input validation and output shape, `ModelViewSet` or generic views, routes from a `DefaultRouter`.',
    'One Django app per bounded context, each with its models, serializers, views, urls and tests.',
    'Business rules in a `services.py` module (or model methods), keeping views thin.',
    '`select_related` / `prefetch_related` in every list query to avoid N+1 queries.',
    'Pagination, filtering (django-filter) and throttling configured once in `REST_FRAMEWORK` settings.',
    'OpenAPI with drf-spectacular; settings split per environment, secrets from the environment (django-environ).',
  ],
  databaseIntegration: [
    'Django ORM models; `makemigrations` output is committed and `migrate` runs on deploy.',
    'PostgreSQL through psycopg 3; `transaction.atomic` around multi-step writes.',
    'A custom user model (`AUTH_USER_MODEL`) from the first migration; changing it later is painful.',
  ],
  dataAccess: {
    orm: 'Django ORM',
    migrations: 'Django migrations (`makemigrations` / `migrate`)',
    pool: 'persistent connections (`CONN_MAX_AGE`, `CONN_HEALTH_CHECKS`) or the psycopg pool (`OPTIONS: {"pool": True}`, Django 5.1+); PgBouncer for many workers',
  },
  authentication: [
    'djangorestframework-simplejwt for JWT access and refresh tokens, or DRF `TokenAuthentication`.',
    '`SessionAuthentication` (with CSRF) when the API serves the same-site browser app.',
    'Permission classes (`IsAuthenticated`, custom object permissions) on every view; Argon2 as first password hasher.',
  ],
  testing: [
    'pytest-django (`@pytest.mark.django_db`) or `django.test.TestCase`, each test in a rolled-back transaction.',
    'DRF `APIClient` with `force_authenticate` for endpoint tests.',
    'factory_boy factories instead of JSON fixtures; `override_settings` for configuration cases.',
  ],
  coverageCommand: 'pytest --cov --cov-fail-under={target}',
  auditCommand: 'pip-audit',
  middleware: [
    '`SecurityMiddleware`',
    '`corsheaders.middleware.CorsMiddleware` (django-cors-headers), placed as high as possible',
    '`SessionMiddleware` and `CommonMiddleware`',
    '`CsrfViewMiddleware` when session authentication is used',
    '`AuthenticationMiddleware`',
    'DRF throttle classes for rate limits',
  ],
  errorHandling:
    'Point `REST_FRAMEWORK["EXCEPTION_HANDLER"]` at a function that calls DRF\'s `exception_handler` and reshapes the result into an `application/problem+json` body.',
  layout: [
    { path: 'config/settings/', purpose: 'settings per environment' },
    { path: '<app>/views.py', purpose: 'viewsets and API views', tag: 'API' },
    { path: '<app>/serializers.py', purpose: 'DRF serializers' },
    { path: '<app>/services.py', purpose: 'business logic', tag: 'SERVICE' },
    { path: '<app>/models.py', purpose: 'ORM models', tag: 'DB' },
    { path: '<app>/migrations/', purpose: 'generated migrations', tag: 'DB' },
    { path: 'config/middleware.py', purpose: 'custom middleware', tag: 'MIDDLEWARE' },
    { path: '<app>/tests/', purpose: 'pytest-django suites', tag: 'TEST' },
  ],
};
