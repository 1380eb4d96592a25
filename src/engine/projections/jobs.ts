import type { Database } from 'better-sqlite3';
import type { EngineRecord, JobRecordValue } from '../api';
import { prepared } from './statements';

/** Intents that end a job or change its search state; others (ACTIVATED, TIMEOUT_UPDATED…) only refresh fields. */
const STATE_BY_INTENT: Record<string, string> = {
  CREATED: 'CREATED',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  RETRIES_UPDATED: 'RETRIES_UPDATED',
  TIMED_OUT: 'TIMED_OUT',
  ERROR_THROWN: 'ERROR_THROWN',
  CANCELED: 'CANCELED',
  MIGRATED: 'MIGRATED',
  RECURRED_AFTER_BACKOFF: 'CREATED',
};
const FINAL = new Set(['COMPLETED', 'ERROR_THROWN', 'CANCELED']);

/** JOB records and the jobs inside JOB_BATCH ACTIVATED records → the job search read model. */
export function applyJobRecord(record: EngineRecord, db: Database): void {
  if (record.valueType === 'JOB_BATCH') {
    const batch = record.value as { jobKeys?: string[]; jobs?: JobRecordValue[] };
    (batch.jobKeys ?? []).forEach((jobKey, i) => {
      const job = batch.jobs?.[i];
      if (job) applyJob(jobKey, 'ACTIVATED', record.timestamp, job, db);
    });
    return;
  }
  applyJob(record.key, record.intent, record.timestamp, record.value as unknown as JobRecordValue, db);
}

function applyJob(key: string, intent: string, timestamp: number, v: JobRecordValue, db: Database): void {
  if (intent === 'CREATED') {
    prepared(
      db,
      `INSERT OR REPLACE INTO rm_job (key, type, worker, state, kind, retries, deadline, error_message, error_code,
         custom_headers, element_id, element_instance_key, process_instance_key, process_definition_key,
         bpmn_process_id, creation_time, tenant_id) VALUES (?, ?, NULL, 'CREATED', ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      key,
      v.type,
      v.jobKind ?? 'BPMN_ELEMENT',
      v.retries,
      JSON.stringify(v.customHeaders ?? {}),
      v.elementId,
      v.elementInstanceKey,
      v.processInstanceKey,
      v.processDefinitionKey,
      v.bpmnProcessId,
      timestamp,
      v.tenantId,
    );
    return;
  }
  const state = STATE_BY_INTENT[intent] ?? null;
  prepared(
    db,
    `UPDATE rm_job SET state = coalesce(?, state), worker = coalesce(nullif(?, ''), worker), retries = ?,
       deadline = CASE WHEN ? > 0 THEN ? ELSE deadline END, error_message = coalesce(nullif(?, ''), error_message),
       error_code = coalesce(nullif(?, ''), error_code), end_time = CASE WHEN ? THEN ? ELSE end_time END
     WHERE key = ?`,
  ).run(
    state,
    v.worker ?? '',
    v.retries,
    v.deadline ?? -1,
    v.deadline ?? -1,
    v.errorMessage ?? '',
    v.errorCode ?? '',
    state !== null && FINAL.has(state) ? 1 : 0,
    timestamp,
    key,
  );
}
