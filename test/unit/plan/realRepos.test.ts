import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openFolder } from '../../../server/src/node/folder';
import { LanguageService } from '../../../server/src/service/languageService';
import { generatePlan } from '../../../server/src/service/plan/generate';
import { planInputFor } from '../../../server/src/service/plan/planInput';
import { SKIP_MARK } from '../shared';
import { specDoc, sharedContent } from './planOf';

/**
 * Plans for SPECs written against real public repositories, read from the snapshots the `fetch`
 * tool keeps in `/work/.mirror` (or `$SPECCHAIN_MIRROR`); their code never enters this
 * repository. A snapshot that is not there skips its case, saying why; `shapes.test.ts` keeps
 * the same shapes as fixtures of our own, which always run.
 */
const MIRROR = process.env.SPECCHAIN_MIRROR ?? '/work/.mirror';

interface RealCase {
  readonly repo: string;
  readonly specId: string;
  readonly spec: string;
  readonly must: readonly (string | RegExp)[];
  readonly mustNot: readonly (string | RegExp)[];
}

const CASES: readonly RealCase[] = [
  {
    repo: 'HackSoftware/Django-Styleguide-Example',
    specId: 'ORDERS-001',
    spec: specDoc('ORDERS-001', 'Orders of a user', '- WHEN a user posts `POST /api/orders/create/` with items, the system SHALL create the order.\n- WHEN a client sends `GET /api/orders/` with `limit` and `offset`, the system SHALL list the orders.\n- IF the order does not exist THEN the system SHALL answer 404.\n'),
    must: ['`styleguide_example/orders/apis.py`', '`styleguide_example/orders/services.py`', '`styleguide_example/orders/selectors.py`', '`styleguide_example/orders/models.py`', '`styleguide_example/orders/urls.py`', '`styleguide_example/orders/migrations`', 'drf-jwt', 'drf_default_with_modifications_exception_handler', 'Django ORM', 'pytest', /failing a missing resource with `Http404`/],
    mustNot: [/simplejwt/i, '/views.py`', /RFC 9457|problem\+json/, /cursor/i, 'hacksoft_proposed_exception_handler', 'raised as `ValidationError` (`styleguide_example/blog_examples', 'through `ValidationError`'],
  },
  {
    repo: 'macrozheng/mall',
    specId: 'COUPON-101',
    spec: specDoc('COUPON-101', 'Coupon templates in the admin console', 'The admin console (mall-admin) manages coupon templates.\n\n- WHEN an admin sends `GET /couponTemplate/list` with `pageNum` and `pageSize`, the system SHALL return one page of templates.\n- WHEN an admin sends `POST /couponTemplate/create`, the system SHALL store the template.\n- IF the template does not exist THEN the system SHALL answer with code 404 in the usual result body.\n'),
    must: ['`mall-admin/src/main/java/com/macro/mall/controller/CouponTemplateController.java`', '`mall-admin/src/main/java/com/macro/mall/service/impl/CouponTemplateServiceImpl.java`', '`mall-mbg/src/main/java/com/macro/mall/mapper/CouponTemplateMapper.java`', '`mall-mbg/src/main/java/com/macro/mall/model/CouponTemplate.java`', 'MyBatis', '`mall-mbg/pom.xml', /`pageNum` and `pageSize`, as the SPEC states, as existing list endpoints do/, '`CommonResult`', '`document/sql/mall.sql`', 'JJWT', 'Spring Boot `2.7.5`'],
    mustNot: [/Spring Data JPA|Hibernate|Flyway|Liquibase/, /ProblemDetail|Boot 3|@MockitoBean/, /cursor/i, /RFC 9457/, 'CouponTemplateExample'],
  },
  {
    repo: 'novuhq/novu',
    specId: 'TOPICS-201',
    spec: specDoc('TOPICS-201', 'Topic archive', '- WHEN a client sends `POST /v1/topics/{topicKey}/archive`, the system SHALL archive the topic.\n- WHEN a client sends `GET /v1/topics/archived` with `page` and `pageSize`, the system SHALL list archived topics.\n- IF the topic does not exist THEN the system SHALL answer 404.\n'),
    must: ['extend `apps/api/src/app/topics/topics.controller.ts`', '`apps/api/src/app/topics/use-cases/archive-topic/archive-topic.use-case.ts`', 'Mongoose', '`libs/dal/package.json:', '`@novu/dal`', '`libs/dal/src/repositories/topic/topic.repository.ts`', /`page` and `pageSize`/, 'Mocha', 'class-validator', /- \*\*Database:\*\* mongodb \(`libs\/dal\/package\.json:\d+`, /, /run by `[^`]*src\/\*\*\/\*\.e2e\.ts/],
    mustNot: [/TypeORM|Prisma|Sequelize|synchronize/, /RFC 9457/, /cursor/i, 'src/controllers/', 'topics/usecases/'],
  },
  {
    repo: 'flipped-aurora/gin-vue-admin',
    specId: 'NOTICE-301',
    spec: specDoc('NOTICE-301', 'System notices', '- WHEN an administrator sends `POST /notice/createNotice`, the system SHALL store the notice.\n- WHEN a user sends `GET /notice/getNoticeList` with `page` and `pageSize`, the system SHALL list notices.\n- WHEN an administrator sends `DELETE /notice/deleteNotice`, the system SHALL delete it.\n'),
    must: ['`server/api/v1/system/sys_notice.go`', '`server/router/system/sys_notice.go`', '`server/service/system/sys_notice.go`', '`server/model/system/sys_notice.go`', 'GORM', /`AutoMigrate` \(`server\/initialize\//, /`page` and `pageSize`/, '`PageInfo`', 'golang-jwt', 'response.Fail'],
    mustNot: [/golang-migrate|goose/, 'internal/handler', /RFC 9457/, /cursor/i, 'enter.go`) |'],
  },
  {
    repo: 'fastapi/full-stack-fastapi-template',
    specId: 'NOTES-401',
    spec: specDoc('NOTES-401', 'Notes of a user', '- WHEN a user sends `POST /api/v1/notes/`, the system SHALL create a note owned by the user.\n- WHEN a user sends `GET /api/v1/notes/` with `skip` and `limit`, the system SHALL list the user\'s notes.\n- IF the note does not exist THEN the system SHALL answer 404 with `{"detail": "Note not found"}`.\n'),
    must: ['`backend/app/api/routes/notes.py`', 'extend `backend/app/crud.py`', 'extend `backend/app/models.py`', 'SQLModel', /Alembic .*`backend\/app\/alembic\/versions`/, /`skip` and `limit`, as the SPEC states, as existing list endpoints do/, 'PyJWT', '`{"detail": "Note not found"}`', 'HTTPException', '`backend/tests/api/routes/test_notes.py`'],
    mustNot: [/python-jose|Tortoise|SQLAlchemy 1\.x/, /RFC 9457/, /cursor/i, 'app/services/', 'unittest ('],
  },
  {
    repo: 'hagopj13/node-express-boilerplate',
    specId: 'PROJECTS-501',
    spec: specDoc('PROJECTS-501', 'Projects', '- WHEN a user sends `POST /v1/projects`, the system SHALL create a project owned by the user.\n- WHEN a user sends `GET /v1/projects`, the system SHALL list the user\'s projects.\n- IF the project does not exist THEN the system SHALL answer 404.\n'),
    must: ['`src/controllers/project.controller.js`', '`src/routes/v1/project.route.js`', '`src/models/project.model.js`', '`src/validations/project.validation.js`', '`tests/integration/project.test.js`', 'Mongoose', 'Joi', /`page` and `limit`/, 'ApiError', 'Jest'],
    mustNot: [/TypeORM|Prisma|Sequelize|Zod/, /RFC 9457/, /cursor/i],
  },
  {
    repo: 'gothinkster/laravel-realworld-example-app',
    specId: 'BOOKMARKS-601',
    spec: specDoc('BOOKMARKS-601', 'Article bookmarks', '- WHEN an authenticated user sends `POST /api/articles/{slug}/bookmark`, the system SHALL bookmark the article.\n- WHEN an authenticated user sends `GET /api/bookmarks` with `limit` and `offset`, the system SHALL list the bookmarks.\n'),
    must: ['`app/Http/Controllers/Api/BookmarkController.php`', 'extend `routes/api.php`', '`app/Bookmark.php`', 'Eloquent', /Laravel migrations .*`database\/migrations`/, 'jwt-auth', '`auth.api`', '`tests/Feature/Api/BookmarkTest.php`'],
    mustNot: [/Doctrine|Sanctum/, /RFC 9457/, 'routes/bookmark.php'],
  },
];

/** The snapshot's tree written out once per run, with the SPEC added; undefined when there is no snapshot. */
function checkout(repo: string, root: string): string | undefined {
  const git = path.join(MIRROR, repo.replace('/', '+'), 'repo');
  if (!existsSync(git)) return undefined;
  const dir = path.join(root, repo.replace('/', '+'));
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', git, 'archive', 'HEAD'], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive failed for ${repo}: ${archive.stderr.toString()}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout, maxBuffer: 1 << 30 });
  if (tar.status !== 0) throw new Error(`tar failed for ${repo}: ${tar.stderr.toString()}`);
  return dir;
}

async function planIn(dir: string, c: RealCase): Promise<string> {
  const specFolder = path.join(dir, '.moai', 'specs', `SPEC-${c.specId}`);
  mkdirSync(specFolder, { recursive: true });
  writeFileSync(path.join(specFolder, 'spec.md'), c.spec);
  const folder = openFolder(dir);
  const service = new LanguageService({ workspace: folder.workspace, config: folder.config });
  await service.load();
  const found = await planInputFor(service, c.specId);
  if (found.kind !== 'found') throw new Error(`${c.specId}: ${found.kind}`);
  return generatePlan(found.input);
}

describe('plan: real repositories (from /work/.mirror)', function () {
  this.timeout(600_000);
  let root: string;
  const plans = new Map<string, string>();

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'specchain-plan-real-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const c of CASES) {
    it(`${c.repo}: ${c.specId}`, async function () {
      const dir = checkout(c.repo, root);
      if (!dir) {
        console.log(`${SKIP_MARK} ${c.repo}: no snapshot in ${MIRROR} (fetch it to run this case)`);
        return this.skip();
      }
      const plan = await planIn(dir, c);
      plans.set(c.repo, plan);
      const missing = c.must.filter((m) => (typeof m === 'string' ? !plan.includes(m) : !m.test(plan))).map(String);
      const wrong = c.mustNot.filter((m) => (typeof m === 'string' ? plan.includes(m) : m.test(plan))).map(String);
      assert.deepEqual({ missing, wrong }, { missing: [], wrong: [] }, plan);
    });
  }

  it('two plans for different repositories share no content line', function () {
    if (plans.size < 2) return this.skip();
    const names = [...plans.keys()];
    const shared = new Set<string>();
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) for (const l of sharedContent(plans.get(names[i]!)!, plans.get(names[j]!)!)) shared.add(l);
    const lines = [...plans.values()].reduce((n, p) => n + p.split('\n').length, 0);
    console.log(`      ${plans.size} plans, ${lines} lines in all, ${shared.size} content lines shared by two or more`);
    assert.deepEqual([...shared], []);
  });
});
