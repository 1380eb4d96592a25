import { type EngineRecord, type JobRecordValue, type MessageRecordValue, type TimerRecordValue } from '../api';
import { type EngineState } from '../state/engine-state';
import { type DueEntry } from './due-queue';

/** The due entries announced by committed records. */
export function dueEntriesOf(records: readonly EngineRecord[]): DueEntry[] {
  const entries: DueEntry[] = [];
  for (const r of records) {
    if (r.valueType === 'TIMER' && r.intent === 'CREATED') {
      entries.push({ due: (r.value as unknown as TimerRecordValue).dueDate, kind: 'timer', key: r.key });
    } else if (r.valueType === 'JOB_BATCH' && r.intent === 'ACTIVATED') {
      const v = r.value as unknown as { jobKeys: string[]; jobs: JobRecordValue[] };
      v.jobKeys.forEach((key, i) => entries.push({ due: v.jobs[i].deadline, kind: 'job-timeout', key }));
    } else if (r.valueType === 'JOB' && r.intent === 'TIMEOUT_UPDATED') {
      entries.push({ due: (r.value as unknown as JobRecordValue).deadline, kind: 'job-timeout', key: r.key });
    } else if (r.valueType === 'JOB' && r.intent === 'FAILED') {
      const v = r.value as unknown as JobRecordValue;
      if (v.retries > 0 && v.retryBackoff > 0) entries.push({ due: v.recurringTime, kind: 'job-backoff', key: r.key });
    } else if (r.valueType === 'MESSAGE' && r.intent === 'PUBLISHED') {
      const v = r.value as unknown as MessageRecordValue;
      if (v.timeToLive > 0) entries.push({ due: v.deadline, kind: 'message-ttl', key: r.key });
    }
  }
  return entries;
}

/** Every due entry held by the state (after recovery). */
export function dueEntriesOfState(state: EngineState): DueEntry[] {
  const entries: DueEntry[] = [];
  for (const t of state.timers.values()) entries.push({ due: t.value.dueDate, kind: 'timer', key: t.key });
  for (const j of state.jobs.values()) {
    if (j.state === 'ACTIVATED') entries.push({ due: j.value.deadline, kind: 'job-timeout', key: j.key });
    if (j.state === 'FAILED' && j.value.retries > 0 && j.value.retryBackoff > 0) entries.push({ due: j.value.recurringTime, kind: 'job-backoff', key: j.key });
  }
  for (const m of state.messages.values()) entries.push({ due: m.value.deadline, kind: 'message-ttl', key: m.key });
  return entries;
}

/** Whether a queued entry still stands for something the state holds (false: it would be ignored when due). */
export function stillPending(state: EngineState, entry: DueEntry): boolean {
  switch (entry.kind) {
    case 'timer':
      return state.timers.has(entry.key);
    case 'job-timeout': {
      const job = state.jobs.get(entry.key);
      return job?.state === 'ACTIVATED' && job.value.deadline === entry.due;
    }
    case 'job-backoff':
      return state.jobs.get(entry.key)?.state === 'FAILED';
    case 'message-ttl':
      return state.messages.has(entry.key);
  }
}
