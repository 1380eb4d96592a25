import { PostgresAdapter, sql } from 'kysely';
import { type Db } from './connect';

/**
 * Serialises writers of one sequence (文号 of an issuer and year, the evidence chain, listing numbers) for the
 * rest of the transaction. PostgreSQL takes a transaction-scoped advisory lock; SQLite needs none, since it has a
 * single writer. Without it, concurrent PostgreSQL writers would collide on the unique constraints and retry.
 */
export async function lockSequence(trx: Db, name: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
  }
}
