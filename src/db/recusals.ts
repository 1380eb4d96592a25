import { audit, type Actor } from './audit';
import { type Db } from './connect';

export interface Recusal {
  personId: string;
  unitCode: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

/** A recusal that cannot be recorded: the person or the unit is unknown, or no reason is given. */
export class RecusalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecusalError';
  }
}

/** Every recusal, by person and unit. */
export async function listRecusals(db: Db): Promise<Recusal[]> {
  const rows = await db.selectFrom('recusals').selectAll().orderBy('person_id').orderBy('unit_code').execute();
  return rows.map((r) => ({ personId: r.person_id, unitCode: r.unit_code, reason: r.reason, recordedBy: r.recorded_by, recordedAt: r.recorded_at }));
}

/**
 * Records that a person must not inspect a unit (回避), or gives an existing recusal its new reason; audited. The
 * person's home unit needs no entry: nobody inspects it anyway.
 */
export async function recordRecusal(db: Db, by: Actor, r: { personId: string; unitCode: string; reason: string }): Promise<Recusal> {
  const reason = r.reason.trim();
  if (!reason) throw new RecusalError('请填写回避事由。');
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').select(['id', 'name', 'unit_code']).where('id', '=', r.personId).executeTakeFirst();
    if (!person) throw new RecusalError(`人员名录中没有 ${r.personId}。`);
    const unit = await trx.selectFrom('units').select(['code', 'name']).where('code', '=', r.unitCode).executeTakeFirst();
    if (!unit) throw new RecusalError(`单位名录中没有 ${r.unitCode}。`);
    if (person.unit_code === unit.code) throw new RecusalError(`${unit.name}是${person.name}本人所在单位，已自动回避，无需登记。`);
    const row = { person_id: person.id, unit_code: unit.code, reason, recorded_by: by.name, recorded_at: by.at };
    await trx.insertInto('recusals').values(row)
      .onConflict((oc) => oc.columns(['person_id', 'unit_code']).doUpdateSet({ reason, recorded_by: by.name, recorded_at: by.at })).execute();
    await audit(trx, by, 'record', 'recusals', `${person.id}:${unit.code}`, { reason });
    return { personId: row.person_id, unitCode: row.unit_code, reason, recordedBy: by.name, recordedAt: by.at };
  });
}

/** Withdraws a recusal; false when there was none. Audited. */
export async function withdrawRecusal(db: Db, by: Actor, personId: string, unitCode: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('recusals').where('person_id', '=', personId).where('unit_code', '=', unitCode).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await audit(trx, by, 'withdraw', 'recusals', `${personId}:${unitCode}`, {});
    return true;
  });
}
