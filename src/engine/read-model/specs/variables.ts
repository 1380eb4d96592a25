import type { VariableItem } from '../../api';
import type { SearchSpec } from '../search';
import { keyCol } from './common';

export interface VariableRow {
  variableKey: string;
  name: string;
  value: string;
  scopeKey: string;
  processInstanceKey: string;
  tenantId: string;
}

/** Values longer than this are cut in searches unless `truncateValues=false` (Camunda's default preview size). */
export const VARIABLE_PREVIEW_LENGTH = 8191;

export function toVariableItem(row: VariableRow, truncate: boolean): VariableItem {
  const isTruncated = truncate && row.value.length > VARIABLE_PREVIEW_LENGTH;
  return { ...row, value: isTruncated ? row.value.slice(0, VARIABLE_PREVIEW_LENGTH) : row.value, isTruncated };
}

export function variableSearch(truncate: boolean): SearchSpec<VariableRow, VariableItem> {
  return {
    from: 'rm_variable v',
    select: [
      keyCol('v.key', 'variableKey'),
      'v.name AS name',
      'v.value AS value',
      keyCol('v.scope_key', 'scopeKey'),
      keyCol('v.process_instance_key', 'processInstanceKey'),
      'v.tenant_id AS tenantId',
    ].join(', '),
    key: 'v.key',
    filters: {
      variableKey: { kind: 'key', sql: 'v.key' },
      name: { kind: 'string', sql: 'v.name' },
      value: { kind: 'string', sql: 'v.value' },
      scopeKey: { kind: 'key', sql: 'v.scope_key' },
      processInstanceKey: { kind: 'key', sql: 'v.process_instance_key' },
      tenantId: { kind: 'string', sql: 'v.tenant_id' },
      isTruncated: { kind: 'boolean', sql: `length(v.value) > ${VARIABLE_PREVIEW_LENGTH}` },
    },
    sorts: {
      variableKey: 'v.key',
      name: 'v.name',
      value: 'v.value',
      scopeKey: 'v.scope_key',
      processInstanceKey: 'v.process_instance_key',
      tenantId: 'v.tenant_id',
    },
    toItem: (row) => toVariableItem(row, truncate),
  };
}
