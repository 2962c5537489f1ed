import type { GuidanceData } from './types';

/** NestJS: modules, providers and decorators on top of Express or Fastify. */
export const nestjs: GuidanceData = {
  name: 'nestjs',
  language: 'typescript',
  docs: 'https://nestjs.com/',
  summary: 'An opinionated TypeScript framework with modules, dependency injection and decorators, running on Express or Fastify.',
  keyPatterns: [
    'One module per feature: controller, service and entity registered together.',
    '`@Controller("users")` with `@Get()`, `@Post()`, `@Param()`, `@Body()`; a global prefix `api/v1` set in `main.ts`.',
    'DTO classes validated by a global `ValidationPipe` (class-validator and class-transformer, `whitelist` and `forbidNonWhitelisted` on).',
    'Cross-cutting concerns as guards (access), interceptors (logging, mapping), pipes (parsing) and exception filters (errors).',
    '`@nestjs/config` for typed configuration; `@nestjs/swagger` decorators for the OpenAPI document.',
  ],
  databaseIntegration: [
    '`TypeOrmModule.forRootAsync` with configuration injected, `forFeature([Entity])` and `@InjectRepository` in services.',
    'TypeORM migrations (`migration:generate`, `migration:run`); `synchronize` stays off outside local development.',
    'Prisma behind an injectable `PrismaService`, or `@nestjs/mongoose` for MongoDB, are the common alternatives.',
  ],
  dataAccess: {
    orm: 'TypeORM via @nestjs/typeorm (or Prisma)',
    migrations: 'TypeORM migrations, `synchronize: false`',
    pool: 'TypeORM DataSource pool options (`extra.max` for PostgreSQL)',
  },
  authentication: [
    '`@nestjs/passport` with a passport-jwt strategy and `AuthGuard("jwt")`, or `@nestjs/jwt` with a custom `CanActivate` guard.',
    'A global guard plus a `@Public()` decorator for the few open routes, so new routes are protected by default.',
    'Roles as route metadata read with `Reflector` in a roles guard.',
  ],
  testing: [
    'Jest with `Test.createTestingModule({...}).overrideProvider(X).useValue(fake)` for unit tests.',
    'End-to-end tests with supertest against `app.getHttpServer()` (`test/*.e2e-spec.ts`).',
    'A real database for repository and e2e tests (Testcontainers or a CI service).',
  ],
  coverageCommand: 'npm run test:cov (with `coverageThreshold.global.lines` set to {target} in the Jest config)',
  auditCommand: 'npm audit --omit=dev',
  middleware: [
    '`helmet` and `app.enableCors({ origin: [...] })`',
    'Request ID and logging middleware (class middleware via `configure(consumer)`) or nestjs-pino',
    '`ThrottlerModule` with a global `ThrottlerGuard`',
    'Global authentication guard',
    'Global `ValidationPipe`',
    'Global exception filter',
  ],
  errorHandling:
    'A global exception filter (`@Catch()`) turns `HttpException` and domain errors into an `application/problem+json` body.',
  layout: [
    { path: 'src/main.ts', purpose: 'bootstrap, global prefix, pipes, filters' },
    { path: 'src/<feature>/<feature>.controller.ts', purpose: 'routes', tag: 'API' },
    { path: 'src/<feature>/<feature>.service.ts', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'src/<feature>/<feature>.entity.ts', purpose: 'TypeORM entity', tag: 'DB' },
    { path: 'src/migrations/', purpose: 'TypeORM migrations', tag: 'DB' },
    { path: 'src/common/', purpose: 'guards, filters, interceptors', tag: 'MIDDLEWARE' },
    { path: 'test/', purpose: 'e2e specs; unit specs sit beside the code', tag: 'TEST' },
  ],
};
