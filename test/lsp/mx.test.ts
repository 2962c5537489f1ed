import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens, CompletionItem, DocumentLink, Hover, Location, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { SpecTreeRequest, parseCommandArguments } from '../../server/src/protocol';
import { sharedPath } from '../unit/shared';
import { MX_FILES, positionOf } from '../fixtures/mx';
import { SERVER, TestClient, applyEdits, editsFor, writeWorkspace } from './client';

type Position = { line: number; character: number };

/** Requests of the features under test, over the protocol. */
function requests(client: TestClient) {
  const doc = (path: string) => ({ textDocument: { uri: client.uri(path) } });
  return {
    hover: async (path: string, position: Position) => ((await client.connection.sendRequest('textDocument/hover', { ...doc(path), position })) as Hover | null)?.contents as { value: string } | undefined,
    definition: (path: string, position: Position) => client.connection.sendRequest('textDocument/definition', { ...doc(path), position }) as Promise<Location[]>,
    references: (path: string, position: Position, includeDeclaration = false) => client.connection.sendRequest('textDocument/references', { ...doc(path), position, context: { includeDeclaration } }) as Promise<Location[]>,
    completion: (path: string, position: Position) => client.connection.sendRequest('textDocument/completion', { ...doc(path), position }) as Promise<CompletionItem[]>,
    prepareRename: (path: string, position: Position) => client.connection.sendRequest('textDocument/prepareRename', { ...doc(path), position }) as Promise<{ range: unknown; placeholder: string }>,
    rename: (path: string, position: Position, newName: string) => client.connection.sendRequest('textDocument/rename', { ...doc(path), position, newName }) as Promise<WorkspaceEdit>,
  };
}

const at = (path: string, needle: string, offset = 1) => positionOf(MX_FILES, path, needle, offset);
const SPEC = '.moai/specs/SPEC-ORDER-001/spec.md';

describe('language server over stdio: the @MX dialect on a fixture', function () {
  this.timeout(30_000);
  let client: TestClient;
  let r: ReturnType<typeof requests>;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(MX_FILES));
    await client.initialize({ rules: { 'spec/no-frontmatter': 'off' } });
    r = requests(client);
    await client.open('src/orders/api.ts', MX_FILES['src/orders/api.ts']!, 'typescript');
    await client.diagnosticsOf('src/orders/broken.py', (d) => d.some((x) => x.code === 'mx/unknown-spec'));
  });
  after(async () => client?.dispose());

  it('hover on a SPEC ID and on a REQ ID of an @MX line', async () => {
    assert.match((await r.hover('src/orders/api.ts', at('src/orders/api.ts', 'SPEC-ORDER-001')))!.value, /\*\*SPEC-ORDER-001\*\*: Orders[\s\S]*REQs: 2 of 3 referenced/);
    const req = (await r.hover('src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001')))!.value;
    assert.match(req, /References: 1 code · 1 test · 1 AC/);
    assert.match(req, /AC-ORDER-001/);
  });

  it('mx/missing-reason: an @MX:REASON on the tag\'s own line counts, one on no line does not', async () => {
    const path = 'src/orders/reasons.ts';
    await client.open(path, '// @MX:ANCHOR: entry @MX:REASON: every route calls it\nexport function a(): void {}\n// @MX:ANCHOR: bare\nexport function b(): void {}\n', 'typescript');
    const published = await client.diagnosticsOf(path, (d) => d.some((x) => x.code === 'mx/missing-reason'));
    assert.deepEqual(published.filter((d) => d.code === 'mx/missing-reason').map((d) => d.range.start.line), [2]);
  });

  it('definition of a REQ ID is its declaration line', async () => {
    const [loc] = await r.definition('src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-002'));
    assert.equal(loc!.uri, client.uri(SPEC));
    assert.deepEqual(loc!.range.start, at(SPEC, 'REQ-ORDER-002', 0));
  });

  it('references from a REQ declaration reach the code and the test', async () => {
    const refs = await r.references(SPEC, at(SPEC, 'REQ-ORDER-001'));
    assert.deepEqual(
      refs.map((l) => l.uri.slice(client.uri('').length + 1)),
      ['.moai/specs/SPEC-ORDER-001/acceptance.md', 'src/orders/api.ts', 'tests/test_orders.py'],
    );
  });

  it('completion of SPEC IDs after @MX:SPEC: and of that SPEC\'s REQ IDs after it', async () => {
    const text = `${MX_FILES['src/orders/api.ts']}// @MX:SPEC: SPEC-PAY-002 REQ-\n`;
    await client.change('src/orders/api.ts', 2, text);
    const line = text.split('\n').length - 2;
    const reqs = await r.completion('src/orders/api.ts', { line, character: text.split('\n')[line]!.length });
    assert.deepEqual(reqs.map((c) => c.label), ['REQ-001', 'REQ-002']);
    assert.deepEqual((reqs[0]!.textEdit as TextEdit).range.start, { line, character: 'REQ-'.length + '// @MX:SPEC: SPEC-PAY-002 '.length - 4 });
    const specs = await r.completion('src/orders/api.ts', { line, character: '// @MX:SPEC: SPEC-P'.length });
    assert.ok(specs.some((c) => c.label === 'SPEC-PAY-002'));
    await client.change('src/orders/api.ts', 3, MX_FILES['src/orders/api.ts']!);
  });

  it('code lenses, document links and workspace symbols', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(SPEC) } })) as CodeLens[];
    assert.ok(lenses.some((l) => l.command?.title === '1 code · 1 test · 1 AC'));
    for (const lens of lenses) {
      assert.equal(lens.command?.command, 'specchain.showReferences');
      const checked = parseCommandArguments('specchain.showReferences', lens.command!.arguments ?? []);
      assert.ok('ok' in checked, `${lens.command!.title}: ${'error' in checked ? checked.error : ''}`);
    }
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: client.uri('src/orders/api.ts') } })) as DocumentLink[];
    assert.equal(links.length, 3);
    assert.equal(links[1]!.target, `${client.uri(SPEC)}#L${at(SPEC, 'REQ-ORDER-001').line + 1}`);
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'REQ-ORDER-003' })) as SymbolInformation[];
    assert.deepEqual(symbols.map((s) => s.name), ['REQ-ORDER-003']);
  });

  it('renames a REQ across the SPEC\'s files and every reference, and refuses a malformed name', async () => {
    const prepared = await r.prepareRename('src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001'));
    assert.equal(prepared.placeholder, 'REQ-ORDER-001');
    const edit = await r.rename('src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001'), 'REQ-ORDER-011');
    assert.match(applyEdits(MX_FILES[SPEC]!, editsFor(edit, client.uri(SPEC))), /### REQ-ORDER-011: Create/);
    assert.match(applyEdits(MX_FILES['tests/test_orders.py']!, editsFor(edit, client.uri('tests/test_orders.py'))), /AC-ORDER-001 REQ-ORDER-011\n/);
    await assert.rejects(r.rename('src/orders/api.ts', at('src/orders/api.ts', 'REQ-ORDER-001'), 'REQ-ORDER-011\nx'), /not a valid REQ ID/);
  });

  it('the SPEC tree request carries the REQs of an @MX SPEC with URIs, and every broken link', async () => {
    const tree = (await client.connection.sendRequest(SpecTreeRequest.method, {})) as SpecTreeRequest.Result;
    const order = tree.specs.find((s) => s.id === 'ORDER-001')!;
    assert.equal(order.mx!.reqs[0]!.code[0]!.uri, client.uri('src/orders/api.ts'));
    assert.equal(order.mx!.reqs[0]!.acs[0]!.uri, client.uri('.moai/specs/SPEC-ORDER-001/acceptance.md'));
    assert.deepEqual(tree.broken.map((u) => `${u.id} ${u.uri}`), [`ORDR-001 ${client.uri('src/orders/broken.py')}`, `REQ-ORDER-009 ${client.uri('src/orders/broken.py')}`]);
    assert.equal(tree.totals.brokenLinks, 2);
  });
});

describe('language server over stdio: the @MX dialect on a real project (elymas+universal-search)', function () {
  this.timeout(60_000);
  let client: TestClient;
  let r: ReturnType<typeof requests>;
  const MAIN = 'tools/gen-adapter-ref/main.go';
  const DOC = '.moai/specs/SPEC-DOC-002/spec.md';
  let main = '';
  let doc = '';
  const find = (text: string, needle: string, offset = 1): Position => {
    const at = text.indexOf(needle);
    assert.ok(at >= 0, needle);
    const before = text.slice(0, at + offset);
    return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
  };

  before(async function () {
    const source = sharedPath(this, 'corpus/mx/elymas+universal-search');
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    const root = mkdtempSync(join(tmpdir(), 'specchain-mx-corpus-'));
    cpSync(source, root, { recursive: true });
    main = readFileSync(join(root, MAIN), 'utf8');
    doc = readFileSync(join(root, DOC), 'utf8');
    client = new TestClient(root);
    await client.initialize();
    r = requests(client);
    await client.open(MAIN, main, 'go');
    await client.until(() => client.notifications.some((n) => n.method === 'specchain/indexChanged'), 30_000, 'the index');
  });
  after(async () => client?.dispose());

  it('hover on SPEC-DOC-002 and on REQ-ADPDOC-007 of an @MX:SPEC line', async () => {
    assert.match((await r.hover(MAIN, find(main, 'SPEC-DOC-002')))!.value, /\*\*SPEC-DOC-002\*\*[\s\S]*REQs: \d+ of \d+ referenced/);
    const req = (await r.hover(MAIN, find(main, 'REQ-ADPDOC-007')))!.value;
    assert.match(req, /\*\*REQ-ADPDOC-007\*\* of SPEC-DOC-002/);
    assert.match(req, /The repository SHALL provide/);
    assert.match(req, /Declared in `\.moai\/specs\/SPEC-DOC-002\/spec\.md:570`/);
  });

  it('definition of REQ-ADPDOC-007 is its table row in spec.md', async () => {
    const locations = await r.definition(MAIN, find(main, 'REQ-ADPDOC-007'));
    assert.deepEqual(locations.map((l) => `${l.uri.slice(client.uri('').length + 1)}:${l.range.start.line + 1}`), [`${DOC}:570`]);
  });

  it('references from the declaration reach every @MX line naming it', async () => {
    const refs = await r.references(DOC, find(doc, '**REQ-ADPDOC-007**', 3));
    const places = refs.map((l) => `${l.uri.slice(client.uri('').length + 1)}:${l.range.start.line + 1}`);
    for (const expected of [`${MAIN}:14`, `${MAIN}:54`, 'tools/gen-adapter-ref/extract.go:44']) assert.ok(places.includes(expected), `${expected} in ${places.join(', ')}`);
  });

  it('completion offers SPEC-DOC-002\'s REQ IDs after it', async () => {
    const text = `${main}\n// @MX:SPEC: SPEC-DOC-002 REQ-ADPDOC-00`;
    await client.change(MAIN, 2, text);
    const lines = text.split('\n');
    const items = await r.completion(MAIN, { line: lines.length - 1, character: lines.at(-1)!.length });
    assert.ok(items.some((c) => c.label === 'REQ-ADPDOC-007'), items.map((c) => c.label).join(', '));
    await client.change(MAIN, 3, main);
  });

  it('renames REQ-ADPDOC-007 in spec.md and in every Go file citing it', async () => {
    const edit = await r.rename(MAIN, find(main, 'REQ-ADPDOC-007'), 'REQ-ADPDOC-070');
    assert.match(applyEdits(main, editsFor(edit, client.uri(MAIN))).split('\n')[13]!, /^\/\/ @MX:SPEC: SPEC-DOC-002 REQ-ADPDOC-070$/);
    const renamedDoc = applyEdits(doc, editsFor(edit, client.uri(DOC)));
    assert.match(renamedDoc.split('\n')[569]!, /^\| \*\*REQ-ADPDOC-070\*\* \|/);
    assert.doesNotMatch(renamedDoc, /REQ-ADPDOC-007\b/);
    assert.ok(editsFor(edit, client.uri('tools/gen-adapter-ref/extract.go')).length > 0);
  });
});

describe('language server over stdio: SPECs kept outside the clone', function () {
  this.timeout(30_000);
  let client: TestClient;
  after(async () => client?.dispose());

  it('publishes one spec/no-specs on the .gitignore line and no broken link', async () => {
    client = new TestClient(
      writeWorkspace({
        '.gitignore': 'node_modules/\n.moai/\n',
        'svc/pay.go': '// @MX:NOTE: pay\n// @MX:SPEC: SPEC-PAY-002\n',
        'svc/orders.py': '# @MX:ANCHOR: orders\n# @MX:REASON: clients\n# @MX:SPEC: SPEC-ORD-001 REQ-ORD-001\n',
      }),
    );
    await client.initialize();
    const found = await client.diagnosticsOf('.gitignore', (d) => d.some((x) => x.code === 'spec/no-specs'));
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line, d.severity]), [['spec/no-specs', 1, 2]]);
    assert.match(String(found[0]!.message), /yet 2 links name SPECs: \.gitignore line 2/);
    await client.open('svc/pay.go', '// @MX:NOTE: pay\n// @MX:SPEC: SPEC-PAY-002\n', 'go');
    const pay = await client.diagnosticsOf('svc/pay.go', () => true);
    assert.deepEqual(pay.filter((d) => d.code === 'mx/unknown-spec'), []);
  });
});
