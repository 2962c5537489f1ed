import { strict as assert } from 'node:assert';
import { openFolder } from '../../../server/src/node/folder';
import { LanguageService } from '../../../server/src/service/languageService';
import { generatePlan } from '../../../server/src/service/plan/generate';
import { planInputFor } from '../../../server/src/service/plan/planInput';
import { sharedPath } from '../shared';
import { planOf } from './planOf';

/** Section 1 of a plan: from its heading to the next. */
const first = (plan: string): string => plan.slice(plan.indexOf('## 1.'), plan.indexOf('## 2.'));

const goFile = (pkg: string, body: string): string => `package ${pkg}\n\nimport "net/http"\n\n${body}`;

/**
 * A Go service on the standard library at the root, Python FastAPI services beside it, as in a
 * real Go + Python monorepo: a SPEC whose `@MX` lines are all in the Go code is planned for the
 * Go service, though SpecChain has no guidance for `net/http`.
 */
const MONOREPO: Record<string, string> = {
  'go.mod': 'module example.com/search\n\ngo 1.23\n\nrequire github.com/golang-jwt/jwt/v5 v5.2.1\n',
  'cmd/search-api/main.go': goFile('main', 'func main() {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("GET /api/query", nil)\n\t_ = http.ListenAndServe(":8080", mux)\n}\n'),
  'cmd/search-api/handlers/query.go': goFile('handlers', 'func Query(w http.ResponseWriter, r *http.Request) {}\n'),
  'cmd/search-api/handlers/sources.go': goFile('handlers', 'func Sources(w http.ResponseWriter, r *http.Request) {}\n'),
  'internal/ratelimit/limiter.go': 'package ratelimit\n\n// @MX:ANCHOR: limiter entry\n// @MX:REASON: every request passes here\n// @MX:SPEC: SPEC-LIMIT-001 REQ-LIMIT-001\nfunc Allow(tenant string) bool { return true }\n',
  'internal/ratelimit/limiter_test.go': 'package ratelimit\n\nimport "testing"\n\nfunc TestAllow(t *testing.T) {}\n',
  'internal/ratelimit/headers.go': 'package ratelimit\n\n// @MX:NOTE: Retry-After header\n// @MX:SPEC: SPEC-LIMIT-001 REQ-LIMIT-002\nfunc RetryAfter() int { return 60 }\n',
  'services/researcher/pyproject.toml': '[project]\nname = "researcher"\nversion = "0.1.0"\ndependencies = ["fastapi>=0.115", "uvicorn>=0.30"]\n',
  'services/researcher/src/researcher/app.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/research")\ndef research():\n    return {}\n',
  'services/embedder/pyproject.toml': '[project]\nname = "embedder"\nversion = "0.1.0"\ndependencies = ["fastapi>=0.115"]\n',
  'services/embedder/src/embedder/app.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/embed")\ndef embed():\n    return {}\n',
  '.moai/specs/SPEC-LIMIT-001/spec.md': '---\nid: LIMIT-001\ntitle: Rate limits per tenant\nversion: 1.0.0\nstatus: in-progress\n---\n# SPEC-LIMIT-001: Rate limits per tenant\n\nThe researcher sidecar is not touched.\n\n## Requirements\n\n### REQ-LIMIT-001: Limit\nWHEN a tenant exceeds 60 queries a minute, the system SHALL answer 429.\n\n### REQ-LIMIT-002: Retry\nThe system SHALL send a `Retry-After` header with every 429.\n',
};

describe('plan: the service of the SPEC\'s linked code on no framework SpecChain knows', () => {
  it('plans for the Go service holding the @MX lines, not for a FastAPI service of the monorepo', async () => {
    const { plan, facts } = await planOf(MONOREPO, 'LIMIT-001');
    const one = first(plan);
    assert.equal(facts.service?.root, '.', one);
    assert.match(one, /\| Chosen because \| the SPEC's linked code is there \(2 files, e\.g\. `internal\/ratelimit\/\w+\.go`\) \|/);
    assert.match(one, /\| Language \| go \|/);
    assert.doesNotMatch(plan, /FastAPI|Pydantic|uvicorn|researcher\/src/);
    // The Go service's own conventions: its test files beside the code, go test as the runner.
    assert.match(plan, /_test\.go`/);
  });

  it('keeps choosing a framework\'s service when the linked code is there', async () => {
    const files = { ...MONOREPO, 'services/researcher/src/researcher/limits.py': '# @MX:ANCHOR: limits\n# @MX:REASON: all requests\n# @MX:SPEC: SPEC-LIMIT-001 REQ-LIMIT-001\nLIMIT = 60\n' };
    delete (files as Record<string, string>)['internal/ratelimit/headers.go'];
    delete (files as Record<string, string>)['internal/ratelimit/limiter.go'];
    const { facts } = await planOf(files, 'LIMIT-001');
    assert.equal(facts.service?.root, 'services/researcher');
    assert.equal(facts.guidance?.name, 'fastapi');
  });

  it('on the real Go + Python monorepo of the corpus, plans each SPEC whose @MX lines are in Go for the Go service', async function () {
    this.timeout(300_000);
    const dir = sharedPath(this, 'corpus/mx/elymas+universal-search');
    const folder = openFolder(dir);
    const service = new LanguageService({ workspace: folder.workspace, config: folder.config });
    await service.load();
    // Their @MX:SPEC lines are all in Go code (internal/…); the SPECs mention Python sidecars by name.
    for (const id of ['SEC-001', 'CACHE-001', 'ADP-001', 'API-001']) {
      const found = await planInputFor(service, id);
      assert.equal(found.kind, 'found', id);
      if (found.kind !== 'found') continue;
      const one = first(generatePlan(found.input));
      assert.match(one, /\| Service \| `\.` /, `${id}\n${one}`);
      assert.match(one, /the SPEC's linked code is there/, `${id}\n${one}`);
      assert.doesNotMatch(one, /FastAPI/, `${id}\n${one}`);
    }
  });
});
