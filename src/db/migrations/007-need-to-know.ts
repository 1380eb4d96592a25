import { type Kysely } from 'kysely';
import { protectAppendOnly, type Dialect } from './define';

/**
 * A numbered document is final: the documents table refuses UPDATE and DELETE like the audit log. Evidence gains
 * its audience: `unit` when the inspected unit may see it (filed on the unit's own task); anything else, and every
 * record from before, is need-to-know (the team and the office), which protects complainants (四(三)).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await protectAppendOnly(db, dialect, 'documents');
  await db.schema.alterTable('evidence').addColumn('audience', 'text').execute();
}
