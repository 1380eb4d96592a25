import type { Database, Statement } from 'better-sqlite3';
import { type SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept: the store's queries differ mostly in their parameters, so few texts recur. */
const MAX_STATEMENTS = 512;

/**
 * The SQLite database as Kysely sees it, where each SQL text is prepared once: Kysely prepares every query it runs,
 * and compiling the same few texts again on every request was a large part of a page's cost under load. The least
 * recently used text is dropped when the cache is full. Kysely runs statements to completion synchronously (it
 * never streams here), so one prepared statement is never busy when it is reused.
 */
export function withCachedStatements(sqlite: Database): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
  };
}
