import { type EngineRecord, type IncidentRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

export function applyIncident(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as IncidentRecordValue;
  if (record.intent === 'CREATED') {
    state.incidents.set(record.key, { key: record.key, value: v });
    return;
  }
  if (record.intent !== 'RESOLVED') return;
  state.incidents.delete(record.key);
  // a resolved job incident makes the job activatable again (with the retries it has now)
  const job = v.jobKey !== '-1' ? state.jobs.get(v.jobKey) : undefined;
  if (job && (job.state === 'FAILED' || job.state === 'ERROR_THROWN')) state.setJobState(job, 'ACTIVATABLE');
}
