import type { GuidanceData } from './types';

/** Sails: convention-over-configuration MVC for Node.js. */
export const sails: GuidanceData = {
  name: 'sails',
  language: 'javascript',
  docs: 'https://sailsjs.com/',
  summary: 'An MVC framework for Node.js with the Waterline ORM, blueprints and policies.',
  keyPatterns: [
    'Explicit routes in `config/routes.js` pointing at actions; review blueprint settings (`config/blueprints.js`) and turn off shortcut routes.',
    'Actions in the actions2 format (`inputs`, `exits`, `fn`) so input validation and response types are declared.',
    'Reusable business logic in helpers (`api/helpers`), called as `sails.helpers.x.with({...})`.',
    'Access control in policies mapped per action in `config/policies.js`.',
    'Environment-specific settings in `config/env/`, secrets from the environment.',
  ],
  databaseIntegration: [
    'Waterline models in `api/models` with an adapter per datastore (sails-postgresql, sails-mysql, sails-mongo) in `config/datastores.js`.',
    '`models.migrate: "safe"` in production; schema changes as scripts with a migration tool (knex or db-migrate).',
    'Native queries through `sails.sendNativeQuery` when Waterline is not expressive enough.',
  ],
  dataAccess: {
    orm: 'Waterline (sails-postgresql / sails-mysql / sails-mongo)',
    migrations: '`models.migrate: "safe"` in production plus knex or db-migrate scripts',
    pool: 'adapter pool settings in `config/datastores.js`',
  },
  authentication: [
    'Policies (`api/policies/is-logged-in.js`) applied in `config/policies.js`; default-deny with `"*": "is-logged-in"`.',
    'Built-in sessions for browser clients; a policy verifying `jsonwebtoken` bearer tokens for API clients.',
    'Password hashing with sails-hook-organics (`sails.helpers.passwords`) or `bcrypt`.',
  ],
  testing: [
    'Mocha with a global `before` that lifts Sails once (`sails.lift` with test config) and a global `after` that lowers it.',
    'supertest against `sails.hooks.http.app` for endpoint tests.',
    'A dedicated test datastore so tests never touch development data.',
  ],
  coverageCommand: 'c8 --check-coverage --lines {target} mocha test/',
  auditCommand: 'npm audit --omit=dev',
  middleware: [
    'HTTP middleware order in `config/http.js` (cookie parser, session, body parser, compression, router)',
    'CORS and CSRF in `config/security.js`',
    'Policies per action for authentication and authorization',
    'Custom responses in `api/responses`',
  ],
  errorHandling:
    'Custom responses in `api/responses` (`badRequest`, `notFound`, `serverError`) all return the `application/problem+json` body; action `exits` map to those responses.',
  layout: [
    { path: 'api/controllers/', purpose: 'actions', tag: 'API' },
    { path: 'api/helpers/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'api/models/', purpose: 'Waterline models', tag: 'DB' },
    { path: 'api/policies/', purpose: 'access control', tag: 'MIDDLEWARE' },
    { path: 'config/routes.js', purpose: 'route table' },
    { path: 'test/', purpose: 'Mocha suites', tag: 'TEST' },
  ],
};
