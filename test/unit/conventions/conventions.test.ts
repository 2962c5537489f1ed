import { strict as assert } from 'node:assert';
import { layerOf, placesOf, styleOf, writeName } from '../../../server/src/service/conventions/layout';
import { mayHoldConventions, scanCode } from '../../../server/src/service/conventions/scan';
import { featureWords } from '../../../server/src/service/plan/layoutPlan';
import type { CodeFacts } from '../../../server/src/service/types';

const signals = (facts: CodeFacts | undefined): string[] => (facts?.signals ?? []).map((s) => `${s.kind} ${s.value} @${s.line + 1}`);
const imports = (facts: CodeFacts | undefined): string[] => (facts?.imports ?? []).map((i) => `${i.module} @${i.line + 1}`);

describe('conventions: what one file says', () => {
  it('Python: imports, DRF settings and views, paging parameters; a commented-out setting says nothing', () => {
    const facts = scanCode('config/settings.py', [
      'import os',
      'from rest_framework_jwt.authentication import JSONWebTokenAuthentication',
      'REST_FRAMEWORK = {',
      '    "EXCEPTION_HANDLER": "app.api.handlers.handle",',
      '    # "EXCEPTION_HANDLER": "app.api.handlers.other",',
      '}',
      'class UserListApi(APIView):',
      '    def get(self, request, skip: int = 0, limit: int = 100):',
      '        raise ApplicationError("no")',
    ].join('\n'));
    assert.deepEqual(imports(facts), ['os @1', 'rest_framework_jwt.authentication @2']);
    assert.deepEqual(signals(facts), ['handler APIView @7', 'error-handler app.api.handlers.handle @4', 'error-raise ApplicationError @9', 'paging skip @8', 'paging limit @8']);
  });

  it('JavaScript: an import over several lines, require, Nest guards and DTO paging fields', () => {
    const facts = scanCode('src/topics/topics.controller.ts', [
      "import {",
      "  Controller,",
      "  UseGuards,",
      "} from '@nestjs/common';",
      "import { TopicRepository } from '@acme/dal/repositories';",
      "const x = require('./local');",
      "@Controller('/topics')",
      "@UseGuards(UserAuthGuard)",
      "export class TopicsController {}",
    ].join('\n'));
    assert.deepEqual(imports(facts), ['@nestjs/common @1', '@acme/dal @5']);
    assert.deepEqual(signals(facts), ['handler Controller @7', 'auth UserAuthGuard @8']);
  });

  it('Go: an import block, Gin handlers, AutoMigrate, form tags of paging', () => {
    const facts = scanCode('server/api/user.go', 'package api\n\nimport (\n\t"gorm.io/gorm"\n\tg "github.com/gin-gonic/gin"\n)\n\nfunc (a *Api) List(c *gin.Context) {\n\tdb.AutoMigrate(&User{})\n}\n\ntype PageInfo struct {\n\tPage int `form:"page"`\n}\n');
    assert.deepEqual(imports(facts), ['gorm.io/gorm @4', 'github.com/gin-gonic/gin @5']);
    assert.deepEqual(signals(facts), ['paging-type PageInfo @12', 'paging-decl PageInfo @12', 'handler gin.Context @8', 'automigrate AutoMigrate @9', 'paging page @13']);
  });

  it('Java and PHP: packages without their classes, namespaces, controllers and advices', () => {
    const java = scanCode('a/BrandController.java', 'package a;\n\nimport org.apache.ibatis.annotations.Param;\nimport static org.junit.Assert.assertEquals;\n\n@RestControllerAdvice\npublic class X {}\n');
    assert.deepEqual(imports(java), ['org.apache.ibatis.annotations @3', 'org.junit @4']);
    assert.deepEqual(signals(java), ['error-handler RestControllerAdvice @6']);
    const php = scanCode('app/Http/Controllers/Api/TagController.php', "<?php\n\nuse Illuminate\\Database\\Eloquent\\Model;\n\nclass TagController extends ApiController\n{\n    public function __construct() { $this->middleware('auth.api'); }\n}\n");
    assert.deepEqual(imports(php), ['Illuminate\\Database\\Eloquent\\Model @3']);
    assert.deepEqual(signals(php), ['handler ApiController @5', 'auth auth.api @7']);
  });

  it('manifests and mapper XML: a package\'s name and test script, a MyBatis namespace', () => {
    assert.deepEqual(signals(scanCode('libs/dal/package.json', '{\n  "name": "@acme/dal",\n  "scripts": {\n    "test": "mocha --require \\"ts-node/register\\""\n  }\n}\n')), ['package-name @acme/dal @2', 'test-script mocha --require \\"ts-node/register\\" @4']);
    assert.deepEqual(signals(scanCode('src/main/resources/dao/OrderDao.xml', '<mapper namespace="com.acme.dao.OrderDao">\n</mapper>\n')), ['mapper-xml com.acme.dao.OrderDao @1']);
  });

  it('reads nothing from a module that imports nothing, prose, or a line too long to be code', () => {
    assert.equal(scanCode('src/a.py', 'class A(APIView):\n    pass\n'), undefined);
    assert.equal(mayHoldConventions('src/a.py', (k) => 'x = 1'.includes(k)), false);
    assert.equal(mayHoldConventions('src/a.ts', (k) => "import x from 'y'".includes(k)), true);
    assert.equal(scanCode('README.md', 'import os\n'), undefined);
    const minified = `import a from 'a';\n${'x.status(404).json({ error: 1 }), router.get("/a", f); '.repeat(40_000)}`;
    assert.deepEqual(signals(scanCode('dist/app.js', minified)), []);
  });
});

describe('conventions: layout templates', () => {
  it('a folder of `<Name>Controller.java`, written in Pascal case', () => {
    const [place] = placesOf('handler', 'mall-admin', ['PmsBrandController.java', 'UmsAdminController.java', 'OmsOrderController.java'].map((n) => `mall-admin/src/main/java/com/x/controller/${n}`));
    assert.equal(place!.template, 'mall-admin/src/main/java/com/x/controller/<Name>Controller.java');
    assert.equal(place!.styles.Name!.case, 'pascal');
    assert.equal(place!.count, 3);
  });

  it('one folder per feature, the file repeating its name; one per use case below it', () => {
    const [controllers] = placesOf('handler', 'apps/api', ['topics', 'users', 'layouts'].map((f) => `apps/api/src/app/${f}/${f}.controller.ts`));
    assert.equal(controllers!.template, 'apps/api/src/app/<feature>/<feature>.controller.ts');
    const [usecases] = placesOf('service', 'apps/api', ['topics/usecases/get-topic/get-topic', 'users/usecases/delete-user/delete-user', 'layouts/usecases/update-layout/update-layout'].flatMap((p) => [`apps/api/src/app/${p}.usecase.ts`, `apps/api/src/app/${p}.command.ts`]));
    assert.equal(usecases!.template, 'apps/api/src/app/<feature>/usecases/<group>/<group>.usecase.ts', 'the ending that names the layer wins');
  });

  it('the same file name in every app folder; an add-on ending is no convention', () => {
    const [apis] = placesOf('handler', '.', ['users', 'files', 'emails'].map((a) => `shop/${a}/apis.py`));
    assert.equal(apis!.template, 'shop/<feature>/apis.py');
    const [models] = placesOf('model', 'mbg', ['Brand', 'Order', 'Coupon'].flatMap((n) => [`mbg/model/${n}.java`, `mbg/model/${n}Example.java`]));
    assert.equal(models!.template, 'mbg/model/<Name>.java');
  });

  it('a lone test names the convention of its kind', () => {
    const [test] = placesOf('test', 'admin', ['admin/src/test/com/x/PmsDaoTests.java']);
    assert.equal(test!.template, 'admin/src/test/com/x/<Name>Tests.java');
  });

  it('a lone handler, service or DAO named after its resource names the convention; a file of the whole layer does not', () => {
    assert.equal(placesOf('handler', 'backend', ['backend/app/api/users.py'])[0]!.template, 'backend/app/api/<name>.py');
    assert.equal(placesOf('service', 'backend', ['backend/app/services/user_service.py'])[0]!.template, 'backend/app/services/<name>_service.py');
    assert.equal(placesOf('service', 'admin', ['admin/src/x/OrderService.java'])[0]!.template, 'admin/src/x/<Name>Service.java');
    assert.equal(placesOf('handler', 'api', ['api/src/orders/orders.controller.ts'])[0]!.template, 'api/src/orders/<name>.controller.ts');
    assert.equal(placesOf('handler', 'shop', ['shop/users/views.py'])[0]!.template, 'shop/users/views.py');
    assert.equal(placesOf('service', 'shop', ['shop/services.py'])[0]!.template, 'shop/services.py');
    assert.equal(placesOf('model', 'app', ['app/models/sync_run.py'])[0]!.template, 'app/models/sync_run.py', 'a lone model file may be all the models');
  });

  it('middleware is told by its name before its code, which looks like a handler\'s', () => {
    assert.equal(layerOf('gateway/src/auth/middleware.ts', new Set(['handler'])), 'middleware');
    assert.equal(layerOf('gateway/src/auth/jwt.guard.ts', new Set(['handler'])), 'middleware');
    assert.equal(layerOf('gateway/src/auth/routes.ts', new Set(['handler'])), 'handler');
  });

  it('writes a feature as the siblings write theirs', () => {
    assert.equal(writeName(['order', 'items'], styleOf(['PmsBrand', 'UmsAdmin'])), 'OrderItem');
    assert.equal(writeName(['order', 'items'], styleOf(['create-topic', 'delete-user'])), 'order-item');
    assert.equal(writeName(['order'], styleOf(['users', 'files', 'emails'])), 'orders');
    assert.equal(writeName(['notes'], styleOf(['items', 'login'])), 'notes', 'as many plural as singular: kept as written');
  });

  it('names the feature by the endpoint segment the SPEC ID names, else the most common one', () => {
    assert.deepEqual(featureWords('BOOKMARKS-601', [{ method: 'POST', path: '/api/articles/{slug}/bookmark', line: 1 }, { method: 'GET', path: '/api/bookmarks', line: 2 }]), ['bookmarks']);
    assert.deepEqual(featureWords('X-1', [{ method: 'GET', path: '/api/v1/order-items/{id}', line: 1 }]), ['order', 'items']);
    assert.deepEqual(featureWords('SPEC-COUPON-TEMPLATE-001', []), ['coupon', 'template']);
  });
});
