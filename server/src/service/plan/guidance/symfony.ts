import type { GuidanceData } from './types';

/** Symfony: component-based PHP framework with Doctrine. */
export const symfony: GuidanceData = {
  name: 'symfony',
  language: 'php',
  docs: 'https://symfony.com/',
  summary: 'A PHP framework of reusable components with autowired services, Doctrine and a configurable security layer.',
  keyPatterns: [
    'Controllers extending `AbstractController` with `#[Route("/api/v1/users/{id}", methods: ["GET"])]` attributes.',
    'Autowired, autoconfigured services (`config/services.yaml`); business logic in services, controllers stay thin.',
    'Request DTOs mapped with `#[MapRequestPayload]` / `#[MapQueryString]` (Symfony 6.3+) and checked by Validator constraints.',
    'Serializer component for JSON (`$this->json($data, context: ["groups" => ...])`); API Platform when the API is resource-oriented CRUD.',
    'Environment in `.env` files, secrets in the secrets vault.',
  ],
  databaseIntegration: [
    'Doctrine ORM entities with attribute mapping and `ServiceEntityRepository` repositories.',
    'DoctrineMigrationsBundle: `make:migration` (MakerBundle) then `doctrine:migrations:migrate`.',
    '`EntityManagerInterface::wrapInTransaction()` for multi-step writes.',
  ],
  dataAccess: {
    orm: 'Doctrine ORM',
    migrations: 'DoctrineMigrationsBundle',
    pool: 'one connection per PHP worker (`DATABASE_URL`); PgBouncer, or a long-running runtime (FrankenPHP, RoadRunner) to reuse connections',
  },
  authentication: [
    'SecurityBundle firewalls in `config/packages/security.yaml`; stateless token APIs with lexik/jwt-authentication-bundle or the built-in `access_token` authenticator.',
    'Voters and `#[IsGranted]` for authorization decisions.',
    'The `auto` password hasher (bcrypt or argon2id as available).',
  ],
  testing: [
    'PHPUnit with `WebTestCase` and `static::createClient()` for endpoint tests; `KernelTestCase` for services.',
    'dama/doctrine-test-bundle rolls back each test\'s transaction; zenstruck/foundry for factories.',
  ],
  coverageCommand: 'vendor/bin/phpunit --coverage-clover coverage.xml (PCOV or Xdebug), failing the build below {target}% line coverage',
  auditCommand: 'composer audit',
  middleware: [
    'Security firewall (authentication, access control)',
    'CORS with nelmio/cors-bundle',
    'RateLimiter component on login and write endpoints',
    '`kernel.request` / `kernel.response` subscribers for request IDs and headers',
    '`kernel.exception` subscriber for errors',
  ],
  errorHandling:
    'A `kernel.exception` event subscriber converts exceptions into `application/problem+json` responses (the Serializer\'s `ProblemNormalizer` gives the shape).',
  layout: [
    { path: 'src/Controller/', purpose: 'controllers', tag: 'API' },
    { path: 'src/Service/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'src/Entity/', purpose: 'Doctrine entities', tag: 'DB' },
    { path: 'src/Repository/', purpose: 'repositories', tag: 'DB' },
    { path: 'migrations/', purpose: 'Doctrine migrations', tag: 'DB' },
    { path: 'src/EventSubscriber/', purpose: 'request, response and exception subscribers', tag: 'MIDDLEWARE' },
    { path: 'tests/', purpose: 'PHPUnit suites', tag: 'TEST' },
  ],
};
