import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { runStack, stackCommand } from '../../../server/src/cli/stackCommand';
import { InMemoryWorkspace } from '../../../server/src/service/inMemoryWorkspace';
import { SERVICES_DIR } from './fixtures';

function capture(): { out: string[]; err: string[]; io: { out(s: string): void; err(s: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => out.push(s), err: (s) => err.push(s) } };
}

describe('specchain stack', () => {
  const workspace = new InMemoryWorkspace({
    'backend/requirements.txt': 'fastapi==0.104.0\nsqlalchemy==2.0.25\npsycopg2-binary\npytest\n',
    'backend/app/main.py': 'app = FastAPI()\n',
    'web/package.json': '{ "dependencies": { "express": "^4.19.2" },\n',
  });

  it('prints the JSON contract', async () => {
    const c = capture();
    assert.equal(await runStack(workspace, 'json', c.io), 0);
    assert.deepEqual(JSON.parse(c.out.join('\n')), {
      services: [
        { root: 'backend', role: 'service', language: 'python', manifests: ['backend/requirements.txt'], frameworks: [{ name: 'fastapi', version: '==0.104.0', resolved: null, manifest: 'backend/requirements.txt', line: 1 }], databases: ['postgresql'], databaseSources: [{ id: 'postgresql', file: 'backend/requirements.txt', line: 3 }], orms: ['sqlalchemy'], auth: [], testing: ['pytest'] },
        { root: 'web', role: 'service', language: 'javascript', manifests: ['web/package.json'], frameworks: [{ name: 'express', version: '^4.19.2', resolved: null, manifest: 'web/package.json', line: 1 }], databases: [], databaseSources: [], orms: [], auth: [], testing: [] },
      ],
      aggregators: [],
    });
    assert.equal(c.err.length, 1);
    assert.match(c.err[0]!, /^specchain stack: warning: web\/package\.json: invalid JSON at line 2/);
  });

  it('prints a block per service for people', async () => {
    const c = capture();
    assert.equal(await runStack(workspace, 'text', c.io), 0);
    const text = c.out.join('\n');
    assert.match(text, /^backend {2}\[python\]\n {2}framework: {2}FastAPI ==0\.104\.0 \(backend\/requirements\.txt:1\)/);
    assert.match(text, /databases: {2}postgresql \(backend\/requirements\.txt:3\)/);
    assert.match(text, /2 services$/);
  });

  it('leaves prose in a requirements/ folder alone and reads the split pip layout', async () => {
    const c = capture();
    const split = new InMemoryWorkspace({
      'docs/requirements/overview.txt': 'The system SHALL answer within 200 ms.\n',
      'api/requirements/base.txt': 'Flask==3.0.2\n',
      'api/requirements/dev.txt': '-r base.txt\npytest==8.1.1\n',
    });
    assert.equal(await runStack(split, 'json', c.io), 0);
    const report = JSON.parse(c.out.join('\n')) as { services: { root: string; manifests: string[]; frameworks: { name: string }[] }[] };
    assert.deepEqual(report.services.map((s) => [s.root, s.manifests, s.frameworks.map((f) => f.name)]), [['api', ['api/requirements/base.txt', 'api/requirements/dev.txt'], ['flask']]]);
    assert.deepEqual(c.err, []);
  });

  it('reads a real folder, honouring the built-in excludes', async () => {
    const c = capture();
    assert.equal(await stackCommand([SERVICES_DIR, '--format', 'json'], c.io), 0);
    const report = JSON.parse(c.out.join('\n')) as { services: { root: string; frameworks: { name: string }[] }[] };
    assert.equal(report.services.length, 16);
    assert.deepEqual(report.services.find((s) => s.root === 'play')?.frameworks.map((f) => f.name), ['play']);
  });

  it('exits 2 with one line for a missing folder or a bad option', async () => {
    for (const args of [[join(SERVICES_DIR, 'nope')], ['--format', 'yaml'], ['a', 'b'], ['--colour']]) {
      const c = capture();
      assert.equal(await stackCommand(args, c.io), 2, args.join(' '));
      assert.equal(c.err.length, 1);
      assert.match(c.err[0]!, /^specchain stack: /);
      assert.deepEqual(c.out, []);
    }
  });
});
