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

  it('names the framework, both versions and calls out their mismatch', () => {
    const fw = section(plan, 'Framework and language');
    assert.match(fw, /\| Framework \| FastAPI \(\[official site\]\(https:\/\/fastapi\.tiangolo\.com\/\)\) \|/);
    assert.match(fw, /\| Version in the SPEC \| `0\.115\.0` \|/);
    assert.match(fw, /\| Version in the manifest \| `==0\.104\.0` \(`backend\/requirements\.txt`, line 1\) \|/);
    assert.match(fw, /\*\*Version mismatch:\*\* the SPEC states FastAPI `0\.115\.0`, but `backend\/requirements\.txt` \(line 1\)/);
    assert.match(section(plan, 'Implementation phases'), /Settle the FastAPI version/);
  });

  it('lists the SPEC\'s endpoints with their lines and the API tag, and derives the base URL', () => {
    const endpoints = section(plan, 'Endpoints from the SPEC');
    assert.match(endpoints, /\| `POST` \| `\/api\/v1\/users` \| 20 \| `@API:USER-001` \|/);
    assert.match(endpoints, /\| `GET` \| `\/api\/v1\/users\/\{user_id\}` \| 21 \|/);
    assert.match(endpoints, /\| `PATCH` \| `\/api\/v1\/users\/\{user_id\}` \| 23 \|/);
    assert.match(section(plan, 'API design'), /\*\*Base URL:\*\* `\/api\/v1`/);
    assert.match(section(plan, 'API design'), /the SPEC mentions JWT, bearer tokens/);
    assert.match(section(plan, 'API design'), /"instance": "\/api\/v1\/users"/);
  });

  it('fills the data layer from the manifests and the SPEC', () => {
    const data = section(plan, 'Data layer');
    assert.match(data, /\| Database \| postgresql \(stated in the SPEC\)/);
    assert.match(data, /\| ORM \/ data access \| SQLAlchemy \(in the manifests\) \|/);
    assert.match(data, /\| Migrations \| Alembic \(in the manifests\) \|/);
    assert.match(data, /pool_pre_ping/);
  });

  it('shows existing tags with their paths and plans the missing ones where FastAPI code lives', () => {
    const chain = section(plan, 'TAG chain');
    assert.match(chain, /\| `@API:USER-001` \| `backend\/app\/api\/v1\/users\.py:1` \|/);
    assert.match(chain, /### Declared in the SPEC, not yet in code\n\n- `@SERVICE:USER-001`\n- `@DB:USER-001`\n- `@TEST:USER-001`/);
    const todo = chain.slice(chain.indexOf('### Still to write'));
    assert.match(todo, /\| `@SERVICE:USER-001` \| `backend\/app\/services\/` \|/);
    assert.match(todo, /\| `@DB:USER-001` \| `backend\/app\/models\/` \|/);
    assert.match(todo, /\| `@TEST:USER-001` \| `backend\/tests\/` \|/);
    assert.doesNotMatch(todo, /@API:USER-001/);
  });

  it('sets the 85% coverage target with FastAPI\'s command and keeps the SPEC\'s own latency figure', () => {
    assert.match(section(plan, 'Testing strategy'), /\*\*Coverage target: 85%\*\*.*`pytest --cov=app --cov-fail-under=85`/);
    const perf = section(plan, 'Performance budget');
    for (const metric of ['p50', 'p95', 'p99', 'Throughput']) assert.match(perf, new RegExp(metric));
    assert.match(perf, /- REQ-USER-002: WHEN a client sends GET \/api\/v1\/users\/\{user_id\}, the system SHALL return the profile within 150 ms at p95\./);
  });

  it('orders the work as Primary, Secondary and Final Goal, by EARS pattern, without time estimates', () => {
    const phases = section(plan, 'Implementation phases');
    const primary = phases.indexOf('### Primary Goal');
    const secondary = phases.indexOf('### Secondary Goal');
    const final = phases.indexOf('### Final Goal');
    assert.ok(primary > 0 && secondary > primary && final > secondary);
    assert.match(phases.slice(primary, secondary), /Business rules for REQ-USER-001, REQ-USER-002/);
    assert.match(phases.slice(secondary, final), /Failure and state handling: REQ-USER-003, REQ-USER-004/);
    assert.match(phases.slice(final), /Optional features: REQ-USER-005/);
    assert.doesNotMatch(plan, TIME_ESTIMATE);
  });

  it('marks manifest versions "verify latest stable" and ends with FastAPI\'s guidance', () => {
    assert.match(section(plan, 'Library versions'), /\| `fastapi` \| `==0\.104\.0` \| — \| `backend\/requirements\.txt:1` \| verify latest stable \|/);
    const guidance = section(plan, 'FastAPI guidance');
    for (const title of ['Key patterns', 'Authentication', 'Testing']) assert.match(guidance, new RegExp(`### ${title}`));
    assert.doesNotMatch(guidance, /### Database integration/, 'the data layer section already says it');
    assert.match(guidance, /APIRouter/);
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
    const fw = section(plan, 'Framework and language');
    assert.match(fw, /\| Framework \| Express /);
    assert.match(fw, /\| Version in the manifest \| `\^4\.18\.2` \(`package\.json`, line 4\) \|/);
    assert.doesNotMatch(plan, /Version mismatch/);
  });

  it('lists endpoints from prose, inline code and the table', () => {
    const endpoints = section(plan, 'Endpoints from the SPEC');
    assert.match(endpoints, /`POST` \| `\/api\/carts\/\{cartId\}\/items`/);
    assert.match(endpoints, /`DELETE` \| `\/api\/carts\/\{cartId\}\/items\/\{itemId\}`/);
    assert.match(endpoints, /`GET` \| `\/api\/carts\/\{cartId\}`/);
    assert.match(section(plan, 'API design'), /\*\*Base URL:\*\* `\/api`/);
  });

  it('uses the service\'s own libraries and Express\'s middleware order', () => {
    assert.match(section(plan, 'Data layer'), /\| ORM \/ data access \| Prisma \(in the manifests\) \|/);
    assert.match(section(plan, 'Data layer'), /\| Migrations \| `prisma migrate dev`/);
    assert.doesNotMatch(plan, /TypeORM|Sequelize|Mongoose/, 'no advice for an ORM the service does not use');
    assert.match(section(plan, 'Testing strategy'), /\*\*Test tools:\*\* `jest`, `supertest` \(in the manifests\)/);
    assert.match(section(plan, 'API design'), /the service already uses `passport`/);
    const middleware = section(plan, 'Middleware stack');
    assert.ok(middleware.indexOf('`helmet`') < middleware.indexOf('Error handler'), 'helmet first, error handler last');
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

  it('picks the Spring Boot service, calls out 3.3.0 against the parent POM\'s 3.2.1', () => {
    const fw = section(plan, 'Framework and language');
    assert.match(fw, /\| Service \| `inventory` \(`inventory\/pom\.xml`\) \|/);
    assert.match(fw, /\| Version in the SPEC \| `3\.3\.0` \|/);
    assert.match(fw, /\| Version in the manifest \| `3\.2\.1` \(`inventory\/pom\.xml`, line \d+\) \|/);
    assert.match(fw, /\*\*Version mismatch:\*\* the SPEC states Spring Boot `3\.3\.0`, but `inventory\/pom\.xml`/);
  });

  it('uses Spring idioms and the SPEC\'s throughput figure', () => {
    assert.match(plan, /@RestController/);
    assert.match(plan, /@SpringBootTest/);
    assert.match(section(plan, 'Data layer'), /\| Connection pool \| HikariCP/);
    assert.match(section(plan, 'Testing strategy'), /JaCoCo `check` goal \(LINE covered ratio minimum 85%\)/);
    assert.match(section(plan, 'Performance budget'), /- R4: The system SHALL sustain 500 requests per second/);
    assert.match(section(plan, 'API design'), /share no `\/api` or version prefix/);
  });

  it('shows a declared tag of another ID as existing and plans the SPEC\'s own tags', () => {
    const chain = section(plan, 'TAG chain');
    assert.match(chain, /\| `@SERVICE:STOCK-002` \| `inventory\/src\/main\/java\/com\/acme\/StockService\.java:12` \|/);
    assert.doesNotMatch(chain, /Declared in the SPEC, not yet in code/);
    assert.match(chain, /\| `@API:INV-010` \| `inventory\/src\/main\/java\/<pkg>\/controller\/` \|/);
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
    const fw = section(plan, 'Framework and language');
    assert.match(fw, /\*\*Framework: not determined\.\*\* The SPEC states no framework/);
    for (const g of listGuidance()) assert.match(fw, new RegExp(`\\| ${g.displayName} \\| \`${g.name}\` \\| ${g.language} \\| ${g.docs.replace(/[.]/g, '\\.')} \\|`));
    assert.doesNotMatch(plan, /## \d+\. .* guidance/);
    assert.match(section(plan, 'Data layer'), /depends on the framework \(not determined\)/);
    assert.match(section(plan, 'Implementation phases'), /Choose the framework/);
    assert.match(section(plan, 'Library versions'), /No supported framework is declared/);
    for (const g of listGuidance()) {
      assert.ok(!plan.includes(g.keyPatterns[0]!), `${g.name}'s guidance leaked into an undetermined plan`);
    }
    assert.match(section(plan, 'Endpoints from the SPEC'), /`POST` \| `\/notes`/);
    assert.match(section(plan, 'Testing strategy'), /Coverage target: 85%/);
    assert.equal(planGuidance(bare({})), undefined);
    assert.doesNotMatch(plan, TIME_ESTIMATE);
  });

  it('refuses an unsupported stated framework and names it', () => {
    const plan = generatePlan(bare({ statedStack: { framework: 'koa', language: 'typescript' } }));
    assert.match(plan, /The SPEC states `framework: koa`, which is not one of the frameworks SpecChain supports/);
    assert.doesNotMatch(plan, /## \d+\. Koa guidance/);
  });

  it('does not pick between several detected frameworks when the SPEC states nothing, and lists them', () => {
    const stack = stackOf({
      'api/requirements.txt': 'flask==3.0.2\n',
      'gateway/go.mod': 'module example.com/gw\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
    });
    const plan = generatePlan(bare({ stack }));
    assert.match(plan, /this workspace uses several, so none can be assumed/);
    assert.match(plan, /- Flask ==3\.0\.2 in `api`/);
    assert.match(plan, /- Gin v1\.9\.1 in `gateway`/);
  });

  it('picks the framework of the stated language among several services', () => {
    const stack = stackOf({
      'api/requirements.txt': 'flask==3.0.2\n',
      'gateway/go.mod': 'module example.com/gw\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
    });
    const plan = generatePlan(bare({ stack, statedStack: { language: 'go' } }));
    assert.match(section(plan, 'Framework and language'), /\| Framework \| Gin .*\n[\s\S]*the workspace manifests \(the SPEC states no framework\)/);
    assert.match(plan, /## \d+\. Gin guidance/);
  });

  it('plans a stated framework that no manifest declares yet, saying so', () => {
    const plan = generatePlan(bare({ statedStack: { framework: 'axum', version: '0.7.5' } }));
    assert.match(plan, /\*\*Not in the manifests:\*\* the SPEC states Axum/);
    assert.match(section(plan, 'Library versions'), /No manifest declares Axum yet; the SPEC states `0\.7\.5`/);
    assert.match(plan, /## \d+\. Axum guidance/);
  });
});
