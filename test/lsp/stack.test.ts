import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StackRequest } from '../../server/src/protocol';
import { SERVER, TestClient, writeWorkspace } from './client';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** The example workspace (the one the e2e test opens), plus a Compose file that runs both services. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else out[relative(EXAMPLES, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(EXAMPLES);
  out['docker-compose.yml'] = [
    'services:',
    '  backend:',
    '    build: ./backend',
    '    depends_on: [db]',
    '  gateway:',
    '    build: ./gateway',
    '    depends_on: [backend, cache]',
    '  db:',
    '    image: postgres:16',
    '  cache:',
    '    image: redis:7',
    '',
  ].join('\n');
  return out;
}

describe('language server over stdio: the stack of each service', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new TestClient(writeWorkspace(files()));
    await client.initialize();
    await client.diagnosticsOf('.moai/specs/SPEC-USER-001/spec.md', () => true, 30_000);
  });
  after(async () => client?.dispose());

  it('both services of the example with their own framework, and each with the databases the Compose file wires to it', async () => {
    const stack = await client.connection.sendRequest<StackRequest.Result>(StackRequest.method, {});
    const rows = stack.services.map((s) => [s.root, s.role, s.frameworks.map((f) => `${f.name} ${f.version}`).join(), s.databases.join()]);
    // The backend's driver says PostgreSQL; the gateway's Prisma client also reaches it, and the
    // Compose file adds Redis to the gateway only.
    assert.deepEqual(rows, [
      ['backend', 'service', 'fastapi ==0.104.0', 'postgresql'],
      ['gateway', 'service', 'express ^4.19.2', 'postgresql,redis'],
    ]);
    const gateway = stack.services.find((s) => s.root === 'gateway')!;
    assert.deepEqual(gateway.databaseSources.filter((d) => d.file === 'docker-compose.yml').map((d) => d.id), ['redis']);
  });
});
