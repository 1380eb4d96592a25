import type { Database } from 'better-sqlite3';
import type { EngineRecord, UserTaskRecordValue } from '../api';
import { USER_TASK_STATE_BY_INTENT as STATE_BY_INTENT } from '../state/types';
import { prepared } from './statements';
import { replaceCandidates, updateCandidateState } from './user-task-candidates';


const orNull = (text: string | undefined): string | null => (text ? text : null);

/** USER_TASK records → the task list's read model. */
export function applyUserTaskRecord(record: EngineRecord<UserTaskRecordValue>, db: Database): void {
  const { intent, timestamp, value: v } = record;
  const state = STATE_BY_INTENT[intent];
  if (!state) return;
  const key = v.userTaskKey && v.userTaskKey !== '-1' ? v.userTaskKey : record.key;
  if (intent === 'CREATING' || intent === 'CREATED') {
    insertTask(key, state, timestamp, v, db);
    return;
  }
  prepared(db, 'UPDATE rm_user_task SET state = ? WHERE key = ?').run(state, key);
  updateCandidateState(db, key, state);
  if (intent === 'ASSIGNED') {
    prepared(db, 'UPDATE rm_user_task SET assignee = ? WHERE key = ?').run(orNull(v.assignee), key);
  } else if (intent === 'UPDATED') {
    updateAttributes(key, state, v, db);
  } else if (intent === 'COMPLETED' || intent === 'CANCELED') {
    prepared(db, 'UPDATE rm_user_task SET completion_date = ? WHERE key = ?').run(timestamp, key);
  }
}

function insertTask(key: string, state: string, timestamp: number, v: UserTaskRecordValue, db: Database): void {
  prepared(
    db,
    `INSERT INTO rm_user_task (key, state, assignee, candidate_groups, candidate_users, due_date, follow_up_date,
       form_key, external_form_reference, custom_headers, priority, element_id, name, element_instance_key,
       bpmn_process_id, process_definition_key, process_definition_version, process_instance_key, creation_date,
       tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET state = excluded.state, assignee = excluded.assignee,
       candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
       due_date = excluded.due_date, follow_up_date = excluded.follow_up_date, form_key = excluded.form_key,
       external_form_reference = excluded.external_form_reference, custom_headers = excluded.custom_headers,
       priority = excluded.priority`,
  ).run(
    key,
    state,
    orNull(v.assignee),
    JSON.stringify(v.candidateGroupsList ?? []),
    JSON.stringify(v.candidateUsersList ?? []),
    orNull(v.dueDate),
    orNull(v.followUpDate),
    v.formKey && v.formKey !== '-1' ? v.formKey : null,
    orNull(v.externalFormReference),
    JSON.stringify(v.customHeaders ?? {}),
    v.priority ?? 50,
    v.elementId,
    orNull(v.elementName),
    v.elementInstanceKey,
    v.bpmnProcessId,
    v.processDefinitionKey,
    v.processDefinitionVersion,
    v.processInstanceKey,
    v.creationTimestamp && v.creationTimestamp > 0 ? v.creationTimestamp : timestamp,
    v.tenantId,
  );
  replaceCandidates(db, key, state, 'group', v.candidateGroupsList ?? []);
  replaceCandidates(db, key, state, 'user', v.candidateUsersList ?? []);
}

/** Applies the attributes an UPDATED record names as changed (all of them when it names none). */
function updateAttributes(key: string, state: string, v: UserTaskRecordValue, db: Database): void {
  const changed = new Set(v.changedAttributes?.length ? v.changedAttributes : ['candidateGroupsList', 'candidateUsersList', 'dueDate', 'followUpDate', 'priority']);
  const columns: [string, unknown][] = [];
  if (changed.has('candidateGroupsList')) {
    columns.push(['candidate_groups', JSON.stringify(v.candidateGroupsList ?? [])]);
    replaceCandidates(db, key, state, 'group', v.candidateGroupsList ?? []);
  }
  if (changed.has('candidateUsersList')) {
    columns.push(['candidate_users', JSON.stringify(v.candidateUsersList ?? [])]);
    replaceCandidates(db, key, state, 'user', v.candidateUsersList ?? []);
  }
  if (changed.has('dueDate')) columns.push(['due_date', orNull(v.dueDate)]);
  if (changed.has('followUpDate')) columns.push(['follow_up_date', orNull(v.followUpDate)]);
  if (changed.has('priority')) columns.push(['priority', v.priority ?? 50]);
  for (const [column, value] of columns) {
    prepared(db, `UPDATE rm_user_task SET ${column} = ? WHERE key = ?`).run(value, key);
  }
}
