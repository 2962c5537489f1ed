import type { GuidanceData } from './types';

/** Laravel: full-stack PHP framework with Eloquent. */
export const laravel: GuidanceData = {
  name: 'laravel',
  language: 'php',
  docs: 'https://laravel.com/',
  summary: 'A full-stack PHP framework with Eloquent, a service container, queues and first-party API authentication.',
  keyPatterns: [
    'API routes in `routes/api.php` (Laravel 11+: `php artisan install:api`), with `Route::apiResource("users", UserController::class)`.',
    'Form Requests hold validation rules and authorization for each write endpoint.',
    'API Resources (`JsonResource`, resource collections) shape every response; models are never returned raw.',
    'Route model binding for `{user}` parameters; services or action classes injected through the container.',
    'Configuration read through `config()`; `env()` only inside `config/*.php` so config caching works.',
    'Slow work (mail, webhooks) dispatched to queued jobs.',
  ],
  databaseIntegration: [
    'Eloquent models with relationships and eager loading (`with()`); `Model::preventLazyLoading()` outside production catches N+1 queries.',
    'Migrations with `php artisan make:migration` and `php artisan migrate`; factories and seeders for test data.',
    '`DB::transaction(fn () => ...)` around multi-step writes.',
  ],
  dataAccess: {
    orm: 'Eloquent',
    migrations: 'Laravel migrations (`php artisan migrate`)',
    pool: 'one connection per PHP worker: size the worker count to the database limit, add PgBouncer/ProxySQL, or run Octane for long-lived workers',
  },
  authentication: [
    'Laravel Sanctum: API tokens or SPA cookie authentication, routes guarded with `auth:sanctum`.',
    'Laravel Passport when a full OAuth2 server is required.',
    'Gates and Policies for authorization (`can` middleware, `$this->authorize()`, `Gate::allows`); the `Hash` facade (bcrypt or argon2id) for passwords.',
  ],
  testing: [
    'Pest or PHPUnit feature tests: `$this->postJson("/api/users", [...])->assertCreated()->assertJsonPath(...)`.',
    '`RefreshDatabase` for a clean schema; model factories for data; `Sanctum::actingAs($user)` for authenticated calls.',
    'Run with `php artisan test`; fakes (`Queue::fake()`, `Mail::fake()`) for side effects.',
  ],
  coverageCommand: 'php artisan test --coverage --min={target}',
  auditCommand: 'composer audit',
  middleware: [
    '`TrustProxies` and `HandleCors` (config/cors.php)',
    '`throttle:api` with a named limiter from `RateLimiter::for`',
    '`auth:sanctum` on protected routes',
    '`SubstituteBindings` for route model binding',
    'Registered in `bootstrap/app.php` with `->withMiddleware()` (Laravel 11+)',
  ],
  errorHandling:
    'Exception rendering configured in `bootstrap/app.php` with `->withExceptions()` (the `App\\Exceptions\\Handler` class before Laravel 11) returns `application/problem+json` for API routes; validation failures already return 422.',
  layout: [
    { path: 'routes/api.php', purpose: 'route table' },
    { path: 'app/Http/Controllers/Api/', purpose: 'controllers', tag: 'API' },
    { path: 'app/Http/Requests/', purpose: 'Form Requests' },
    { path: 'app/Http/Resources/', purpose: 'API Resources' },
    { path: 'app/Services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'app/Models/', purpose: 'Eloquent models', tag: 'DB' },
    { path: 'database/migrations/', purpose: 'migrations', tag: 'DB' },
    { path: 'app/Http/Middleware/', purpose: 'custom middleware', tag: 'MIDDLEWARE' },
    { path: 'tests/Feature/', purpose: 'feature tests', tag: 'TEST' },
  ],
};
