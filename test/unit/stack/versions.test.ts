import { strict as assert } from 'node:assert';
import { concreteVersion, versionsAgree } from '../../../server/src/service/stack/versions';

describe('versionsAgree', () => {
  const agree: readonly [string, string | null, string | null, Parameters<typeof versionsAgree>[3]][] = [
    ['4.19.0', '^4.19.0', null, 'npm'],
    ['4.19.2', '^4.19.0', '4.19.2', 'npm'],
    ['3.0.2', '==3.0.2', null, 'pypi'],
    ['3.0.2', '>=3.0', null, 'pypi'],
    ['5.0.4', '>=5.0,<5.1', null, 'pypi'],
    ['2.0.29', '~=2.0.23', null, 'pypi'],
    ['0.7.9', '0.7', null, 'cargo'],
    ['1.9.1', 'v1.9.1', null, 'go'],
    ['1.9', 'v1.9.1', null, 'go'],
    ['11.5.0', '^11.0', null, 'packagist'],
    ['6.4.3', '~6.4', null, 'packagist'],
    ['7.0.4', '7.0.*', null, 'packagist'],
    ['3.2.5', '3.2.5', null, 'maven'],
    ['2.0', '[2.0,3.0)', null, 'maven'],
    ['0.110.0', null, '0.110.0', 'pypi'],
    ['anything', 'latest', null, 'npm'],
    ['1.0.0', null, null, 'npm'],
    ['main', 'MAIN', null, 'npm'],
  ];
  for (const [spec, declared, resolved, eco] of agree) {
    it(`${spec} agrees with ${declared ?? '-'} / ${resolved ?? '-'} (${eco})`, () => assert.equal(versionsAgree(spec, declared, resolved, eco), true));
  }
  const disagree: typeof agree = [
    ['0.115.0', '==0.104.1', null, 'pypi'],
    ['4.18.0', '^4.19.0', '4.19.2', 'npm'],
    ['3.0.0', '~=2.0.23', null, 'pypi'],
    ['6.5.0', '~6.4.0', null, 'packagist'],
    ['0.8.0', '0.7', null, 'cargo'],
    ['3.3.0', '3.2.5', null, 'maven'],
    ['0.110.0', null, '0.104.1', 'pypi'],
    ['main', 'develop', null, 'npm'],
  ];
  for (const [spec, declared, resolved, eco] of disagree) {
    it(`${spec} differs from ${declared ?? '-'} / ${resolved ?? '-'} (${eco})`, () => assert.equal(versionsAgree(spec, declared, resolved, eco), false));
  }
});

describe('concreteVersion', () => {
  it('prefers the resolved version, else the lowest the range allows', () => {
    assert.equal(concreteVersion('^4.18.2', '4.19.2', 'npm'), '4.19.2');
    assert.equal(concreteVersion('==0.104.1', null, 'pypi'), '0.104.1');
    assert.equal(concreteVersion('0.7', null, 'cargo'), '0.7.0');
    assert.equal(concreteVersion(null, 'v1.9.1', 'go'), '1.9.1');
    assert.equal(concreteVersion('dev-main', null, 'packagist'), 'dev-main');
  });
});
