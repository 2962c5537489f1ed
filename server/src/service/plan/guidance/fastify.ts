import type { GuidanceData } from './types';

/** Fastify: schema-first, plugin-based Node.js framework. */
export const fastify: GuidanceData = {
  name: 'fastify',
  language: 'typescript',
  docs: 'https://fastify.dev/',
  summary: 'A fast Node.js framework built on plugins, encapsulation and JSON Schema for validation and serialisation.',
  keyPatterns: [
    'Routes grouped in plugins registered with a `prefix` (`/api/v1/users`); @fastify/autoload can load a folder of them.',
    'A JSON Schema for `body`, `params`, `querystring` and `response` on every route: Ajv validates input and the response schema speeds up and restricts serialisation.',
    'TypeBox (`@sinclair/typebox` with its type provider) or a zod type provider so schemas and TypeScript types come from one source.',
    'Shared services as decorators (`fastify.decorate`); wrap a plugin in `fastify-plugin` when its decorators must be visible outside its scope.',
    'Lifecycle hooks (`onRequest`, `preHandler`, `onSend`) instead of Express-style middleware.',
  ],
  databaseIntegration: [
    'A database plugin creates the client (Prisma, Drizzle, or @fastify/postgres), decorates the instance with it and closes it in an `onClose` hook.',
    'Migrations with `prisma migrate` or `drizzle-kit`.',
    '@fastify/mongodb for MongoDB, @fastify/redis for Redis.',
  ],
  dataAccess: {
    orm: 'Prisma or Drizzle ORM (or @fastify/postgres for plain SQL)',
    migrations: '`prisma migrate` or `drizzle-kit`',
    pool: 'one pool per process, created in the database plugin and closed in `onClose`',
  },
  authentication: [
    '@fastify/jwt: `request.jwtVerify()` in an `onRequest` or `preHandler` hook.',
    '@fastify/auth to combine strategies per route; @fastify/cookie with @fastify/session for cookies.',
    'Password hashes with `argon2` or `bcrypt`.',
  ],
  testing: [
    '`app.inject()` sends requests to the app without opening a port.',
    'A `build()` function returns a fresh app for each test file; close it after the tests.',
    'node:test or Vitest as runner; Testcontainers for the database.',
  ],
  coverageCommand: 'vitest run --coverage --coverage.thresholds.lines={target}',
  auditCommand: 'npm audit --omit=dev',
  middleware: [
    'Built-in pino logger with request IDs (`genReqId`)',
    '@fastify/helmet',
    '@fastify/cors with explicit origins',
    '@fastify/rate-limit',
    'Authentication hook',
    '@fastify/compress',
    '`setErrorHandler` and `setNotFoundHandler`',
  ],
  errorHandling:
    '`setErrorHandler` maps validation errors (`error.validation`) and domain errors to an `application/problem+json` body; `setNotFoundHandler` does the same for unknown routes.',
  layout: [
    { path: 'src/app.ts', purpose: 'build(): registers plugins and routes' },
    { path: 'src/plugins/', purpose: 'database, auth and other shared plugins', tag: 'MIDDLEWARE' },
    { path: 'src/routes/', purpose: 'one plugin per resource with its schemas', tag: 'API' },
    { path: 'src/services/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'prisma/', purpose: 'schema and migrations', tag: 'DB' },
    { path: 'test/', purpose: 'inject()-based tests', tag: 'TEST' },
  ],
};
