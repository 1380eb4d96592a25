import type { JobItem } from '../../api';
import type { SearchSpec } from '../search';
import { compact, iso, keyCol } from './common';

export interface JobRow {
  jobKey: string;
  type: string;
  worker: string | null;
  state: string;
  kind: string;
  retries: number;
  deadline: number | null;
  errorMessage: string | null;
  errorCode: string | null;
  customHeaders: string;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  endTime: number | null;
  tenantId: string;
}

export const jobSearch: SearchSpec<JobRow, JobItem> = {
  from: 'rm_job j',
  select: [
    keyCol('j.key', 'jobKey'),
    'j.type AS type',
    'j.worker AS worker',
    'j.state AS state',
    'j.kind AS kind',
    'j.retries AS retries',
    'j.deadline AS deadline',
    'j.error_message AS errorMessage',
    'j.error_code AS errorCode',
    'j.custom_headers AS customHeaders',
    'j.element_id AS elementId',
    keyCol('j.element_instance_key', 'elementInstanceKey'),
    keyCol('j.process_instance_key', 'processInstanceKey'),
    keyCol('j.process_definition_key', 'processDefinitionKey'),
    'j.bpmn_process_id AS processDefinitionId',
    'j.end_time AS endTime',
    'j.tenant_id AS tenantId',
  ].join(', '),
  key: 'j.key',
  filters: {
    jobKey: { kind: 'key', sql: 'j.key' },
    type: { kind: 'string', sql: 'j.type' },
    worker: { kind: 'string', sql: 'j.worker' },
    state: { kind: 'string', sql: 'j.state' },
    kind: { kind: 'string', sql: 'j.kind' },
    retries: { kind: 'integer', sql: 'j.retries' },
    deadline: { kind: 'date', sql: 'j.deadline' },
    endTime: { kind: 'date', sql: 'j.end_time' },
    errorMessage: { kind: 'string', sql: 'j.error_message' },
    errorCode: { kind: 'string', sql: 'j.error_code' },
    elementId: { kind: 'string', sql: 'j.element_id' },
    elementInstanceKey: { kind: 'key', sql: 'j.element_instance_key' },
    processInstanceKey: { kind: 'key', sql: 'j.process_instance_key' },
    processDefinitionKey: { kind: 'key', sql: 'j.process_definition_key' },
    processDefinitionId: { kind: 'string', sql: 'j.bpmn_process_id' },
    tenantId: { kind: 'string', sql: 'j.tenant_id' },
  },
  sorts: {
    jobKey: 'j.key',
    type: 'j.type',
    worker: "coalesce(j.worker, '')",
    state: 'j.state',
    kind: 'j.kind',
    retries: 'j.retries',
    deadline: 'coalesce(j.deadline, 9007199254740991)',
    elementId: 'j.element_id',
    processInstanceKey: 'j.process_instance_key',
    processDefinitionId: 'j.bpmn_process_id',
    tenantId: 'j.tenant_id',
  },
  toItem: (row) =>
    compact({
      ...row,
      customHeaders: JSON.parse(row.customHeaders) as Record<string, string>,
      // both are required by Camunda 8.8's JobSearchResult: a job not yet activated has the empty worker
      worker: row.worker ?? '',
      listenerEventType: 'UNSPECIFIED',
      deadline: iso(row.deadline),
      endTime: iso(row.endTime),
      hasFailedWithRetriesLeft: row.state === 'FAILED' && row.retries > 0,
    }),
};
