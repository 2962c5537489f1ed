import { strict as assert } from 'node:assert';
import { generatePlan, planFacts, type PlanInput } from '../../../server/src/service/plan/generate';
import { section, stackOf } from './helpers';

/** A plan input for one SPEC text over a workspace of manifests. */
function input(specText: string, files: Readonly<Record<string, string>>, existing: PlanInput['chain']['existing'] = []): PlanInput {
  return { specId: 'USER-001', specPath: '.moai/specs/SPEC-USER-001/spec.md', specText, stack: stackOf(files), chain: { existing, declared: [] } };
}

const SPEC = '# SPEC-USER-001: Users\n\nWHEN a client sends POST /api/v1/users, the system SHALL create the user.\nWHEN a client sends GET /api/v1/users, the system SHALL list users.\n';

describe('plan: advice that follows the detected stack', () => {
  it('NestJS with Prisma gets Prisma migrations and pool, and no TypeORM anywhere', () => {
    const plan = generatePlan(input(SPEC, {
      'package.json': '{ "dependencies": { "@nestjs/core": "^10.3.0", "@nestjs/common": "^10.3.0", "@prisma/client": "^5.10.0" }, "devDependencies": { "prisma": "^5.10.0" } }',
    }));
    const data = section(plan, 'Data layer');
    assert.match(data, /\| ORM \/ data access \| Prisma \(in the manifests\) \|/);
    assert.match(data, /\| Migrations \| `prisma migrate dev`/);
    assert.match(data, /\| Connection pool \| `connection_limit`/);
    assert.doesNotMatch(plan, /TypeORM|TypeOrmModule|synchronize/);
  });

  it('a FastAPI service on python-jose is never told to decode with PyJWT', () => {
    const plan = generatePlan(input(SPEC, { 'requirements.txt': 'fastapi==0.110.0\npython-jose[cryptography]==3.3.0\n' }));
    assert.match(section(plan, 'API design'), /the service already uses `python-jose`\. Issue and verify tokens with python-jose\./);
    assert.doesNotMatch(plan, /PyJWT/);
    const pyjwt = generatePlan(input(SPEC, { 'requirements.txt': 'fastapi==0.110.0\n' }));
    assert.match(pyjwt, /PyJWT/, 'with no JWT library chosen, the usual advice stands');
  });

  it('follows the error body, paging and IDs the SPEC states', () => {
    const spec = `${SPEC}\nErrors return HTTP 4xx with a body:\n\n\`\`\`json\n{"detail": "User not found"}\n\`\`\`\n\nLists take skip and limit query parameters. Users are identified by UUID.\n`;
    const api = section(generatePlan(input(spec, { 'requirements.txt': 'fastapi==0.110.0\nsqlmodel==0.0.16\npsycopg==3.1.18\n' })), 'API design');
    assert.match(api, /\*\*Error format:\*\* the SPEC's own, `\{"detail": "User not found"\}`/);
    assert.doesNotMatch(api, /RFC 9457|problem\+json/);
    assert.match(api, /\*\*Collections:\*\* paged with `skip` and `limit`, as the SPEC states/);
    assert.doesNotMatch(api, /cursor/);
    assert.match(api, /UUID identifiers \(as strings\), as the SPEC states/);
  });

  it('keeps RFC 9457 when the SPEC says nothing of errors, and a section without figures short', () => {
    const plan = generatePlan(input(SPEC, { 'requirements.txt': 'fastapi==0.110.0\n' }));
    assert.match(section(plan, 'API design'), /RFC 9457 problem details/);
    const perf = section(plan, 'Performance budget');
    assert.doesNotMatch(perf, /Latency p99/);
    assert.ok(perf.trim().split('\n').length <= 3, perf);
  });

  it('counts @TEST:API-USER-001 as the SPEC\'s test, as the chain does', () => {
    const plan = generatePlan(input(SPEC, { 'requirements.txt': 'fastapi==0.110.0\n' }, [{ type: 'TEST', id: 'API-USER-001', path: 'tests/test_users.py', line: 3 }]));
    const rest = plan.slice(plan.indexOf('### Still to write'));
    const todo = rest.slice(0, rest.indexOf('\n## '));
    assert.doesNotMatch(todo, /`@TEST:USER-001`/);
    assert.match(todo, /`@API:USER-001`/);
  });

  it('in a multi-service repo, writes for the service the SPEC names, and never for a library or an aggregator', () => {
    const files = {
      'pom.xml': '<project><groupId>g</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging><modules><module>services/orders</module><module>services/billing</module></modules></project>',
      'services/orders/pom.xml': '<project><groupId>g</groupId><artifactId>orders</artifactId><version>1</version><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.2.5</version></dependency></dependencies></project>',
      'services/billing/pom.xml': '<project><groupId>g</groupId><artifactId>billing</artifactId><version>1</version><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.2.5</version></dependency></dependencies></project>',
      'web/package.json': '{ "dependencies": { "express": "^4.19.0" } }',
      'shared/package.json': '{ "peerDependencies": { "express": "^4.19.0" } }',
    };
    const spec = `${SPEC}\nThe billing service (services/billing/) owns invoices.\n`;
    const facts = planFacts(input(spec, files));
    assert.equal(facts.choice.kind, 'determined');
    assert.equal(facts.choice.kind === 'determined' && facts.choice.candidate?.service.root, 'services/billing');
    const statedless = planFacts(input(SPEC, files));
    assert.equal(statedless.choice.kind, 'undetermined', 'Spring Boot and Express services, none named: no guess');
  });
});

describe('plan: GraphQL services', () => {
  const spec = '# SPEC-USER-001: Users over GraphQL\n\n```graphql\ntype Query {\n  user(id: ID!): User\n  users(first: Int): [User!]!\n}\n\ntype Mutation {\n  createUser(input: CreateUserInput!): User!\n}\n```\n';
  const cases: readonly (readonly [string, Readonly<Record<string, string>>, string])[] = [
    ['Apollo', { 'package.json': '{ "dependencies": { "express": "^4.19.0", "@apollo/server": "^4.10.0" } }' }, 'Apollo Server'],
    ['Mercurius', { 'package.json': '{ "dependencies": { "fastify": "^4.26.0", "mercurius": "^14.0.0" } }' }, 'Mercurius'],
    ['graphene', { 'requirements.txt': 'Django==5.0\ngraphene-django==3.2.0\n' }, 'Graphene'],
    ['Strawberry', { 'requirements.txt': 'fastapi==0.110.0\nstrawberry-graphql[fastapi]==0.220.0\n' }, 'Strawberry'],
    ['gqlgen', { 'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.9.1\nrequire github.com/99designs/gqlgen v0.17.45\n' }, 'gqlgen'],
    ['async-graphql', { 'Cargo.toml': '[package]\nname = "x"\n\n[dependencies]\naxum = "0.7"\nasync-graphql-axum = "7"\n' }, 'async-graphql'],
    ['DGS', { 'build.gradle': "plugins {\n  id 'org.springframework.boot' version '3.2.5'\n}\ndependencies {\n  implementation 'com.netflix.graphql.dgs:graphql-dgs-spring-graphql-starter:8.5.0'\n}\n" }, 'Netflix DGS'],
    ['Spring GraphQL', { 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-graphql</artifactId><version>3.2.5</version></dependency></dependencies></project>' }, 'Spring for GraphQL'],
  ];
  for (const [label, files, library] of cases) {
    it(`${label}: the operations are the endpoints, served at POST /graphql`, () => {
      const plan = generatePlan(input(spec, files));
      const ops = section(plan, 'Operations from the SPEC');
      assert.match(ops, new RegExp(`served by ${library.replace(/ /g, ' ')} \\(in the manifests\\) at \`POST /graphql\``));
      assert.match(ops, /\| query \| `user` \| 5 \|/);
      assert.match(ops, /\| query \| `users` \| 6 \|/);
      assert.match(ops, /\| mutation \| `createUser` \| 10 \|/);
      assert.doesNotMatch(plan, /GET \/api\/health/);
      assert.match(section(plan, 'API design'), /`POST \/graphql`/);
    });
  }
});
