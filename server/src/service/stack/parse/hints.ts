import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { ComposeService, DatabaseHint, ManifestFacts } from '../../types';
import { FactsBuilder } from './common';

/**
 * Files that name a database without listing packages: `.env.example`, Compose files, Spring
 * and Play settings, Laravel's `config/database.php` and Prisma schemas. Each is read line by
 * line with patterns anchored to the line or to a fixed word, so any size costs one pass.
 */

/** URL schemes and JDBC/R2DBC prefixes, as the database they reach. */
const URL_SCHEMES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:jdbc:|r2dbc:)?postgres(?:ql)?(?:\+\w+)?:\/\/|\bjdbc:postgresql:|\br2dbc:postgresql:/i, 'postgresql'],
  [/\b(?:jdbc:|r2dbc:)?(?:mysql|mariadb)(?:\+\w+)?:\/\/|\bjdbc:(?:mysql|mariadb):|\br2dbc:(?:mysql|mariadb):/i, 'mysql'],
  [/\bmongodb(?:\+srv)?:\/\//i, 'mongodb'],
  [/\brediss?:\/\//i, 'redis'],
  [/\bsqlite(?:\+\w+)?:\/\/|\bjdbc:sqlite:/i, 'sqlite'],
];

/** Container images of database servers (`postgres:16`, `bitnami/mysql`, `redis/redis-stack`). */
const IMAGES: readonly (readonly [RegExp, string])[] = [
  [/^(?:[\w.-]+(?::\d+)?\/)*(?:postgres|postgresql|postgis|timescaledb(?:-ha)?|pgvector)(?:[:@]|$)/i, 'postgresql'],
  [/^(?:[\w.-]+(?::\d+)?\/)*(?:mysql|mariadb|mysql-server|percona(?:-server)?)(?:[:@]|$)/i, 'mysql'],
  [/^(?:[\w.-]+(?::\d+)?\/)*(?:mongo|mongodb|mongodb-community-server)(?:[:@]|$)/i, 'mongodb'],
  [/^(?:[\w.-]+(?::\d+)?\/)*(?:redis|redis-stack(?:-server)?|valkey|keydb)(?:[:@]|$)/i, 'redis'],
];

/** Laravel connection names and Django engine suffixes, as database ids. */
const DRIVER_NAMES: Readonly<Record<string, string>> = {
  pgsql: 'postgresql', postgres: 'postgresql', postgresql: 'postgresql', postgresql_psycopg2: 'postgresql',
  mysql: 'mysql', mariadb: 'mysql',
  sqlite: 'sqlite', sqlite3: 'sqlite',
  mongodb: 'mongodb', redis: 'redis',
};

/** JDBC driver classes named in settings (`driver-class-name`, `db.default.driver`). */
const DRIVER_CLASSES: readonly (readonly [RegExp, string])[] = [
  [/\borg\.postgresql\.Driver\b/, 'postgresql'],
  [/\bcom\.mysql\.(?:cj\.)?jdbc\.Driver\b|\borg\.mariadb\.jdbc\.Driver\b/, 'mysql'],
  [/\borg\.sqlite\.JDBC\b/, 'sqlite'],
];

type HintKind = 'env' | 'compose' | 'settings' | 'laravel' | 'prisma';

/** The hint kind of a file name, or undefined. */
export function hintKindOf(path: string): HintKind | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dir = slash === -1 ? '' : path.slice(0, slash);
  if (/^\.env\.(?:example|sample|template|dist|defaults)$/.test(name)) return 'env';
  if (/^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose';
  if (/^application(?:-[\w.-]+)?\.(?:properties|ya?ml)$/.test(name) && (dir === 'src/main/resources' || dir.endsWith('/src/main/resources') || dir.endsWith('src/main/resources/config'))) return 'settings';
  if (name === 'application.conf' && (dir === 'conf' || dir.endsWith('/conf'))) return 'settings';
  if (name === 'database.php' && (dir === 'config' || dir.endsWith('/config'))) return 'laravel';
  if (name.endsWith('.prisma')) return 'prisma';
  return undefined;
}

/** The folder whose service a hint file describes: above `src/main/resources`, `conf`, `config`, `prisma`. */
export function hintRootOf(path: string): string {
  const parts = path.split('/');
  parts.pop();
  const strip = (tail: readonly string[]): boolean => {
    if (parts.length < tail.length || tail.some((t, i) => parts[parts.length - tail.length + i] !== t)) return false;
    parts.splice(parts.length - tail.length);
    return true;
  };
  if (!strip(['src', 'main', 'resources', 'config']) && !strip(['src', 'main', 'resources'])) {
    if (!strip(['prisma', 'schema']) && !strip(['prisma'])) strip([parts[parts.length - 1] === 'conf' ? 'conf' : 'config']);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

const firstMatch = (table: readonly (readonly [RegExp, string])[], text: string): string | undefined => table.find(([re]) => re.test(text))?.[1];

/** Reads the databases a hint file names, each once, at its first line. */
export function parseHints(path: string, text: string): ManifestFacts {
  const kind = hintKindOf(path)!;
  const facts = new FactsBuilder(path, `hints:${kind}`, text);
  const found = new Map<string, number>();
  const note = (id: string | undefined, line: number): void => {
    if (id !== undefined && !found.has(id)) found.set(id, line);
  };
  let prismaBlock = false;
  for (let line = 0; line < facts.lines.lineCount; line++) {
    const raw = facts.lines.lineText(line);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) continue;
    if (kind === 'prisma') {
      if (/^datasource\s+\w+\s*\{/.test(trimmed)) prismaBlock = true;
      else if (trimmed.startsWith('}')) prismaBlock = false;
      const provider = prismaBlock ? /^provider\s*=\s*"(\w+)"/.exec(trimmed) : null;
      if (provider) note(DRIVER_NAMES[provider[1]!.toLowerCase()], line);
      continue;
    }
    if (kind === 'laravel') {
      const m = /^'default'\s*=>\s*(?:env\(\s*'DB_CONNECTION'\s*,\s*)?'(\w+)'/.exec(trimmed);
      if (m) note(DRIVER_NAMES[m[1]!.toLowerCase()], line);
      continue;
    }
    if (kind === 'compose') {
      const image = /^-?\s*image\s*:\s*["']?([^\s"'#]+)/.exec(trimmed);
      if (image) note(firstMatch(IMAGES, image[1]!), line);
    }
    if (kind === 'env') {
      const m = /^(?:export\s+)?(DB_CONNECTION|DB_DRIVER|DATABASE_ENGINE|DB_ENGINE|DATABASE_TYPE|DB_TYPE)\s*=\s*["']?([\w.]+)/i.exec(trimmed);
      if (m) note(DRIVER_NAMES[m[2]!.toLowerCase().replace(/^django\.db\.backends\./, '')], line);
    }
    if (kind === 'settings') note(firstMatch(DRIVER_CLASSES, trimmed), line);
    if (trimmed.length <= 4096) note(firstMatch(URL_SCHEMES, trimmed), line);
  }
  const hints: DatabaseHint[] = [...found].map(([id, line]) => ({ id, line }));
  const compose = kind === 'compose' ? composeServices(text, facts) : undefined;
  return { ...facts.build(), ...(hints.length > 0 ? { databases: hints } : {}), ...(compose?.length ? { compose } : {}) };
}

/** A Compose file's size past which its services are not told apart (its databases still count for the file). */
const MAX_COMPOSE = 512 * 1024;

/** A folder named after the database it builds (`build: context: mysql`, `./docker/postgres`). */
const DATABASE_FOLDERS: Readonly<Record<string, string>> = { postgres: 'postgresql', postgresql: 'postgresql', pgsql: 'postgresql', mysql: 'mysql', mariadb: 'mysql', mongo: 'mongodb', mongodb: 'mongodb', redis: 'redis', valkey: 'redis' };

/** A scalar's text, or undefined for a missing or non-scalar node. */
function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/**
 * The services of a Compose file: what each runs (its build folder, its image, or the database
 * of its image or build folder) and what it uses (`depends_on`, `links`, hosts and URLs in its
 * environment). Undefined when the file is not a readable Compose mapping.
 */
function composeServices(text: string, facts: FactsBuilder): ComposeService[] | undefined {
  if (text.length > MAX_COMPOSE) return undefined;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const services = doc.contents.get('services', true);
  if (!isMap(services)) return undefined;
  const names = new Set(services.items.map((pair) => scalarText(pair.key) ?? ''));
  const out: ComposeService[] = [];
  for (const pair of services.items) {
    const name = scalarText(pair.key);
    if (name === undefined || !isMap(pair.value)) continue;
    const body = pair.value as YAMLMap;
    const line = facts.lines.positionAt((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0).line;
    // `get(key, true)` keeps scalars as nodes, so that a plain `build: ./api` is told from a mapping.
    const rawBuild = body.get('build', true);
    const context = scalarText(rawBuild) ?? (isMap(rawBuild) ? scalarText(rawBuild.get('context', true)) ?? '.' : undefined);
    const dockerfile = isMap(rawBuild) ? scalarText(rawBuild.get('dockerfile', true)) : undefined;
    // A Dockerfile in a sub-folder of the context (`context: .`, `dockerfile: api/Dockerfile`) builds that folder.
    const build = context === undefined ? undefined : dockerfile?.includes('/') && !dockerfile.startsWith('/') ? `${context.replace(/\/+$/, '')}/${dockerfile.slice(0, dockerfile.lastIndexOf('/'))}` : context;
    const image = scalarText(body.get('image', true));
    const folder = context?.replace(/\/+$/, '').split('/').pop()?.toLowerCase();
    const database = (image !== undefined ? firstMatch(IMAGES, image) : undefined) ?? (folder !== undefined ? DATABASE_FOLDERS[folder] : undefined);
    const uses = new Set<string>();
    const dependsOn = body.get('depends_on', true);
    if (isSeq(dependsOn)) for (const item of dependsOn.items) addName(uses, scalarText(item));
    if (isMap(dependsOn)) for (const item of dependsOn.items) addName(uses, scalarText(item.key));
    const links = body.get('links', true);
    if (isSeq(links)) for (const item of links.items) addName(uses, scalarText(item)?.split(':')[0]);
    const reaches: DatabaseHint[] = [];
    const env = body.get('environment', true);
    const values: { value: string; offset: number }[] = [];
    if (isMap(env)) {
      for (const item of env.items) {
        const value = scalarText(item.value);
        if (value !== undefined) values.push({ value, offset: (item.value as { range?: [number, number, number] }).range?.[0] ?? 0 });
      }
    }
    if (isSeq(env)) {
      for (const item of env.items) {
        const value = scalarText(item);
        if (value !== undefined) values.push({ value: value.slice(value.indexOf('=') + 1), offset: (item as { range?: [number, number, number] }).range?.[0] ?? 0 });
      }
    }
    for (const { value, offset } of values) {
      if (value.length > 4096) continue;
      const id = firstMatch(URL_SCHEMES, value);
      if (id !== undefined) reaches.push({ id, line: facts.lines.positionAt(offset).line });
      // A host named in the environment (`DB_HOST: db`, `postgres://u@db:5432/x`) is a service it uses.
      for (const host of value.match(/[A-Za-z0-9_.-]+/g) ?? []) if (host !== name && names.has(host)) uses.add(host);
    }
    out.push({ name, line, ...(build !== undefined ? { build } : {}), ...(image !== undefined ? { image } : {}), ...(database !== undefined ? { database } : {}), uses: [...uses], reaches });
  }
  return out;
}

function addName(set: Set<string>, name: string | undefined): void {
  if (name !== undefined && name !== '') set.add(name);
}
