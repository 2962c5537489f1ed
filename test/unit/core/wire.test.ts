import * as assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { FileClassifier, analyzeFile } from '../../../server/src/service/analyze';
import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import { decodeFacts, encodeFacts } from '../../../server/src/service/wire';

describe('wire format of file facts', () => {
  const classifier = new FileClassifier(DEFAULT_CONFIG);
  const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

  for (const [path, text] of [
    ['src/a.py', '# @API:USER-001\n# @CODE:AUTH-001:API | TEST: tests/x.py\n# @api:bad\n# specchain-disable-next-line\n'],
    ['.moai/specs/SPEC-USER-001/spec.md', '---\nid: USER-001\nauthor: @me\n---\n# @SPEC:USER-001: Users\n- @TEST:API-USER-001\n'],
    ['svc/package.json', '{ "dependencies": { "express": "^4.19.2" } }\n'],
    ['empty.txt', ''],
    ['src/c.ts', '// @MX:NOTE: n\n// @MX:SPEC: SPEC-A-001b SPEC-B-002 REQ-A-1\n/**\n * @MX:ANCHOR: a\n * @MX:SPEC: SPEC-A-001\n */\n'],
  ] as const) {
    it(`round-trips ${path} through a structured clone`, () => {
      const facts = analyzeFile(path, text, classifier);
      const back = decodeFacts(path, deserialize(serialize(encodeFacts(facts))));
      assert.deepEqual(plain(back), plain(facts));
      assert.deepEqual(back.tags.map((t) => t.range), facts.tags.map((t) => t.range));
    });
  }

  it('keeps what MoAI\'s scanner reads of each @MX link line', () => {
    const facts = analyzeFile('src/c.ts', '// @MX:NOTE: n\n// @MX:SPEC: SPEC-A-001b\n/**\n * @MX:SPEC: SPEC-A-001\n */\n', classifier);
    const back = decodeFacts('src/c.ts', deserialize(serialize(encodeFacts(facts))));
    assert.deepEqual(back.mx!.map((m) => m.moai), [undefined, { read: 'SPEC-A-001' }, { miss: 'no-prefix' }]);
  });

  it('encodes markers given as plain objects like the scanner markers', () => {
    const facts = analyzeFile('src/b.ts', '// x @API:USER-002:Handler\n', classifier);
    const plainTags = { ...facts, tags: facts.tags.map((t) => ({ type: t.type, id: t.id, sub: t.sub, role: t.role, range: t.range })) };
    assert.deepEqual(encodeFacts(plainTags), encodeFacts(facts));
  });
});
