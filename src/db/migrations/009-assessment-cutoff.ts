import { type Kysely } from 'kysely';
import { createTable, index, protectAppendOnly, type Dialect } from './define';

/**
 * The assessment cut-off (三（三）6): each entry knows its assessment year and when that year freezes; once frozen
 * its score stays as known at the cut-off, and later closures are appended as updates (append-only).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('year', 'integer').execute();
  await db.schema.alterTable('assessments').addColumn('cutoff_at', 'text').execute();
  await db.schema.alterTable('assessments').addColumn('frozen_at', 'text').execute();
  await index(db, 'assessments', ['year']);
  await createTable(db, dialect, 'assessment_updates', [
    'id text pk', 'assessment_id text!', 'score real!', 'details text!', 'reason text!', 'recorded_at text!',
  ]);
  await index(db, 'assessment_updates', ['assessment_id']);
  await protectAppendOnly(db, dialect, 'assessment_updates');
}
