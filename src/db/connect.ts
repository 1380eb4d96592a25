import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool, types } from 'pg';
import { componentLogger } from '../logging';
import { withCachedStatements } from './cached-statements';
import { migrationProvider, type Dialect } from './migrations';
import { type Database } from './schema';

export type { Dialect } from './migrations';
export type Db = Kysely<Database>;

/** An open domain store: the typed query builder, which dialect it speaks, and how to close it. */
export interface Store {
  readonly db: Db;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… for PostgreSQL, sqlite:<file> or sqlite::memory: for SQLite; unset = SQLite under dataDir. */
  databaseUrl?: string;
  /** Folder of the default SQLite file (yicheng.db). */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

// PostgreSQL returns COUNT(*) and bigint as strings; the store only counts rows, so plain numbers are safe.
types.setTypeParser(20, (v) => Number(v));

/** Opens SQLite (default, zero set-up) or PostgreSQL, and brings the schema up to date. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl;
  let store: Store;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new Pool({ connectionString: url, max: 10 });
    // An idle connection ended by a PostgreSQL restart emits 'error' on the pool; unhandled, it would end the
    // process. The pool drops that connection and opens a new one on the next query.
    pool.on('error', (err) => componentLogger('db').warn({ err: err.message }, 'idle PostgreSQL connection lost'));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', close: () => db.destroy() };
  } else {
    const file = sqliteFile(url, options.dataDir);
    ownerOnly(file);
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withCachedStatements(sqlite) }) });
    store = { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  if (options.migrate !== false) await migrateToLatest(store);
  return store;
}

export function sqliteFile(url: string | undefined, dataDir: string | undefined): string {
  if (url?.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new Error('DATABASE_URL sqlite: needs a file name, e.g. sqlite:./data/yicheng.db or sqlite::memory:');
    return file;
  }
  if (!dataDir) return ':memory:';
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  return join(dataDir, 'yicheng.db');
}

/**
 * The database file readable by its owner only (0600): SQLite gives its -wal and -shm files the database file's
 * permissions, so creating it that way before SQLite opens it covers them too.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/** Applies every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const log = componentLogger('db');
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length > 0) log.info({ applied, dialect: store.dialect }, 'database migrated');
  return applied;
}
