import type { Database } from 'better-sqlite3';
import type { EngineRecord, VariableRecordValue } from '../api';
import { prepared } from './statements';

/** VARIABLE records (CREATED/UPDATED) → one row per (scope, name), keyed by the variable's key. */
export function applyVariableRecord({ key, value: v }: EngineRecord<VariableRecordValue>, db: Database): void {
  prepared(
    db,
    `INSERT INTO rm_variable (key, name, value, scope_key, process_instance_key, tenant_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (scope_key, name) DO UPDATE SET value = excluded.value`,
  ).run(key, v.name, v.value, v.scopeKey, v.processInstanceKey, v.tenantId);
}
