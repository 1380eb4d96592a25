import { type Kysely } from 'kysely';
import { createTable, index, type Dialect } from './define';

/**
 * Nothing entered is lost: every completed task's editable form fields are kept in the 办理记录 register, with what
 * the task was about. The inspection report keeps its three parts (情况、原因、建议), a talk when it was held and who
 * was talked to, an acceptance its experts, the funds spent and its date, so the documents drawn from them say it.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTable(db, dialect, 'task_entries', [
    'id text pk', 'task_key text! unique', 'form_id text!', 'task_name text!', 'process_instance_key text',
    'inspection_id text', 'problem_id text', 'hazard_id text', 'talk_id text',
    // who besides the office may read it: the unit or department the task was offered to; null = need-to-know
    'audience text', 'fields text!', 'entered_by text!', 'entered_at text!',
  ]);
  await index(db, 'task_entries', ['inspection_id']);
  for (const column of ['report_summary', 'report_causes', 'report_suggestions']) {
    await db.schema.alterTable('inspections').addColumn(column, 'text').execute();
  }
  for (const column of ['held_at', 'interviewee']) await db.schema.alterTable('talks').addColumn(column, 'text').execute();
  for (const column of ['accepted_on', 'experts', 'funds_spent']) await db.schema.alterTable('acceptances').addColumn(column, 'text').execute();
}
