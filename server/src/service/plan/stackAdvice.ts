import { TECHNOLOGIES } from '../stack/technologies';
import type { ServiceStack } from '../types';
import { append } from '../text';

/**
 * Advice that follows the detected stack: how the ORM the service already uses does migrations
 * and pooling, and a filter that drops guidance naming a competing library of a kind the service
 * has already chosen (TypeORM advice for a Prisma service, PyJWT for one on python-jose).
 */

/** How each ORM or data-access library migrates and pools, for the data layer of a plan. */
const ORM_PRACTICE: Readonly<Record<string, { readonly migrations: string; readonly pool: string }>> = {
  prisma: { migrations: '`prisma migrate dev` to write migrations, `prisma migrate deploy` in the deployment', pool: '`connection_limit` and `pool_timeout` in the datasource URL' },
  typeorm: { migrations: 'TypeORM migrations (`migration:generate`, `migration:run`), `synchronize` off', pool: 'DataSource `extra.max` (node-postgres pool size)' },
  sequelize: { migrations: 'sequelize-cli migrations (`db:migrate`)', pool: 'the `pool: { max, idle }` option of the Sequelize instance' },
  drizzle: { migrations: 'drizzle-kit (`generate`, then `migrate`)', pool: 'the driver pool handed to Drizzle (`pg.Pool({ max })`)' },
  mongoose: { migrations: 'no schema migrations; data migrations as versioned scripts (migrate-mongo)', pool: '`maxPoolSize` in the connection options' },
  waterline: { migrations: '`migrate: \'safe\'` in production, changes as versioned scripts', pool: 'the adapter\'s pool settings in `config/datastores.js`' },
  sqlalchemy: { migrations: 'Alembic (`alembic revision --autogenerate`, `alembic upgrade head`)', pool: '`create_engine(pool_size=…, max_overflow=…, pool_pre_ping=True)`' },
  'django-orm': { migrations: 'Django migrations (`makemigrations`, `migrate`)', pool: '`CONN_MAX_AGE` (or the psycopg pool in `OPTIONS`)' },
  'tortoise-orm': { migrations: 'Aerich', pool: '`maxsize` in the connection credentials' },
  gorm: { migrations: 'versioned SQL migrations (golang-migrate or goose); `AutoMigrate` only for local development', pool: '`sql.DB` from `db.DB()`: `SetMaxOpenConns`, `SetMaxIdleConns`, `SetConnMaxLifetime`' },
  'beego-orm': { migrations: 'Beego\'s `bee migrate` migrations', pool: '`orm.MaxIdleConnections` and `orm.MaxOpenConnections` in `RegisterDataBase`' },
  sqlx: { migrations: '`sqlx migrate add` / `sqlx migrate run` (`sqlx::migrate!` at startup in development)', pool: 'the pool options (`max_connections`, `acquire_timeout`)' },
  diesel: { migrations: 'Diesel migrations (`diesel migration generate`, `diesel_migrations::embed_migrations!`)', pool: 'an r2d2 or deadpool pool (`max_size`)' },
  'sea-orm': { migrations: 'sea-orm-migration (`sea-orm-cli migrate`)', pool: '`ConnectOptions::max_connections`' },
  'spring-data-jpa': { migrations: 'Flyway or Liquibase (with `spring.jpa.hibernate.ddl-auto=validate`)', pool: 'HikariCP (`spring.datasource.hikari.maximum-pool-size`)' },
  hibernate: { migrations: 'Flyway or Liquibase (with `hbm2ddl.auto=validate`)', pool: 'HikariCP' },
  ebean: { migrations: 'Ebean DB migrations (`DbMigration` generating SQL, run at start)', pool: 'the Ebean DataSource pool (`maxConnections`)' },
  anorm: { migrations: 'Play evolutions (`conf/evolutions/default/N.sql`)', pool: 'HikariCP through Play\'s `db.default.hikaricp`' },
  slick: { migrations: 'Play evolutions or Flyway', pool: 'Slick\'s `numThreads` and `maxConnections` in `slick.dbs.default.db`' },
  eloquent: { migrations: 'Laravel migrations (`php artisan make:migration`, `migrate --force` on deploy)', pool: 'PHP opens a connection per request: pool with PgBouncer or ProxySQL when needed' },
  doctrine: { migrations: 'Doctrine Migrations (`doctrine:migrations:diff`, `doctrine:migrations:migrate`)', pool: 'PHP opens a connection per request: pool with PgBouncer when needed' },
};

/** Tools that only migrate: when one is present it is the migration answer, whatever the ORM. */
const MIGRATION_ONLY = new Set(['alembic', 'flyway', 'liquibase']);

/** The migration and pool advice for a service's detected data layer, or undefined when it shows no ORM. */
export function dataPractice(service: ServiceStack | undefined): { orm: string[]; migrations?: string; pool?: string } | undefined {
  if (!service) return undefined;
  const orms = service.orms.filter((o) => !MIGRATION_ONLY.has(o));
  const migrators = service.orms.filter((o) => MIGRATION_ONLY.has(o));
  const practice = orms.map((o) => ORM_PRACTICE[o]).find((p) => p !== undefined);
  if (orms.length === 0 && migrators.length === 0) return undefined;
  const migrations = migrators.length > 0 ? `${migrators.map(displayName).join(', ')} (in the manifests)` : practice?.migrations;
  return { orm: orms.map(displayName), ...(migrations ? { migrations } : {}), ...(practice ? { pool: practice.pool } : {}) };
}

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
