import { strict as assert } from 'node:assert';
import { scanCapabilities } from '../../../server/src/service/stack/capabilities';

describe('scanCapabilities', () => {
  it('finds each request with its exact range, in text order', () => {
    const text = [
      '# @SPEC:FEED-001: Live order feed',
      '',
      '- The system SHALL expose a GraphQL endpoint at POST /graphql.',
      '- WHEN an order changes, the system SHALL push it over WebSockets and as Server-Sent Events.',
      '- The admin dashboard SHALL use server-side rendering; internal calls use gRPC.',
    ].join('\n');
    const lines = text.split('\n');
    const at = (line: number, word: string, name: string) => {
      const character = lines[line]!.indexOf(word);
      assert.notEqual(character, -1);
      return { name, range: { start: { line, character }, end: { line, character: character + word.length } } };
    };
    assert.deepEqual(scanCapabilities(text), [
      at(2, 'GraphQL', 'graphql'),
      at(2, 'graphql', 'graphql'),
      at(3, 'WebSockets', 'websocket'),
      at(3, 'Server-Sent Events', 'sse'),
      at(4, 'server-side rendering', 'templating'),
      at(4, 'gRPC', 'grpc'),
    ]);
  });

  it('ignores words inside @TAG markers and lower-case "sse" in words', () => {
    assert.deepEqual(scanCapabilities('# @API:GRAPHQL-001 and @CODE:GRPC-002:API\nassess the session\n'), []);
    assert.deepEqual(scanCapabilities('Responses SHALL stream as SSE.').map((c) => c.name), ['sse']);
  });

  it('ignores fenced code and the sections that list what is out of scope, as the elymas SPECs write them', () => {
    const text = [
      '# SPEC-API-001: Search API',
      '',
      '## 6.1 Directory Layout',
      '```',
      '└── usearch-api/        # REST/gRPC API entrypoint',
      '```',
      '## Out of Scope (Exclusions — What NOT to Build)',
      '### Cross-cutting',
      '- **gRPC exposure.** HTTP/JSON only.',
      '### 2.2 Out-of-Scope',
      '- **GraphQL v4 variant**',
      '## 8. Streaming',
      '- The API SHALL stream results as server-sent events.',
    ].join('\n');
    assert.deepEqual(scanCapabilities(text).map((c) => [c.name, c.range.start.line]), [['sse', 12]]);
  });
});
