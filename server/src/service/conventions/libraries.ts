import type { CodeLanguage } from './signals';

/**
 * The libraries a plan names, known by how code imports them and how manifests declare them:
 * one declarative entry per library. A library counts as used when code imports it; its
 * manifest line is cited beside.
 */

/** What a library is for, in the plan's sections. */
export type LibraryConcern = 'data' | 'migration' | 'auth' | 'test' | 'validation';

export interface LibraryEntry {
  readonly id: string;
  /** The language whose imports `imports` are written in. */
  readonly language: CodeLanguage;
  readonly name: string;
  readonly concern: LibraryConcern;
  /**
   * Imported modules that mean the library, by prefix: `django.db` matches `django.db.models`,
   * `gorm.io/gorm` matches itself; a trailing `*` matches any continuation (`io.jsonwebtoken*`), a trailing `$` none (`unittest$`: not `unittest.mock`).
   */
  readonly imports: readonly string[];
  /** Package names in manifests (exact, lower case), for the manifest line. */
  readonly packages: readonly string[];
}

const entry =
  (language: CodeLanguage) =>
  (id: string, name: string, concern: LibraryConcern, imports: readonly string[], packages: readonly string[] = []): LibraryEntry => ({ id, language, name, concern, imports, packages });
const py = entry('python');
const js = entry('js');
const go = entry('go');
const jvm = entry('java');
const php = entry('php');
const rs = entry('rust');

export const LIBRARIES: readonly LibraryEntry[] = [
  // data access: Python
  py('django-orm', 'Django ORM', 'data', ['django.db'], ['django']),
  py('sqlmodel', 'SQLModel', 'data', ['sqlmodel'], ['sqlmodel']),
  py('sqlalchemy', 'SQLAlchemy', 'data', ['sqlalchemy', 'flask_sqlalchemy'], ['sqlalchemy', 'flask-sqlalchemy']),
  py('tortoise-orm', 'Tortoise ORM', 'data', ['tortoise'], ['tortoise-orm']),
  py('peewee', 'peewee', 'data', ['peewee'], ['peewee']),
  py('mongoengine', 'MongoEngine', 'data', ['mongoengine'], ['mongoengine']),
  py('beanie', 'Beanie', 'data', ['beanie'], ['beanie']),
  py('motor', 'Motor', 'data', ['motor'], ['motor']),
  py('pymongo', 'PyMongo', 'data', ['pymongo'], ['pymongo']),
  // data access: JavaScript
  js('mongoose', 'Mongoose', 'data', ['mongoose', '@nestjs/mongoose'], ['mongoose', '@nestjs/mongoose']),
  js('prisma', 'Prisma', 'data', ['@prisma/client'], ['@prisma/client', 'prisma']),
  js('typeorm', 'TypeORM', 'data', ['typeorm', '@nestjs/typeorm'], ['typeorm', '@nestjs/typeorm']),
  js('sequelize', 'Sequelize', 'data', ['sequelize', 'sequelize-typescript', '@nestjs/sequelize'], ['sequelize', 'sequelize-typescript', '@nestjs/sequelize']),
  js('drizzle', 'Drizzle ORM', 'data', ['drizzle-orm'], ['drizzle-orm']),
  js('mikro-orm', 'MikroORM', 'data', ['@mikro-orm/core', '@mikro-orm/nestjs'], ['@mikro-orm/core']),
  js('knex', 'Knex', 'data', ['knex'], ['knex']),
  js('objection', 'Objection.js', 'data', ['objection'], ['objection']),
  js('kysely', 'Kysely', 'data', ['kysely'], ['kysely']),
  js('waterline', 'Waterline', 'data', ['waterline'], ['waterline', 'sails-hook-orm']),
  // data access: Go
  go('gorm', 'GORM', 'data', ['gorm.io/gorm', 'github.com/jinzhu/gorm'], ['gorm.io/gorm', 'github.com/jinzhu/gorm']),
  go('sqlx', 'sqlx', 'data', ['github.com/jmoiron/sqlx'], ['github.com/jmoiron/sqlx', 'sqlx']),
  go('ent', 'ent', 'data', ['entgo.io/ent'], ['entgo.io/ent']),
  go('xorm', 'xorm', 'data', ['xorm.io/xorm', 'github.com/go-xorm/xorm'], ['xorm.io/xorm']),
  go('beego-orm', 'Beego ORM', 'data', ['github.com/beego/beego/v2/client/orm', 'github.com/astaxie/beego/orm'], ['github.com/beego/beego/v2']),
  go('mongo-go', 'MongoDB Go driver', 'data', ['go.mongodb.org/mongo-driver'], ['go.mongodb.org/mongo-driver']),
  // data access: JVM
  jvm('mybatis-plus', 'MyBatis-Plus', 'data', ['com.baomidou.mybatisplus*'], ['com.baomidou:mybatis-plus-boot-starter', 'com.baomidou:mybatis-plus']),
  jvm('mybatis', 'MyBatis', 'data', ['org.apache.ibatis*', 'org.mybatis*'], ['org.mybatis:mybatis', 'org.mybatis.spring.boot:mybatis-spring-boot-starter', 'com.github.pagehelper:pagehelper-spring-boot-starter']),
  jvm('spring-data-jpa', 'Spring Data JPA', 'data', ['org.springframework.data.jpa*', 'javax.persistence', 'jakarta.persistence'], ['org.springframework.boot:spring-boot-starter-data-jpa']),
  jvm('spring-data-mongodb', 'Spring Data MongoDB', 'data', ['org.springframework.data.mongodb*'], ['org.springframework.boot:spring-boot-starter-data-mongodb']),
  jvm('jooq', 'jOOQ', 'data', ['org.jooq*'], ['org.jooq:jooq']),
  jvm('exposed', 'Exposed', 'data', ['org.jetbrains.exposed*'], []),
  jvm('slick', 'Slick', 'data', ['slick'], []),
  // data access: PHP and Rust
  php('eloquent', 'Eloquent', 'data', ['Illuminate\\Database\\Eloquent'], ['laravel/framework', 'illuminate/database']),
  php('doctrine', 'Doctrine ORM', 'data', ['Doctrine\\ORM', 'Doctrine\\Persistence'], ['doctrine/orm', 'doctrine/doctrine-bundle']),
  rs('diesel', 'Diesel', 'data', ['diesel'], ['diesel']),
  rs('sea-orm', 'SeaORM', 'data', ['sea_orm'], ['sea-orm']),
  rs('sqlx-rs', 'sqlx', 'data', ['sqlx'], ['sqlx']),
  // migrations declared as libraries (their files are found by path in `migrations.ts`)
  py('alembic', 'Alembic', 'migration', ['alembic'], ['alembic', 'flask-migrate']),
  jvm('flyway', 'Flyway', 'migration', ['org.flywaydb*'], ['org.flywaydb:flyway-core', 'org.flywaydb:flyway-mysql']),
  jvm('liquibase', 'Liquibase', 'migration', ['liquibase*'], ['org.liquibase:liquibase-core']),
  go('golang-migrate', 'golang-migrate', 'migration', ['github.com/golang-migrate/migrate'], ['github.com/golang-migrate/migrate/v4']),
  go('goose', 'goose', 'migration', ['github.com/pressly/goose'], ['github.com/pressly/goose/v3']),
  js('migrate-mongo', 'migrate-mongo', 'migration', ['migrate-mongo'], ['migrate-mongo']),
  // auth
  py('drf-jwt', 'drf-jwt', 'auth', ['rest_framework_jwt'], ['drf-jwt', 'djangorestframework-jwt']),
  py('simplejwt', 'djangorestframework-simplejwt', 'auth', ['rest_framework_simplejwt'], ['djangorestframework-simplejwt']),
  py('knox', 'django-rest-knox', 'auth', ['knox'], ['django-rest-knox']),
  py('drf-token', 'DRF token authentication', 'auth', ['rest_framework.authtoken'], []),
  py('pyjwt', 'PyJWT', 'auth', ['jwt'], ['pyjwt']),
  py('python-jose', 'python-jose', 'auth', ['jose'], ['python-jose']),
  py('authlib', 'Authlib', 'auth', ['authlib'], ['authlib']),
  py('fastapi-users', 'FastAPI Users', 'auth', ['fastapi_users'], ['fastapi-users']),
  py('flask-jwt-extended', 'Flask-JWT-Extended', 'auth', ['flask_jwt_extended'], ['flask-jwt-extended']),
  py('flask-login', 'Flask-Login', 'auth', ['flask_login'], ['flask-login']),
  js('passport', 'Passport', 'auth', ['passport', '@nestjs/passport', 'passport-jwt', 'passport-local'], ['passport', '@nestjs/passport', 'passport-jwt']),
  js('nestjs-jwt', '@nestjs/jwt', 'auth', ['@nestjs/jwt'], ['@nestjs/jwt']),
  js('jsonwebtoken', 'jsonwebtoken', 'auth', ['jsonwebtoken'], ['jsonwebtoken']),
  js('jose-js', 'jose', 'auth', ['jose'], ['jose']),
  js('express-jwt', 'express-jwt', 'auth', ['express-jwt'], ['express-jwt']),
  js('fastify-jwt', '@fastify/jwt', 'auth', ['@fastify/jwt'], ['@fastify/jwt']),
  js('clerk', 'Clerk', 'auth', ['@clerk/backend', '@clerk/clerk-sdk-node', '@clerk/express'], ['@clerk/backend']),
  go('golang-jwt', 'golang-jwt', 'auth', ['github.com/golang-jwt/jwt'], ['github.com/golang-jwt/jwt/v5', 'github.com/golang-jwt/jwt/v4', 'github.com/golang-jwt/jwt']),
  go('jwt-go', 'jwt-go (dgrijalva)', 'auth', ['github.com/dgrijalva/jwt-go'], ['github.com/dgrijalva/jwt-go']),
  go('gin-jwt', 'gin-jwt', 'auth', ['github.com/appleboy/gin-jwt'], ['github.com/appleboy/gin-jwt/v2']),
  go('casbin', 'Casbin', 'auth', ['github.com/casbin/casbin'], ['github.com/casbin/casbin/v2']),
  jvm('spring-security', 'Spring Security', 'auth', ['org.springframework.security*'], ['org.springframework.boot:spring-boot-starter-security']),
  jvm('jjwt', 'JJWT', 'auth', ['io.jsonwebtoken*'], ['io.jsonwebtoken:jjwt', 'io.jsonwebtoken:jjwt-api']),
  jvm('java-jwt', 'java-jwt (Auth0)', 'auth', ['com.auth0.jwt*'], ['com.auth0:java-jwt']),
  jvm('sa-token', 'Sa-Token', 'auth', ['cn.dev33.satoken*'], []),
  php('laravel-sanctum', 'Laravel Sanctum', 'auth', ['Laravel\\Sanctum'], ['laravel/sanctum']),
  php('laravel-passport', 'Laravel Passport', 'auth', ['Laravel\\Passport'], ['laravel/passport']),
  php('jwt-auth', 'jwt-auth', 'auth', ['Tymon\\JWTAuth', 'PHPOpenSourceSaver\\JWTAuth'], ['tymon/jwt-auth', 'php-open-source-saver/jwt-auth']),
  php('firebase-jwt', 'firebase/php-jwt', 'auth', ['Firebase\\JWT'], ['firebase/php-jwt']),
  php('lexik-jwt', 'LexikJWTAuthenticationBundle', 'auth', ['Lexik\\Bundle\\JWTAuthenticationBundle'], ['lexik/jwt-authentication-bundle']),
  rs('jsonwebtoken-rs', 'jsonwebtoken', 'auth', ['jsonwebtoken'], ['jsonwebtoken']),
  // validation
  py('pydantic', 'Pydantic', 'validation', ['pydantic'], ['pydantic']),
  py('drf-serializers', 'DRF serializers', 'validation', ['rest_framework.serializers', 'rest_framework'], ['djangorestframework']),
  py('marshmallow', 'marshmallow', 'validation', ['marshmallow'], ['marshmallow']),
  js('class-validator', 'class-validator', 'validation', ['class-validator'], ['class-validator']),
  js('joi', 'Joi', 'validation', ['joi', '@hapi/joi'], ['joi']),
  js('zod', 'Zod', 'validation', ['zod'], ['zod']),
  js('yup', 'Yup', 'validation', ['yup'], ['yup']),
  js('express-validator', 'express-validator', 'validation', ['express-validator'], ['express-validator']),
  jvm('bean-validation', 'Bean Validation', 'validation', ['javax.validation*', 'jakarta.validation*'], ['org.springframework.boot:spring-boot-starter-validation']),
  go('go-playground-validator', 'validator', 'validation', ['github.com/go-playground/validator'], ['github.com/go-playground/validator/v10']),
  // tests
  py('pytest', 'pytest', 'test', ['pytest'], ['pytest', 'pytest-django']),
  py('django-test', 'Django test framework', 'test', ['django.test', 'rest_framework.test'], []),
  // `unittest` itself, not `unittest.mock`, which pytest suites import as well.
  py('unittest', 'unittest', 'test', ['unittest$'], []),
  js('jest', 'Jest', 'test', ['@jest/globals', 'jest'], ['jest', 'ts-jest']),
  js('vitest', 'Vitest', 'test', ['vitest'], ['vitest']),
  js('mocha', 'Mocha', 'test', ['mocha'], ['mocha']),
  js('chai', 'Chai', 'test', ['chai'], ['chai']),
  js('supertest', 'SuperTest', 'test', ['supertest'], ['supertest']),
  js('nest-testing', '@nestjs/testing', 'test', ['@nestjs/testing'], ['@nestjs/testing']),
  go('testify', 'testify', 'test', ['github.com/stretchr/testify'], ['github.com/stretchr/testify']),
  go('go-test', 'go test', 'test', ['testing'], []),
  jvm('junit5', 'JUnit 5', 'test', ['org.junit.jupiter*'], ['org.junit.jupiter:junit-jupiter', 'org.springframework.boot:spring-boot-starter-test']),
  jvm('junit4', 'JUnit 4', 'test', ['org.junit'], ['junit:junit']),
  jvm('spring-boot-test', 'Spring Boot Test', 'test', ['org.springframework.boot.test*', 'org.springframework.test*'], ['org.springframework.boot:spring-boot-starter-test']),
  jvm('mockito', 'Mockito', 'test', ['org.mockito*'], ['org.mockito:mockito-core']),
  php('phpunit', 'PHPUnit', 'test', ['PHPUnit'], ['phpunit/phpunit']),
  php('pest', 'Pest', 'test', ['Pest'], ['pestphp/pest']),
  php('laravel-testing', 'Laravel testing', 'test', ['Illuminate\\Foundation\\Testing', 'Tests\\TestCase'], []),
];

/** True when an imported module means the library (see `LibraryEntry.imports`). */
export function importMatches(entry: LibraryEntry, module: string): boolean {
  return entry.imports.some((prefix) => {
    if (prefix.endsWith('*')) return module.startsWith(prefix.slice(0, -1));
    if (prefix.endsWith('$')) return module === prefix.slice(0, -1);
    if (module === prefix) return true;
    const rest = module.slice(prefix.length);
    return module.startsWith(prefix) && (rest.startsWith('.') || rest.startsWith('/') || rest.startsWith('\\'));
  });
}

