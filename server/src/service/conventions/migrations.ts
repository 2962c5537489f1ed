import { basename, dirname } from '../text';
import type { FileFacts } from '../types';
import type { Citation, MigrationFact } from './types';

/** One migration tool: the files it writes, and what else tells it is the one in use. */
interface MigrationTool {
  readonly tool: string;
  /** A path of one of its migration files. */
  readonly file: RegExp;
  /** How a new file is named, for the plan. */
  readonly naming: string;
  /** It counts only beside this data access library (a `migrations/*.js` is Sequelize's only with Sequelize). */
  readonly data?: string;
  /** Packages that declare it, when files alone do not say it. */
  readonly packages?: readonly string[];
}

/** The tools, most specific file shapes first. */
const TOOLS: readonly MigrationTool[] = [
  { tool: 'Alembic', file: /(?:^|\/)(?:alembic|migrations)\/versions\/[^/]+\.py$/, naming: '<revision>_<name>.py (alembic revision --autogenerate -m "<name>")', packages: ['alembic', 'flask-migrate'] },
  { tool: 'Django migrations', file: /(?:^|\/)migrations\/\d{4}_[^/]+\.py$/, naming: '<NNNN>_<name>.py, written by manage.py makemigrations' },
  { tool: 'Prisma Migrate', file: /(?:^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/, naming: '<timestamp>_<name>/migration.sql (prisma migrate dev --name <name>)' },
  { tool: 'Flyway', file: /(?:^|\/)V\d+(?:[._]\d+)*__[^/]+\.sql$/, naming: 'V<version>__<name>.sql', packages: ['org.flywaydb:flyway-core', 'org.flywaydb:flyway-mysql', 'org.flywaydb:flyway-database-postgresql'] },
  { tool: 'Liquibase', file: /(?:^|\/)(?:db\.)?changelog[^/]*\.(?:xml|ya?ml|sql)$|(?:^|\/)changelogs?\/[^/]+\.(?:xml|ya?ml|sql)$/, naming: 'a changeset in a new file included by the master changelog', packages: ['org.liquibase:liquibase-core'] },
  { tool: 'Laravel migrations', file: /(?:^|\/)database\/migrations\/\d{4}_\d{2}_\d{2}_\d{6}_[^/]+\.php$/, naming: '<YYYY_MM_DD_HHMMSS>_<name>.php (php artisan make:migration <name>)' },
  { tool: 'Doctrine Migrations', file: /(?:^|\/)migrations\/Version\d+\.php$/, naming: 'Version<timestamp>.php (bin/console make:migration)' },
  { tool: 'golang-migrate', file: /(?:^|\/)\d+_[^/]+\.up\.sql$/, naming: '<version>_<name>.up.sql and .down.sql' },
  { tool: 'Diesel migrations', file: /(?:^|\/)migrations\/[^/]+\/up\.sql$/, naming: '<timestamp>_<name>/up.sql and down.sql (diesel migration generate <name>)', data: 'diesel' },
  { tool: 'sqlx migrations', file: /(?:^|\/)migrations\/\d+_[^/]+\.sql$/, naming: '<timestamp>_<name>.sql (sqlx migrate add <name>)', data: 'sqlx-rs' },
  { tool: 'TypeORM migrations', file: /(?:^|\/)migrations?\/\d{10,}-[^/]+\.[jt]s$/, naming: '<timestamp>-<Name>.ts (typeorm migration:generate)', data: 'typeorm' },
  { tool: 'Sequelize migrations', file: /(?:^|\/)migrations\/[^/]+\.[cm]?[jt]s$/, naming: '<timestamp>-<name>.js (sequelize-cli migration:generate)', data: 'sequelize' },
  { tool: 'Knex migrations', file: /(?:^|\/)migrations\/[^/]+\.[cm]?[jt]s$/, naming: '<timestamp>_<name>.js (knex migrate:make <name>)', data: 'knex' },
  { tool: 'goose', file: /(?:^|\/)migrations\/\d+_[^/]+\.sql$/, naming: '<version>_<name>.sql with -- +goose Up/Down', packages: ['github.com/pressly/goose/v3'] },
  { tool: 'migrate-mongo', file: /(?:^|\/)migrate-mongo-config\.[jt]s$/, naming: '<timestamp>-<name>.js (migrate-mongo create <name>)' },
];

const CITED = 3;

/**
 * The migration tool of a service: the one whose files it holds (or its workspace libraries
 * hold), else GORM's `AutoMigrate` calls, else a tool only declared in a manifest. Undefined
 * when there is none: the plan then says so instead of naming one.
 */
export function migrationsOf(scope: readonly FileFacts[], dataIds: readonly string[], declared: (packages: readonly string[]) => Citation | undefined): MigrationFact | undefined {
  for (const t of TOOLS) {
    if (t.data !== undefined && !dataIds.includes(t.data)) continue;
    if (t.packages && t.tool === 'goose' && !declared(t.packages)) continue;
    const matching = scope.filter((f) => t.file.test(f.path) && !/(?:^|\/)(?:tests?|__tests__)\//.test(f.path));
    if (matching.length === 0) continue;
    // One file per folder: Django keeps a folder per app.
    const folders = new Map<string, string>();
    for (const f of matching) if (!folders.has(dirname(f.path))) folders.set(dirname(f.path), f.path);
    const latest = [...matching].sort((a, b) => (basename(a.path) < basename(b.path) ? 1 : -1))[0]!;
    const where = [...folders.values()].slice(0, CITED).map((path) => ({ path, line: 0 }));
    return { tool: t.tool, where, folder: dirname(latest.path), naming: t.naming };
  }
  const auto: Citation[] = [];
  for (const f of scope) {
    if (/_test\.go$/.test(f.path)) continue;
    for (const s of f.code?.signals ?? []) if (s.kind === 'automigrate' && auto.length < CITED) auto.push({ path: f.path, line: s.line + 1 });
  }
  if (auto.length > 0) return { tool: 'GORM AutoMigrate', where: auto };
  for (const t of TOOLS) {
    const at = t.packages ? declared(t.packages) : undefined;
    if (at) return { tool: t.tool, where: [at], naming: t.naming };
  }
  return undefined;
}
