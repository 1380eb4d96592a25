import { type Kysely } from 'kysely';
import { createTable, index, type Dialect } from './define';

/** Handovers, listed hazards, talks, documents, announcements and follow-up samples. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTable(db, dialect, 'handovers', [
    'id text pk', 'problem_id text!', 'department_code text!', 'document_id text', 'handover_no text', 'status text!',
    'sent_at text!', 'received_at text', 'result_due text', 'result_at text', 'result_text text',
  ]);
  await index(db, 'handovers', ['department_code', 'status']);
  await createTable(db, dialect, 'hazards', [
    'id text pk', 'problem_id text', 'name text!', 'unit_code text!', 'enterprise_code text', 'industry text',
    'standard_ref text', 'responsible text', 'measures text', 'funds text', 'rectify_due text', 'emergency_plan text',
    'listing_no text', 'status text!', 'listed_at text!', 'published_at text', 'delisted_at text',
  ]);
  await createTable(db, dialect, 'progress_reports', [
    'id text pk', 'hazard_id text!', 'reported_at text!', 'percent int!', 'text text!',
  ]);
  await createTable(db, dialect, 'extensions', [
    'id text pk', 'hazard_id text!', 'requested_due text!', 'reason text!', 'decision text!', 'decided_at text!',
  ]);
  await createTable(db, dialect, 'acceptances', [
    'id text pk', 'hazard_id text!', 'passed int!', 'opinion text!', 'decided_at text!',
  ]);
  await createTable(db, dialect, 'talks', [
    'id text pk', 'subject_unit_code text!', 'reason text!', 'at text!', 'attendees text!', 'minutes text',
    'follow_up_due text', 'inspection_id text', 'problem_id text', 'created_at text!',
  ]);
  await createTable(db, dialect, 'documents', [
    'id text pk', 'doc_type text!', 'issuer text!', 'year int!', 'seq int!', 'doc_no text! unique', 'title text!',
    'subject text!', 'path text!', 'sha256 text!', 'size int!', 'created_at text!',
  ], { unique: [['issuer', 'year', 'seq']] });
  await index(db, 'documents', ['subject']);
  await createTable(db, dialect, 'announcements', [
    'id text pk', 'kind text!', 'title text!', 'body text!', 'subject text!', 'published_at text!',
  ]);
  await createTable(db, dialect, 'samples', ['month text pk', 'seed text!', 'units text!', 'created_at text!']);
}
