import type { ElementInstanceItem } from '../../api';
import type { SearchSpec } from '../search';
import { compact, iso, keyCol } from './common';

export interface ElementInstanceRow {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementName: string | null;
  type: string;
  state: string;
  startDate: number;
  endDate: number | null;
  incidentKey: string | null;
  tenantId: string;
}

const INCIDENT_KEY =
  "(SELECT CAST(i.key AS TEXT) FROM rm_incident i WHERE i.element_instance_key = ei.key AND i.state = 'ACTIVE' LIMIT 1)";
const ELEMENT_NAME =
  '(SELECT n.name FROM rm_element_name n WHERE n.process_definition_key = ei.process_definition_key AND n.element_id = ei.element_id)';

export const elementInstanceSearch: SearchSpec<ElementInstanceRow, ElementInstanceItem> = {
  from: 'rm_element_instance ei',
  // Camunda's element instances are the flow nodes inside a process instance, not the instance itself
  baseCondition: { sql: "ei.type <> 'PROCESS'", params: [] },
  select: [
    keyCol('ei.key', 'elementInstanceKey'),
    keyCol('ei.process_instance_key', 'processInstanceKey'),
    keyCol('ei.process_definition_key', 'processDefinitionKey'),
    'ei.bpmn_process_id AS processDefinitionId',
    'ei.element_id AS elementId',
    `${ELEMENT_NAME} AS elementName`,
    'ei.type AS type',
    'ei.state AS state',
    'ei.start_date AS startDate',
    'ei.end_date AS endDate',
    `${INCIDENT_KEY} AS incidentKey`,
    'ei.tenant_id AS tenantId',
  ].join(', '),
  key: 'ei.key',
  filters: {
    elementInstanceKey: { kind: 'key', sql: 'ei.key' },
    processInstanceKey: { kind: 'key', sql: 'ei.process_instance_key' },
    processDefinitionKey: { kind: 'key', sql: 'ei.process_definition_key' },
    processDefinitionId: { kind: 'string', sql: 'ei.bpmn_process_id' },
    elementId: { kind: 'string', sql: 'ei.element_id' },
    elementName: { kind: 'string', sql: ELEMENT_NAME },
    type: { kind: 'string', sql: 'ei.type' },
    state: { kind: 'string', sql: 'ei.state', values: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
    hasIncident: { kind: 'boolean', sql: `${INCIDENT_KEY} IS NOT NULL` },
    incidentKey: { kind: 'key', sql: INCIDENT_KEY },
    elementInstanceScopeKey: { kind: 'key', sql: 'ei.flow_scope_key' },
    startDate: { kind: 'date', sql: 'ei.start_date' },
    endDate: { kind: 'date', sql: 'ei.end_date' },
    tenantId: { kind: 'string', sql: 'ei.tenant_id' },
  },
  sorts: {
    elementInstanceKey: 'ei.key',
    processInstanceKey: 'ei.process_instance_key',
    processDefinitionKey: 'ei.process_definition_key',
    processDefinitionId: 'ei.bpmn_process_id',
    elementId: 'ei.element_id',
    type: 'ei.type',
    state: 'ei.state',
    startDate: 'ei.start_date',
    endDate: 'coalesce(ei.end_date, 9007199254740991)',
    tenantId: 'ei.tenant_id',
  },
  toItem: (row) =>
    compact({
      ...row,
      elementName: row.elementName ?? row.elementId,
      startDate: iso(row.startDate),
      endDate: iso(row.endDate),
      hasIncident: row.incidentKey !== null,
    }),
};
