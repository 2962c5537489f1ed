import { strict as assert } from 'node:assert';
import { generatePlan, planFacts, type PlanInput } from '../../../server/src/service/plan/generate';
import { section, stackOf } from './helpers';
import { planOf, specDoc } from './planOf';

/** A plan input for one SPEC text over a workspace of manifests. */
function input(specText: string, files: Readonly<Record<string, string>>, existing: PlanInput['chain']['existing'] = []): PlanInput {
  return { specId: 'USER-001', specPath: '.moai/specs/SPEC-USER-001/spec.md', specText, stack: stackOf(files), chain: { existing, declared: [] } };
}

const SPEC_BODY = 'WHEN a client sends POST /api/v1/users, the system SHALL create the user.\nWHEN a client sends GET /api/v1/users, the system SHALL list users.\n';
const SPEC = `# SPEC-USER-001: Users\n\n${SPEC_BODY}`;

describe('plan: advice that follows the code', () => {
  it('a NestJS service on Prisma gets Prisma Migrate, and no TypeORM anywhere', async () => {
    const { plan } = await planOf({
      'package.json': '{ "dependencies": { "@nestjs/core": "^10.3.0", "@nestjs/common": "^10.3.0", "@prisma/client": "^5.10.0" }, "devDependencies": { "prisma": "^5.10.0", "typescript": "5.4.5" } }',
      'src/users/users.service.ts': "import { Injectable } from '@nestjs/common';\nimport { PrismaClient } from '@prisma/client';\n\n@Injectable()\nexport class UsersService {}\n",
      'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "User" (id serial);\n',
      '.moai/specs/SPEC-USER-001/spec.md': specDoc('USER-001', 'Users', SPEC_BODY),
    }, 'USER-001');
    const data = section(plan, 'Data layer');
    assert.match(data, /\*\*Access:\*\* Prisma \(`\^5\.10\.0`, `package\.json:1`\); imported at `src\/users\/users\.service\.ts:2`/);
    assert.match(data, /\*\*Migrations:\*\* Prisma Migrate \(`prisma\/migrations\/20240101000000_init\/migration\.sql`\)/);
    assert.doesNotMatch(plan, /TypeORM|TypeOrmModule|synchronize/);
  });

  it('a FastAPI service on python-jose is never told to use PyJWT', async () => {
    const { plan } = await planOf({
      'requirements.txt': 'fastapi==0.110.0\npython-jose[cryptography]==3.3.0\n',
      'app/deps.py': 'from fastapi import Depends\nfrom jose import jwt\n\n\ndef get_current_user(token: str):\n    return jwt\n\n\nCurrentUser = Depends(get_current_user)\n',
      '.moai/specs/SPEC-USER-001/spec.md': specDoc('USER-001', 'Users', `${SPEC_BODY}\nClients authenticate with JWT bearer tokens.\n`),
    }, 'USER-001');
    assert.match(section(plan, 'API conventions'), /\*\*Authentication:\*\* the SPEC asks for JWT, bearer tokens; in place: `get_current_user` \(`app\/deps\.py:9`\); python-jose \(`==3\.3\.0`, `requirements\.txt:2`\)/);
    assert.doesNotMatch(plan, /PyJWT/);
  });

  it('follows the error body, paging and IDs the SPEC states over the repository\'s', async () => {
    const spec = `${SPEC_BODY}\nErrors return HTTP 4xx with a body:\n\n\`\`\`json\n{"detail": "User not found"}\n\`\`\`\n\nLists take skip and limit query parameters. Users are identified by UUID.\n`;
    const { plan } = await planOf({
      'requirements.txt': 'fastapi==0.110.0\nsqlmodel==0.0.16\n',
      'app/routes/items.py': 'from fastapi import APIRouter, HTTPException\n\nrouter = APIRouter()\n\n\n@router.get("/")\ndef read_items(page: int = 1, page_size: int = 20):\n    raise HTTPException(status_code=404, detail="no")\n',
      '.moai/specs/SPEC-USER-001/spec.md': specDoc('USER-001', 'Users', spec),
    }, 'USER-001');
    const api = section(plan, 'API conventions');
    assert.match(api, /\*\*Errors:\*\* the SPEC's own body, `\{"detail": "User not found"\}`, for every error\. The repository's errors are raised as `HTTPException` \(`app\/routes\/items\.py:8`\)/);
    assert.doesNotMatch(plan, /RFC 9457|problem\+json/);
    assert.match(api, /\*\*Paging:\*\* `skip` and `limit`, as the SPEC states; existing list endpoints use `page` and `page_size` \(`app\/routes\/items\.py:7`/);
    assert.match(api, /\*\*Identifiers:\*\* UUIDs, as the SPEC states/);
  });

  it('offers the framework\'s error advice once, as a suggestion, only where neither the SPEC nor the code has one', async () => {
    const { plan } = await planOf({
      'requirements.txt': 'fastapi==0.110.0\n',
      'app/routes/items.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get("/")\ndef read_items():\n    return []\n',
      '.moai/specs/SPEC-USER-001/spec.md': specDoc('USER-001', 'Users', SPEC_BODY),
    }, 'USER-001');
    assert.match(section(plan, 'API conventions'), /\*\*Errors:\*\* neither the SPEC nor the repository root defines an error body \(see Suggestions\)/);
    const suggestions = section(plan, 'Suggestions');
    assert.match(suggestions, /- \*\*Errors \(suggestion\):\*\* .*problem/);
    assert.equal(plan.split('(suggestion)').length - 1, suggestions.split('(suggestion)').length - 1, 'suggestions stand in their section only');
  });

  it('writes the plan for the service holding the SPEC\'s linked @MX lines, over a stated framework of another', async () => {
    const { plan, facts } = await planOf({
      'api/requirements.txt': 'fastapi==0.110.0\n',
      'api/app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
      'gateway/go.mod': 'module example.com/gw\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
      'gateway/handler/orders.go': 'package handler\n\nimport (\n\t"github.com/gin-gonic/gin"\n)\n\n// @MX:ANCHOR: order intake\n// @MX:REASON: public contract\n// @MX:SPEC: SPEC-ORD-001 REQ-ORD-001\nfunc CreateOrder(c *gin.Context) {}\n',
      '.moai/specs/SPEC-ORD-001/spec.md': specDoc('ORD-001', 'Orders', '### REQ-ORD-001: Create\nWHEN a client sends `POST /orders`, the system SHALL create the order.\n', 'stack:\n  backend:\n    framework: fastapi\n'),
    }, 'ORD-001');
    assert.equal(facts.service?.root, 'gateway');
    assert.match(section(plan, 'Service and framework'), /\| Chosen because \| the SPEC's linked code is there \(1 file, e\.g\. `gateway\/handler\/orders\.go`\) \|/);
    assert.match(section(plan, 'Where the code goes'), /add `gateway\/handler\/order\.go`|extend `gateway\/handler\/orders\.go`/);
  });

  it('names the route that already serves an endpoint, and plans for the service holding it', async () => {
    const { plan, facts } = await planOf({
      'admin/requirements.txt': 'flask==3.0.2\n',
      'admin/app.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
      'api/requirements.txt': 'fastapi==0.110.0\n',
      'api/app/main.py': 'from fastapi import FastAPI\nfrom app.routes import items\n\napp = FastAPI()\napp.include_router(items.router, prefix="/api")\n',
      'api/app/routes/items.py': 'from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/items")\n\n\n@router.get("/{item_id}")\ndef read_item(item_id: int):\n    return {}\n',
      '.moai/specs/SPEC-ITEMS-001/spec.md': specDoc('ITEMS-001', 'Items', '- WHEN a client sends `GET /api/items/{id}`, the system SHALL return the item.\n- WHEN a client sends `DELETE /api/items/{id}`, the system SHALL delete it.\n'),
    }, 'ITEMS-001');
    assert.equal(facts.service?.root, 'api');
    const endpoints = section(plan, 'Endpoints from the SPEC');
    assert.match(endpoints, /\| `GET` \| `\/api\/items\/\{id\}` \| \d+ \| `api\/app\/routes\/items\.py:6` \(served already/);
    assert.doesNotMatch(endpoints, /`DELETE` .*served already/);
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
    assert.equal(facts.choice.kind === 'determined' && facts.choice.source, 'named');
    assert.equal(facts.choice.kind === 'determined' && facts.choice.candidate?.service.root, 'services/billing');
    const statedless = planFacts(input(SPEC, files));
    assert.equal(statedless.choice.kind === 'determined' && statedless.choice.source, 'guess', 'Spring Boot and Express services, none named: a guess, said as one');
    assert.notEqual(statedless.choice.kind === 'determined' && statedless.choice.candidate?.service.root, 'shared');
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
    });
  }
});
