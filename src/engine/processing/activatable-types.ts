import { type EngineRecord, type IncidentRecordValue, type JobRecordValue } from '../api';
import { type ReadonlyEngineState } from '../state/engine-state';

/** Intents after which a job may be pushed to streams; a job a stream refused (YIELDED) waits for polling. */
const PUSHABLE = ['CREATED', 'TIMED_OUT', 'RECURRED_AFTER_BACKOFF'];
export const POLLABLE = [...PUSHABLE, 'YIELDED'];

/**
 * Job types that got activatable jobs: from a committed batch (jobs created, timed out, recurred, yielded, failed
 * with retries and no back-off, or freed by a resolved incident), or from the whole state after recovery.
 */
export function activatableJobTypes(state: ReadonlyEngineState, records?: readonly EngineRecord[], intents = PUSHABLE): Set<string> {
  const types = new Set<string>();
  if (!records) {
    for (const job of state.jobs.values()) if (job.state === 'ACTIVATABLE') types.add(job.value.type);
    return types;
  }
  for (const r of records) {
    if (r.valueType === 'JOB') {
      const v = r.value as unknown as JobRecordValue;
      if (intents.includes(r.intent)) types.add(v.type);
      else if (r.intent === 'FAILED' && v.retries > 0 && v.retryBackoff <= 0) types.add(v.type);
    } else if (r.valueType === 'INCIDENT' && r.intent === 'RESOLVED') {
      const jobKey = (r.value as unknown as IncidentRecordValue).jobKey;
      const job = jobKey !== '-1' ? state.jobs.get(jobKey) : undefined;
      if (job?.state === 'ACTIVATABLE') types.add(job.value.type);
    }
  }
  return types;
}
