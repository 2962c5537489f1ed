import type { GuidanceData } from './types';

/** Express: the minimal Node.js HTTP framework. */
export const express: GuidanceData = {
  name: 'express',
  language: 'typescript',
  docs: 'https://expressjs.com/',
  summary: 'A minimal routing and middleware layer for Node.js; structure, validation and data access are the team\'s choice.',
  keyPatterns: [
    'One `express.Router()` per resource, mounted under `/api/v1`.',
    'Layers: router, then controller (HTTP only), then service (rules), then repository (data).',
    'Validate `req.body`, `req.params` and `req.query` with zod (or Joi / express-validator) in a middleware before the controller runs.',
    'Express 5 passes rejected promises from async handlers to the error middleware; on Express 4, wrap async handlers so errors are not lost.',
    'Build the app in `app.ts` and call `listen` in `server.ts`, so tests import the app without opening a port.',
    'Read configuration from the environment once at startup and validate it (zod or envalid).',
  ],
  databaseIntegration: [
    'Prisma: `schema.prisma`, `prisma migrate dev` locally, `prisma migrate deploy` in the pipeline, one `PrismaClient` per process.',
    'TypeORM, Sequelize or knex are common alternatives; Mongoose for MongoDB.',
    'Transactions with `prisma.$transaction` (or the ORM\'s equivalent) around multi-step writes.',
  ],
  dataAccess: {
    orm: 'Prisma Client (or TypeORM / Sequelize)',
    migrations: '`prisma migrate` (`deploy` in CI/CD)',
    pool: 'one PrismaClient per process, `connection_limit` in the datasource URL (`max` of `pg.Pool` with node-postgres)',
  },
  authentication: [
    'passport with the passport-jwt strategy, or a small middleware verifying tokens with `jsonwebtoken` / `jose`.',
    'express-session with a persistent store when cookie sessions are needed.',
    'Password hashes with `argon2` or `bcrypt`; authorization checks in middleware per route.',
  ],
  testing: [
    'Jest or Vitest with supertest calling the exported app object.',
    'A real test database (Docker or Testcontainers) for repository and endpoint tests.',
    'Mock only at process boundaries (mail, payment), not the service under test.',
  ],
  coverageCommand: 'jest --coverage (with `coverageThreshold.global.lines` set to {target})',
  auditCommand: 'npm audit --omit=dev',
  middleware: [
    '`helmet` for security headers',
    '`cors` with an allowlist of origins',
    '`express.json({ limit })` body parsing with a size limit',
    'Request logging with request IDs (`pino-http`)',
    '`express-rate-limit`',
    'Authentication',
    'Routers',
    'Not-found handler',
    'Error handler `(err, req, res, next)`, registered last',
  ],
  errorHandling:
    'One error middleware, registered last, maps domain errors to status codes and writes an `application/problem+json` body; stack traces never reach production responses.',
  layout: [
    { path: 'src/app.ts', purpose: 'builds and exports the app' },
    { path: 'src/server.ts', purpose: 'starts listening' },
    { path: 'src/routes/', purpose: 'routers and controllers', tag: 'API' },
    { path: 'src/services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'src/middleware/', purpose: 'auth, validation, errors', tag: 'MIDDLEWARE' },
    { path: 'prisma/', purpose: 'schema.prisma and migrations', tag: 'DB' },
    { path: 'tests/', purpose: 'Jest/Vitest + supertest suites', tag: 'TEST' },
  ],
};
