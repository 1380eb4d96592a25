import type { Database } from 'better-sqlite3';
import type { EngineRecord, ProcessInstanceRecordValue } from '../api';
import { prepared } from './statements';

const END_STATES: Record<string, string> = { ELEMENT_COMPLETED: 'COMPLETED', ELEMENT_TERMINATED: 'TERMINATED' };

/** PROCESS_INSTANCE records → process instances, element instances and taken sequence flows. */
export function applyProcessInstanceRecord(record: EngineRecord<ProcessInstanceRecordValue>, db: Database): void {
  const { intent, key, timestamp, value: v } = record;
  if (intent === 'SEQUENCE_FLOW_TAKEN') {
    prepared(
      db,
      `INSERT OR IGNORE INTO rm_sequence_flow (key, process_instance_key, process_definition_key, bpmn_process_id,
         element_id, tenant_id) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(key, v.processInstanceKey, v.processDefinitionKey, v.bpmnProcessId, v.elementId, v.tenantId);
    return;
  }
  if (intent === 'ELEMENT_ACTIVATING') {
    if (v.bpmnElementType === 'PROCESS') {
      prepared(
        db,
        `INSERT OR IGNORE INTO rm_process_instance (key, bpmn_process_id, process_definition_key, version, state,
           start_date, parent_process_instance_key, parent_element_instance_key, tenant_id)
         VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)`,
      ).run(
        key,
        v.bpmnProcessId,
        v.processDefinitionKey,
        v.version,
        timestamp,
        v.parentProcessInstanceKey === '-1' ? null : v.parentProcessInstanceKey,
        v.parentElementInstanceKey === '-1' ? null : v.parentElementInstanceKey,
        v.tenantId,
      );
    }
    prepared(
      db,
      `INSERT OR IGNORE INTO rm_element_instance (key, process_instance_key, process_definition_key, bpmn_process_id,
         element_id, type, state, flow_scope_key, start_date, tenant_id) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)`,
    ).run(
      key,
      v.processInstanceKey,
      v.processDefinitionKey,
      v.bpmnProcessId,
      v.elementId,
      v.bpmnElementType,
      v.flowScopeKey === '-1' ? null : v.flowScopeKey,
      timestamp,
      v.tenantId,
    );
    return;
  }
  const endState = END_STATES[intent];
  if (!endState) return;
  prepared(db, 'UPDATE rm_element_instance SET state = ?, end_date = ? WHERE key = ?').run(endState, timestamp, key);
  if (v.bpmnElementType === 'PROCESS') {
    prepared(db, 'UPDATE rm_process_instance SET state = ?, end_date = ? WHERE key = ?').run(endState, timestamp, key);
  }
}
