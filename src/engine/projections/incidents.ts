import type { Database } from 'better-sqlite3';
import type { EngineRecord, IncidentRecordValue } from '../api';
import { prepared } from './statements';

/** INCIDENT records: CREATED inserts an ACTIVE incident, RESOLVED marks it RESOLVED. */
export function applyIncidentRecord({ intent, key, timestamp, value: v }: EngineRecord<IncidentRecordValue>, db: Database): void {
  if (intent === 'CREATED') {
    prepared(
      db,
      `INSERT OR REPLACE INTO rm_incident (key, error_type, error_message, bpmn_process_id, process_definition_key,
         process_instance_key, element_id, element_instance_key, job_key, state, creation_time, tenant_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)`,
    ).run(
      key,
      v.errorType,
      v.errorMessage,
      v.bpmnProcessId,
      v.processDefinitionKey,
      v.processInstanceKey,
      v.elementId,
      v.elementInstanceKey,
      v.jobKey === '-1' ? null : v.jobKey,
      timestamp,
      v.tenantId,
    );
  } else if (intent === 'RESOLVED') {
    prepared(db, "UPDATE rm_incident SET state = 'RESOLVED' WHERE key = ?").run(key);
  }
}
