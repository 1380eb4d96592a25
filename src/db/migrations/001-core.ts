import { type Kysely } from 'kysely';
import { createTable, index, protectAppendOnly, type Dialect } from './define';

/** Organisation, accounts and sessions, the in-app inbox, job idempotency and the audit log. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTable(db, dialect, 'units', [
    'code text pk', 'name text!', 'kind text!', 'parent_code text', 'domain text', 'supervising int!',
    'industry text', 'address text', 'email text', 'created_at text!',
  ]);
  await createTable(db, dialect, 'people', [
    'id text pk', 'name text!', 'unit_code text!', 'post text!', 'rank text', 'expert int!', 'safety_years int!',
    'email text', 'phone text', 'created_at text!',
  ]);
  await index(db, 'people', ['unit_code']);
  await createTable(db, dialect, 'accounts', [
    'id text pk', 'login text! unique', 'password_hash text!', 'display_name text!', 'person_id text',
    'unit_code text', 'disabled int!', 'created_at text!',
  ]);
  await createTable(db, dialect, 'roles', ['code text pk', 'name text!']);
  await createTable(db, dialect, 'memberships', ['id text pk', 'account_id text!', 'role_code text!', 'unit_code text'],
    { unique: [['account_id', 'role_code', 'unit_code']] });
  await index(db, 'memberships', ['role_code', 'unit_code']);
  await createTable(db, dialect, 'web_sessions', [
    'id text pk', 'account_id text!', 'created_at text!', 'expires_at text!', 'last_seen_at text!',
  ]);
  await createTable(db, dialect, 'notifications', [
    'id text pk', 'idempotency_key text! unique', 'account_id text!', 'template text!', 'subject text!', 'body text!',
    'email text', 'created_at text!', 'emailed_at text', 'read_at text',
  ]);
  await index(db, 'notifications', ['account_id', 'read_at']);
  await createTable(db, dialect, 'job_effects', ['key text pk', 'result text!', 'created_at text!']);
  await createTable(db, dialect, 'audit_log', [
    'seq seq', 'at text!', 'actor text!', 'action text!', 'entity text!', 'entity_id text!', 'data text!',
  ]);
  await index(db, 'audit_log', ['entity', 'entity_id']);
  await protectAppendOnly(db, dialect, 'audit_log');
}
