import { type Db } from './connect';

/** What a task page needs to name a problem of the register instead of showing its id. */
export async function problemHeading(db: Db, id: string): Promise<{ no: number; description: string } | undefined> {
  return db.selectFrom('problems').select(['no', 'description']).where('id', '=', id).executeTakeFirst();
}

/**
 * What a task page needs to name a received 来信来电 (a method-3 row of methods_used, see workers/record.ts) instead of
 * showing its id: the recorded note and date. Nothing about who complained is read (四(三)).
 */
export async function complaintHeading(db: Db, id: string): Promise<{ note: string | null; recordedAt: string } | undefined> {
  return db.selectFrom('methods_used').select(['note', 'recorded_at as recordedAt']).where('id', '=', id).where('method', '=', 3).executeTakeFirst();
}
