import type { Database } from 'better-sqlite3';
import { createCandidateTable } from './user-task-candidates';

/**
 * Tables of the read models behind the REST searches. Keys are INTEGER (numeric sort, exact int64) and are read
 * back with CAST(… AS TEXT); times are epoch ms. Prefixed `rm_` to stay apart from the engine's own state tables.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS rm_process_definition (
  key INTEGER PRIMARY KEY, bpmn_process_id TEXT NOT NULL, name TEXT, version INTEGER NOT NULL,
  version_tag TEXT, resource_name TEXT NOT NULL, resource TEXT NOT NULL, start_form_id TEXT,
  deployment_key INTEGER, tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_pd_id ON rm_process_definition (bpmn_process_id, version);

CREATE TABLE IF NOT EXISTS rm_element_name (
  process_definition_key INTEGER NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (process_definition_key, element_id)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS rm_form (
  key INTEGER PRIMARY KEY, form_id TEXT NOT NULL, version INTEGER NOT NULL, resource TEXT NOT NULL,
  tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_form_id ON rm_form (form_id, version);

CREATE TABLE IF NOT EXISTS rm_decision_definition (
  key INTEGER PRIMARY KEY, decision_id TEXT NOT NULL, name TEXT, version INTEGER NOT NULL,
  decision_requirements_id TEXT, decision_requirements_key INTEGER, tenant_id TEXT NOT NULL, version_tag TEXT);

-- the DMN resources, for GET /v2/decision-definitions/{key}/xml and /v2/decision-requirements/{key}/xml
CREATE TABLE IF NOT EXISTS rm_decision_requirements (
  key INTEGER PRIMARY KEY, decision_requirements_id TEXT NOT NULL, name TEXT, version INTEGER NOT NULL,
  resource_name TEXT, resource TEXT NOT NULL, tenant_id TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS rm_process_instance (
  key INTEGER PRIMARY KEY, bpmn_process_id TEXT NOT NULL, process_definition_key INTEGER NOT NULL,
  version INTEGER NOT NULL, state TEXT NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER,
  parent_process_instance_key INTEGER, parent_element_instance_key INTEGER, tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_pi_state ON rm_process_instance (state, bpmn_process_id);

CREATE TABLE IF NOT EXISTS rm_element_instance (
  key INTEGER PRIMARY KEY, process_instance_key INTEGER NOT NULL, process_definition_key INTEGER NOT NULL,
  bpmn_process_id TEXT NOT NULL, element_id TEXT NOT NULL, type TEXT NOT NULL, state TEXT NOT NULL,
  flow_scope_key INTEGER, start_date INTEGER NOT NULL, end_date INTEGER, tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_ei_pi ON rm_element_instance (process_instance_key);

CREATE TABLE IF NOT EXISTS rm_sequence_flow (
  key INTEGER PRIMARY KEY, process_instance_key INTEGER NOT NULL, process_definition_key INTEGER NOT NULL,
  bpmn_process_id TEXT NOT NULL, element_id TEXT NOT NULL, tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_sf_pi ON rm_sequence_flow (process_instance_key);

CREATE TABLE IF NOT EXISTS rm_variable (
  key INTEGER PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL, scope_key INTEGER NOT NULL,
  process_instance_key INTEGER NOT NULL, tenant_id TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS rm_var_scope ON rm_variable (scope_key, name);
CREATE INDEX IF NOT EXISTS rm_var_pi ON rm_variable (process_instance_key, name);

CREATE TABLE IF NOT EXISTS rm_incident (
  key INTEGER PRIMARY KEY, error_type TEXT NOT NULL, error_message TEXT NOT NULL, bpmn_process_id TEXT NOT NULL,
  process_definition_key INTEGER NOT NULL, process_instance_key INTEGER NOT NULL, element_id TEXT NOT NULL,
  element_instance_key INTEGER NOT NULL, job_key INTEGER, state TEXT NOT NULL, creation_time INTEGER NOT NULL,
  tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_inc_pi ON rm_incident (process_instance_key, state);
CREATE INDEX IF NOT EXISTS rm_inc_ei ON rm_incident (element_instance_key, state);

CREATE TABLE IF NOT EXISTS rm_user_task (
  key INTEGER PRIMARY KEY, state TEXT NOT NULL, assignee TEXT, candidate_groups TEXT NOT NULL,
  candidate_users TEXT NOT NULL, due_date TEXT, follow_up_date TEXT, form_key INTEGER,
  external_form_reference TEXT, custom_headers TEXT NOT NULL, priority INTEGER NOT NULL, element_id TEXT NOT NULL,
  name TEXT, element_instance_key INTEGER NOT NULL, bpmn_process_id TEXT NOT NULL,
  process_definition_key INTEGER NOT NULL, process_definition_version INTEGER NOT NULL,
  process_instance_key INTEGER NOT NULL, creation_date INTEGER NOT NULL, completion_date INTEGER,
  tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_ut_state ON rm_user_task (state, assignee);
CREATE INDEX IF NOT EXISTS rm_ut_pi ON rm_user_task (process_instance_key);
-- the task list's usual query: open tasks, newest first (the key breaks ties in ascending order)
CREATE INDEX IF NOT EXISTS rm_ut_state_created ON rm_user_task (state, creation_date DESC, key);

CREATE TABLE IF NOT EXISTS rm_job (
  key INTEGER PRIMARY KEY, type TEXT NOT NULL, worker TEXT, state TEXT NOT NULL, kind TEXT NOT NULL,
  retries INTEGER NOT NULL, deadline INTEGER, error_message TEXT, error_code TEXT, custom_headers TEXT NOT NULL,
  element_id TEXT NOT NULL, element_instance_key INTEGER NOT NULL, process_instance_key INTEGER NOT NULL,
  process_definition_key INTEGER NOT NULL, bpmn_process_id TEXT NOT NULL, creation_time INTEGER NOT NULL,
  end_time INTEGER, tenant_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rm_job_state ON rm_job (state, type);
CREATE INDEX IF NOT EXISTS rm_job_pi ON rm_job (process_instance_key);
`;

export const READ_MODEL_TABLES = [
  'rm_process_definition', 'rm_element_name', 'rm_form', 'rm_decision_definition', 'rm_decision_requirements', 'rm_process_instance',
  'rm_element_instance', 'rm_sequence_flow', 'rm_variable', 'rm_incident', 'rm_user_task', 'rm_user_task_candidate',
  'rm_job',
] as const;

export function createReadModelTables(db: Database): void {
  db.exec(DDL);
  addMissingColumn(db, 'rm_decision_definition', 'version_tag', 'TEXT');
  createCandidateTable(db);
}

/** Read models created by an older release lack columns added since; rows written before keep NULL there. */
function addMissingColumn(db: Database, table: string, column: string, type: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}
