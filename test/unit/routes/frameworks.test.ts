import * as assert from 'node:assert/strict';
import { composeRoutes, extractRouteFacts, type Route } from '../../../server/src/service/routes';
import { FIXTURES } from './fixtures';

/** Routes of an in-memory project, as `METHOD /path file:line`, sorted; `(not static)` marks a guessed-at prefix. */
export function routesOf(files: Readonly<Record<string, string>>, frameworks: readonly string[]): string[] {
  const facts = Object.entries(files).flatMap(([path, text]) => {
    const routes = extractRouteFacts(path, text);
    return routes ? [{ path, routes }] : [];
  });
  return composeRoutes(facts, [{ root: '.', frameworks }]).map(show).sort();
}

function show(r: Route): string {
  return `${r.method} ${r.path} ${r.file}:${r.line}${r.static ? '' : ' (not static)'}`;
}

describe('routes: each framework with its prefix composition across files', () => {
  for (const [name, fixture] of Object.entries(FIXTURES)) {
    it(name, () => {
      assert.deepEqual(routesOf(fixture.files, fixture.frameworks), [...fixture.routes].sort());
    });
  }
});
