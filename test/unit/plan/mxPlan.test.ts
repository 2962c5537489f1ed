import { strict as assert } from 'node:assert';
import { generatePlan, type PlanInput } from '../../../server/src/service/plan/generate';
import { section, stackOf } from './helpers';

const SPEC = `---
id: ORDER-001
title: Orders
version: 1.0.0
status: in-progress
phase: build
module: backend/app/orders
lifecycle: active
---
# SPEC-ORDER-001: Orders

## Requirements

### REQ-ORDER-001: Create
The system SHALL create an order through \`POST /api/v1/orders\`.

### REQ-ORDER-002: Read
WHEN a client asks for an order, the system SHALL answer \`GET /api/v1/orders/{id}\` within 100 ms.

### REQ-ORDER-003: Refuse
IF the cart is empty THEN the system SHALL answer 422.
`;

const input = (): PlanInput => ({
  specId: 'ORDER-001',
  specPath: '.moai/specs/SPEC-ORDER-001/spec.md',
  specText: SPEC,
  title: 'Orders',
  status: 'in-progress',
  statedStack: {},
  stack: stackOf({ 'backend/requirements.txt': 'fastapi==0.115.0\npytest==8.0.0\n' }),
  chain: { existing: [], declared: [] },
  mx: {
    declared: [
      { kind: 'REQ', id: 'REQ-ORDER-001', text: 'The system SHALL create an order through `POST /api/v1/orders`.', path: '.moai/specs/SPEC-ORDER-001/spec.md', line: 14, maps: [] },
      { kind: 'REQ', id: 'REQ-ORDER-002', text: 'WHEN a client asks for an order, the system SHALL answer `GET /api/v1/orders/{id}` within 100 ms.', path: '.moai/specs/SPEC-ORDER-001/spec.md', line: 17, maps: [] },
      { kind: 'REQ', id: 'REQ-ORDER-003', text: 'IF the cart is empty THEN the system SHALL answer 422.', path: '.moai/specs/SPEC-ORDER-001/spec.md', line: 20, maps: [] },
      { kind: 'AC', id: 'AC-ORDER-001', text: 'Given a cart, When it is posted, Then an order exists', path: '.moai/specs/SPEC-ORDER-001/acceptance.md', line: 3, maps: ['REQ-ORDER-001'] },
      { kind: 'AC', id: 'AC-ORDER-002', text: 'Given an empty cart | When posted | Then 422', path: '.moai/specs/SPEC-ORDER-001/acceptance.md', line: 4, maps: ['REQ-ORDER-003'] },
    ],
    references: [
      { id: 'REQ-ORDER-001', path: 'backend/app/orders/api.py', line: 7, test: false },
      { id: 'AC-ORDER-001', path: 'backend/tests/test_orders.py', line: 3, test: true },
    ],
  },
});

describe('plan: a SPEC of the @MX dialect', () => {
  const plan = generatePlan(input());

  it('cites each endpoint\'s REQ and each requirement by its declared ID, with its ACs', () => {
    const endpoints = section(plan, 'Endpoints from the SPEC');
    assert.match(endpoints, /\| `POST` \| `\/api\/v1\/orders` \| `REQ-ORDER-001` \| 15 \|/);
    assert.match(endpoints, /\| `GET` \| `\/api\/v1\/orders\/\{id\}` \| `REQ-ORDER-002` \|/);
    assert.doesNotMatch(endpoints, /@API:/);
    const reqs = section(plan, 'Requirements');
    assert.match(reqs, /\| `REQ-ORDER-001` \| Ubiquitous \| .* \| `spec.md:14` \| AC-ORDER-001 \| yes \|/);
    assert.match(reqs, /\| `REQ-ORDER-002` \| Event-driven \(WHEN\) \|.*\| — \| no \|/);
    assert.match(reqs, /\| `REQ-ORDER-003` \| Unwanted behaviour \(IF\/THEN\) \|.*\| AC-ORDER-002 \| no \|/);
    assert.match(section(plan, 'Implementation order'), /Business logic in .* for REQ-ORDER-001, REQ-ORDER-002 \(`@MX:SPEC: SPEC-ORDER-001`\)/);
  });

  it('reads a REQ declared as a table row by the cell holding its sentence, not by its pattern cell', () => {
    const base = input();
    const row = { kind: 'REQ' as const, id: 'REQ-ORDER-004', text: 'Ubiquitous | WHEN a tenant exceeds its quota, the system SHALL answer 429 | P0 | load test shows 429', path: '.moai/specs/SPEC-ORDER-001/spec.md', line: 22, maps: [] };
    const withRow = generatePlan({ ...base, mx: { ...base.mx!, declared: [...base.mx!.declared, row] } });
    const reqs = section(withRow, 'Requirements');
    assert.match(reqs, /\| `REQ-ORDER-004` \| Event-driven \(WHEN\) \| WHEN a tenant exceeds its quota, the system SHALL answer 429 \|/);
    assert.doesNotMatch(reqs, /Ubiquitous \\\| WHEN|P0/);
  });

  it('lists the acceptance criteria as the test plan, with the tests that name them', () => {
    const tests = section(plan, 'Test plan: acceptance criteria');
    assert.match(tests, /\| `AC-ORDER-001` \| REQ-ORDER-001 \| .* \| `acceptance.md:3` \| `backend\/tests\/test_orders.py:3` \|/);
    assert.match(tests, /\| `AC-ORDER-002` \| REQ-ORDER-003 \| Given an empty cart \\\| When posted \\\| Then 422 \| `acceptance.md:4` \| none yet \|/);
    assert.match(tests, /No acceptance criterion maps `REQ-ORDER-002`/);
    assert.match(section(plan, 'Implementation order'), /Tests in .* \(`@MX:TEST: SPEC-ORDER-001`\)/);
  });

  it('lists the @MX lines to write instead of @TYPE:ID tags, in the service language\'s comments', () => {
    const mx = section(plan, '@MX annotations');
    assert.doesNotMatch(plan, /## \d+\. TAG chain/);
    assert.doesNotMatch(plan, /@(API|SERVICE|DB|TEST):ORDER-001/);
    assert.match(mx, /\| `REQ-ORDER-001` \| `backend\/app\/orders\/api.py:7` \| code \|/);
    assert.match(mx, /# @MX:ANCHOR: entry point of REQ-ORDER-002\n# @MX:REASON: .*\n# @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-002/);
    assert.match(mx, /# @MX:SPEC: SPEC-ORDER-001 REQ-ORDER-003/);
    assert.doesNotMatch(mx, /@MX:SPEC: SPEC-ORDER-001 REQ-ORDER-001\b/);
    assert.match(mx, /# @MX:TEST: SPEC-ORDER-001 AC-ORDER-002/);
    assert.doesNotMatch(mx, /@MX:TEST: SPEC-ORDER-001 AC-ORDER-001/);
    assert.match(mx, /\| `REQ-ORDER-002` \| `backend\/app\/[^`]*`/);
  });

  it('takes an endpoint\'s REQ from the nearest declaration above it when no REQ names it', () => {
    const base = input();
    const plain = base.mx!.declared.map((d) => ({ ...d, text: d.text.replace(/`[A-Z]+ [^`]*`/, 'it') }));
    const plan = generatePlan({ ...base, mx: { declared: plain, references: [] } });
    assert.match(section(plan, 'Endpoints from the SPEC'), /\| `GET` \| `\/api\/v1\/orders\/\{id\}` \| `REQ-ORDER-002` \| 18 \|/);
  });

  it('says what to write when the SPEC declares neither REQ nor AC IDs', () => {
    const bare = generatePlan({ ...input(), mx: { declared: [], references: [] } });
    assert.match(section(bare, 'Requirements'), /declares no requirement ID/);
    assert.match(section(bare, 'Test plan: acceptance criteria'), /declares no acceptance criterion/);
    assert.match(section(bare, '@MX annotations'), /Nothing to link until the SPEC declares REQ IDs/);
  });

  it('keeps the plan of a SPEC of the tag dialect as it was', () => {
    const { mx: _, ...tagInput } = input();
    const plan = generatePlan(tagInput);
    assert.match(plan, /## \d+\. TAG chain/);
    assert.doesNotMatch(plan, /@MX:/);
  });
});
