import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planCommand, runPlan, type PlanDeps, type PlanOptions } from '../../../server/src/cli/planCommand';
import { generatePlan, type PlanInput } from '../../../server/src/service/plan/generate';
import type { PlanLookup } from '../../../server/src/service/plan/planInput';
import { stackOf } from './helpers';

const TARGET = '.moai/docs/backend-architecture-PAY-001.md';

const input: PlanInput = {
  specId: 'PAY-001',
  specPath: '.moai/specs/SPEC-PAY-001/spec.md',
  specText: '# @SPEC:PAY-001: Payments\n\n- WHEN a client sends `POST /api/v1/payments`, the system SHALL charge the card once.\n',
  statedStack: { framework: 'gin' },
  stack: stackOf({ 'go.mod': 'module example.com/pay\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n' }),
  chain: { existing: [], declared: [] },
};

/** A file system in a map, recording writes, and a SPEC table. */
function fakes(files: Record<string, string> = {}): { deps: PlanDeps; files: Record<string, string>; writes: string[]; lookups: string[] } {
  const writes: string[] = [];
  const lookups: string[] = [];
  const deps: PlanDeps = {
    async lookup(id): Promise<PlanLookup> {
      lookups.push(id);
      if (id === 'PAY-001') return { kind: 'found', input };
      return id === 'PAY-01' ? { kind: 'unknown', suggestion: 'PAY-001' } : { kind: 'unknown' };
    },
    async readFile(p) {
      return files[p];
    },
    async writeFile(p, text) {
      writes.push(p);
      files[p] = text;
    },
  };
  return { deps, files, writes, lookups };
}

function capture(): { io: { out(s: string): void; err(s: string): void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

const opts = (over: Partial<PlanOptions> = {}): PlanOptions => ({ specId: 'PAY-001', stdout: false, force: false, ...over });

describe('plan: the plan command', () => {
  it('writes a new plan to .moai/docs under the bare ID', async () => {
    const f = fakes();
    const c = capture();
    assert.equal(await runPlan(opts({ specId: 'SPEC-PAY-001' }), f.deps, c.io), 0);
    assert.deepEqual(f.writes, [TARGET]);
    assert.equal(f.files[TARGET], generatePlan(input));
    assert.deepEqual(f.lookups, ['PAY-001']);
    assert.deepEqual(c.out, [`Wrote ${TARGET}`]);
  });

  it('treats identical content as a no-op success', async () => {
    const f = fakes({ [TARGET]: generatePlan(input) });
    const c = capture();
    assert.equal(await runPlan(opts(), f.deps, c.io), 0);
    assert.deepEqual(f.writes, []);
    assert.match(c.out[0]!, /is up to date/);
  });

  it('leaves a changed plan alone without --force, says so and exits 1', async () => {
    const edited = generatePlan(input) + '\nOur own notes.\n';
    const f = fakes({ [TARGET]: edited });
    const c = capture();
    assert.equal(await runPlan(opts(), f.deps, c.io), 1);
    assert.deepEqual(f.writes, []);
    assert.equal(f.files[TARGET], edited);
    assert.match(c.err[0]!, /exists and differs .* left unchanged\. Rerun with --force/);
  });

  it('overwrites a changed plan with --force', async () => {
    const f = fakes({ [TARGET]: 'old plan\n' });
    const c = capture();
    assert.equal(await runPlan(opts({ force: true }), f.deps, c.io), 0);
    assert.deepEqual(f.writes, [TARGET]);
    assert.equal(f.files[TARGET], generatePlan(input));
    assert.match(c.out[0]!, /^Overwrote .*--force/);
  });

  it('prints with --stdout and writes nothing, even over a changed file', async () => {
    const f = fakes({ [TARGET]: 'old plan\n' });
    const c = capture();
    assert.equal(await runPlan(opts({ stdout: true }), f.deps, c.io), 0);
    assert.deepEqual(f.writes, []);
    assert.equal(c.out.join('\n') + '\n', generatePlan(input));
  });

  it('names an unknown ID (with the closest one) and exits 1', async () => {
    const f = fakes();
    const c = capture();
    assert.equal(await runPlan(opts({ specId: 'PAY-01' }), f.deps, c.io), 1);
    assert.match(c.err[0]!, /no SPEC has the ID "PAY-01" \(did you mean PAY-001\?\)/);
    assert.equal(await runPlan(opts({ specId: 'NOPE-404' }), f.deps, c.io), 1);
    assert.match(c.err[1]!, /"NOPE-404"$/);
    assert.deepEqual(f.writes, []);
  });

  it('refuses IDs that could escape .moai/docs before looking anything up, exit 2', async () => {
    for (const id of ['../../etc/passwd', 'a/b', 'a\\b', '..', '', 'X\0Y']) {
      const f = fakes();
      const c = capture();
      assert.equal(await runPlan(opts({ specId: id }), f.deps, c.io), 2, JSON.stringify(id));
      assert.deepEqual(f.lookups, []);
      assert.deepEqual(f.writes, []);
      assert.match(c.err[0]!, /refusing the SPEC ID/);
    }
  });

  it('reports a write failure with exit 2', async () => {
    const f = fakes();
    f.deps.writeFile = async () => {
      throw Object.assign(new Error('read-only'), { code: 'EROFS' });
    };
    const c = capture();
    assert.equal(await runPlan(opts(), f.deps, c.io), 2);
    assert.match(c.err[0]!, /cannot write .*EROFS/);
  });
});

describe('plan: specchain plan on a real folder', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specchain-plan-'));
    mkdirSync(path.join(dir, '.moai/specs/SPEC-USER-001'), { recursive: true });
    mkdirSync(path.join(dir, 'backend/app'), { recursive: true });
    writeFileSync(
      path.join(dir, '.moai/specs/SPEC-USER-001/spec.md'),
      [
        '---', 'id: USER-001', 'version: 0.1.0', 'status: active', 'author: @Goos', 'stack:', '  backend:',
        '    framework: fastapi', '    version: "0.115.0"', '---', '# @SPEC:USER-001: Users', '',
        '- The system SHALL create users via `POST /api/v1/users`.', '', '@SERVICE:USER-001', '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'backend/requirements.txt'), 'fastapi==0.104.0\nsqlalchemy==2.0.25\n');
    writeFileSync(path.join(dir, 'backend/app/users.py'), '# @API:USER-001\nrouter = None\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the plan from the workspace, then keeps it, then refuses to overwrite an edit', async () => {
    const c = capture();
    assert.equal(await planCommand(['SPEC-USER-001', dir], c.io), 0, c.err.join('\n'));
    const file = path.join(dir, '.moai/docs/backend-architecture-USER-001.md');
    const plan = readFileSync(file, 'utf8');
    assert.match(plan, /\*\*Version mismatch:\*\* the SPEC states FastAPI `0\.115\.0`, but `backend\/requirements\.txt` \(line 1\)/);
    assert.match(plan, /\| `@API:USER-001` \| `backend\/app\/users\.py:1` \|/);
    assert.match(plan, /### Declared in the SPEC, not yet in code\n\n- `@SERVICE:USER-001`/);
    assert.match(plan, /\| `POST` \| `\/api\/v1\/users` \|/);

    assert.equal(await planCommand(['USER-001', dir], c.io), 0);
    assert.match(c.out.at(-1)!, /up to date/);

    writeFileSync(file, plan + '\nTeam notes.\n');
    assert.equal(await planCommand(['USER-001', dir], c.io), 1);
    assert.match(readFileSync(file, 'utf8'), /Team notes/);
    assert.equal(await planCommand(['USER-001', dir, '--force'], c.io), 0);
    assert.equal(readFileSync(file, 'utf8'), plan);
  });

  it('exits 1 for an unknown ID and 2 for a refused one or bad arguments, writing nothing', async () => {
    const c = capture();
    assert.equal(await planCommand(['USER-002', dir], c.io), 1);
    assert.match(c.err.at(-1)!, /"USER-002"/);
    assert.equal(await planCommand(['../USER-001', dir], c.io), 2);
    assert.equal(await planCommand([], c.io), 2);
    assert.equal(await planCommand(['USER-001', dir, '--bogus'], c.io), 2);
    assert.equal(await planCommand(['USER-001', path.join(dir, 'no-such-folder')], c.io), 2);
    assert.match(c.err.at(-1)!, /no such directory/);
    assert.ok(!existsSync(path.join(dir, '.moai/docs/backend-architecture-USER-002.md')));
  });
});
