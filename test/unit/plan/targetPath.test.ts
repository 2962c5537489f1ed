import { strict as assert } from 'node:assert';
import { planTargetPath } from '../../../server/src/service/plan/targetPath';
import { bareSpecId } from '../../../server/src/service/tags';

describe('plan: target path', () => {
  it('puts the plan in .moai/docs under the bare ID', () => {
    assert.equal(planTargetPath('USER-001'), '.moai/docs/backend-architecture-USER-001.md');
    assert.equal(planTargetPath('SPEC-USER-001'), '.moai/docs/backend-architecture-USER-001.md');
    assert.equal(planTargetPath('E2E-INIT-001'), '.moai/docs/backend-architecture-E2E-INIT-001.md');
    assert.equal(planTargetPath('v1.2_beta'), '.moai/docs/backend-architecture-v1.2_beta.md');
    assert.equal(bareSpecId('SPEC-AUTH-004'), 'AUTH-004');
  });

  it('refuses IDs that could leave .moai/docs or are not file-name safe', () => {
    const refused = [
      '', 'SPEC-', '..', '../USER-001', 'USER-001/../../etc', 'a/b', 'a\\b', '..\\x', '/etc/passwd', 'C:\\x', 'C:x',
      'USER-001\0', 'USER 001', 'USER..001', '~root', 'x'.repeat(201), 'USER-001\n', '\u202eUSER-001', 'USER\u200b-001',
    ];
    for (const id of refused) assert.equal(planTargetPath(id), undefined, JSON.stringify(id));
  });

  it('plans every ID the index accepts, letters of any script included', () => {
    assert.equal(planTargetPath('ÜSER-001'), '.moai/docs/backend-architecture-ÜSER-001.md');
  });
});
