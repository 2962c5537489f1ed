/**
 * What a line of code can say about a repository's conventions, per language: one declarative
 * entry per signal, like the stack's technologies. A signal is looked for only in files whose
 * text holds its `hint` (a plain substring, found natively), so most signals cost nothing in
 * most files. Every pattern is bounded to its line or to a fixed span: no nested quantifier over
 * user text.
 */

/** The language a file's conventions are read in. */
export type CodeLanguage = 'python' | 'js' | 'go' | 'java' | 'php' | 'rust' | 'mapper-xml' | 'spring-config' | 'package-json' | 'composer-json';

/**
 * What a signal says:
 * - `handler`: the file holds request handlers (controllers, views, Gin handler functions);
 * - `routes`: the file declares routes; set from the routes room (`service/routes/`), no rule here;
 * - `model`: an ORM model or entity is declared (value: the base, `models.Model`, `@Entity`);
 * - `repository`: a repository or mapper is declared (value: its base);
 * - `automigrate`: the schema is migrated by the app (GORM `AutoMigrate`);
 * - `sqlalchemy-style`: `1` for the 1.x API (`Column`, `session.query`), `2` for 2.0 (`Mapped`, `select`);
 * - `mapper-xml`: a MyBatis mapper XML (value: its namespace); `mapper-locations`: where Spring looks for them;
 * - `auth`: an authentication or authorization mechanism (value: guard, filter, dependency, setting);
 * - `middleware`: a middleware registered on a router (value: its name);
 * - `error-handler`: a global error handler (value: its name or kind);
 * - `error-raise`: how handlers fail (value: the exception or helper);
 * - `error-body`: the first key of an error body a handler writes (value: the key);
 * - `handler-return`: the type controller methods return (value: the type, `CommonResult`);
 * - `paging`: a paging parameter of a list endpoint (value: its name) or paging class;
 * - `paging-type`: a type that carries paging parameters, declared or used (`PageInfo`, `Pageable`);
 * - `paging-decl`: the declaration of such a type;
 * - `package-name`, `test-script`: a `package.json`'s name and its `test` scripts (`test`, `test:e2e` …).
 */
export type SignalKind =
  | 'handler'
  | 'routes'
  | 'model'
  | 'repository'
  | 'automigrate'
  | 'sqlalchemy-style'
  | 'mapper-xml'
  | 'mapper-locations'
  | 'auth'
  | 'middleware'
  | 'error-handler'
  | 'error-raise'
  | 'error-body'
  | 'handler-return'
  | 'paging'
  | 'paging-type'
  | 'paging-decl'
  | 'package-name'
  | 'test-script';

export interface SignalRule {
  readonly kind: SignalKind;
  /**
   * Substrings that start the pattern's candidates: the pattern is tried only on the lines that
   * hold one, so a file is searched natively for them and never run through every pattern.
   */
  readonly hints: readonly string[];
  /** Tried on one line; group 1 (or the first group that matched) is the value. */
  readonly pattern: RegExp;
  /** A fixed value instead of a group. */
  readonly value?: string;
  /** Only in files whose name matches. */
  readonly file?: RegExp;
  /** Only in files where a signal of this kind was found (rules run in order). */
  readonly after?: SignalKind;
}

const PAGE_NAMES = 'page|pageNum|pageNo|pageNumber|pageIndex|current|pageSize|page_size|per_page|perPage|size|limit|offset|skip|cursor|after|before|take|first';


const rule = (kind: SignalKind, hint: string | readonly string[], pattern: RegExp, extra: Partial<Pick<SignalRule, 'value' | 'file' | 'after'>> = {}): SignalRule => ({
  kind,
  hints: typeof hint === 'string' ? [hint] : hint,
  pattern,
  ...extra,
});

/** A paging type declared or used (`request.PageInfo`, `PaginationDto`); in every language. */
const PAGING_DECL = rule('paging-decl', ['Page', 'Paging', 'Paginat'], /\b(?:type|class|interface|struct)[ \t]+((?:Page|Paging|Pagination|Paginated)(?:Info|Request|Query|Params?|Dto|DTO|Options|Input|Args))\b/);
const PAGING_TYPE = rule('paging-type', ['Page', 'Paging', 'Paginat'], /\b(?:\w+\.)?((?:Page|Paging|Pagination|Paginated)(?:Info|Request|Query|Params?|Dto|DTO|Options|Input|Args)|Pageable)\b/);

const PYTHON: readonly SignalRule[] = [
  PAGING_TYPE,
  PAGING_DECL,
  rule('handler', 'View)', /^[ \t]*class[ \t]+\w+[ \t]*\([^)\n]{0,200}?\b((?:\w+\.)?(?:APIView|ViewSet|ModelViewSet|GenericViewSet|GenericAPIView|ListAPIView|RetrieveAPIView|CreateAPIView|ListCreateAPIView|RetrieveUpdateDestroyAPIView|MethodView))\b/),
  rule('handler', ['.get(', '.post(', '.put(', '.patch(', '.delete(', '.route(', '.api_route('], /^[ \t]*@(\w+\.(?:get|post|put|patch|delete|route|api_route))\(/),
  rule('handler', '@api_view', /^[ \t]*@(api_view)\(/),
  rule('model', 'models.Model', /^[ \t]*class[ \t]+\w+[ \t]*\([^)\n]{0,200}?\b(models\.Model)\b/),
  rule('model', 'table=', /^[ \t]*class[ \t]+\w+[ \t]*\([^)\n]{0,200}?\btable[ \t]*=[ \t]*True/, { value: 'SQLModel table' }),
  rule('model', 'Document)', /^[ \t]*class[ \t]+\w+[ \t]*\([^)\n]{0,200}?\b((?:mongoengine\.)?Document|beanie\.Document)\b/),
  rule('sqlalchemy-style', ['mapped_column(', 'Mapped['], /\bmapped_column\(|\bMapped\[/, { value: '2' }),
  rule('sqlalchemy-style', '(select(', /\bsession\.(?:execute|exec|scalars|scalar)\([ \t]*select\(/, { value: '2' }),
  rule('sqlalchemy-style', 'declarative_base', /\bdeclarative_base\(/, { value: '1' }),
  rule('sqlalchemy-style', '.query(', /\b(?:session|db\.session|db)\.query\(/, { value: '1' }),
  rule('sqlalchemy-style', 'Column(', /^[ \t]*\w+[ \t]*=[ \t]*(?:db\.|sa\.|sqlalchemy\.)?Column\(/, { value: '1' }),
  rule('auth', 'Depends(', /\bDepends\([ \t]*(get_current_\w+|\w*(?:auth|token|jwt)\w*)\b/i),
  rule('auth', ['authentication_classes', 'permission_classes'], /^[ \t]*(authentication_classes|permission_classes)[ \t]*=[ \t]*[[(]/),
  rule('auth', ['DEFAULT_AUTHENTICATION_CLASSES', 'DEFAULT_PERMISSION_CLASSES'], /['"](DEFAULT_AUTHENTICATION_CLASSES|DEFAULT_PERMISSION_CLASSES)['"][ \t]*:/),
  rule('auth', 'JWT_AUTH', /^[ \t]*(JWT_AUTH|SIMPLE_JWT)[ \t]*=/),
  rule('auth', '_required', /^[ \t]*@(login_required|jwt_required|permission_required|auth_required)\b/),
  rule('error-handler', 'EXCEPTION_HANDLER', /['"]EXCEPTION_HANDLER['"][ \t]*:[ \t]*['"]([\w.]+)['"]/),
  rule('error-handler', '.exception_handler(', /^[ \t]*@\w+\.exception_handler\([ \t]*(\w+)/),
  rule('error-handler', 'add_exception_handler', /\.add_exception_handler\([ \t]*(\w+)/),
  rule('error-handler', '.errorhandler(', /^[ \t]*@\w+\.errorhandler\([ \t]*(\w+)/),
  // `raise NotFound(…)`, and a class raised bare (`raise Http404`); not a re-raised variable (`raise exc`).
  rule('error-raise', 'raise ', /^[ \t]*raise[ \t]+((?:\w+\.)?(?:\w+(?=\()|[A-Z]\w*(?=[ \t]*(?:$|#))))/),
  rule('paging', [': int', 'Optional[int', 'Annotated[int'], new RegExp(`[(,][ \\t]*(${PAGE_NAMES})[ \\t]*:[ \\t]*(?:int|Optional\\[int\\]|Annotated\\[int|int[ \\t]*\\|[ \\t]*None)\\b`, '')),
  rule('paging', 'Pagination', /\b(LimitOffsetPagination|PageNumberPagination|CursorPagination)\b/),
  rule('paging', ['query_params.get(', 'GET.get(', 'args.get('], new RegExp(`\\brequest\\.(?:query_params|GET|args)\\.get\\([ \\t]*['"](${PAGE_NAMES})['"]`, '')),
];

const JS: readonly SignalRule[] = [
  PAGING_TYPE,
  PAGING_DECL,
  rule('handler', '@Controller', /^[ \t]*@(Controller)\(/),
  rule('handler', '(req', /\([ \t]*req[ \t]*(?::[^,)\n]{1,80})?,[ \t]*res\b/, { value: '(req, res)' }),
  rule('handler', ', reply', /\([ \t]*request[ \t]*(?::[^,)\n]{1,80})?,[ \t]*reply\b/, { value: '(request, reply)' }),
  rule('model', ['Schema(', 'SchemaFactory.', 'mongoose.model('], /\bnew[ \t]+(?:mongoose\.)?(Schema)\(|\b(SchemaFactory)\.createForClass\(|\bmongoose\.(model)\(/),
  rule('model', '@Entity', /^[ \t]*@(Entity)\(/),
  rule('model', 'sequelize.define(', /\bsequelize\.(define)\(/),
  rule('repository', 'Repository ', /^[ \t]*export[ \t]+(?:abstract[ \t]+)?class[ \t]+\w+Repository\b[^{\n]{0,200}?\bextends[ \t]+(\w+)/),
  rule('auth', '@UseGuards', /@UseGuards\([ \t]*([\w.]+)/),
  rule('auth', 'CanActivate', /\bclass[ \t]+(\w+)[^{\n]{0,200}?\bimplements[ \t]+(?:[\w, ]{0,100}?\b)?CanActivate\b/),
  rule('auth', 'passport.authenticate(', /\bpassport\.authenticate\([ \t]*['"]([\w-]+)['"]/),
  rule('auth', ['router.', 'app.', '.route('], /(?:router|app|\.route\([^)\n]{0,120}\))\.(?:get|post|put|patch|delete|all|use)\([^\n]{0,200}?\b(auth\w*|requireAuth|isAuthenticated|ensureAuthenticated|verify\w*Token|protect)\(/),
  rule('error-handler', '@Catch', /^[ \t]*@(Catch)\(/),
  rule('error-handler', 'useGlobalFilters', /\b(useGlobalFilters)\(/),
  rule('error-handler', 'setErrorHandler', /\b(setErrorHandler)\(/),
  rule('error-handler', ', next', /\([ \t]*err\w*[ \t]*(?::[^,)\n]{1,40})?,[ \t]*req\w*[ \t]*(?::[^,)\n]{1,40})?,[ \t]*res\w*[ \t]*(?::[^,)\n]{1,40})?,[ \t]*next\b/, { value: '(err, req, res, next)' }),
  rule('error-raise', 'throw new ', /\bthrow[ \t]+new[ \t]+(\w+)\(/),
  rule('error-body', '.status(', /\.status\([^)\n]{1,60}\)\.(?:json|send)\([ \t]*\{[ \t]*['"]?(\w+)['"]?[ \t]*:/),
  rule('paging', '.query.', new RegExp(`\\b(?:req|request)\\.query\\.(${PAGE_NAMES})\\b`, '')),
  rule('paging', '@Query', new RegExp(`@Query\\([ \\t]*['"](${PAGE_NAMES})['"]`, '')),
  rule('paging', 'pick(req.query', /\bpick\([ \t]*req\.query[ \t]*,[ \t]*\[([^\]\n]{1,200})\]/),
  rule('paging', [': number', ': Number', '?: number', '!: number'], new RegExp(`^[ \\t]*(?:public[ \\t]+|readonly[ \\t]+)*(${PAGE_NAMES})[?!]?[ \\t]*:[ \\t]*(?:number|Number)\\b`, '')),
];

const GO: readonly SignalRule[] = [
  PAGING_TYPE,
  PAGING_DECL,
  rule('handler', 'gin.Context', /^func[ \t]*(?:\([^)\n]{1,80}\)[ \t]*)?\w+\([ \t]*\w+[ \t]+\*gin\.Context[ \t]*\)/, { value: 'gin.Context' }),
  rule('handler', 'echo.Context', /^func[ \t]*(?:\([^)\n]{1,80}\)[ \t]*)?\w+\([ \t]*\w+[ \t]+echo\.Context[ \t]*\)/, { value: 'echo.Context' }),
  rule('handler', '.Controller', /^[ \t]*((?:beego|web)\.Controller)[ \t]*$/),
  rule('automigrate', 'AutoMigrate', /\.(AutoMigrate)\(/),
  rule('model', ['gorm.Model', 'gorm:"'], /^[ \t]*(gorm\.Model)\b|`[^`\n]{0,200}?\b(gorm):"/),
  rule('middleware', '.Use(', /\.Use\([ \t]*([\w.]+)\(/),
  rule('error-raise', ['.Fail', '.AbortWith'], /\b(\w+\.(?:Fail\w*|AbortWith\w+))\(/),
  rule('error-body', 'gin.H', /\bc\.(?:Abort)?(?:WithStatus)?JSON\([ \t]*(?:http\.Status(?:BadRequest|NotFound|Unauthorized|Forbidden|Conflict|UnprocessableEntity|InternalServerError)|[45]\d\d)[ \t]*,[ \t]*gin\.H\{[ \t]*"(\w+)"/),
  rule('paging', 'form:"', new RegExp(`\\bform:"(${PAGE_NAMES})"`, '')),
  rule('paging', 'Query("', new RegExp(`\\bc\\.(?:Default)?Query\\([ \\t]*"(${PAGE_NAMES})"`, '')),
];

const JAVA: readonly SignalRule[] = [
  PAGING_TYPE,
  PAGING_DECL,
  rule('handler', ['@RestController', '@Controller'], /^[ \t]*@(RestController|Controller)\b/),
  rule('model', ['@Entity', '@Document', '@Table'], /^[ \t]*@(Entity|Document|Table)\b/),
  rule('repository', '@Mapper', /^[ \t]*@(Mapper)\b/),
  rule('repository', ['Repository<', 'BaseMapper<'], /\binterface[ \t]+\w+[ \t]+extends[ \t]+(JpaRepository|CrudRepository|PagingAndSortingRepository|MongoRepository|ElasticsearchRepository|ReactiveCrudRepository|BaseMapper)\b/),
  rule('auth', 'WebSecurityConfigurerAdapter', /\bextends[ \t]+(WebSecurityConfigurerAdapter)\b/),
  rule('auth', 'SecurityFilterChain ', /\b(SecurityFilterChain)[ \t]+\w+[ \t]*\(/),
  rule('auth', 'OncePerRequestFilter', /\bclass[ \t]+(\w+)[ \t]+extends[ \t]+OncePerRequestFilter\b/),
  rule('auth', '@PreAuthorize', /^[ \t]*@(PreAuthorize)\(/),
  rule('error-handler', 'Advice', /^[ \t]*@(RestControllerAdvice|ControllerAdvice)\b/),
  rule('error-raise', 'throw new ', /\bthrow[ \t]+new[ \t]+(\w+)\(/),
  rule('error-raise', '.fail', /\b([A-Z]\w*\.fail\w*)\(/),
  rule('error-body', ['.failed(', '.fail(', '.error(', '.validateFailed(', '.unauthorized(', '.forbidden('], /\breturn[ \t]+([A-Z]\w*\.(?:failed|fail|error|validateFailed|unauthorized|forbidden))\(/),
  rule('handler-return', 'public ', /^[ \t]*public[ \t]+(?:@\w+[ \t]+)?([A-Z]\w*)(?:<[^>\n]{0,120}>)?[ \t]+\w+[ \t]*\(/, { after: 'handler' }),
  rule('paging', '@RequestParam', new RegExp(`@RequestParam\\([^)\\n]{0,160}?"(${PAGE_NAMES})"`, '')),
  rule('paging', '@RequestParam', new RegExp(`@RequestParam\\([^)\\n]{0,160}\\)[ \\t]*(?:final[ \\t]+)?\\w+[ \\t]+(${PAGE_NAMES})\\b`, '')),
  rule('paging', 'Pageable', /\b(Pageable)[ \t]+\w+[ \t]*[,)]/),
];

const PHP: readonly SignalRule[] = [
  PAGING_TYPE,
  PAGING_DECL,
  rule('handler', 'Controller', /^[ \t]*(?:final[ \t]+)?class[ \t]+\w+[ \t]+extends[ \t]+(?:\\?\w+\\)*(\w*Controller)\b/),
  rule('model', ['Model', 'Authenticatable'], /^[ \t]*(?:final[ \t]+)?class[ \t]+\w+[ \t]+extends[ \t]+(?:\\?\w+\\)*(Model|Authenticatable)\b/),
  rule('model', 'ORM\\Entity', /(#\[ORM\\Entity|@ORM\\Entity)\b/),
  rule('auth', 'middleware(', /\bmiddleware\([ \t]*\[?[ \t]*['"]((?:auth|jwt|sanctum|passport)[\w.:,-]*)['"]/),
  rule('error-handler', 'ExceptionHandler', /\bclass[ \t]+(\w+)[ \t]+extends[ \t]+ExceptionHandler\b/),
  rule('error-handler', ['->withExceptions(', '->renderable('], /->(withExceptions|renderable)\(/),
  rule('error-raise', 'abort(', /\b(abort)\([ \t]*\d{3}/),
  rule('error-raise', 'throw new ', /\bthrow[ \t]+new[ \t]+\\?((?:\w+\\)*\w+)\(/),
  rule('paging', 'aginate(', /->((?:simple|cursor)?[pP]aginate)\(/),
  rule('paging', '$request->', new RegExp(`\\$request->(?:get|input|query)\\([ \\t]*['"](${PAGE_NAMES})['"]`, '')),
];

const MAPPER_XML: readonly SignalRule[] = [rule('mapper-xml', '<mapper', /<mapper[ \t]+namespace[ \t]*=[ \t]*"([\w.]+)"/)];

const SPRING_CONFIG: readonly SignalRule[] = [
  rule('mapper-locations', 'mapper-locations', /^[ \t]*(?:mybatis\.)?mapper-locations[ \t]*[:=][ \t]*(\S[^\n#]{0,200})/),
  rule('mapper-locations', 'mapperLocations', /^[ \t]*(?:mybatis\.)?mapperLocations[ \t]*[:=][ \t]*(\S[^\n#]{0,200})/),
];

const PACKAGE_JSON: readonly SignalRule[] = [
  rule('package-name', '"name"', /^[ \t]{0,4}"name"[ \t]*:[ \t]*"([^"\n]{1,214})"/),
  rule('test-script', '"test', /^[ \t]*"test(?::[\w:-]{1,40})?"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.){1,300})"/),
];

const COMPOSER_JSON: readonly SignalRule[] = [rule('test-script', '"test', /^[ \t]*"test"[ \t]*:[ \t]*"([^"\n]{1,300})"/)];

/** The signal rules of each language. */
export const SIGNAL_RULES: Readonly<Record<CodeLanguage, readonly SignalRule[]>> = {
  python: PYTHON,
  js: JS,
  go: GO,
  java: JAVA,
  php: PHP,
  rust: [],
  'mapper-xml': MAPPER_XML,
  'spring-config': SPRING_CONFIG,
  'package-json': PACKAGE_JSON,
  'composer-json': COMPOSER_JSON,
};
