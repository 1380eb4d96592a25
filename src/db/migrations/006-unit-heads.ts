import { type Kysely } from 'kysely';
import { type Dialect } from './define';

/**
 * Each unit's 主要负责人 (principal person in charge), who receives the feedback, the talks and the escalation
 * letters in person; until now only the unit's accounts were known, with no way to tell the head among them.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('units').addColumn('head_person_id', 'text').execute();
}
