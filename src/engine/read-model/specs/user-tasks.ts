import type { UserTaskItem } from '../../api';
import type { SearchSpec } from '../search';
import { candidateFilter, compact, iso, keyCol, variablesFilter } from './common';
import { userTaskCount } from './user-task-count';

export interface UserTaskRow {
  userTaskKey: string;
  name: string | null;
  state: string;
  assignee: string | null;
  elementId: string;
  elementInstanceKey: string;
  candidateGroups: string;
  candidateUsers: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processInstanceKey: string;
  processName: string | null;
  creationDate: number;
  completionDate: number | null;
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  externalFormReference: string | null;
  customHeaders: string;
  priority: number;
  tenantId: string;
}

/** ISO text columns as epoch ms, so date filters compare instants rather than spellings. */
const epochMs = (column: string) => `CAST(unixepoch(${column}, 'subsec') * 1000 AS INTEGER)`;
const NAME = 'coalesce(t.name, t.element_id)';

export const userTaskSearch: SearchSpec<UserTaskRow, UserTaskItem> = {
  from: 'rm_user_task t LEFT JOIN rm_process_definition pd ON pd.key = t.process_definition_key',
  countFrom: 'rm_user_task t',
  count: userTaskCount,
  select: [
    keyCol('t.key', 'userTaskKey'),
    `${NAME} AS name`,
    't.state AS state',
    't.assignee AS assignee',
    't.element_id AS elementId',
    keyCol('t.element_instance_key', 'elementInstanceKey'),
    't.candidate_groups AS candidateGroups',
    't.candidate_users AS candidateUsers',
    't.bpmn_process_id AS processDefinitionId',
    keyCol('t.process_definition_key', 'processDefinitionKey'),
    't.process_definition_version AS processDefinitionVersion',
    keyCol('t.process_instance_key', 'processInstanceKey'),
    'pd.name AS processName',
    't.creation_date AS creationDate',
    't.completion_date AS completionDate',
    't.due_date AS dueDate',
    't.follow_up_date AS followUpDate',
    keyCol('t.form_key', 'formKey'),
    't.external_form_reference AS externalFormReference',
    't.custom_headers AS customHeaders',
    't.priority AS priority',
    't.tenant_id AS tenantId',
  ].join(', '),
  key: 't.key',
  filters: {
    userTaskKey: { kind: 'key', sql: 't.key' },
    state: {
      kind: 'string',
      sql: 't.state',
      values: ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'COMPLETED', 'CANCELING', 'CANCELED', 'FAILED'],
    },
    assignee: { kind: 'string', sql: 't.assignee' },
    priority: { kind: 'integer', sql: 't.priority' },
    elementId: { kind: 'string', sql: 't.element_id' },
    name: { kind: 'string', sql: NAME },
    candidateGroup: candidateFilter('group', 't.key'),
    candidateUser: candidateFilter('user', 't.key'),
    processDefinitionId: { kind: 'string', sql: 't.bpmn_process_id' },
    processDefinitionKey: { kind: 'key', sql: 't.process_definition_key' },
    processInstanceKey: { kind: 'key', sql: 't.process_instance_key' },
    elementInstanceKey: { kind: 'key', sql: 't.element_instance_key' },
    tenantId: { kind: 'string', sql: 't.tenant_id' },
    creationDate: { kind: 'date', sql: 't.creation_date' },
    completionDate: { kind: 'date', sql: 't.completion_date' },
    dueDate: { kind: 'date', sql: epochMs('t.due_date') },
    followUpDate: { kind: 'date', sql: epochMs('t.follow_up_date') },
    processInstanceVariables: variablesFilter('v.scope_key = t.process_instance_key'),
    localVariables: variablesFilter('v.scope_key = t.element_instance_key'),
  },
  sorts: {
    creationDate: 't.creation_date',
    completionDate: 'coalesce(t.completion_date, 9007199254740991)',
    followUpDate: `coalesce(${epochMs('t.follow_up_date')}, 9007199254740991)`,
    dueDate: `coalesce(${epochMs('t.due_date')}, 9007199254740991)`,
    priority: 't.priority',
    name: NAME,
  },
  toItem: (row) =>
    compact({
      ...row,
      candidateGroups: JSON.parse(row.candidateGroups) as string[],
      candidateUsers: JSON.parse(row.candidateUsers) as string[],
      customHeaders: JSON.parse(row.customHeaders) as Record<string, string>,
      processName: row.processName ?? row.processDefinitionId,
      creationDate: iso(row.creationDate),
      completionDate: iso(row.completionDate),
    }),
};
