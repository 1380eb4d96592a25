import { type Kysely } from 'kysely';
import { type Dialect } from './define';

/**
 * A unit's common short name (简称, 区住建局 for 区住房和城乡建设局): pickers offer both, so that a user finds the
 * unit by the name people actually say. Null where the unit has none.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('units').addColumn('short_name', 'text').execute();
}
