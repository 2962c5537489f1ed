import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractEndpoints } from '../../../server/src/service/plan/endpoints';
import { extractRequirements } from '../../../server/src/service/plan/requirements';
import { sharedPath } from '../shared';


const ORDERS = `---
id: ORDER-002
status: draft
author: @Goos
---
# @SPEC:ORDER-002: Order checkout

## Requirements

- REQ-ORDER-001: The system SHALL create an order with \`POST /api/v1/orders\`.
- REQ-ORDER-002: **WHEN** a client calls GET /api/v1/orders/{orderId}, the system SHALL return the order
  with its line items. The response SHALL never include card numbers.
- REQ-ORDER-003: WHILE an order is being paid, the system SHALL reject \`PATCH /api/v1/orders/{orderId}\`.
- REQ-ORDER-004: IF the payment provider times out THEN the system SHALL mark the order as pending.
- REQ-ORDER-005: WHERE the shop enables gift cards, the system MAY accept them at checkout.
- WHEN the stock is too low, the system SHALL answer 409.

Orders are described in the product brief. This sentence is not a requirement.

| Method | Path | Purpose |
|--------|------|---------|
| DELETE | /api/v1/orders/{orderId} | cancel |
| GET, POST | /api/v1/orders/{orderId}/notes/ | notes |
| \`PUT /api/v1/orders/{orderId}/address\` | replace | address |

### POST /api/v1/orders/{orderId}/refunds

\`\`\`http
POST /api/v1/orders HTTP/1.1
Host: shop.example.com
\`\`\`

\`\`\`bash
curl -X GET "https://shop.example.com/api/v1/orders?status=open"
\`\`\`
`;

describe('plan: endpoints in a SPEC', () => {
  it('finds METHOD /path in prose, inline code, headings, tables and code blocks, in order and without duplicates', () => {
    const found = extractEndpoints(ORDERS).map((e) => `${e.method} ${e.path} @${e.line}`);
    assert.deepEqual(found, [
      'POST /api/v1/orders @10',
      'GET /api/v1/orders/{orderId} @11',
      'PATCH /api/v1/orders/{orderId} @13',
      'DELETE /api/v1/orders/{orderId} @22',
      'GET /api/v1/orders/{orderId}/notes @23',
      'POST /api/v1/orders/{orderId}/notes @23',
      'PUT /api/v1/orders/{orderId}/address @24',
      'POST /api/v1/orders/{orderId}/refunds @26',
      'GET /api/v1/orders @34',
    ]);
  });

  it('ignores lowercase verbs and methods without a path', () => {
    assert.deepEqual(extractEndpoints('Users get /home when they post a form. A GET request is cached.\n'), []);
  });

  it('reads the endpoints of a real MoAI SPEC written in Korean prose', function () {
    const CORPUS = sharedPath(this, 'corpus/moai');
    const text = readFileSync(path.join(CORPUS, 'legacy-v0.22.5/.moai/specs/SPEC-DOC-INTEGRATION-001/spec.md'), 'utf8');
    const found = extractEndpoints(text).map((e) => `${e.method} ${e.path}`);
    assert.deepEqual(found, ['POST /api/sync/full', 'GET /api/sync/status']);
  });
});

describe('plan: EARS requirements in a SPEC', () => {
  it('collects the five EARS patterns with their labels and lines, and skips plain prose', () => {
    const found = extractRequirements(ORDERS);
    assert.deepEqual(
      found.map((r) => [r.id ?? '-', r.kind, r.line]),
      [
        ['REQ-ORDER-001', 'ubiquitous', 10],
        ['REQ-ORDER-002', 'event', 11],
        ['-', 'ubiquitous', 12],
        ['REQ-ORDER-003', 'state', 13],
        ['REQ-ORDER-004', 'unwanted', 14],
        ['REQ-ORDER-005', 'optional', 15],
        ['-', 'event', 16],
      ],
    );
    assert.equal(found[1]!.text, 'WHEN a client calls GET /api/v1/orders/{orderId}, the system SHALL return the order with its line items.');
    assert.ok(!found.some((r) => r.text.includes('product brief')));
  });

  it('deduplicates a requirement repeated in the document', () => {
    const text = '- The system SHALL log every login.\n\nAgain: \n\n- The system SHALL log every login.\n';
    assert.equal(extractRequirements(text).length, 1);
  });

  it('reads real SPECs: bold **When**/**Where** sentences and REQ- labelled lists', function () {
    const CORPUS = sharedPath(this, 'corpus/moai');
    const rung = readFileSync(path.join(CORPUS, 'head-v3.1.2+/.moai/specs/SPEC-ADVISOR-RUNG-001/spec.md'), 'utf8');
    const kinds = new Set(extractRequirements(rung).map((r) => r.kind));
    assert.ok(kinds.has('event') && kinds.has('optional') && kinds.has('ubiquitous'), [...kinds].join(','));
    const valid = readFileSync(path.join(CORPUS, 'head-v3.1.2+/internal/spec/testdata/valid/spec.md'), 'utf8');
    const labelled = extractRequirements(valid).filter((r) => r.id?.startsWith('REQ-TST-001-'));
    assert.deepEqual(labelled.map((r) => [r.id, r.kind]), [
      ['REQ-TST-001-001', 'ubiquitous'],
      ['REQ-TST-001-002', 'ubiquitous'],
      ['REQ-TST-001-010', 'event'],
      ['REQ-TST-001-011', 'event'],
    ]);
  });

  it('does not crash on malformed markdown', () => {
    assert.deepEqual(extractRequirements('---\nid: [unclosed\n```\nGET /x\n| a | b\n'), []);
    assert.deepEqual(extractEndpoints('---\nid: [unclosed\n```\nGET /x\n| a | b\n').map((e) => e.path), ['/x']);
  });
});
