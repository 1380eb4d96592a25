// Backup and restore of everything the system keeps: the embedded engine's record log (SQLite), the domain store
// (SQLite file or PostgreSQL database) and the archive of documents and evidence (a content-addressed folder).
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { sqliteFile } from '../db/connect';
import { postgresTool, runTool } from './postgres-tools';

export interface BackupSources {
  /** The embedded engine's folder (ENGINE_DATA_DIR); left out when the engine is a Camunda cluster. */
  engineDataDir?: string;
  dataDir: string;
  databaseUrl?: string;
  /** Folder of pg_dump / pg_restore (PG_BIN_DIR). */
  pgBinDir?: string;
}

export interface Manifest {
  format: 1;
  createdAt: string;
  /** Which parts the backup holds, each with its files' SHA-256 (relative to the backup folder). */
  engine: boolean;
  domainStore: 'sqlite' | 'postgres';
  files: Record<string, string>;
}

const ENGINE_FILE = 'engine.db';
const SQLITE_FILE = 'domain.db';
const POSTGRES_FILE = 'domain.pgdump';
const ARCHIVE = 'archive';
const MANIFEST = 'manifest.json';

const isPostgres = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);
const exists = (path: string) => stat(path).then(() => true, () => false);

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

/** SQLite's online backup: a consistent copy while the engine or the app keeps writing (WAL). */
async function copySqlite(from: string, to: string): Promise<void> {
  const db = new BetterSqlite3(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

/** Writes a backup of every part into `outDir` (created; must not exist yet) and returns its manifest. */
export async function backup(sources: BackupSources, outDir: string): Promise<Manifest> {
  if (await exists(outDir)) throw new Error(`${outDir} exists already; a backup goes into a new folder`);
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const engineDb = sources.engineDataDir ? join(sources.engineDataDir, ENGINE_FILE) : undefined;
  const engine = !!engineDb && (await exists(engineDb));
  if (engine) await copySqlite(engineDb!, join(outDir, ENGINE_FILE));
  const domainStore = isPostgres(sources.databaseUrl) ? 'postgres' : 'sqlite';
  if (domainStore === 'postgres') {
    await runTool(postgresTool('pg_dump', sources.pgBinDir), [
      '--format=custom', '--no-owner', '--no-privileges', `--file=${join(outDir, POSTGRES_FILE)}`, `--dbname=${sources.databaseUrl}`,
    ]);
  } else {
    await copySqlite(sqliteFile(sources.databaseUrl, sources.dataDir), join(outDir, SQLITE_FILE));
  }
  const archive = join(sources.dataDir, ARCHIVE);
  if (await exists(archive)) await cp(archive, join(outDir, ARCHIVE), { recursive: true, filter: (f) => !f.endsWith('.tmp') });
  const files: Record<string, string> = {};
  for (const file of await filesUnder(outDir)) files[relative(outDir, file)] = await sha256(file);
  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), engine, domainStore, files };
  await writeFile(join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Reads a backup's manifest and checks every file against its SHA-256. */
export async function verifyBackup(fromDir: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(join(fromDir, MANIFEST), 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new Error(`unknown backup format ${String(manifest.format)}`);
  for (const [file, hash] of Object.entries(manifest.files)) {
    const actual = await sha256(join(fromDir, file)).catch(() => 'missing');
    if (actual !== hash) throw new Error(`backup file ${file} is ${actual === 'missing' ? 'missing' : 'damaged'}`);
  }
  return manifest;
}

async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    return (rows[0] as { n: number }).n === 0;
  } finally {
    await client.end();
  }
}

async function replaceSqlite(from: string, to: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${to}${suffix}`, { force: true })));
  await cp(from, to);
}

/**
 * Restores a backup into the configured set-up, which must be empty (nothing running, no engine log, no domain
 * store tables, no archive) unless `force` replaces what is there. The backup is verified first.
 */
export async function restore(target: BackupSources, fromDir: string, options: { force?: boolean } = {}): Promise<Manifest> {
  const manifest = await verifyBackup(fromDir);
  const engineDb = target.engineDataDir ? join(target.engineDataDir, ENGINE_FILE) : undefined;
  const domainFile = isPostgres(target.databaseUrl) ? undefined : sqliteFile(target.databaseUrl, target.dataDir);
  if ((manifest.domainStore === 'postgres') !== isPostgres(target.databaseUrl)) {
    throw new Error(`the backup holds a ${manifest.domainStore} domain store; DATABASE_URL names the other kind`);
  }
  if (manifest.engine && !engineDb) throw new Error('the backup holds the embedded engine\'s data; set ENGINE_DATA_DIR');
  if (!options.force) {
    const occupied: string[] = [];
    if (manifest.engine && (await exists(engineDb!))) occupied.push(engineDb!);
    if (domainFile && (await exists(domainFile))) occupied.push(domainFile);
    if (isPostgres(target.databaseUrl) && !(await postgresIsEmpty(target.databaseUrl))) occupied.push('the PostgreSQL database');
    if ((await filesUnder(join(target.dataDir, ARCHIVE))).length) occupied.push(join(target.dataDir, ARCHIVE));
    if (occupied.length) throw new Error(`not empty: ${occupied.join(', ')} (restore --force replaces them)`);
  }
  if (manifest.engine) {
    await mkdir(target.engineDataDir!, { recursive: true, mode: 0o700 });
    await replaceSqlite(join(fromDir, ENGINE_FILE), engineDb!);
  }
  if (domainFile) {
    await replaceSqlite(join(fromDir, SQLITE_FILE), domainFile);
  } else {
    await runTool(postgresTool('pg_restore', target.pgBinDir), [
      '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error',
      ...(options.force ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.databaseUrl}`, join(fromDir, POSTGRES_FILE),
    ]);
  }
  const archive = join(target.dataDir, ARCHIVE);
  if (options.force) await rm(archive, { recursive: true, force: true });
  if (await exists(join(fromDir, ARCHIVE))) await cp(join(fromDir, ARCHIVE), archive, { recursive: true });
  return manifest;
}
