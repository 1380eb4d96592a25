import type { Database, Statement } from 'better-sqlite3';

/** Distinct search texts kept per database; searches differ only in their filters, so few texts recur. */
const MAX_STATEMENTS = 256;
const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * The prepared statement for this SQL text, prepared once per database (read-only statements only): compiling the same search SQL on every
 * call was a large part of a search's cost. The oldest text is dropped when the cache is full.
 */
export function cachedStatement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(sql);
  if (hit) {
    // most recently used last, so that eviction drops the least recently used text
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const statement = db.prepare(sql);
  // the engine's writable connection serves the read model when the database lives in memory: refuse any writer
  if (!statement.readonly) throw new Error(`The read model only reads, but this statement writes: ${sql}`);
  if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
  cache.set(sql, statement);
  return statement;
}
