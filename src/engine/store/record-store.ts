import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { type EngineRecord, type EngineOptions } from '../api';
import { componentLogger } from '../../logging';
import { WalCheckpointer } from './wal-checkpointer';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS engine_records (
  position INTEGER PRIMARY KEY,
  record_key TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  record_type TEXT NOT NULL,
  value_type TEXT NOT NULL,
  intent TEXT NOT NULL,
  -- record_version: the version of the event's shape, which picks its applier (see state/appliers)
  record_version INTEGER NOT NULL DEFAULT 1,
  -- rejection_type, rejection_reason: kept for databases of an earlier layout that logged rejections; always NULL
  rejection_type TEXT,
  rejection_reason TEXT,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS engine_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS engine_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL,
  next_key TEXT NOT NULL, shape TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS engine_snapshot_chunks (seq INTEGER PRIMARY KEY, field TEXT NOT NULL, data TEXT NOT NULL);
-- deployed resources are read again at start-up; partial indexes keep that from scanning the whole log
CREATE INDEX IF NOT EXISTS engine_records_processes ON engine_records(position) WHERE value_type = 'PROCESS';
CREATE INDEX IF NOT EXISTS engine_records_drgs ON engine_records(position) WHERE value_type = 'DECISION_REQUIREMENTS';
`;

const COMPACTED_THROUGH_META = 'compacted_through';

/** Records written by one INSERT statement at most (8 parameters each, well below SQLite's limit on parameters). */
const ROWS_PER_INSERT = 32;
const COLUMNS = 8;

/**
 * The append-only record log in SQLite (WAL). One transaction per batch; the durability mode decides whether a
 * batch is flushed to disk before it counts (full), only handed to the OS (normal), or lives in memory.
 *
 * With `full`, SQLite writes the WAL without syncing it (synchronous NORMAL, which still syncs around checkpoints),
 * and `syncLog` flushes the WAL file with fdatasync on the libuv thread pool. That is what synchronous FULL does
 * after each commit, but the event loop is not blocked meanwhile, and one flush covers every batch written before
 * it started; the command loop answers nobody before that flush has completed.
 */
export class RecordStore {
  readonly db: Db;
  /** Set with durability `full`: the WAL file whose flush makes the written batches durable. */
  private readonly walPath: string | undefined;
  private walFd: number | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;
  /** `inserts[n - 1]` writes n records with one statement (prepared on first use). */
  private readonly inserts: Statement[] = [];
  private readonly setMeta: Statement;
  private readonly getMeta: Statement;

  constructor(options: Pick<EngineOptions, 'dataDir' | 'durability'>) {
    if (options.durability === 'memory') {
      this.db = new Database(':memory:');
    } else {
      fs.mkdirSync(options.dataDir, { recursive: true });
      this.db = new Database(path.join(options.dataDir, 'engine.db'));
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      if (options.durability === 'full') {
        this.walPath = `${this.db.name}-wal`;
        this.checkpointer = new WalCheckpointer(this.db, componentLogger('engine-store'));
      }
    }
    this.db.pragma('foreign_keys = OFF');
    // an early snapshot layout kept the state in one column; such a snapshot is dropped (the log stays complete)
    const snapshotColumns = this.db.pragma('table_info(engine_snapshot)') as { name: string }[];
    if (snapshotColumns.some((c) => c.name === 'state')) this.db.exec('DROP TABLE engine_snapshot');
    addRecordVersion(this.db);
    this.db.exec(SCHEMA);
    this.setMeta = this.db.prepare('INSERT INTO engine_meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
    this.getMeta = this.db.prepare('SELECT value FROM engine_meta WHERE name = ?');
  }

  /** Whether written batches count only after `syncLog` (durability `full`). */
  get needsSync(): boolean {
    return this.walPath !== undefined;
  }

  /**
   * Flushes everything written to the WAL so far to disk, off the event loop. The file is opened on the first
   * call (SQLite has created it by the first commit); the folder is flushed once too, so the file's entry is durable.
   */
  syncLog(done: (error?: Error) => void): void {
    if (!this.walPath) {
      done();
      return;
    }
    this.checkpointer?.afterCommit();
    try {
      if (this.walFd === undefined) {
        this.walFd = fs.openSync(this.walPath, 'r');
        syncFolder(path.dirname(this.walPath));
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    fs.fdatasync(this.walFd, (error) => done(error ?? undefined));
  }

  /** The last position written; a compaction may have deleted that record, not its position. */
  lastPosition(): number {
    const row = this.db.prepare('SELECT MAX(position) AS p FROM engine_records').get() as { p: number | null };
    return Math.max(row.p ?? 0, this.compactedThrough());
  }

  meta(name: string): string | undefined {
    const row = this.getMeta.get(name) as { value: string } | undefined;
    return row?.value;
  }

  /** Writes one meta value on its own (settings that change outside a command, such as the clock's). */
  setMetaValue(name: string, value: string): void {
    this.setMeta.run(name, value);
  }

  /**
   * Appends records and meta values; must run inside a transaction opened by the caller. `serialised` may hold the
   * values' JSON already; records may share one value object (an element instance's life-cycle records).
   */
  append(records: readonly EngineRecord[], meta: Record<string, string>, serialised = new Map<object, string>()): void {
    // several rows per statement: each statement run has a fixed cost (binding, stepping, resetting)
    for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
      const count = Math.min(ROWS_PER_INSERT, records.length - start);
      const params = new Array<unknown>(count * COLUMNS);
      let p = 0;
      for (let i = start; i < start + count; i++) {
        const r = records[i];
        params[p++] = r.position;
        params[p++] = r.key;
        params[p++] = r.timestamp;
        params[p++] = r.recordType;
        params[p++] = r.valueType;
        params[p++] = r.intent;
        params[p++] = r.recordVersion;
        let json = serialised.get(r.value);
        if (json === undefined) {
          json = JSON.stringify(r.value);
          serialised.set(r.value, json);
        }
        params[p++] = json;
      }
      this.insertOf(count).run(params);
    }
    for (const [name, value] of Object.entries(meta)) this.setMeta.run(name, value);
  }

  private insertOf(rows: number): Statement {
    let statement = this.inserts[rows - 1];
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO engine_records (position, record_key, timestamp, record_type, value_type, intent, record_version, value)
           VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.inserts[rows - 1] = statement;
    }
    return statement;
  }

  /** Reads the log in order, streaming rows as arrays (cheaper than row objects) so replay stays fast. */
  *read(fromPosition = 1): Generator<EngineRecord> {
    const rows = this.db
      .prepare(
        `SELECT position, record_key, timestamp, record_type, value_type, intent, record_version, value
         FROM engine_records WHERE position >= ? ORDER BY position`,
      )
      .raw(true);
    for (const row of rows.iterate(fromPosition) as Iterable<RawRow>) {
      yield toRecord({
        position: row[0], record_key: row[1], timestamp: row[2], record_type: row[3], value_type: row[4], intent: row[5],
        record_version: row[6], value: row[7],
      });
    }
  }

  /** Replaces the snapshot (call inside the batch transaction, so that it matches the log up to `position`). */
  saveSnapshot(snapshot: StoredSnapshot, chunks: Iterable<{ field: string; data: string }>): void {
    this.db
      .prepare(`INSERT INTO engine_snapshot (id, position, next_key, shape) VALUES (1, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET position = excluded.position, next_key = excluded.next_key, shape = excluded.shape`)
      .run(snapshot.position, snapshot.nextKey, snapshot.shape);
    this.db.exec('DELETE FROM engine_snapshot_chunks');
    const insert = this.db.prepare('INSERT INTO engine_snapshot_chunks (field, data) VALUES (?, ?)');
    for (const chunk of chunks) insert.run(chunk.field, chunk.data);
  }

  loadSnapshot(): StoredSnapshot | undefined {
    const row = this.db.prepare('SELECT position, next_key AS nextKey, shape FROM engine_snapshot WHERE id = 1').get();
    return row as StoredSnapshot | undefined;
  }

  snapshotChunks(): Iterable<{ field: string; data: string }> {
    return this.db.prepare('SELECT field, data FROM engine_snapshot_chunks ORDER BY seq').iterate() as Iterable<{ field: string; data: string }>;
  }

  /**
   * Deletes the records up to `position` (a snapshot's, inside its transaction) except what outlives the snapshot:
   * the deployed processes and decision requirements, whose resources are parsed again at start-up. The REST reads
   * use the projections, never the log.
   */
  compactThrough(position: number): number {
    const { changes } = this.db
      .prepare(`DELETE FROM engine_records WHERE position <= ?
        AND NOT (value_type IN ('PROCESS', 'DECISION_REQUIREMENTS') AND intent = 'CREATED')`)
      .run(position);
    this.setMeta.run(COMPACTED_THROUGH_META, String(position));
    return changes;
  }

  /** The position up to which the log was compacted (0: the log is complete). */
  compactedThrough(): number {
    return Number(this.meta(COMPACTED_THROUGH_META) ?? 0);
  }

  /** Deletes the log and meta values (purge); projections clear their own tables. */
  clear(): void {
    this.db.exec('DELETE FROM engine_records; DELETE FROM engine_meta; DELETE FROM engine_snapshot; DELETE FROM engine_snapshot_chunks;');
  }

  /** Closes the log; the checkpointer's thread has ended (and released the files) when this resolves. */
  async close(): Promise<void> {
    const checkpointerEnded = this.checkpointer?.close();
    if (this.walFd !== undefined) fs.closeSync(this.walFd);
    this.walFd = undefined;
    this.db.close();
    await checkpointerEnded;
  }
}

/**
 * Migrates a log of the layout before record versions: every event in it was written in the shape of version 1,
 * which the column's default gives the existing rows.
 */
function addRecordVersion(db: Db): void {
  const columns = db.pragma('table_info(engine_records)') as { name: string }[];
  if (columns.length > 0 && !columns.some((c) => c.name === 'record_version')) {
    db.exec('ALTER TABLE engine_records ADD COLUMN record_version INTEGER NOT NULL DEFAULT 1');
  }
}

/** Makes a new file's entry in its folder durable; some platforms cannot sync a folder, which is then skipped. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // e.g. Windows refuses to open or sync a folder
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export interface StoredSnapshot {
  /** Last log position contained in the state. */
  position: number;
  nextKey: string;
  shape: string;
}

type RawRow = [number, string, number, RecordRow['record_type'], RecordRow['value_type'], string, number, string];

interface RecordRow {
  position: number;
  record_key: string;
  timestamp: number;
  record_type: EngineRecord['recordType'];
  value_type: EngineRecord['valueType'];
  intent: string;
  record_version: number;
  value: string;
}

function toRecord(row: RecordRow): EngineRecord {
  return {
    position: row.position,
    key: row.record_key,
    timestamp: row.timestamp,
    recordType: row.record_type,
    valueType: row.value_type,
    intent: row.intent,
    recordVersion: row.record_version,
    value: JSON.parse(row.value) as EngineRecord['value'],
  };
}
