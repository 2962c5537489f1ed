import { TECHNOLOGIES } from '../stack/technologies';
import type { ServiceStack } from '../types';
import { append } from '../text';

/**
 * Advice that follows the detected stack: how the data access library the service already uses
 * migrates, and a filter that drops guidance naming a competing library of a kind the service
 * has already chosen (TypeORM advice for a Prisma service, PyJWT for one on python-jose).
 */

/** How each data access library migrates its schema, for a suggestion where a service has no migration tool (ids of `conventions/libraries.ts`). */
export const ORM_MIGRATIONS: Readonly<Record<string, string>> = {
  prisma: '`prisma migrate dev` to write migrations, `prisma migrate deploy` in the deployment',
  typeorm: 'TypeORM migrations (`migration:generate`, `migration:run`), `synchronize` off',
  sequelize: 'sequelize-cli migrations (`db:migrate`)',
  drizzle: 'drizzle-kit (`generate`, then `migrate`)',
  mongoose: 'no schema migrations; data migrations as versioned scripts (migrate-mongo)',
  waterline: '`migrate: \'safe\'` in production, changes as versioned scripts',
  sqlalchemy: 'Alembic (`alembic revision --autogenerate`, `alembic upgrade head`)',
  'django-orm': 'Django migrations (`makemigrations`, `migrate`)',
  'tortoise-orm': 'Aerich',
  gorm: 'versioned SQL migrations (golang-migrate or goose); `AutoMigrate` only for local development',
  'beego-orm': 'Beego\'s `bee migrate` migrations',
  sqlx: '`sqlx migrate add` / `sqlx migrate run` (`sqlx::migrate!` at startup in development)',
  diesel: 'Diesel migrations (`diesel migration generate`, `diesel_migrations::embed_migrations!`)',
  'sea-orm': 'sea-orm-migration (`sea-orm-cli migrate`)',
  'spring-data-jpa': 'Flyway or Liquibase (with `spring.jpa.hibernate.ddl-auto=validate`)',
  hibernate: 'Flyway or Liquibase (with `hbm2ddl.auto=validate`)',
  ebean: 'Ebean DB migrations (`DbMigration` generating SQL, run at start)',
  anorm: 'Play evolutions (`conf/evolutions/default/N.sql`)',
  slick: 'Play evolutions or Flyway',
  eloquent: 'Laravel migrations (`php artisan make:migration`, `migrate --force` on deploy)',
  doctrine: 'Doctrine Migrations (`doctrine:migrations:diff`, `doctrine:migrations:migrate`)',
  sqlmodel: 'Alembic (`alembic revision --autogenerate`, `alembic upgrade head`)',
  mybatis: 'versioned SQL scripts with Flyway or Liquibase',
  'mybatis-plus': 'versioned SQL scripts with Flyway or Liquibase',
};

/** Tools that only migrate: when one is present it is the migration answer, whatever the ORM. */
const MIGRATION_ONLY = new Set(['alembic', 'flyway', 'liquibase']);

/** The display name of a technology id. */
export function displayName(id: string): string {
  return TECHNOLOGIES.find((t) => t.id === id)?.name ?? id;
}

/**
 * Libraries that stand in for each other: a service using one has no use for advice about the
 * others. Every ORM rivals every other (migration-only tools aside); among auth libraries only
 * those doing the same job do.
 */
const RIVALS: readonly (readonly string[])[] = [
  TECHNOLOGIES.filter((t) => t.category === 'orm' && !MIGRATION_ONLY.has(t.id)).map((t) => t.id),
  ['pyjwt', 'python-jose', 'authlib'],
  ['laravel-sanctum', 'laravel-passport', 'jwt-auth'],
];

/** Libraries that belong together and never rule each other out (JPA on Hibernate, SQLModel on SQLAlchemy). */
const TOGETHER: readonly (readonly string[])[] = [['spring-data-jpa', 'hibernate'], ['sqlalchemy', 'alembic']];

/** Names a sentence may use for a technology, beyond its display name. */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  typeorm: ['TypeORM', 'TypeOrmModule', '@nestjs/typeorm'],
  pyjwt: ['PyJWT'],
  'python-jose': ['python-jose'],
  mongoose: ['Mongoose', '@nestjs/mongoose'],
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching the names of the libraries rivalling what the service uses, or undefined. */
function rivalNames(service: ServiceStack): RegExp | undefined {
  const used = new Set([...service.orms, ...service.auth]);
  const names: string[] = [];
  for (const group of RIVALS) {
    if (!group.some((id) => used.has(id))) continue;
    for (const id of group) {
      if (used.has(id) || TOGETHER.some((pair) => pair.includes(id) && pair.some((p) => used.has(p)))) continue;
      append(names, (SPELLINGS[id] ?? [displayName(id)]));
    }
  }
  return names.length === 0 ? undefined : new RegExp(`(?<![\\w-])(?:${[...new Set(names)].map(escapeRegExp).join('|')})(?![\\w-])`, 'i');
}

/** The items that name no library competing with what the service already uses. */
export function withoutRivals(items: readonly string[], service: ServiceStack | undefined): string[] {
  const rivals = service ? rivalNames(service) : undefined;
  return rivals ? items.filter((item) => !rivals.test(item)) : [...items];
}
