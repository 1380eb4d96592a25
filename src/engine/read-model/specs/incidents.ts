import type { IncidentItem } from '../../api';
import type { SearchSpec } from '../search';
import { compact, iso, keyCol } from './common';

/** An incident as its projection row holds it: the item's fields, its creation time in epoch milliseconds. */
export type IncidentRow = Omit<IncidentItem, 'creationTime' | 'jobKey'> & { creationTime: number; jobKey: string | null };

export const incidentSearch: SearchSpec<IncidentRow, IncidentItem> = {
  from: 'rm_incident i',
  select: [
    keyCol('i.key', 'incidentKey'),
    keyCol('i.process_definition_key', 'processDefinitionKey'),
    'i.bpmn_process_id AS processDefinitionId',
    keyCol('i.process_instance_key', 'processInstanceKey'),
    'i.error_type AS errorType',
    'i.error_message AS errorMessage',
    'i.element_id AS elementId',
    keyCol('i.element_instance_key', 'elementInstanceKey'),
    'i.creation_time AS creationTime',
    'i.state AS state',
    keyCol('i.job_key', 'jobKey'),
    'i.tenant_id AS tenantId',
  ].join(', '),
  key: 'i.key',
  filters: {
    incidentKey: { kind: 'key', sql: 'i.key' },
    processDefinitionKey: { kind: 'key', sql: 'i.process_definition_key' },
    processDefinitionId: { kind: 'string', sql: 'i.bpmn_process_id' },
    processInstanceKey: { kind: 'key', sql: 'i.process_instance_key' },
    errorType: { kind: 'string', sql: 'i.error_type' },
    errorMessage: { kind: 'string', sql: 'i.error_message' },
    elementId: { kind: 'string', sql: 'i.element_id' },
    elementInstanceKey: { kind: 'key', sql: 'i.element_instance_key' },
    creationTime: { kind: 'date', sql: 'i.creation_time' },
    state: { kind: 'string', sql: 'i.state', values: ['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'] },
    jobKey: { kind: 'key', sql: 'i.job_key' },
    tenantId: { kind: 'string', sql: 'i.tenant_id' },
  },
  sorts: {
    incidentKey: 'i.key',
    processDefinitionKey: 'i.process_definition_key',
    processDefinitionId: 'i.bpmn_process_id',
    processInstanceKey: 'i.process_instance_key',
    errorType: 'i.error_type',
    errorMessage: 'i.error_message',
    elementId: 'i.element_id',
    elementInstanceKey: 'i.element_instance_key',
    creationTime: 'i.creation_time',
    state: 'i.state',
    jobKey: 'coalesce(i.job_key, -1)',
    tenantId: 'i.tenant_id',
  },
  toItem: (row) => compact({ ...row, creationTime: iso(row.creationTime) }),
};
