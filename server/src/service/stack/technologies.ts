import type { FrameworkName } from '../types';
import type { Capability } from './capabilities';
import type { Ecosystem } from './manifests';

/**
 * Package patterns per ecosystem, compared case-insensitively (Python names per PEP 503).
 * One `*` matches any run of characters (`spring-boot-starter-*-test`). `crate[feature]`
 * matches a dependency with that feature (or Python extra) switched on. Maven-family names are `groupId:artifactId`; Gradle plugin
 * ids are written as they are (`org.springframework.boot`).
 */
export type PackagePatterns = Readonly<Partial<Record<Ecosystem, readonly string[]>>>;

/**
 * `server`: an HTTP server of another kind than the 15 frameworks (the backend question is
 * answered, only not by a supported framework); `frontend`: a web or app front end; `grpc`,
 * `websocket`, `sse`: libraries that add that capability to whatever framework runs.
 */
export type TechnologyCategory = 'database' | 'orm' | 'auth' | 'testing' | 'graphql' | 'server' | 'frontend' | 'grpc' | 'websocket' | 'sse';

/** A detectable library or service: one declarative entry each. */
export interface Technology {
  readonly id: string;
  readonly category: TechnologyCategory;
  readonly name: string;
  readonly packages: PackagePatterns;
}

/** A supported web framework: how to find it, and what it offers natively. */
export interface Framework {
  readonly id: FrameworkName;
  readonly name: string;
  /** The language family (`typescript` stands for JavaScript and TypeScript alike). */
  readonly language: string;
  readonly docs: string;
  /** Other spellings a SPEC may use (`Spring Boot`, `nest.js`). */
  readonly aliases: readonly string[];
  /** In preference order: the first matching package with a version gives the version. */
  readonly packages: PackagePatterns;
  /** What it does without third-party additions. */
  readonly capabilities: readonly ('rest' | 'orm' | Capability)[];
  /** For what it lacks: the usual ways to add it. */
  readonly options: Readonly<Partial<Record<Capability, readonly string[]>>>;
  /** Frameworks it builds on that need no separate listing when it is present. */
  readonly supersedes?: readonly FrameworkName[];
}

/** The 15 supported frameworks. Adding one means adding one entry here. */
export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'fastapi', name: 'FastAPI', language: 'python', docs: 'https://fastapi.tiangolo.com/', aliases: ['fast-api'],
    packages: { pypi: ['fastapi', 'fastapi-slim'] },
    capabilities: ['rest', 'websocket', 'sse', 'templating'],
    options: { graphql: ['Strawberry (strawberry-graphql)', 'Ariadne'], grpc: ['grpcio beside the HTTP app', 'betterproto'] },
  },
  {
    id: 'flask', name: 'Flask', language: 'python', docs: 'https://flask.palletsprojects.com/', aliases: [],
    packages: { pypi: ['flask'] },
    capabilities: ['rest', 'templating'],
    options: {
      graphql: ['Strawberry (strawberry-graphql)', 'Ariadne', 'Graphene (graphene + Flask-GraphQL)'],
      websocket: ['Flask-Sock', 'Flask-SocketIO'],
      sse: ['a streamed text/event-stream response', 'Flask-SSE (with Redis)'],
      grpc: ['grpcio as a separate server'],
    },
  },
  {
    id: 'django', name: 'Django', language: 'python', docs: 'https://docs.djangoproject.com/', aliases: [],
    packages: { pypi: ['django'] },
    capabilities: ['rest', 'templating', 'orm'],
    options: {
      graphql: ['Graphene-Django', 'Strawberry Django', 'Ariadne'],
      websocket: ['Django Channels'],
      sse: ['Django Channels', 'django-eventstream'],
      grpc: ['django-socio-grpc', 'grpcio as a separate server'],
    },
  },
  {
    id: 'express', name: 'Express', language: 'typescript', docs: 'https://expressjs.com/', aliases: ['express.js', 'expressjs'],
    packages: { npm: ['express'] },
    capabilities: ['rest', 'templating', 'sse'],
    options: { graphql: ['Apollo Server (@apollo/server)', 'graphql-http'], websocket: ['ws', 'Socket.IO'], grpc: ['@grpc/grpc-js'] },
  },
  {
    id: 'fastify', name: 'Fastify', language: 'typescript', docs: 'https://fastify.dev/docs/latest/', aliases: ['fastify.js'],
    packages: { npm: ['fastify'] },
    capabilities: ['rest'],
    options: {
      graphql: ['Mercurius', 'Apollo Server with @as-integrations/fastify'],
      websocket: ['@fastify/websocket'],
      sse: ['@fastify/sse', 'fastify-sse-v2'],
      grpc: ['@grpc/grpc-js'],
      templating: ['@fastify/view'],
    },
  },
  {
    id: 'nestjs', name: 'NestJS', language: 'typescript', docs: 'https://docs.nestjs.com/', aliases: ['nest', 'nest.js', 'nestjs'],
    packages: { npm: ['@nestjs/core', '@nestjs/common'] },
    capabilities: ['rest', 'graphql', 'websocket', 'grpc', 'sse', 'templating'],
    options: {},
    supersedes: ['express', 'fastify'],
  },
  {
    id: 'sails', name: 'Sails', language: 'typescript', docs: 'https://sailsjs.com/documentation', aliases: ['sails.js', 'sailsjs'],
    packages: { npm: ['sails'] },
    capabilities: ['rest', 'websocket', 'templating', 'orm'],
    options: { graphql: ['Apollo Server mounted as a hook', 'graphql-http'], sse: ['a streamed text/event-stream action'], grpc: ['@grpc/grpc-js'] },
    supersedes: ['express'],
  },
  {
    id: 'gin', name: 'Gin', language: 'go', docs: 'https://gin-gonic.com/docs/', aliases: ['gin-gonic'],
    packages: { go: ['github.com/gin-gonic/gin'] },
    capabilities: ['rest', 'templating', 'sse'],
    options: { graphql: ['gqlgen', 'graphql-go'], websocket: ['github.com/coder/websocket', 'gorilla/websocket'], grpc: ['grpc-go (google.golang.org/grpc)'] },
  },
  {
    id: 'beego', name: 'Beego', language: 'go', docs: 'https://beego.wiki/', aliases: [],
    packages: { go: ['github.com/beego/beego/v2', 'github.com/beego/beego', 'github.com/astaxie/beego'] },
    capabilities: ['rest', 'templating', 'orm'],
    options: { graphql: ['gqlgen', 'graphql-go'], websocket: ['gorilla/websocket', 'github.com/coder/websocket'], sse: ['a flushed text/event-stream handler'], grpc: ['grpc-go (google.golang.org/grpc)'] },
  },
  {
    id: 'axum', name: 'Axum', language: 'rust', docs: 'https://docs.rs/axum/latest/axum/', aliases: [],
    packages: { cargo: ['axum'] },
    capabilities: ['rest', 'websocket', 'sse'],
    options: { graphql: ['async-graphql (async-graphql-axum)', 'Juniper'], grpc: ['Tonic'], templating: ['Askama', 'MiniJinja', 'Tera'] },
  },
  {
    id: 'rocket', name: 'Rocket', language: 'rust', docs: 'https://rocket.rs/guide/', aliases: ['rocket.rs'],
    packages: { cargo: ['rocket'] },
    capabilities: ['rest', 'sse'],
    options: { graphql: ['async-graphql (async-graphql-rocket)', 'Juniper (juniper_rocket)'], websocket: ['rocket_ws'], grpc: ['Tonic as a separate server'], templating: ['rocket_dyn_templates'] },
  },
  {
    id: 'spring-boot', name: 'Spring Boot', language: 'java', docs: 'https://docs.spring.io/spring-boot/', aliases: ['spring', 'springboot', 'spring boot'],
    packages: {
      maven: [
        'org.springframework.boot:spring-boot-starter-parent',
        'org.springframework.boot:spring-boot-dependencies',
        'org.springframework.boot',
        'org.springframework.boot:spring-boot-gradle-plugin',
        'org.springframework.boot:spring-boot-maven-plugin',
        'org.springframework.boot:spring-boot-starter*',
      ],
    },
    capabilities: ['rest', 'graphql', 'websocket', 'sse', 'templating', 'orm'],
    options: { grpc: ['Spring gRPC', 'grpc-spring (net.devh grpc-server-spring-boot-starter)'] },
  },
  {
    id: 'play', name: 'Play Framework', language: 'scala', docs: 'https://www.playframework.com/documentation/latest/Home', aliases: ['play framework', 'playframework'],
    packages: {
      maven: [
        'org.playframework:sbt-plugin', 'com.typesafe.play:sbt-plugin', 'org.gradle.playframework',
        'org.playframework:play', 'com.typesafe.play:play', 'org.playframework:play-server', 'com.typesafe.play:play-server',
        'org.playframework:play-guice', 'com.typesafe.play:play-guice',
      ],
    },
    capabilities: ['rest', 'websocket', 'sse', 'templating'],
    options: { graphql: ['Sangria', 'Caliban'], grpc: ['Pekko gRPC (Akka gRPC) Play integration'] },
  },
  {
    id: 'laravel', name: 'Laravel', language: 'php', docs: 'https://laravel.com/docs', aliases: [],
    packages: { packagist: ['laravel/framework'] },
    capabilities: ['rest', 'templating', 'orm'],
    options: { graphql: ['Lighthouse', 'rebing/graphql-laravel'], websocket: ['Laravel Reverb', 'broadcasting through Pusher or Ably'], sse: ['a streamed response'], grpc: ['RoadRunner gRPC'] },
  },
  {
    id: 'symfony', name: 'Symfony', language: 'php', docs: 'https://symfony.com/doc/current/index.html', aliases: [],
    packages: { packagist: ['symfony/framework-bundle', 'symfony/symfony'] },
    capabilities: ['rest', 'templating'],
    options: { graphql: ['API Platform', 'OverblogGraphQLBundle'], websocket: ['Mercure (server push)', 'Ratchet'], sse: ['Mercure', 'a StreamedResponse'], grpc: ['RoadRunner gRPC'] },
  },
];

/** Databases, ORMs and migration tools, auth libraries and test frameworks. */
export const TECHNOLOGIES: readonly Technology[] = [
  // databases, by driver or client
  { id: 'postgresql', category: 'database', name: 'PostgreSQL', packages: {
    pypi: ['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'asyncpg', 'pg8000'],
    npm: ['pg', 'postgres', 'pg-promise', '@neondatabase/serverless', '@vercel/postgres', 'sails-postgresql', '@fastify/postgres', 'fastify-postgres', '@keyv/postgres'],
    go: ['github.com/lib/pq', 'github.com/jackc/pgx*', 'gorm.io/driver/postgres'],
    cargo: ['tokio-postgres', 'postgres', 'sqlx[postgres]', 'sqlx[runtime-tokio-postgres]', 'diesel[postgres]', 'sea-orm[sqlx-postgres]', 'rocket_sync_db_pools[diesel_postgres_pool]', 'rocket_sync_db_pools[postgres_pool]', 'rocket_db_pools[sqlx_postgres]', 'rocket_db_pools[diesel_postgres]', 'deadpool-postgres'],
    maven: ['org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql', 'org.playframework:play-jdbc-postgres'],
    packagist: ['ext-pgsql', 'ext-pdo_pgsql'] } },
  { id: 'mysql', category: 'database', name: 'MySQL', packages: {
    pypi: ['mysqlclient', 'pymysql', 'aiomysql', 'mysql-connector-python', 'asyncmy'],
    npm: ['mysql', 'mysql2', 'sails-mysql', '@fastify/mysql', 'fastify-mysql', '@keyv/mysql'],
    go: ['github.com/go-sql-driver/mysql', 'gorm.io/driver/mysql'],
    cargo: ['mysql', 'mysql_async', 'sqlx[mysql]', 'diesel[mysql]', 'sea-orm[sqlx-mysql]', 'rocket_sync_db_pools[diesel_mysql_pool]', 'rocket_sync_db_pools[mysql_pool]', 'rocket_db_pools[sqlx_mysql]', 'rocket_db_pools[diesel_mysql]'],
    maven: ['com.mysql:mysql-connector-j', 'mysql:mysql-connector-java', 'org.mariadb.jdbc:mariadb-java-client'],
    packagist: ['ext-mysqli', 'ext-pdo_mysql'] } },
  { id: 'sqlite', category: 'database', name: 'SQLite', packages: {
    pypi: ['aiosqlite'],
    npm: ['sqlite3', 'better-sqlite3', 'sqlite', '@keyv/sqlite'],
    go: ['github.com/mattn/go-sqlite3', 'gorm.io/driver/sqlite', 'modernc.org/sqlite', 'github.com/glebarez/sqlite'],
    cargo: ['rusqlite', 'libsqlite3-sys', 'sqlx[sqlite]', 'diesel[sqlite]', 'sea-orm[sqlx-sqlite]', 'rocket_sync_db_pools[diesel_sqlite_pool]', 'rocket_sync_db_pools[sqlite_pool]', 'rocket_db_pools[sqlx_sqlite]'],
    maven: ['org.xerial:sqlite-jdbc'],
    packagist: ['ext-sqlite3', 'ext-pdo_sqlite'] } },
  { id: 'mongodb', category: 'database', name: 'MongoDB', packages: {
    pypi: ['pymongo', 'motor', 'mongoengine', 'beanie', 'odmantic'],
    npm: ['mongodb', 'mongoose', '@nestjs/mongoose', 'sails-mongo', '@fastify/mongodb', 'fastify-mongodb', '@keyv/mongo'],
    go: ['go.mongodb.org/mongo-driver*'],
    cargo: ['mongodb', 'rocket_db_pools[mongodb]'],
    maven: ['org.mongodb:*', 'org.springframework.boot:spring-boot-starter-data-mongodb*', 'org.mongodb.scala:*', 'org.reactivemongo:*'],
    packagist: ['mongodb/mongodb', 'ext-mongodb', 'mongodb/laravel-mongodb', 'doctrine/mongodb-odm-bundle'] } },
  { id: 'redis', category: 'database', name: 'Redis', packages: {
    pypi: ['redis', 'aioredis', 'django-redis', 'flask-caching', 'rq', 'django-rq', 'arq', 'channels-redis', 'celery[redis]'],
    npm: ['redis', 'ioredis', '@nestjs-modules/ioredis', 'fastify-redis', '@fastify/redis', '@keyv/redis', 'bull', 'bullmq', '@nestjs/bull', '@nestjs/bullmq', 'connect-redis', 'cache-manager-redis-store', 'cache-manager-ioredis-yet'],
    go: ['github.com/redis/go-redis*', 'github.com/go-redis/redis*', 'github.com/gomodule/redigo'],
    cargo: ['redis', 'deadpool-redis', 'fred', 'rocket_db_pools[deadpool_redis]'],
    maven: ['org.springframework.boot:spring-boot-starter-data-redis*', 'redis.clients:jedis', 'io.lettuce:lettuce-core', 'org.redisson:redisson*', 'net.debasishg:redisclient'],
    packagist: ['predis/predis', 'ext-redis', 'snc/redis-bundle'] } },
  // ORMs and migrations
  { id: 'sqlalchemy', category: 'orm', name: 'SQLAlchemy', packages: { pypi: ['sqlalchemy', 'flask-sqlalchemy', 'sqlmodel'] } },
  { id: 'django-orm', category: 'orm', name: 'Django ORM', packages: { pypi: ['django'] } },
  { id: 'alembic', category: 'orm', name: 'Alembic', packages: { pypi: ['alembic', 'flask-migrate'] } },
  { id: 'tortoise-orm', category: 'orm', name: 'Tortoise ORM', packages: { pypi: ['tortoise-orm'] } },
  { id: 'prisma', category: 'orm', name: 'Prisma', packages: { npm: ['prisma', '@prisma/client'] } },
  { id: 'typeorm', category: 'orm', name: 'TypeORM', packages: { npm: ['typeorm', '@nestjs/typeorm'] } },
  { id: 'mongoose', category: 'orm', name: 'Mongoose', packages: { npm: ['mongoose', '@nestjs/mongoose'] } },
  { id: 'sequelize', category: 'orm', name: 'Sequelize', packages: { npm: ['sequelize', 'sequelize-typescript', '@nestjs/sequelize'] } },
  { id: 'waterline', category: 'orm', name: 'Waterline', packages: { npm: ['waterline', 'sails-hook-orm'] } },
  { id: 'drizzle', category: 'orm', name: 'Drizzle ORM', packages: { npm: ['drizzle-orm'] } },
  { id: 'beego-orm', category: 'orm', name: 'Beego ORM', packages: { go: ['github.com/beego/beego/v2/client/orm', 'github.com/astaxie/beego/orm', 'github.com/beego/beego/orm'] } },
  { id: 'gorm', category: 'orm', name: 'GORM', packages: { go: ['gorm.io/gorm', 'github.com/jinzhu/gorm'] } },
  { id: 'sqlx', category: 'orm', name: 'sqlx', packages: { go: ['github.com/jmoiron/sqlx'], cargo: ['sqlx'] } },
  { id: 'diesel', category: 'orm', name: 'Diesel', packages: { cargo: ['diesel', 'diesel-async', 'diesel_migrations'] } },
  { id: 'sea-orm', category: 'orm', name: 'SeaORM', packages: { cargo: ['sea-orm', 'sea-orm-migration'] } },
  { id: 'spring-data-jpa', category: 'orm', name: 'Spring Data JPA', packages: { maven: ['org.springframework.boot:spring-boot-starter-data-jpa', 'org.springframework.data:spring-data-jpa'] } },
  { id: 'hibernate', category: 'orm', name: 'Hibernate', packages: { maven: ['org.hibernate:hibernate-core', 'org.hibernate.orm:hibernate-core', 'org.springframework.boot:spring-boot-starter-data-jpa', 'org.playframework:play-java-jpa', 'com.typesafe.play:play-java-jpa'] } },
  { id: 'flyway', category: 'orm', name: 'Flyway', packages: { maven: ['org.flywaydb:*', 'org.flywaydb.flyway', 'com.github.tototoshi:scala-flyway*'] } },
  { id: 'liquibase', category: 'orm', name: 'Liquibase', packages: { maven: ['org.liquibase:*', 'org.liquibase.gradle'] } },
  { id: 'ebean', category: 'orm', name: 'Ebean', packages: { maven: ['io.ebean:ebean*', 'io.ebean', 'org.playframework:play-ebean', 'com.typesafe.play:play-ebean', 'com.typesafe.sbt:sbt-play-ebean', 'com.typesafe.play:sbt-play-ebean', 'org.playframework:sbt-play-ebean'] } },
  { id: 'anorm', category: 'orm', name: 'Anorm', packages: { maven: ['org.playframework.anorm:anorm*', 'com.typesafe.play:anorm*', 'org.playframework:anorm*'] } },
  { id: 'slick', category: 'orm', name: 'Slick', packages: { maven: ['com.typesafe.slick:slick*', 'org.playframework:play-slick*', 'com.typesafe.play:play-slick*'] } },
  { id: 'eloquent', category: 'orm', name: 'Eloquent', packages: { packagist: ['laravel/framework', 'illuminate/database'] } },
  { id: 'doctrine', category: 'orm', name: 'Doctrine', packages: { packagist: ['doctrine/orm', 'doctrine/doctrine-bundle', 'symfony/orm-pack', 'doctrine/doctrine-migrations-bundle'] } },
  // auth
  { id: 'pyjwt', category: 'auth', name: 'PyJWT', packages: { pypi: ['pyjwt'] } },
  { id: 'python-jose', category: 'auth', name: 'python-jose', packages: { pypi: ['python-jose'] } },
  { id: 'authlib', category: 'auth', name: 'Authlib', packages: { pypi: ['authlib'] } },
  { id: 'passlib', category: 'auth', name: 'Passlib', packages: { pypi: ['passlib', 'bcrypt', 'pwdlib'] } },
  { id: 'fastapi-users', category: 'auth', name: 'FastAPI Users', packages: { pypi: ['fastapi-users'] } },
  { id: 'flask-login', category: 'auth', name: 'Flask-Login', packages: { pypi: ['flask-login'] } },
  { id: 'flask-httpauth', category: 'auth', name: 'Flask-HTTPAuth', packages: { pypi: ['flask-httpauth'] } },
  { id: 'flask-jwt-extended', category: 'auth', name: 'Flask-JWT-Extended', packages: { pypi: ['flask-jwt-extended'] } },
  { id: 'simplejwt', category: 'auth', name: 'Simple JWT', packages: { pypi: ['djangorestframework-simplejwt'] } },
  { id: 'django-allauth', category: 'auth', name: 'django-allauth', packages: { pypi: ['django-allauth'] } },
  { id: 'passport', category: 'auth', name: 'Passport', packages: { npm: ['passport', '@nestjs/passport', 'passport-jwt', 'passport-local'] } },
  { id: 'jsonwebtoken', category: 'auth', name: 'jsonwebtoken', packages: { npm: ['jsonwebtoken', '@nestjs/jwt', 'jose'], cargo: ['jsonwebtoken'] } },
  { id: 'express-jwt', category: 'auth', name: 'express-jwt', packages: { npm: ['express-jwt'] } },
  { id: 'fastify-jwt', category: 'auth', name: '@fastify/jwt', packages: { npm: ['@fastify/jwt', 'fastify-jwt'] } },
  { id: 'golang-jwt', category: 'auth', name: 'golang-jwt', packages: { go: ['github.com/golang-jwt/jwt*', 'github.com/appleboy/gin-jwt*'] } },
  { id: 'jwt-go', category: 'auth', name: 'jwt-go (dgrijalva)', packages: { go: ['github.com/dgrijalva/jwt-go*'] } },
  { id: 'x-oauth2', category: 'auth', name: 'golang.org/x/oauth2', packages: { go: ['golang.org/x/oauth2'] } },
  { id: 'oauth2-rs', category: 'auth', name: 'oauth2 (Rust)', packages: { cargo: ['oauth2'] } },
  { id: 'axum-login', category: 'auth', name: 'axum-login', packages: { cargo: ['axum-login'] } },
  { id: 'spring-security', category: 'auth', name: 'Spring Security', packages: { maven: ['org.springframework.boot:spring-boot-starter-security', 'org.springframework.boot:spring-boot-starter-oauth2-*', 'org.springframework.security:*'] } },
  { id: 'jjwt', category: 'auth', name: 'JJWT', packages: { maven: ['io.jsonwebtoken:jjwt*'] } },
  { id: 'silhouette', category: 'auth', name: 'Silhouette', packages: { maven: ['io.github.honeycomb-cheesecake:play-silhouette*', 'com.mohiva:play-silhouette*'] } },
  { id: 'pac4j', category: 'auth', name: 'pac4j', packages: { maven: ['org.pac4j:*'] } },
  { id: 'laravel-sanctum', category: 'auth', name: 'Laravel Sanctum', packages: { packagist: ['laravel/sanctum'] } },
  { id: 'laravel-passport', category: 'auth', name: 'Laravel Passport', packages: { packagist: ['laravel/passport'] } },
  { id: 'laravel-socialite', category: 'auth', name: 'Laravel Socialite', packages: { packagist: ['laravel/socialite'] } },
  { id: 'jwt-auth', category: 'auth', name: 'jwt-auth', packages: { packagist: ['tymon/jwt-auth', 'php-open-source-saver/jwt-auth'] } },
  { id: 'symfony-security', category: 'auth', name: 'Symfony Security', packages: { packagist: ['symfony/security-bundle', 'lexik/jwt-authentication-bundle'] } },
  // GraphQL servers
  { id: 'apollo-server', category: 'graphql', name: 'Apollo Server', packages: { npm: ['@apollo/server', 'apollo-server*', '@nestjs/apollo'] } },
  { id: 'mercurius', category: 'graphql', name: 'Mercurius', packages: { npm: ['mercurius', '@nestjs/mercurius'] } },
  { id: 'graphql-yoga', category: 'graphql', name: 'GraphQL Yoga', packages: { npm: ['graphql-yoga', '@graphql-yoga/*'] } },
  { id: 'graphene', category: 'graphql', name: 'Graphene', packages: { pypi: ['graphene', 'graphene-django', 'graphene-sqlalchemy', 'flask-graphql'] } },
  { id: 'strawberry', category: 'graphql', name: 'Strawberry', packages: { pypi: ['strawberry-graphql', 'strawberry-graphql-django'] } },
  { id: 'ariadne', category: 'graphql', name: 'Ariadne', packages: { pypi: ['ariadne'] } },
  { id: 'gqlgen', category: 'graphql', name: 'gqlgen', packages: { go: ['github.com/99designs/gqlgen'] } },
  { id: 'graphql-go', category: 'graphql', name: 'graphql-go', packages: { go: ['github.com/graphql-go/graphql', 'github.com/graph-gophers/graphql-go'] } },
  { id: 'async-graphql', category: 'graphql', name: 'async-graphql', packages: { cargo: ['async-graphql*'] } },
  { id: 'juniper', category: 'graphql', name: 'Juniper', packages: { cargo: ['juniper*'] } },
  { id: 'dgs', category: 'graphql', name: 'Netflix DGS', packages: { maven: ['com.netflix.graphql.dgs:*', 'com.netflix.dgs.codegen'] } },
  { id: 'spring-graphql', category: 'graphql', name: 'Spring for GraphQL', packages: { maven: ['org.springframework.boot:spring-boot-starter-graphql', 'org.springframework.graphql:*'] } },
  { id: 'sangria', category: 'graphql', name: 'Sangria', packages: { maven: ['org.sangria-graphql:*'] } },
  { id: 'caliban', category: 'graphql', name: 'Caliban', packages: { maven: ['com.github.ghostdogpr:caliban*'] } },
  { id: 'lighthouse', category: 'graphql', name: 'Lighthouse', packages: { packagist: ['nuwave/lighthouse'] } },
  // HTTP servers other than the supported frameworks
  { id: 'koa', category: 'server', name: 'Koa', packages: { npm: ['koa', '@koa/router'] } },
  { id: 'hono', category: 'server', name: 'Hono', packages: { npm: ['hono'] } },
  { id: 'hapi', category: 'server', name: 'hapi', packages: { npm: ['@hapi/hapi', 'hapi'] } },
  { id: 'restify', category: 'server', name: 'Restify', packages: { npm: ['restify'] } },
  { id: 'adonis', category: 'server', name: 'AdonisJS', packages: { npm: ['@adonisjs/core'] } },
  { id: 'elysia', category: 'server', name: 'Elysia', packages: { npm: ['elysia'] } },
  { id: 'trpc', category: 'server', name: 'tRPC', packages: { npm: ['@trpc/server'] } },
  { id: 'feathers', category: 'server', name: 'Feathers', packages: { npm: ['@feathersjs/feathers'] } },
  { id: 'loopback', category: 'server', name: 'LoopBack', packages: { npm: ['@loopback/core', '@loopback/rest'] } },
  { id: 'starlette', category: 'server', name: 'Starlette', packages: { pypi: ['starlette'] } },
  { id: 'aiohttp', category: 'server', name: 'aiohttp', packages: { pypi: ['aiohttp'] } },
  { id: 'tornado', category: 'server', name: 'Tornado', packages: { pypi: ['tornado'] } },
  { id: 'sanic', category: 'server', name: 'Sanic', packages: { pypi: ['sanic'] } },
  { id: 'litestar', category: 'server', name: 'Litestar', packages: { pypi: ['litestar'] } },
  { id: 'falcon', category: 'server', name: 'Falcon', packages: { pypi: ['falcon'] } },
  { id: 'quart', category: 'server', name: 'Quart', packages: { pypi: ['quart'] } },
  { id: 'bottle', category: 'server', name: 'Bottle', packages: { pypi: ['bottle'] } },
  { id: 'pyramid', category: 'server', name: 'Pyramid', packages: { pypi: ['pyramid'] } },
  { id: 'chi', category: 'server', name: 'chi', packages: { go: ['github.com/go-chi/chi*'] } },
  { id: 'echo', category: 'server', name: 'Echo', packages: { go: ['github.com/labstack/echo*'] } },
  { id: 'fiber', category: 'server', name: 'Fiber', packages: { go: ['github.com/gofiber/fiber*'] } },
  { id: 'gorilla-mux', category: 'server', name: 'gorilla/mux', packages: { go: ['github.com/gorilla/mux'] } },
  { id: 'httprouter', category: 'server', name: 'httprouter', packages: { go: ['github.com/julienschmidt/httprouter'] } },
  { id: 'fasthttp', category: 'server', name: 'fasthttp', packages: { go: ['github.com/valyala/fasthttp'] } },
  { id: 'go-zero', category: 'server', name: 'go-zero', packages: { go: ['github.com/zeromicro/go-zero'] } },
  { id: 'hertz', category: 'server', name: 'Hertz', packages: { go: ['github.com/cloudwego/hertz'] } },
  { id: 'iris', category: 'server', name: 'Iris', packages: { go: ['github.com/kataras/iris*'] } },
  { id: 'templ', category: 'server', name: 'templ (net/http)', packages: { go: ['github.com/a-h/templ'] } },
  { id: 'grpc-gateway', category: 'server', name: 'gRPC-Gateway', packages: { go: ['github.com/grpc-ecosystem/grpc-gateway*'] } },
  { id: 'actix-web', category: 'server', name: 'Actix Web', packages: { cargo: ['actix-web'] } },
  { id: 'warp', category: 'server', name: 'warp', packages: { cargo: ['warp'] } },
  { id: 'poem', category: 'server', name: 'Poem', packages: { cargo: ['poem'] } },
  { id: 'salvo', category: 'server', name: 'Salvo', packages: { cargo: ['salvo'] } },
  { id: 'tide', category: 'server', name: 'Tide', packages: { cargo: ['tide'] } },
  { id: 'ktor', category: 'server', name: 'Ktor', packages: { maven: ['io.ktor:ktor-server-*'] } },
  { id: 'micronaut', category: 'server', name: 'Micronaut', packages: { maven: ['io.micronaut:micronaut-http-server*', 'io.micronaut.platform:*', 'io.micronaut.application'] } },
  { id: 'quarkus', category: 'server', name: 'Quarkus', packages: { maven: ['io.quarkus:quarkus-rest*', 'io.quarkus:quarkus-resteasy*', 'io.quarkus:quarkus-vertx-http', 'io.quarkus'] } },
  { id: 'vertx', category: 'server', name: 'Vert.x Web', packages: { maven: ['io.vertx:vertx-web'] } },
  { id: 'javalin', category: 'server', name: 'Javalin', packages: { maven: ['io.javalin:javalin'] } },
  { id: 'dropwizard', category: 'server', name: 'Dropwizard', packages: { maven: ['io.dropwizard:dropwizard-core'] } },
  { id: 'jersey', category: 'server', name: 'Jersey', packages: { maven: ['org.glassfish.jersey.containers:*'] } },
  { id: 'slim', category: 'server', name: 'Slim', packages: { packagist: ['slim/slim'] } },
  { id: 'lumen', category: 'server', name: 'Lumen', packages: { packagist: ['laravel/lumen-framework'] } },
  { id: 'cakephp', category: 'server', name: 'CakePHP', packages: { packagist: ['cakephp/cakephp'] } },
  { id: 'codeigniter', category: 'server', name: 'CodeIgniter', packages: { packagist: ['codeigniter4/framework'] } },
  { id: 'yii', category: 'server', name: 'Yii', packages: { packagist: ['yiisoft/yii2'] } },
  // front ends
  { id: 'react', category: 'frontend', name: 'React', packages: { npm: ['react', 'react-dom'] } },
  { id: 'vue', category: 'frontend', name: 'Vue', packages: { npm: ['vue'] } },
  { id: 'svelte', category: 'frontend', name: 'Svelte', packages: { npm: ['svelte', '@sveltejs/kit'] } },
  { id: 'angular', category: 'frontend', name: 'Angular', packages: { npm: ['@angular/core'] } },
  { id: 'nextjs', category: 'frontend', name: 'Next.js', packages: { npm: ['next'] } },
  { id: 'nuxt', category: 'frontend', name: 'Nuxt', packages: { npm: ['nuxt'] } },
  { id: 'solid', category: 'frontend', name: 'Solid', packages: { npm: ['solid-js'] } },
  { id: 'preact', category: 'frontend', name: 'Preact', packages: { npm: ['preact'] } },
  { id: 'astro', category: 'frontend', name: 'Astro', packages: { npm: ['astro'] } },
  { id: 'react-native', category: 'frontend', name: 'React Native', packages: { npm: ['react-native', 'expo'] } },
  // capabilities added by a library
  { id: 'grpc', category: 'grpc', name: 'gRPC', packages: { npm: ['@grpc/grpc-js', 'grpc', '@connectrpc/connect*', '@nestjs/microservices'], pypi: ['grpcio', 'grpclib', 'betterproto', 'django-socio-grpc'], go: ['google.golang.org/grpc', 'connectrpc.com/connect'], cargo: ['tonic', 'grpcio'], maven: ['io.grpc:*', 'net.devh:grpc-*'], packagist: ['grpc/grpc', 'spiral/roadrunner-grpc'] } },
  { id: 'websocket', category: 'websocket', name: 'WebSocket', packages: { npm: ['ws', 'socket.io', '@fastify/websocket', '@nestjs/websockets', '@nestjs/platform-socket.io', 'uWebSockets.js'], pypi: ['websockets', 'channels', 'flask-sock', 'flask-socketio', 'python-socketio'], go: ['github.com/gorilla/websocket', 'nhooyr.io/websocket', 'github.com/coder/websocket'], cargo: ['tokio-tungstenite', 'tungstenite', 'actix-ws', 'axum[ws]'], maven: ['org.springframework.boot:spring-boot-starter-websocket', 'jakarta.websocket:*', 'javax.websocket:*'], packagist: ['cboden/ratchet', 'beyondcode/laravel-websockets', 'laravel/reverb'] } },
  { id: 'sse', category: 'sse', name: 'server-sent events', packages: { npm: ['better-sse', '@fastify/sse-v2', 'fastify-sse-v2'], pypi: ['sse-starlette', 'django-eventstream', 'flask-sse'], go: ['github.com/r3labs/sse*'], packagist: ['hhxsv5/php-sse'] } },
  // testing
  { id: 'pytest', category: 'testing', name: 'pytest', packages: { pypi: ['pytest', 'pytest-asyncio', 'pytest-django', 'pytest-cov'] } },
  { id: 'jest', category: 'testing', name: 'Jest', packages: { npm: ['jest', 'ts-jest', '@jest/globals'] } },
  { id: 'vitest', category: 'testing', name: 'Vitest', packages: { npm: ['vitest'] } },
  { id: 'mocha', category: 'testing', name: 'Mocha', packages: { npm: ['mocha'] } },
  { id: 'supertest', category: 'testing', name: 'SuperTest', packages: { npm: ['supertest'] } },
  { id: 'tap', category: 'testing', name: 'node-tap', packages: { npm: ['tap'] } },
  { id: 'testify', category: 'testing', name: 'testify', packages: { go: ['github.com/stretchr/testify'] } },
  { id: 'rstest', category: 'testing', name: 'rstest', packages: { cargo: ['rstest'] } },
  { id: 'junit', category: 'testing', name: 'JUnit', packages: { maven: ['org.junit.jupiter:*', 'junit:junit', 'org.springframework.boot:spring-boot-starter-test', 'org.springframework.boot:spring-boot-starter-*-test'] } },
  { id: 'mockito', category: 'testing', name: 'Mockito', packages: { maven: ['org.mockito:*', 'org.springframework.boot:spring-boot-starter-test', 'org.springframework.boot:spring-boot-starter-*-test'] } },
  { id: 'kotest', category: 'testing', name: 'Kotest', packages: { maven: ['io.kotest:kotest*', 'io.kotest'] } },
  { id: 'mockk', category: 'testing', name: 'MockK', packages: { maven: ['io.mockk:mockk*'] } },
  { id: 'testcontainers', category: 'testing', name: 'Testcontainers', packages: { maven: ['org.testcontainers:*', 'org.springframework.boot:spring-boot-testcontainers'], pypi: ['testcontainers'], npm: ['testcontainers'], go: ['github.com/testcontainers/testcontainers-go*'], cargo: ['testcontainers'] } },
  { id: 'scalatest', category: 'testing', name: 'ScalaTest', packages: { maven: ['org.scalatest:scalatest', 'org.scalatestplus.play:scalatestplus-play'] } },
  { id: 'specs2', category: 'testing', name: 'specs2', packages: { maven: ['org.specs2:specs2*', 'org.playframework:play-specs2', 'com.typesafe.play:play-specs2'] } },
  { id: 'phpunit', category: 'testing', name: 'PHPUnit', packages: { packagist: ['phpunit/phpunit', 'symfony/phpunit-bridge'] } },
  { id: 'pest', category: 'testing', name: 'Pest', packages: { packagist: ['pestphp/pest'] } },
  { id: 'mockery', category: 'testing', name: 'Mockery', packages: { packagist: ['mockery/mockery'], go: ['github.com/vektra/mockery*'] } },
  { id: 'playwright', category: 'testing', name: 'Playwright', packages: { npm: ['@playwright/test', 'playwright'], pypi: ['playwright', 'pytest-playwright'], maven: ['com.microsoft.playwright:playwright'] } },
];

/** The supported framework ids, in table order. */
export const FRAMEWORK_IDS: readonly FrameworkName[] = FRAMEWORKS.map((f) => f.id);

/** The framework an id, display name or alias names (case and spacing ignored). */
export function findFramework(name: string): Framework | undefined {
  const key = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return FRAMEWORKS.find((f) => f.id === key || f.name.toLowerCase().replace(/\s+/g, '-') === key || f.aliases.some((a) => a.replace(/\s+/g, '-') === key));
}

/** True when `name` matches `pattern`, whose one `*` stands for any run of characters. */
function matchesOne(pattern: string, name: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return name === pattern;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return name.length >= head.length + tail.length && name.startsWith(head) && name.endsWith(tail);
}

/** The index of the first of `patterns` that `name` (already keyed for its ecosystem) matches, or -1. */
export function matchesPattern(patterns: readonly string[] | undefined, name: string): number {
  if (!patterns) return -1;
  return patterns.findIndex((p) => matchesOne(p, name));
}
