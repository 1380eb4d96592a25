import type { DecisionDefinitionItem, ProcessDefinitionItem } from '../../api';
import type { SearchSpec } from '../search';
import { compact, keyCol } from './common';

export interface ProcessDefinitionRow {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  resourceName: string;
  tenantId: string;
  hasStartForm: number;
}

const IS_LATEST =
  '(pd.version = (SELECT max(p2.version) FROM rm_process_definition p2 WHERE p2.bpmn_process_id = pd.bpmn_process_id AND p2.tenant_id = pd.tenant_id))';

export const processDefinitionSearch: SearchSpec<ProcessDefinitionRow, ProcessDefinitionItem> = {
  from: 'rm_process_definition pd',
  select: [
    keyCol('pd.key', 'processDefinitionKey'),
    'pd.bpmn_process_id AS processDefinitionId',
    'pd.name AS name',
    'pd.version AS version',
    'pd.version_tag AS versionTag',
    'pd.resource_name AS resourceName',
    'pd.tenant_id AS tenantId',
    '(pd.start_form_id IS NOT NULL) AS hasStartForm',
  ].join(', '),
  key: 'pd.key',
  filters: {
    processDefinitionKey: { kind: 'key', sql: 'pd.key' },
    processDefinitionId: { kind: 'string', sql: 'pd.bpmn_process_id' },
    name: { kind: 'string', sql: 'pd.name' },
    version: { kind: 'integer', sql: 'pd.version' },
    versionTag: { kind: 'string', sql: 'pd.version_tag' },
    resourceName: { kind: 'string', sql: 'pd.resource_name' },
    tenantId: { kind: 'string', sql: 'pd.tenant_id' },
    hasStartForm: { kind: 'boolean', sql: '(pd.start_form_id IS NOT NULL)' },
    isLatestVersion: { kind: 'boolean', sql: IS_LATEST },
  },
  sorts: {
    processDefinitionKey: 'pd.key',
    processDefinitionId: 'pd.bpmn_process_id',
    name: "coalesce(pd.name, '')",
    version: 'pd.version',
    versionTag: "coalesce(pd.version_tag, '')",
    resourceName: 'pd.resource_name',
    tenantId: 'pd.tenant_id',
  },
  toItem: (row) => compact({ ...row, hasStartForm: row.hasStartForm === 1 }),
};

export interface DecisionDefinitionRow {
  decisionDefinitionKey: string;
  decisionDefinitionId: string;
  name: string | null;
  version: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: string;
  tenantId: string;
  versionTag: string | null;
}

export const decisionDefinitionSearch: SearchSpec<DecisionDefinitionRow, DecisionDefinitionItem> = {
  from: 'rm_decision_definition d',
  select: [
    keyCol('d.key', 'decisionDefinitionKey'),
    'd.decision_id AS decisionDefinitionId',
    'd.name AS name',
    'd.version AS version',
    'd.decision_requirements_id AS decisionRequirementsId',
    keyCol('d.decision_requirements_key', 'decisionRequirementsKey'),
    'd.tenant_id AS tenantId',
    'd.version_tag AS versionTag',
  ].join(', '),
  key: 'd.key',
  filters: {
    decisionDefinitionKey: { kind: 'key', sql: 'd.key' },
    decisionDefinitionId: { kind: 'string', sql: 'd.decision_id' },
    name: { kind: 'string', sql: 'd.name' },
    version: { kind: 'integer', sql: 'd.version' },
    decisionRequirementsId: { kind: 'string', sql: 'd.decision_requirements_id' },
    decisionRequirementsKey: { kind: 'key', sql: 'd.decision_requirements_key' },
    tenantId: { kind: 'string', sql: 'd.tenant_id' },
    versionTag: { kind: 'string', sql: 'd.version_tag' },
  },
  sorts: {
    decisionDefinitionKey: 'd.key',
    decisionDefinitionId: 'd.decision_id',
    name: "coalesce(d.name, '')",
    version: 'd.version',
    tenantId: 'd.tenant_id',
  },
  toItem: (row) => compact({ ...row }),
};
