import type { Database } from 'better-sqlite3';
import type { EngineRecord, IncidentRecordValue, JobRecordValue, ProcessInstanceRecordValue, UserTaskRecordValue } from '../api';
import { prepared } from './statements';

/** ELEMENT_MIGRATED / MIGRATED records: the rows of a migrated instance name the target definition and element. */
export function applyMigratedRecord(record: EngineRecord, db: Database): void {
  const { key } = record;
  switch (record.valueType) {
    case 'PROCESS_INSTANCE': {
      const v = record.value as unknown as ProcessInstanceRecordValue;
      prepared(db, 'UPDATE rm_element_instance SET process_definition_key = ?, bpmn_process_id = ?, element_id = ? WHERE key = ?')
        .run(v.processDefinitionKey, v.bpmnProcessId, v.elementId, key);
      if (v.bpmnElementType === 'PROCESS') {
        prepared(db, 'UPDATE rm_process_instance SET process_definition_key = ?, bpmn_process_id = ?, version = ? WHERE key = ?')
          .run(v.processDefinitionKey, v.bpmnProcessId, v.version, key);
      }
      return;
    }
    case 'JOB': {
      const v = record.value as unknown as JobRecordValue;
      prepared(db, "UPDATE rm_job SET state = 'MIGRATED', process_definition_key = ?, bpmn_process_id = ?, element_id = ? WHERE key = ?")
        .run(v.processDefinitionKey, v.bpmnProcessId, v.elementId, key);
      return;
    }
    case 'USER_TASK': {
      const v = record.value as unknown as UserTaskRecordValue;
      prepared(db, `UPDATE rm_user_task SET process_definition_key = ?, process_definition_version = ?, bpmn_process_id = ?,
          element_id = ? WHERE key = ?`)
        .run(v.processDefinitionKey, v.processDefinitionVersion, v.bpmnProcessId, v.elementId, key);
      return;
    }
    case 'INCIDENT': {
      const v = record.value as unknown as IncidentRecordValue;
      prepared(db, 'UPDATE rm_incident SET process_definition_key = ?, bpmn_process_id = ?, element_id = ? WHERE key = ?')
        .run(v.processDefinitionKey, v.bpmnProcessId, v.elementId, key);
      return;
    }
    default:
      return;
  }
}
