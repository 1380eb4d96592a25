import { compileColumn, fieldSchema, type CustomField } from '../fields';
import type { ProcessInstanceItem } from '../../api';
import type { SearchSpec } from '../search';
import { compact, iso, keyCol, variablesFilter } from './common';
import { z } from 'zod';

export interface ProcessInstanceRow {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  processDefinitionVersionTag: string | null;
  processDefinitionKey: string;
  startDate: number;
  endDate: number | null;
  state: string;
  hasIncident: number;
  tenantId: string;
  parentProcessInstanceKey: string | null;
  parentElementInstanceKey: string | null;
}

const HAS_INCIDENT = "EXISTS (SELECT 1 FROM rm_incident i WHERE i.process_instance_key = pi.key AND i.state = 'ACTIVE')";

/** Instances with an element instance matching a filter on the element-instance table `e`. */
function elementFilter(sql: string, kind: 'string' | 'boolean', values?: readonly string[]): CustomField {
  return {
    kind: 'custom',
    schema: fieldSchema({ kind, sql, values }),
    compile(value, params) {
      const condition = compileColumn({ kind, sql, values }, value, params);
      return `EXISTS (SELECT 1 FROM rm_element_instance e WHERE e.process_instance_key = pi.key AND ${condition})`;
    },
  };
}

const STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

export const processInstanceSearch: SearchSpec<ProcessInstanceRow, ProcessInstanceItem> = {
  from: 'rm_process_instance pi LEFT JOIN rm_process_definition pd ON pd.key = pi.process_definition_key',
  select: [
    keyCol('pi.key', 'processInstanceKey'),
    'pi.bpmn_process_id AS processDefinitionId',
    'pd.name AS processDefinitionName',
    'pi.version AS processDefinitionVersion',
    'pd.version_tag AS processDefinitionVersionTag',
    keyCol('pi.process_definition_key', 'processDefinitionKey'),
    'pi.start_date AS startDate',
    'pi.end_date AS endDate',
    'pi.state AS state',
    `${HAS_INCIDENT} AS hasIncident`,
    'pi.tenant_id AS tenantId',
    keyCol('pi.parent_process_instance_key', 'parentProcessInstanceKey'),
    keyCol('pi.parent_element_instance_key', 'parentElementInstanceKey'),
  ].join(', '),
  key: 'pi.key',
  allowOr: true,
  filters: {
    processInstanceKey: { kind: 'key', sql: 'pi.key' },
    processDefinitionId: { kind: 'string', sql: 'pi.bpmn_process_id' },
    processDefinitionName: { kind: 'string', sql: 'pd.name' },
    processDefinitionVersion: { kind: 'integer', sql: 'pi.version' },
    processDefinitionVersionTag: { kind: 'string', sql: 'pd.version_tag' },
    processDefinitionKey: { kind: 'key', sql: 'pi.process_definition_key' },
    parentProcessInstanceKey: { kind: 'key', sql: 'pi.parent_process_instance_key' },
    parentElementInstanceKey: { kind: 'key', sql: 'pi.parent_element_instance_key' },
    startDate: { kind: 'date', sql: 'pi.start_date' },
    endDate: { kind: 'date', sql: 'pi.end_date' },
    state: { kind: 'string', sql: 'pi.state', values: STATES },
    hasIncident: { kind: 'boolean', sql: HAS_INCIDENT },
    tenantId: { kind: 'string', sql: 'pi.tenant_id' },
    variables: variablesFilter('v.scope_key = pi.key'),
    elementId: elementFilter('e.element_id', 'string'),
    elementInstanceState: elementFilter('e.state', 'string', STATES),
    hasElementInstanceIncident: {
      kind: 'custom',
      schema: z.boolean(),
      compile: (value) =>
        `${value ? '' : 'NOT '}EXISTS (SELECT 1 FROM rm_incident i WHERE i.process_instance_key = pi.key AND i.state = 'ACTIVE' AND i.element_instance_key != pi.key)`,
    },
  },
  sorts: {
    processInstanceKey: 'pi.key',
    processDefinitionId: 'pi.bpmn_process_id',
    processDefinitionName: "coalesce(pd.name, '')",
    processDefinitionVersion: 'pi.version',
    processDefinitionVersionTag: "coalesce(pd.version_tag, '')",
    processDefinitionKey: 'pi.process_definition_key',
    parentProcessInstanceKey: 'coalesce(pi.parent_process_instance_key, -1)',
    parentElementInstanceKey: 'coalesce(pi.parent_element_instance_key, -1)',
    startDate: 'pi.start_date',
    endDate: 'coalesce(pi.end_date, 9007199254740991)',
    state: 'pi.state',
    hasIncident: HAS_INCIDENT,
    tenantId: 'pi.tenant_id',
  },
  toItem: (row) =>
    compact({
      ...row,
      processDefinitionName: row.processDefinitionName ?? row.processDefinitionId,
      startDate: iso(row.startDate),
      endDate: iso(row.endDate),
      hasIncident: row.hasIncident === 1,
    }),
};
