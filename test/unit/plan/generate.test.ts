import { strict as assert } from 'node:assert';
import { generatePlan, planGuidance, type PlanInput } from '../../../server/src/service/plan/generate';
import { listGuidance } from '../../../server/src/service/plan/guidance';
import { section, stackOf, TIME_ESTIMATE } from './helpers';

const FASTAPI_SPEC = `---
id: USER-001
version: 0.2.0
status: active
created: 2025-03-02
updated: 2025-03-09
author: @Goos
priority: high
stack:
  backend:
    language: python
    framework: fastapi
    version: "0.115.0"
    database: postgresql
---
# @SPEC:USER-001: User registration and profile

## Requirements

- REQ-USER-001: The system SHALL register a user through \`POST /api/v1/users\` and answer 201 with the new profile.
- REQ-USER-002: WHEN a client sends \`GET /api/v1/users/{user_id}\`, the system SHALL return the profile within 150 ms at p95.
- REQ-USER-003: IF the email is already registered THEN the system SHALL answer 409 with a problem body.
- REQ-USER-004: WHILE an account is locked, the system SHALL refuse \`PATCH /api/v1/users/{user_id}\`.
- REQ-USER-005: WHERE the tenant enables single sign-on, the system MAY skip the password check.

Clients authenticate with JWT bearer tokens.

## Traceability

@API:USER-001 @SERVICE:USER-001 @DB:USER-001 @TEST:USER-001
`;

const fastapiInput = (): PlanInput => ({
  specId: 'USER-001',
  specPath: '.moai/specs/SPEC-USER-001/spec.md',
  specText: FASTAPI_SPEC,
  title: 'User registration and profile',
  status: 'active',
  statedStack: { language: 'python', framework: 'fastapi', version: '0.115.0', database: 'postgresql' },
  stack: stackOf({
    'backend/requirements.txt': 'fastapi==0.104.0\nuvicorn[standard]==0.24.0\nsqlalchemy==2.0.25\nalembic==1.13.1\nasyncpg==0.29.0\npytest==7.4.4\n',
  }),
  chain: {
    existing: [
      { type: 'API', id: 'USER-001', path: 'backend/app/api/v1/users.py', line: 1 },
      { type: 'SPEC', id: 'USER-001', path: 'backend/app/api/v1/users.py', line: 2 },
    ],
    declared: ['@API:USER-001', '@SERVICE:USER-001', '@DB:USER-001', '@TEST:USER-001'],
  },
});

const EXPRESS_SPEC = `---
id: CART-003
version: 1.0.0
status: in-progress
author: "@Goos"
stack:
  backend:
    language: typescript
    framework: Express.js
    version: 4.19.2
---
# @SPEC:CART-003: Shopping cart

## Requirements (EARS)

1. The system SHALL keep one cart per signed-in customer.
2. WHEN the customer adds an item (POST /api/carts/{cartId}/items), the system SHALL recompute the total.
3. WHEN the customer removes an item, the system SHALL accept \`DELETE /api/carts/{cartId}/items/{itemId}\`.
4. IF an item is out of stock THEN the system SHALL reject it with 422.

| Method | Path | Notes |
|---|---|---|
| GET | /api/carts/{cartId} | current cart |
`;

const expressInput = (): PlanInput => ({
  specId: 'SPEC-CART-003',
  specPath: '.moai/specs/SPEC-CART-003/spec.md',
  specText: EXPRESS_SPEC,
  title: 'Shopping cart',
  status: 'in-progress',
  statedStack: { language: 'typescript', framework: 'Express.js', version: '4.19.2' },
  stack: stackOf({
    'package.json': JSON.stringify({
      name: 'shop-api',
      dependencies: { express: '^4.18.2', '@prisma/client': '^5.8.0', 'passport-jwt': '^4.0.1', pg: '^8.11.3' },
      devDependencies: { jest: '^29.7.0', supertest: '^6.3.4', prisma: '^5.8.0' },
    }, null, 2),
  }),
  chain: {
    existing: [
      { type: 'TEST', id: 'CART-003', path: 'tests/cart.test.ts', line: 1 },
      { type: 'API', id: 'CART-003', path: 'src/routes/cart.ts', line: 3 },
      { type: 'API', id: 'CART-003', path: 'src/routes/cartItems.ts', line: 1 },
    ],
    declared: [],
  },
});

const SPRING_SPEC = `# @SPEC:INV-010: Inventory reservations

The warehouse team needs reservations exposed over HTTP.

### Requirements

- The system SHALL expose \`POST /inventory/reservations\` to reserve stock for an order.
- WHEN a reservation is older than its hold window, the system SHALL release it.
- IF two reservations race for the last unit THEN the system SHALL accept only the first.
- The system SHALL sustain 500 requests per second on \`GET /inventory/items/{sku}\`.

The chain of this SPEC also includes @SERVICE:STOCK-002.
`;

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.1</version>
  </parent>
  <artifactId>inventory</artifactId>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency>
    <dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-test</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>
`;

const springInput = (): PlanInput => ({
  specId: 'INV-010',
  specPath: '.moai/specs/SPEC-INV-010/spec.md',
  specText: SPRING_SPEC,
  title: 'Inventory reservations',
  statedStack: { language: 'java', framework: 'spring-boot', version: '3.3.0', database: 'mysql' },
  stack: stackOf({ 'inventory/pom.xml': POM, 'web/package.json': JSON.stringify({ dependencies: { fastify: '^4.26.0' } }) }),
  chain: {
    existing: [{ type: 'SERVICE', id: 'STOCK-002', path: 'inventory/src/main/java/com/acme/StockService.java', line: 12 }],
    declared: ['@SERVICE:STOCK-002'],
  },
});

describe('plan: generatePlan for a FastAPI SPEC', () => {
  const plan = generatePlan(fastapiInput());

  it('names the service, the framework, both versions and calls out their mismatch', () => {
    const fw = section(plan, 'Service and framework');
    assert.match(fw, /\| Service \| `backend` \(`backend\/requirements\.txt`\) \|/);
    assert.match(fw, /\| Chosen because \| the SPEC's linked code is there \(1 file, e\.g\. `backend\/app\/api\/v1\/users\.py`\) \|/);
    assert.match(fw, /\| Framework \| FastAPI `==0\.104\.0` \(`backend\/requirements\.txt:1`\) \|/);
    assert.match(fw, /\| Version in the SPEC \| `0\.115\.0` \|/);
    assert.match(fw, /\*\*Version mismatch:\*\* the SPEC states FastAPI `0\.115\.0`, but `backend\/requirements\.txt` \(line 1\)/);
    assert.match(section(plan, 'Implementation order'), /1\. Settle the FastAPI version/);
  });

  it('lists the SPEC\'s endpoints with their lines, and the base path they share', () => {
    const endpoints = section(plan, 'Endpoints from the SPEC');
    assert.match(endpoints, /\| `POST` \| `\/api\/v1\/users` \| 20 \|/);
    assert.match(endpoints, /\| `GET` \| `\/api\/v1\/users\/\{user_id\}` \| 21 \|/);
    assert.match(endpoints, /\| `PATCH` \| `\/api\/v1\/users\/\{user_id\}` \| 23 \|/);
    assert.match(section(plan, 'API conventions'), /\*\*Base path:\*\* `\/api\/v1`, shared by the SPEC's 3 endpoints/);
    assert.match(section(plan, 'API conventions'), /the SPEC asks for JWT, bearer tokens/);
  });

  it('states the database of the SPEC and of the manifests, and no library it has not read', () => {
    const data = section(plan, 'Data layer');
    assert.match(data, /\*\*Database:\*\* postgresql, as the SPEC states; the repository configures postgresql \(`backend\/requirements\.txt:5`\)/);
    assert.doesNotMatch(data, /pool_pre_ping|SQLAlchemy|Alembic/, 'without the code read, no library is named as in use');
  });

  it('shows existing tags with their paths, and plans the missing ones in the framework\'s usual places, said as suggestions', () => {
    const chain = section(plan, 'TAG chain');
    assert.match(chain, /\| `@API:USER-001` \| `backend\/app\/api\/v1\/users\.py:1` \|/);
    assert.match(chain, /### Declared in the SPEC, not yet in code\n\n- `@SERVICE:USER-001`\n- `@DB:USER-001`\n- `@TEST:USER-001`/);
    const todo = chain.slice(chain.indexOf('### Still to write'));
    assert.match(todo, /\| `@SERVICE:USER-001` \| `backend\/app\/services\/` \(suggested\) \|/);
    assert.match(todo, /\| `@DB:USER-001` \| `backend\/app\/models\/` \(suggested\) \|/);
    assert.doesNotMatch(todo, /@API:USER-001/);
    assert.match(plan, /no service code was read for it/);
    assert.match(section(plan, 'Suggestions'), /The code of `backend` was not read; FastAPI's usual layout/);
  });

  it('keeps the SPEC\'s own latency figure and sets none of its own', () => {
    assert.match(section(plan, 'Performance \\(from the SPEC\\)'), /- REQ-USER-002: WHEN a client sends GET \/api\/v1\/users\/\{user_id\}, the system SHALL return the profile within 150 ms at p95\./);
    assert.doesNotMatch(plan, /Latency p99|Coverage target|OWASP|Idempotency-Key/);
  });

  it('orders the work by layer and EARS pattern, without time estimates', () => {
    const order = section(plan, 'Implementation order');
    assert.match(order, /Business logic in .* for REQ-USER-001, REQ-USER-002/);
    assert.match(order, /Failure and state handling for REQ-USER-003, REQ-USER-004/);
    assert.match(order, /Optional features: REQ-USER-005/);
    assert.doesNotMatch(plan, TIME_ESTIMATE);
  });

  it('cites the manifest version', () => {
    assert.match(section(plan, 'Versions in use'), /\| FastAPI \| `==0\.104\.0` \| `backend\/requirements\.txt:1` \|/);
  });

  it('is deterministic and carries no date', () => {
    assert.equal(generatePlan(fastapiInput()), plan);
    assert.doesNotMatch(plan, /20\d\d-\d\d-\d\d/);
    assert.ok(plan.endsWith('\n') && !plan.endsWith('\n\n'));
    assert.equal(planGuidance(fastapiInput())?.name, 'fastapi');
  });
});

describe('plan: generatePlan for an Express SPEC', () => {
  const plan = generatePlan(expressInput());

  it('resolves the alias, uses the bare ID and finds no mismatch when the range admits the SPEC\'s version', () => {
    // The first line marks the plan generated, so SpecChain does not count the tags it quotes.
    assert.match(plan, /^<!-- @generated by SpecChain \(specchain plan\) -->\n# Backend architecture: SPEC-CART-003: Shopping cart\n/);
    const fw = section(plan, 'Service and framework');
    assert.match(fw, /\| Framework \| Express `\^4\.18\.2` \(`package\.json:4`\) \|/);
    assert.doesNotMatch(plan, /Version mismatch/);
  });

  it('lists endpoints from prose, inline code and the table', () => {
    const endpoints = section(plan, 'Endpoints from the SPEC');
    assert.match(endpoints, /`POST` \| `\/api\/carts\/\{cartId\}\/items`/);
    assert.match(endpoints, /`DELETE` \| `\/api\/carts\/\{cartId\}\/items\/\{itemId\}`/);
    assert.match(endpoints, /`GET` \| `\/api\/carts\/\{cartId\}`/);
    assert.match(section(plan, 'API conventions'), /\*\*Base path:\*\* `\/api`/);
  });

  it('counts existing API and TEST tags and plans only SERVICE and DB', () => {
    const chain = section(plan, 'TAG chain');
    assert.match(chain, /\| `@API:CART-003` \| `src\/routes\/cart\.ts:3` \|\n\| `@API:CART-003` \| `src\/routes\/cartItems\.ts:1` \|\n\| `@TEST:CART-003` \| `tests\/cart\.test\.ts:1` \|/);
    const todo = chain.slice(chain.indexOf('### Still to write'));
    assert.deepEqual([...todo.matchAll(/`(@[A-Z]+:CART-003)`/g)].map((m) => m[1]), ['@SERVICE:CART-003', '@DB:CART-003']);
    assert.doesNotMatch(plan, TIME_ESTIMATE);
  });
});

describe('plan: generatePlan for a Spring Boot SPEC in a monorepo', () => {
  const plan = generatePlan(springInput());

  it('picks the Spring Boot service of the linked code, calls out 3.3.0 against the parent POM\'s 3.2.1', () => {
    const fw = section(plan, 'Service and framework');
    assert.match(fw, /\| Service \| `inventory` \(`inventory\/pom\.xml`\) \|/);
    assert.match(fw, /\| Version in the SPEC \| `3\.3\.0` \|/);
    assert.match(fw, /\| Framework \| Spring Boot `3\.2\.1` \(`inventory\/pom\.xml:\d+`\) \|/);
    assert.match(fw, /\*\*Version mismatch:\*\* the SPEC states Spring Boot `3\.3\.0`, but `inventory\/pom\.xml`/);
  });

  it('keeps the SPEC\'s throughput figure', () => {
    assert.match(section(plan, 'Performance \\(from the SPEC\\)'), /- R4: The system SHALL sustain 500 requests per second/);
    assert.doesNotMatch(plan, /\*\*Base path:\*\*/, 'the endpoints share no prefix');
  });

  it('shows a declared tag of another ID as existing and plans the SPEC\'s own tags', () => {
    const chain = section(plan, 'TAG chain');
    assert.match(chain, /\| `@SERVICE:STOCK-002` \| `inventory\/src\/main\/java\/com\/acme\/StockService\.java:12` \|/);
    assert.doesNotMatch(chain, /Declared in the SPEC, not yet in code/);
    assert.match(chain, /\| `@API:INV-010` \| `inventory\/src\/main\/java\/<pkg>\/controller\/` \(suggested\) \|/);
    assert.doesNotMatch(plan, TIME_ESTIMATE);
  });
});

describe('plan: when the framework cannot be determined', () => {
  const bare = (over: Partial<PlanInput>): PlanInput => ({
    specId: 'NOTE-001',
    specPath: '.moai/specs/SPEC-NOTE-001/spec.md',
    specText: '# @SPEC:NOTE-001: Notes\n\n- The system SHALL store notes via `POST /notes`.\n',
    stack: { services: [] },
    chain: { existing: [], declared: [] },
    ...over,
  });

  it('says so, lists the 15 supported choices and invents no stack', () => {
    const plan = generatePlan(bare({}));
    const fw = section(plan, 'Service and framework');
    assert.match(fw, /\*\*Framework: not determined\.\*\* The SPEC states no framework/);
    for (const g of listGuidance()) assert.match(fw, new RegExp(`\\| ${g.displayName} \\| \`${g.name}\` \\| ${g.language} \\| ${g.docs.replace(/[.]/g, '\\.')} \\|`));
    assert.match(section(plan, 'Implementation order'), /Choose the framework/);
    for (const g of listGuidance()) {
      assert.ok(!plan.includes(g.keyPatterns[0]!), `${g.name}'s guidance leaked into an undetermined plan`);
    }
    assert.match(section(plan, 'Endpoints from the SPEC'), /`POST` \| `\/notes`/);
    assert.doesNotMatch(plan, /## \d+\. Suggestions/);
    assert.equal(planGuidance(bare({})), undefined);
    assert.doesNotMatch(plan, TIME_ESTIMATE);
  });

  it('refuses an unsupported stated framework and names it', () => {
    const plan = generatePlan(bare({ statedStack: { framework: 'koa', language: 'typescript' } }));
    assert.match(plan, /The SPEC states `framework: koa`, which is not one of the frameworks SpecChain supports/);
  });

  it('guesses among several detected frameworks when nothing tells them apart, and says it is a guess', () => {
    const stack = stackOf({
      'api/requirements.txt': 'flask==3.0.2\n',
      'gateway/go.mod': 'module example.com/gw\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
    });
    const fw = section(generatePlan(bare({ stack })), 'Service and framework');
    assert.match(fw, /\*\*a guess\*\*: 2 services fit \(`api`, `gateway`\) and the SPEC neither links code nor names one/);
  });

  it('picks the framework of the stated language among several services', () => {
    const stack = stackOf({
      'api/requirements.txt': 'flask==3.0.2\n',
      'gateway/go.mod': 'module example.com/gw\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
    });
    const fw = section(generatePlan(bare({ stack, statedStack: { language: 'go' } })), 'Service and framework');
    assert.match(fw, /\| Service \| `gateway` /);
    assert.match(fw, /\| Chosen because \| the only Gin service of the repository \|/);
  });

  it('plans a stated framework that no manifest declares yet, saying so', () => {
    const plan = generatePlan(bare({ statedStack: { framework: 'axum', version: '0.7.5' } }));
    assert.match(plan, /\*\*Not in the manifests:\*\* the SPEC states Axum/);
    assert.match(section(plan, 'Implementation order'), /Add Axum to the service's manifest/);
    assert.match(section(plan, 'Suggestions'), /No Axum service is in this repository yet; Axum's usual layout/);
  });
});
