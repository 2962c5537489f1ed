import { strict as assert } from 'node:assert';
import { planOf, sharedContent } from './planOf';
import { SHAPES } from './shapes';

/** What a plan states, checked line by line against what it must and must not say. */
function check(plan: string, must: readonly (string | RegExp)[], mustNot: readonly (string | RegExp)[]): string[] {
  const problems: string[] = [];
  for (const m of must) if (typeof m === 'string' ? !plan.includes(m) : !m.test(plan)) problems.push(`missing: ${String(m)}`);
  for (const m of mustNot) if (typeof m === 'string' ? plan.includes(m) : m.test(plan)) problems.push(`must not state: ${String(m)}`);
  return problems;
}

describe('plan: written from each repository shape\'s own conventions', () => {
  const plans = new Map<string, string>();

  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const { plan } = await planOf(shape.files, shape.specId);
      plans.set(shape.name, plan);
      assert.deepEqual(check(plan, shape.must, shape.mustNot), [], plan);
    });
  }

  it('two plans for different repositories share no content line', () => {
    assert.equal(plans.size, SHAPES.length, 'every shape was planned');
    const names = [...plans.keys()];
    const shared = new Set<string>();
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) for (const line of sharedContent(plans.get(names[i]!)!, plans.get(names[j]!)!)) shared.add(line);
    }
    assert.deepEqual([...shared], []);
  });
});
