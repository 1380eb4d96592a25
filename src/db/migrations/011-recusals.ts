import { type Kysely } from 'kysely';
import { createTable, index, type Dialect } from './define';

/**
 * Recusals (回避) besides a person's home unit — a relative works there, a case involving the unit is pending: the
 * plan assistant keeps the person off that unit's team and the team check refuses a team that does not.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTable(db, dialect, 'recusals', [
    'person_id text!', 'unit_code text!', 'reason text!', 'recorded_by text!', 'recorded_at text!',
  ], { primaryKey: ['person_id', 'unit_code'] });
  await index(db, 'recusals', ['unit_code']);
}
