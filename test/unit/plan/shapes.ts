import { specDoc } from './planOf';

/**
 * Small workspaces of our own, one per shape of a real repository the plan was checked on
 * (a Django project with apis/services/selectors per app, a NestJS monorepo with a Mongoose
 * data layer in a workspace library, a Spring Boot 2 multi-module build on MyBatis, Gin on GORM
 * AutoMigrate, FastAPI on SQLModel and Alembic, Express on Mongoose and Joi, Laravel on
 * Eloquent): the facts carry over, the code is written here. Each comes with a SPEC written
 * against it and what its plan must and must not state.
 */
export interface Shape {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly specId: string;
  readonly must: readonly (string | RegExp)[];
  readonly mustNot: readonly (string | RegExp)[];
}

const djangoApp = (app: string, model: string): Record<string, string> => ({
  [`shop/${app}/apis.py`]: `from rest_framework.views import APIView\nfrom rest_framework.response import Response\n\nfrom shop.api.pagination import LimitOffsetPagination\nfrom shop.${app}.selectors import ${app}_list\n\n\nclass ${model}ListApi(APIView):\n    def get(self, request):\n        return Response(${app}_list())\n`,
  [`shop/${app}/services.py`]: `from django.db import transaction\n\nfrom shop.core.exceptions import ApplicationError\n\n\ndef ${app}_create(*, name):\n    if not name:\n        raise ApplicationError("name is required")\n`,
  [`shop/${app}/selectors.py`]: `from shop.${app}.models import ${model}\n\n\ndef ${app}_list():\n    return ${model}.objects.all()\n`,
  [`shop/${app}/models.py`]: `from django.db import models\n\n\nclass ${model}(models.Model):\n    name = models.CharField(max_length=100)\n`,
  [`shop/${app}/urls.py`]: `from django.urls import path\n\nfrom shop.${app}.apis import ${model}ListApi\n\nurlpatterns = [\n    path("", ${model}ListApi.as_view()),\n]\n`,
  [`shop/${app}/migrations/0001_initial.py`]: `from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n`,
  [`shop/${app}/tests/services/test_${model.toLowerCase()}_create.py`]: `from django.test import TestCase\n\n\nclass ${model}CreateTests(TestCase):\n    def test_creates(self):\n        pass\n`,
  [`shop/${app}/tests/apis/test_${model.toLowerCase()}_list.py`]: `from django.test import TestCase\n\n\nclass ${model}ListTests(TestCase):\n    def test_lists(self):\n        pass\n`,
});

const DJANGO: Shape = {
  name: 'Django: apis, services and selectors per app, drf-jwt',
  specId: 'ORDERS-001',
  files: {
    'requirements/base.txt': 'Django==4.2.11\ndjangorestframework==3.14.0\ndrf-jwt==1.19.2\npsycopg2==2.9.9\n',
    'requirements/local.txt': '-r base.txt\npytest==8.0.0\npytest-django==4.8.0\n',
    'config/settings.py': 'import os\n\nREST_FRAMEWORK = {\n    "EXCEPTION_HANDLER": "shop.api.exception_handlers.handle",\n    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_jwt.authentication.JSONWebTokenAuthentication"],\n}\n',
    'shop/api/pagination.py': 'from rest_framework.pagination import LimitOffsetPagination as _Base\n\n\nclass LimitOffsetPagination(_Base):\n    default_limit = 10\n',
    'shop/api/exception_handlers.py': 'from rest_framework.views import exception_handler\n\n\ndef handle(exc, ctx):\n    return exception_handler(exc, ctx)\n',
    'shop/core/exceptions.py': 'import logging\n\n\nclass ApplicationError(Exception):\n    pass\n',
    'shop/authentication/apis.py': 'from rest_framework_jwt.views import ObtainJSONWebTokenView\n\n\nclass UserLoginApi(ObtainJSONWebTokenView):\n    pass\n',
    // Example code beside the real one: its ways are not the repository's.
    'shop/blog_examples/login/apis.py': 'from django.core.exceptions import ValidationError\nfrom rest_framework.views import APIView\n\n\nclass LoginApi(APIView):\n    authentication_classes = []\n\n    def post(self, request):\n        raise ValidationError("bad")\n\n    def get(self, request):\n        raise ValidationError("bad")\n',
    'shop/blog_examples/login/services.py': 'from django.core.exceptions import ValidationError\n\n\ndef login():\n    raise ValidationError("bad")\n',
    'shop/users/detail.py': 'from django.http import Http404\nfrom rest_framework.views import APIView\n\n\nclass UserDetailApi(APIView):\n    def get(self, request, user_id):\n        if user_id is None:\n            raise Http404\n',
    ...djangoApp('users', 'User'),
    ...djangoApp('products', 'Product'),
    ...djangoApp('payments', 'Payment'),
    '.moai/specs/SPEC-ORDERS-001/spec.md': specDoc('ORDERS-001', 'Orders of a user', '- WHEN a user posts `POST /api/orders/create/`, the system SHALL create the order.\n- WHEN a user sends `GET /api/orders/` with `limit` and `offset`, the system SHALL list the orders.\n- IF the order does not exist THEN the system SHALL answer 404.\n'),
  },
  must: ['`shop/orders/apis.py`', '`shop/orders/services.py`', '`shop/orders/selectors.py`', '`shop/orders/models.py`', '`shop/orders/urls.py`', '`shop/orders/migrations`', 'drf-jwt', '`requirements/base.txt:3`', '`shop.api.exception_handlers.handle`', '`config/settings.py:4`', 'ApplicationError', /`(?:limit` and `offset|offset` and `limit)`, as the SPEC states, as existing list endpoints do/, 'pytest', '`shop/orders/tests/', /failing a missing resource with `Http404` \(`shop\/users\/detail\.py:8`\)/],
  mustNot: [/simplejwt/i, 'views.py', /RFC 9457|problem\+json/, /cursor/i, 'Suggestions', 'blog_examples', 'ValidationError'],
};

// A feature folder may spell its use cases its own way (`use-cases/…/….use-case.ts` where the others have `usecases/…/….usecase.ts`).
const nestFeature = (feature: string, entity: string, Entity: string, verb: string, folder = 'usecases', ending = 'usecase'): Record<string, string> => ({
  [`apps/api/src/app/${feature}/${folder}/${verb}-${entity}/${verb}-${entity}.${ending}.ts`]: `import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class UseCase {\n  execute() {}\n}\n`,
  [`apps/api/src/app/${feature}/${folder}/${verb}-${entity}/${verb}-${entity}.command.ts`]: `import { IsString } from 'class-validator';\n\nexport class Command {\n  @IsString()\n  id: string;\n}\n`,
  [`apps/api/src/app/${feature}/dtos/${entity}-response.dto.ts`]: `import { IsString } from 'class-validator';\n\nexport class ${Entity}ResponseDto {\n  @IsString()\n  id: string;\n}\n`,
  [`apps/api/src/app/${feature}/e2e/${verb}-${entity}.e2e.ts`]: `import { expect } from 'chai';\n\ndescribe('${verb} ${entity}', () => {\n  it('works', () => expect(1).to.equal(1));\n});\n`,
  [`apps/api/src/app/${feature}/${feature}.controller.ts`]: `import { Body, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';\nimport { UserAuthGuard } from '../auth/framework/user-auth.guard';\nimport { Create${Entity}UseCase } from './${folder}/create-${entity}/create-${entity}.${ending}';\nimport { List${Entity}Dto } from './dtos/list-${entity}.dto';\n\n@Controller('/${feature}')\n@UseGuards(UserAuthGuard)\nexport class ${Entity}Controller {\n  constructor(private create: Create${Entity}UseCase) {}\n\n  @Get('')\n  list(@Query() query: List${Entity}Dto) {\n    return query;\n  }\n}\n`,
  [`apps/api/src/app/${feature}/${folder}/create-${entity}/create-${entity}.${ending}.ts`]: `import { Injectable } from '@nestjs/common';\nimport { ${Entity}Repository } from '@acme/dal';\nimport { ApiException } from '../../../shared/api.exception';\n\n@Injectable()\nexport class Create${Entity}UseCase {\n  constructor(private repository: ${Entity}Repository) {}\n\n  async execute(name: string) {\n    if (!name) throw new ApiException('name is required');\n  }\n}\n`,
  [`apps/api/src/app/${feature}/${folder}/create-${entity}/create-${entity}.command.ts`]: `import { IsString } from 'class-validator';\n\nexport class Create${Entity}Command {\n  @IsString()\n  name: string;\n}\n`,
  [`apps/api/src/app/${feature}/dtos/list-${entity}.dto.ts`]: `import { IsOptional } from 'class-validator';\n\nexport class List${Entity}Dto {\n  @IsOptional()\n  page?: number;\n\n  @IsOptional()\n  pageSize?: number;\n}\n`,
  [`apps/api/src/app/${feature}/e2e/create-${entity}.e2e.ts`]: `import { expect } from 'chai';\n\ndescribe('Create ${entity}', () => {\n  it('creates', () => expect(1).to.equal(1));\n});\n`,
  [`libs/dal/src/repositories/${entity}/${entity}.repository.ts`]: `import { FilterQuery } from 'mongoose';\nimport { BaseRepository } from '../base-repository';\n\nexport class ${Entity}Repository extends BaseRepository {\n  find(query: FilterQuery<unknown>) {\n    return query;\n  }\n}\n`,
  [`libs/dal/src/repositories/${entity}/${entity}.schema.ts`]: `import * as mongoose from 'mongoose';\n\nexport const ${entity}Schema = new mongoose.Schema({ name: String });\n`,
  [`libs/dal/src/repositories/${entity}/${entity}.entity.ts`]: `import { Types } from 'mongoose';\n\nexport class ${Entity}Entity {\n  _id: Types.ObjectId;\n}\n`,
});

const NEST: Shape = {
  name: 'NestJS monorepo: use cases per feature, Mongoose in a workspace library',
  specId: 'TOPICS-201',
  files: {
    'package.json': JSON.stringify({ name: 'acme', private: true, devDependencies: { typescript: '5.4.5' } }, null, 2),
    'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'libs/*'\n",
    'apps/api/package.json': JSON.stringify({ name: '@acme/api', scripts: { test: 'mocha --require ts-node/register "src/**/*.spec.ts"', 'test:e2e': 'mocha --require ts-node/register --file e2e/setup.ts src/**/*.e2e.ts' }, dependencies: { '@nestjs/common': '10.4.1', '@nestjs/core': '10.4.1', '@acme/dal': 'workspace:*', 'class-validator': '0.14.1', passport: '0.7.0' }, devDependencies: { mocha: '^10.2.0', chai: '^4.2.0', typescript: '5.4.5' } }, null, 2),
    'libs/dal/package.json': JSON.stringify({ name: '@acme/dal', dependencies: { mongoose: '^7.5.0' }, devDependencies: { typescript: '5.4.5' } }, null, 2),
    'libs/dal/src/repositories/base-repository.ts': "import { Model } from 'mongoose';\n\nexport class BaseRepository {\n  constructor(protected model?: Model<unknown>) {}\n}\n",
    'apps/api/src/bootstrap.ts': "import { NestFactory } from '@nestjs/core';\nimport { AllExceptionsFilter } from './exception.filter';\n\nexport async function bootstrap(app: any) {\n  app.useGlobalFilters(new AllExceptionsFilter());\n}\n",
    'apps/api/src/app/auth/framework/user-auth.guard.ts': "import { CanActivate, Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class UserAuthGuard implements CanActivate {\n  canActivate() {\n    return true;\n  }\n}\n",
    ...nestFeature('topics', 'topic', 'Topic', 'get', 'use-cases', 'use-case'),
    ...nestFeature('users', 'user', 'User', 'delete'),
    ...nestFeature('layouts', 'layout', 'Layout', 'update'),
    '.moai/specs/SPEC-TOPICS-201/spec.md': specDoc('TOPICS-201', 'Topic archive', '- WHEN a client sends `POST /v1/topics/{topicKey}/archive`, the system SHALL archive the topic.\n- WHEN a client sends `GET /v1/topics/archived`, the system SHALL list archived topics.\n- IF the topic does not exist THEN the system SHALL answer 404.\n'),
  },
  must: ['extend `apps/api/src/app/topics/topics.controller.ts`', '`apps/api/src/app/topics/use-cases/archive-topic/archive-topic.use-case.ts`', 'Mongoose', '`libs/dal/package.json:4`', '`@acme/dal`', '`libs/dal/src/repositories/topic/topic.repository.ts`', /`page` and `pageSize`/, 'Mocha', 'UserAuthGuard', 'ApiException', 'useGlobalFilters', '`apps/api/src/app/topics/e2e/', /- \*\*Database:\*\* mongodb \(`libs\/dal\/package\.json:4`\)\./, /run by `mocha [^`]*src\/\*\*\/\*\.e2e\.ts`/],
  mustNot: [/TypeORM|Prisma|Sequelize|synchronize/, 'src/controllers/', /cursor/i, /RFC 9457/, /\bJest\b/, 'topics/usecases/'],
};

const java = (pkg: string, body: string): string => `package ${pkg};\n\n${body}`;
const springController = (name: string): string => java('com.acme.shop.controller', `import com.acme.shop.common.api.CommonResult;\nimport com.acme.shop.service.${name}Service;\nimport org.springframework.stereotype.Controller;\nimport org.springframework.web.bind.annotation.*;\n\n@Controller\n@RequestMapping("/${name.toLowerCase()}")\npublic class ${name}Controller {\n    @RequestMapping(value = "/list", method = RequestMethod.GET)\n    @ResponseBody\n    public CommonResult<String> list(@RequestParam(value = "pageNum", defaultValue = "1") Integer pageNum,\n                                     @RequestParam(value = "pageSize", defaultValue = "5") Integer pageSize) {\n        if (pageNum < 1) {\n            return CommonResult.failed("bad page");\n        }\n        return CommonResult.success("ok");\n    }\n}\n`);

const SPRING: Shape = {
  name: 'Spring Boot 2.7 multi-module on MyBatis, schema in a SQL script',
  specId: 'COUPON-101',
  files: {
    'pom.xml': '<project><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0</version><packaging>pom</packaging>\n<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>2.7.5</version></parent>\n<modules><module>shop-admin</module><module>shop-mbg</module><module>shop-common</module></modules>\n</project>\n',
    'shop-mbg/pom.xml': '<project><parent><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0</version></parent>\n<groupId>com.acme</groupId><artifactId>shop-mbg</artifactId>\n<dependencies>\n<dependency><groupId>org.mybatis</groupId><artifactId>mybatis</artifactId><version>3.5.10</version></dependency>\n<dependency><groupId>mysql</groupId><artifactId>mysql-connector-java</artifactId><version>8.0.29</version></dependency>\n</dependencies></project>\n',
    'shop-common/pom.xml': '<project><parent><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0</version></parent>\n<groupId>com.acme</groupId><artifactId>shop-common</artifactId>\n<dependencies>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n</dependencies></project>\n',
    'shop-admin/pom.xml': '<project><parent><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0</version></parent>\n<groupId>com.acme</groupId><artifactId>shop-admin</artifactId>\n<dependencies>\n<dependency><groupId>com.acme</groupId><artifactId>shop-mbg</artifactId><version>1.0</version></dependency>\n<dependency><groupId>com.acme</groupId><artifactId>shop-common</artifactId><version>1.0</version></dependency>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId></dependency>\n<dependency><groupId>io.jsonwebtoken</groupId><artifactId>jjwt</artifactId><version>0.9.1</version></dependency>\n</dependencies></project>\n',
    'shop-admin/src/main/java/com/acme/shop/controller/BrandController.java': springController('Brand'),
    'shop-admin/src/main/java/com/acme/shop/controller/OrderController.java': springController('Order'),
    'shop-admin/src/main/java/com/acme/shop/controller/ProductController.java': springController('Product'),
    ...Object.fromEntries(['Brand', 'Order', 'Product'].flatMap((n) => [
      [`shop-admin/src/main/java/com/acme/shop/service/${n}Service.java`, java('com.acme.shop.service', `import java.util.List;\n\npublic interface ${n}Service {\n    List<String> list(int pageNum, int pageSize);\n}\n`)],
      [`shop-admin/src/main/java/com/acme/shop/service/impl/${n}ServiceImpl.java`, java('com.acme.shop.service.impl', `import com.acme.shop.common.exception.Asserts;\nimport com.acme.shop.dao.${n}Dao;\nimport org.springframework.stereotype.Service;\n\n@Service\npublic class ${n}ServiceImpl {\n    public void check(Object o) {\n        if (o == null) Asserts.fail("missing");\n    }\n}\n`)],
      [`shop-admin/src/main/java/com/acme/shop/dao/${n}Dao.java`, java('com.acme.shop.dao', `import org.apache.ibatis.annotations.Param;\n\npublic interface ${n}Dao {\n    int count(@Param("id") Long id);\n}\n`)],
      [`shop-admin/src/main/resources/dao/${n}Dao.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n<mapper namespace="com.acme.shop.dao.${n}Dao">\n</mapper>\n`],
      [`shop-admin/src/main/java/com/acme/shop/dto/${n}Param.java`, java('com.acme.shop.dto', `import javax.validation.constraints.NotEmpty;\n\npublic class ${n}Param {\n    @NotEmpty\n    private String name;\n}\n`)],
      [`shop-mbg/src/main/java/com/acme/shop/mapper/${n}Mapper.java`, java('com.acme.shop.mapper', `import org.apache.ibatis.annotations.Param;\n\npublic interface ${n}Mapper {\n    int deleteByPrimaryKey(@Param("id") Long id);\n}\n`)],
      [`shop-mbg/src/main/resources/com/acme/shop/mapper/${n}Mapper.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n<mapper namespace="com.acme.shop.mapper.${n}Mapper">\n</mapper>\n`],
      [`shop-mbg/src/main/java/com/acme/shop/model/${n}.java`, java('com.acme.shop.model', `import java.io.Serializable;\n\npublic class ${n} implements Serializable {\n    private Long id;\n}\n`)],
      [`shop-mbg/src/main/java/com/acme/shop/model/${n}Example.java`, java('com.acme.shop.model', `import java.util.ArrayList;\n\npublic class ${n}Example {\n}\n`)],
    ])),
    'shop-admin/src/main/java/com/acme/shop/config/SecurityConfig.java': java('com.acme.shop.config', 'import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;\n\npublic class SecurityConfig extends WebSecurityConfigurerAdapter {\n}\n'),
    'shop-admin/src/main/java/com/acme/shop/util/JwtTokenUtil.java': java('com.acme.shop.util', 'import io.jsonwebtoken.Jwts;\n\npublic class JwtTokenUtil {\n}\n'),
    'shop-common/src/main/java/com/acme/shop/common/exception/GlobalExceptionHandler.java': java('com.acme.shop.common.exception', 'import org.springframework.web.bind.annotation.ControllerAdvice;\n\n@ControllerAdvice\npublic class GlobalExceptionHandler {\n}\n'),
    'shop-common/src/main/java/com/acme/shop/common/api/CommonResult.java': java('com.acme.shop.common.api', 'import java.io.Serializable;\n\npublic class CommonResult<T> implements Serializable {\n    private long code;\n    private String message;\n    private T data;\n}\n'),
    'document/sql/shop.sql': 'CREATE TABLE brand (id bigint PRIMARY KEY);\n',
    '.moai/specs/SPEC-COUPON-101/spec.md': specDoc('COUPON-101', 'Coupons in the admin console', 'The admin console (shop-admin) manages coupons.\n\n- WHEN an admin sends `GET /coupon/list` with `pageNum` and `pageSize`, the system SHALL return one page of coupons.\n- WHEN an admin sends `POST /coupon/create`, the system SHALL store the coupon.\n', 'stack:\n  backend:\n    language: java\n    framework: spring-boot\n    version: "2.7.5"\n'),
  },
  must: ['`shop-admin/src/main/java/com/acme/shop/controller/CouponController.java`', '`shop-admin/src/main/java/com/acme/shop/service/impl/CouponServiceImpl.java`', '`shop-admin/src/main/resources/dao/CouponDao.xml`', '`shop-mbg/src/main/java/com/acme/shop/mapper/CouponMapper.java`', '`shop-mbg/src/main/java/com/acme/shop/model/Coupon.java`', 'MyBatis', /`pageNum` and `pageSize`, as the SPEC states, as existing list endpoints do/, '`CommonResult`', '`document/sql/shop.sql`', 'WebSecurityConfigurerAdapter', 'JJWT', 'GlobalExceptionHandler.java'],
  mustNot: [/Spring Data JPA|Hibernate|Flyway|Liquibase/, /ProblemDetail|jakarta\.|Boot 3|@MockitoBean/, /cursor/i, /RFC 9457/, 'CouponExample'],
};

const goFile = (pkg: string, imports: readonly string[], body: string): string => `package ${pkg}\n\nimport (\n${imports.map((i) => `\t"${i}"`).join('\n')}\n)\n\n${body}`;
const ginEntity = (name: string, Name: string): Record<string, string> => ({
  [`server/api/v1/system/sys_${name}.go`]: goFile('system', ['github.com/acme/admin/server/model/common/request', 'github.com/acme/admin/server/model/common/response', 'github.com/gin-gonic/gin'], `type ${Name}Api struct{}\n\nfunc (a *${Name}Api) Get${Name}List(c *gin.Context) {\n\tvar pageInfo request.PageInfo\n\tif err := c.ShouldBindJSON(&pageInfo); err != nil {\n\t\tresponse.FailWithMessage(err.Error(), c)\n\t\treturn\n\t}\n}\n`),
  [`server/router/system/sys_${name}.go`]: goFile('system', ['github.com/gin-gonic/gin'], `type ${Name}Router struct{}\n\nfunc (r *${Name}Router) Init${Name}Router(group *gin.RouterGroup) {\n\tgroup.GET("get${Name}List", nil)\n}\n`),
  [`server/service/system/sys_${name}.go`]: goFile('system', ['gorm.io/gorm'], `type ${Name}Service struct{ db *gorm.DB }\n`),
  [`server/service/system/sys_${name}_test.go`]: goFile('system', ['testing'], `func Test${Name}Service(t *testing.T) {}\n`),
  [`server/model/system/sys_${name}.go`]: goFile('system', ['gorm.io/gorm'], `type Sys${Name} struct {\n\tgorm.Model\n\tName string \`json:"name"\`\n}\n`),
});

const GIN: Shape = {
  name: 'Gin on GORM AutoMigrate, modules under api/router/service/model',
  specId: 'NOTICE-301',
  files: {
    'server/go.mod': 'module github.com/acme/admin/server\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/golang-jwt/jwt/v5 v5.2.2\n\tgorm.io/driver/mysql v1.5.7\n\tgorm.io/gorm v1.25.12\n)\n',
    ...ginEntity('user', 'User'),
    ...ginEntity('api', 'Api'),
    ...ginEntity('menu', 'Menu'),
    'server/router/system/enter.go': goFile('system', ['github.com/gin-gonic/gin'], 'type RouterGroup struct {\n\tUserRouter\n\tApiRouter\n\tMenuRouter\n}\n\nvar _ gin.HandlerFunc\n'),
    'server/service/system/enter.go': goFile('system', ['gorm.io/gorm'], 'type ServiceGroup struct {\n\tUserService\n\tApiService\n}\n\nvar _ *gorm.DB\n'),
    'server/model/common/request/common.go': goFile('request', ['gorm.io/gorm'], 'type PageInfo struct {\n\tPage     int `json:"page" form:"page"`\n\tPageSize int `json:"pageSize" form:"pageSize"`\n}\n\nfunc (r *PageInfo) Paginate(db *gorm.DB) *gorm.DB { return db }\n'),
    'server/initialize/gorm.go': goFile('initialize', ['github.com/acme/admin/server/model/system', 'gorm.io/gorm'], 'func RegisterTables(db *gorm.DB) {\n\tdb.AutoMigrate(&system.SysUser{}, &system.SysApi{}, &system.SysMenu{})\n}\n'),
    'server/initialize/router.go': goFile('initialize', ['github.com/acme/admin/server/middleware', 'github.com/gin-gonic/gin'], 'func Routers(r *gin.Engine) {\n\tprivate := r.Group("")\n\tprivate.Use(middleware.JWTAuth())\n}\n'),
    'server/middleware/jwt.go': goFile('middleware', ['github.com/gin-gonic/gin', 'github.com/golang-jwt/jwt/v5'], 'func JWTAuth() gin.HandlerFunc {\n\treturn func(c *gin.Context) { _ = jwt.MapClaims{} }\n}\n'),
    '.moai/specs/SPEC-NOTICE-301/spec.md': specDoc('NOTICE-301', 'System notices', '- WHEN an administrator sends `POST /notice/createNotice`, the system SHALL store the notice.\n- WHEN a user sends `GET /notice/getNoticeList`, the system SHALL list notices.\n'),
  },
  must: ['`server/api/v1/system/sys_notice.go`', '`server/router/system/sys_notice.go`', '`server/service/system/sys_notice.go`', '`server/model/system/sys_notice.go`', '`server/service/system/sys_notice_test.go`', 'GORM', /`AutoMigrate` \(`server\/initialize\/gorm\.go:9`\)/, /`page` and `pageSize`/, '`PageInfo`', 'golang-jwt', 'middleware.JWTAuth', 'response.FailWithMessage'],
  mustNot: [/golang-migrate|goose/, 'internal/handler', /RFC 9457/, /cursor/i, /sqlx/, 'enter.go'],
};

const FASTAPI: Shape = {
  name: 'FastAPI on SQLModel with Alembic, routes per resource',
  specId: 'NOTES-401',
  files: {
    'backend/pyproject.toml': '[project]\nname = "app"\nversion = "0.1.0"\ndependencies = [\n    "fastapi[standard]>=0.114.2,<1.0.0",\n    "alembic<2.0.0,>=1.12.1",\n    "sqlmodel>=0.0.21,<1.0.0",\n    "pyjwt<3.0.0,>=2.8.0",\n    "psycopg[binary]<4.0.0,>=3.1.13",\n]\n\n[dependency-groups]\ndev = [\n    "pytest<8.0.0,>=7.4.3",\n]\n',
    'backend/app/api/deps.py': 'import jwt\nfrom fastapi import Depends, HTTPException\n\n\ndef get_current_user(token: str) -> str:\n    return token\n\n\nCurrentUser = Depends(get_current_user)\n',
    'backend/app/api/routes/items.py': 'from fastapi import APIRouter, HTTPException\nfrom sqlmodel import select\n\nrouter = APIRouter(prefix="/items")\n\n\n@router.get("/")\ndef read_items(skip: int = 0, limit: int = 100):\n    raise HTTPException(status_code=404, detail="Item not found")\n',
    'backend/app/api/routes/users.py': 'from fastapi import APIRouter, HTTPException\n\nrouter = APIRouter(prefix="/users")\n\n\n@router.get("/")\ndef read_users(skip: int = 0, limit: int = 100):\n    raise HTTPException(status_code=404, detail="User not found")\n',
    'backend/app/models.py': 'from sqlmodel import Field, SQLModel\n\n\nclass Item(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n',
    'backend/app/crud.py': 'from sqlmodel import Session, select\n\n\ndef get_items(session: Session):\n    return session.exec(select(1))\n',
    'backend/app/alembic/versions/e2412789c190_initialize_models.py': 'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "e2412789c190"\n',
    'backend/app/alembic/versions/9c0a54914c78_add_max_length.py': 'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "9c0a54914c78"\n',
    'backend/tests/api/routes/test_items.py': 'import pytest\n\n\ndef test_read_items():\n    pass\n',
    'backend/tests/api/routes/test_users.py': 'from unittest.mock import patch\n\nimport pytest\n\n\ndef test_read_users():\n    pass\n',
    '.moai/specs/SPEC-NOTES-401/spec.md': specDoc('NOTES-401', 'Notes of a user', '- WHEN a user sends `POST /api/v1/notes/`, the system SHALL create a note.\n- WHEN a user sends `GET /api/v1/notes/` with `skip` and `limit`, the system SHALL list the notes.\n- IF the note does not exist THEN the system SHALL answer 404 with `{"detail": "Note not found"}`.\n'),
  },
  must: ['`backend/app/api/routes/notes.py`', 'extend `backend/app/crud.py`', 'extend `backend/app/models.py`', 'SQLModel', 'SQLAlchemy 2.0', /Alembic .*`backend\/app\/alembic\/versions`/, /`skip` and `limit`, as the SPEC states, as existing list endpoints do/, 'PyJWT', '`{"detail": "Note not found"}`', 'HTTPException', 'get_current_user', '`backend/tests/api/routes/test_notes.py`', 'pytest'],
  mustNot: [/python-jose|Tortoise|SQLAlchemy 1\.x/, /RFC 9457/, /cursor/i, 'app/services/', 'unittest'],
};

const expressFeature = (name: string): Record<string, string> => ({
  [`src/controllers/${name}.controller.js`]: `const httpStatus = require('http-status');\nconst pick = require('../utils/pick');\nconst { ${name}Service } = require('../services');\n\nconst list = async (req, res) => {\n  const options = pick(req.query, ['sortBy', 'limit', 'page']);\n  res.send(await ${name}Service.query(options));\n};\n\nmodule.exports = { list };\n`,
  [`src/routes/v1/${name}.route.js`]: `const express = require('express');\nconst auth = require('../../middlewares/auth');\nconst controller = require('../../controllers/${name}.controller');\n\nconst router = express.Router();\nrouter.route('/').get(auth('get${name}s'), controller.list);\n\nmodule.exports = router;\n`,
  [`src/services/${name}.service.js`]: `const httpStatus = require('http-status');\nconst ApiError = require('../utils/ApiError');\n\nconst get = async (id) => {\n  if (!id) throw new ApiError(httpStatus.NOT_FOUND, '${name} not found');\n};\n\nmodule.exports = { get };\n`,
  [`src/models/${name}.model.js`]: `const mongoose = require('mongoose');\n\nconst schema = mongoose.Schema({ name: String });\nmodule.exports = mongoose.model('${name}', schema);\n`,
  [`src/validations/${name}.validation.js`]: `const Joi = require('joi');\n\nmodule.exports = { list: { query: Joi.object().keys({ limit: Joi.number() }) } };\n`,
  [`tests/integration/${name}.test.js`]: `const request = require('supertest');\n\ndescribe('${name} routes', () => {\n  test('lists', async () => {});\n});\n`,
});

const EXPRESS: Shape = {
  name: 'Express on Mongoose with Joi, controllers/routes/services per resource',
  specId: 'PROJECTS-501',
  files: {
    'package.json': JSON.stringify({ name: 'api', scripts: { test: 'jest -i' }, dependencies: { express: '^4.17.1', mongoose: '^5.7.7', joi: '^17.3.0', passport: '^0.4.0', 'passport-jwt': '^4.0.0', jsonwebtoken: '^8.5.1' }, devDependencies: { jest: '^26.0.1', supertest: '^6.0.1' } }, null, 2),
    'src/middlewares/error.js': "const mongoose = require('mongoose');\n\nconst errorHandler = (err, req, res, next) => {\n  res.status(err.statusCode).send({ code: err.statusCode, message: err.message });\n};\n\nmodule.exports = { errorHandler };\n",
    'src/middlewares/auth.js': "const passport = require('passport');\n\nconst auth = () => async (req, res, next) => passport.authenticate('jwt', { session: false })(req, res, next);\n\nmodule.exports = auth;\n",
    ...expressFeature('user'),
    ...expressFeature('token'),
    ...expressFeature('team'),
    '.moai/specs/SPEC-PROJECTS-501/spec.md': specDoc('PROJECTS-501', 'Projects', '- WHEN a user sends `POST /v1/projects`, the system SHALL create a project.\n- WHEN a user sends `GET /v1/projects`, the system SHALL list the projects.\n'),
  },
  must: ['`src/controllers/project.controller.js`', '`src/routes/v1/project.route.js`', '`src/services/project.service.js`', '`src/models/project.model.js`', '`src/validations/project.validation.js`', '`tests/integration/project.test.js`', 'Mongoose', 'Joi', /`page` and `limit`/, 'ApiError', '(err, req, res, next)', 'Passport', 'Jest'],
  mustNot: [/TypeORM|Prisma|Sequelize|Zod/, /RFC 9457/, /cursor/i],
};

const php = (ns: string, uses: readonly string[], body: string): string => `<?php\n\nnamespace ${ns};\n\n${uses.map((u) => `use ${u};`).join('\n')}\n\n${body}`;

const LARAVEL: Shape = {
  name: 'Laravel on Eloquent with jwt-auth, routes in routes/api.php',
  specId: 'BOOKMARKS-601',
  files: {
    'composer.json': JSON.stringify({ name: 'acme/blog', require: { php: '>=7.0.0', 'laravel/framework': '5.5.*', 'tymon/jwt-auth': '1.0.0-rc.4.1' }, 'require-dev': { 'phpunit/phpunit': '~6.0' } }, null, 2),
    ...Object.fromEntries(['Article', 'Tag', 'Comment'].flatMap((n) => [
      [`app/Http/Controllers/Api/${n}Controller.php`, php('App\\Http\\Controllers\\Api', ['App\\' + n], `class ${n}Controller extends ApiController\n{\n    public function __construct()\n    {\n        $this->middleware('auth.api');\n    }\n}\n`)],
      [`app/${n}.php`, php('App', ['Illuminate\\Database\\Eloquent\\Model'], `class ${n} extends Model\n{\n}\n`)],
      [`tests/Feature/Api/${n}Test.php`, php('Tests\\Feature\\Api', ['Tests\\TestCase'], `class ${n}Test extends TestCase\n{\n}\n`)],
      [`database/migrations/2017_04_25_20194${n.length}_create_${n.toLowerCase()}s_table.php`, php('Database', ['Illuminate\\Database\\Migrations\\Migration'], `class Create${n}sTable extends Migration\n{\n}\n`)],
    ])),
    'app/Http/Controllers/Api/ApiController.php': php('App\\Http\\Controllers\\Api', ['App\\Http\\Controllers\\Controller'], "class ApiController extends Controller\n{\n    protected function page($request)\n    {\n        return $request->get('limit', 20);\n    }\n}\n"),
    'app/Exceptions/Handler.php': php('App\\Exceptions', ['Exception', 'Illuminate\\Foundation\\Exceptions\\Handler as ExceptionHandler'], 'class Handler extends ExceptionHandler\n{\n}\n'),
    'routes/api.php': php('Routes', ['Illuminate\\Support\\Facades\\Route'], "Route::get('articles', 'ArticleController@index');\n"),
    'routes/console.php': php('Routes', ['Illuminate\\Foundation\\Inspiring'], "Artisan::command('inspire', function () {});\n"),
    'routes/channels.php': php('Routes', ['Illuminate\\Support\\Facades\\Broadcast'], "Broadcast::channel('App.User.{id}', function () {});\n"),
    'app/Http/Middleware/AuthenticateWithJWT.php': php('App\\Http\\Middleware', ['Tymon\\JWTAuth\\Http\\Middleware\\BaseMiddleware'], 'class AuthenticateWithJWT extends BaseMiddleware\n{\n}\n'),
    'routes/web.php': php('Routes', ['Illuminate\\Support\\Facades\\Route'], "Route::get('/', function () {\n    return view('welcome');\n});\n"),
    '.moai/specs/SPEC-BOOKMARKS-601/spec.md': specDoc('BOOKMARKS-601', 'Article bookmarks', '- WHEN an authenticated user sends `POST /api/articles/{slug}/bookmark`, the system SHALL bookmark the article.\n- WHEN an authenticated user sends `GET /api/bookmarks` with `limit` and `offset`, the system SHALL list the bookmarks.\n'),
  },
  must: ['`app/Http/Controllers/Api/BookmarkController.php`', 'extend `routes/api.php`', '`app/Bookmark.php`', 'Eloquent', /Laravel migrations .*`database\/migrations`/, 'jwt-auth', '`auth.api`', '`tests/Feature/Api/BookmarkTest.php`', 'PHPUnit', /`(?:limit` and `offset|offset` and `limit)`, as the SPEC states/],
  mustNot: [/Doctrine|Sanctum|Passport/, /RFC 9457/, 'routes/bookmark.php'],
};

export const SHAPES: readonly Shape[] = [DJANGO, NEST, SPRING, GIN, FASTAPI, EXPRESS, LARAVEL];
