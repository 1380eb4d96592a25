import { type Kysely } from 'kysely';
import { createTable, index, protectAppendOnly, type Dialect } from './define';

/** Cycles, plans, rounds, teams, inspections and what they find. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTable(db, dialect, 'cycles', ['id text pk', 'start_date text!', 'end_date text!', 'label text!']);
  await createTable(db, dialect, 'plans', [
    'id text pk', 'year int!', 'cycle_id text', 'status text!', 'data text!', 'approved_at text', 'created_at text!',
  ]);
  await createTable(db, dialect, 'rounds', ['id text pk', 'plan_id text!', 'no int!', 'start_date text!', 'end_date text!'],
    { unique: [['plan_id', 'no']] });
  await createTable(db, dialect, 'teams', ['id text pk', 'plan_id text!', 'name text!'], { unique: [['plan_id', 'name']] });
  await createTable(db, dialect, 'team_members', ['team_id text!', 'person_id text!', 'role text!'],
    { primaryKey: ['team_id', 'person_id'] });
  await createTable(db, dialect, 'inspections', [
    'id text pk', 'round_id text', 'team_id text', 'unit_code text!', 'status text!', 'opened_at text!',
    'onsite_start text', 'onsite_end text', 'report_due text', 'report_submitted_at text', 'report_approved_at text',
    'feedback_at text', 'rectification_due text', 'closed_at text',
  ]);
  await index(db, 'inspections', ['unit_code']);
  await createTable(db, dialect, 'methods_used', [
    'id text pk', 'inspection_id text!', 'method int!', 'note text', 'recorded_at text!',
  ]);
  await createTable(db, dialect, 'problems', [
    'id text pk', 'inspection_id text!', 'no int!', 'unit_code text!', 'enterprise_code text', 'category text!',
    'severity text!', 'industry text', 'description text!', 'legal_basis text', 'route text', 'department_code text',
    'status text!', 'due text', 'escalation_level int!', 'created_at text!',
  ], { unique: [['inspection_id', 'no']] });
  await createTable(db, dialect, 'evidence', [
    'seq seq', 'id text! unique', 'sha256 text!', 'prev_hash text! unique', 'chain_hash text!', 'inspection_id text',
    'problem_id text', 'kind text!', 'file_name text!', 'media_type text!', 'size int!', 'captured_by text!',
    'captured_at text!', 'location text', 'stored_at text!',
  ]);
  await index(db, 'evidence', ['inspection_id']);
  await protectAppendOnly(db, dialect, 'evidence');
  await createTable(db, dialect, 'rectifications', ['id text pk', 'inspection_id text!', 'report text!', 'submitted_at text!']);
  await createTable(db, dialect, 'reviews', [
    'id text pk', 'rectification_id text!', 'accepted int!', 'opinion text!', 'reviewed_at text!',
  ]);
  await createTable(db, dialect, 'assessments', [
    'id text pk', 'inspection_id text! unique', 'unit_code text!', 'score real!', 'details text!', 'created_at text!',
  ]);
}
