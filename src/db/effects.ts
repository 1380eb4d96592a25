import { type Db } from './connect';

/**
 * Runs `work` once per idempotency key: the first run's result is stored in the same transaction as its
 * changes, later runs (a redelivered job) get the stored result back and change nothing.
 */
export async function once<T>(db: Db, key: string, at: string, work: (trx: Db) => Promise<T>, attempt = 0): Promise<T> {
  const done = await db.selectFrom('job_effects').select('result').where('key', '=', key).executeTakeFirst();
  if (done) return JSON.parse(done.result) as T;
  try {
    return await db.transaction().execute(async (trx) => {
      const again = await trx.selectFrom('job_effects').select('result').where('key', '=', key).executeTakeFirst();
      if (again) return JSON.parse(again.result) as T;
      const result = await work(trx);
      await trx.insertInto('job_effects').values({ key, result: JSON.stringify(result ?? null), created_at: at }).execute();
      return result;
    });
  } catch (err) {
    // Two deliveries raced (PostgreSQL): the loser's insert hits the key; return the winner's result.
    const winner = await db.selectFrom('job_effects').select('result').where('key', '=', key).executeTakeFirst();
    if (winner) return JSON.parse(winner.result) as T;
    // Another writer took a number or key this work wanted (PostgreSQL, concurrent jobs): start over.
    if (attempt < 3 && /unique|duplicate/i.test(String((err as Error)?.message))) return once(db, key, at, work, attempt + 1);
    throw err;
  }
}

/** The stored result of a key, if the work was done. */
export async function effectOf<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('job_effects').select('result').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.result) as T) : undefined;
}

/** Stores the result of work done outside the database (a message the engine took) under its key; the first wins. */
export async function recordEffect(db: Db, key: string, at: string, result: unknown): Promise<void> {
  await db.insertInto('job_effects').values({ key, result: JSON.stringify(result ?? null), created_at: at })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
}
