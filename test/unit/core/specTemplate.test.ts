import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { parseSpecId } from '../../../client/src/specId';
import { renderSpecTemplate, specDocumentPath } from '../../../server/src/service/specTemplate';
import { parseSpec } from '../../../server/src/service/specDoc';
import { CURRENT_REQUIRED } from '../../../server/src/service/specSchema';

const date = new Date(Date.UTC(2025, 2, 7, 23, 30));

describe('client: SPEC ID input', () => {
  it('accepts IDs of the tag model, with or without SPEC-', () => {
    for (const [input, id] of [
      ['USER-001', 'USER-001'],
      ['SPEC-USER-001', 'USER-001'],
      ['  E2E-INIT-001 ', 'E2E-INIT-001'],
      ['PY314-0042', 'PY314-0042'],
      ['AUTH-LOGIN-2FA-001', 'AUTH-LOGIN-2FA-001'],
    ]) {
      assert.deepEqual(parseSpecId(input!), { id }, input);
    }
  });

  it('explains what is wrong with a bad ID', () => {
    assert.match((parseSpecId('user-001') as { error: string }).error, /upper case: USER-001/);
    assert.match((parseSpecId('USER-01') as { error: string }).error, /three digits/);
    assert.match((parseSpecId('USER001') as { error: string }).error, /three digits/);
    assert.match((parseSpecId('1USER-001') as { error: string }).error, /starting with a letter/);
    assert.match((parseSpecId('USER--001') as { error: string }).error, /dash-separated/);
    assert.match((parseSpecId('   ') as { error: string }).error, /Type a SPEC ID/);
    assert.match((parseSpecId('SPEC-') as { error: string }).error, /Type a SPEC ID/);
  });
});

describe('client: new SPEC template', () => {
  const text = renderSpecTemplate({ id: 'AUTH-LOGIN-001', title: 'Login: with @email', author: '@Goos', date });

  it('lives in the default SPEC folder', () => {
    assert.equal(specDocumentPath('AUTH-LOGIN-001'), '.moai/specs/SPEC-AUTH-LOGIN-001/spec.md');
  });

  it('has frontmatter in the current schema that YAML reads, awkward values quoted', () => {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(match, 'frontmatter block opens the file');
    const fields = parse(match[1]!) as Record<string, unknown>;
    for (const key of CURRENT_REQUIRED) assert.ok(key in fields, `field ${key}`);
    assert.equal(fields.id, 'SPEC-AUTH-LOGIN-001');
    assert.equal(fields.title, 'Login: with @email');
    assert.equal(fields.author, '@Goos');
    assert.equal(fields.status, 'draft');
    assert.equal(fields.created, '2025-03-07');
    assert.equal(fields.module, 'auth-login');
  });

  it('has the @SPEC title and an EARS section', () => {
    assert.match(text, /^# @SPEC:AUTH-LOGIN-001: Login: with @email$/m);
    assert.match(text, /^## Requirements \(EARS\)$/m);
    for (const form of [/The system SHALL/, /^- WHEN .* SHALL/m, /^- WHILE .* SHALL/m, /^- WHERE .* MAY/m, /^- IF .* THEN/m]) assert.match(text, form);
  });

  it('parses as a clean current-schema SPEC with the SPEC parser of the server', () => {
    const { doc } = parseSpec(specDocumentPath('AUTH-LOGIN-001'), text);
    assert.equal(doc.id, 'AUTH-LOGIN-001');
    assert.equal(doc.schema, 'current');
    assert.equal(doc.status, 'draft');
    assert.equal(doc.folderId, 'AUTH-LOGIN-001');
    assert.deepEqual(doc.problems, []);
  });

  it("writes the workspace's shape: a bare ID, a # SPEC- title, v2 fields; and parses as such", () => {
    const text = renderSpecTemplate({ id: 'DOC-TAG-002', title: 'Docs', author: 'a', date, shape: { bareId: true, heading: 'plain', schema: 'legacy' } });
    assert.match(text, /^id: DOC-TAG-002$/m);
    assert.match(text, /^# SPEC-DOC-TAG-002: Docs$/m);
    const { doc } = parseSpec(specDocumentPath('DOC-TAG-002'), text);
    assert.deepEqual([doc.id, doc.schema, doc.title, doc.problems], ['DOC-TAG-002', 'legacy', 'Docs', []]);
  });

  it('keeps a multi-line title on one line and falls back to the ID', () => {
    const folded = renderSpecTemplate({ id: 'USER-001', title: 'One\ntwo', author: 'a', date });
    assert.match(folded, /^# @SPEC:USER-001: One two$/m);
    const untitled = renderSpecTemplate({ id: 'USER-001', title: '  ', author: 'a', date });
    assert.match(untitled, /^# @SPEC:USER-001: USER-001$/m);
  });
});
