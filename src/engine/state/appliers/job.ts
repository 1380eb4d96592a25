import { type EngineRecord, type JobRecordValue } from '../../api';
import { type EngineState } from '../engine-state';
import { type Job } from '../types';

interface JobBatchValue {
  jobKeys: string[];
  jobs: JobRecordValue[];
}

export function applyJob(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as JobRecordValue;
  const job = state.jobs.get(record.key);
  switch (record.intent) {
    case 'CREATED': {
      const created: Job = { key: record.key, state: 'ACTIVATABLE', value: { ...v, variables: {} } };
      state.jobs.set(record.key, created);
      state.setJobState(created, 'ACTIVATABLE');
      const instance = state.elementInstances.get(v.elementInstanceKey);
      if (instance) instance.jobKey = record.key;
      return;
    }
    case 'COMPLETED':
    case 'CANCELED': {
      state.removeJob(record.key);
      const instance = state.elementInstances.get(v.elementInstanceKey);
      if (instance?.jobKey === record.key) delete instance.jobKey;
      if (instance && record.intent === 'COMPLETED' && v.jobKind === 'EXECUTION_LISTENER' && v.listenerEventType === 'START') {
        instance.startListenersDone = (instance.startListenersDone ?? 0) + 1;
      }
      return;
    }
  }
  if (!job) return;
  switch (record.intent) {
    case 'FAILED':
      job.value = { ...job.value, retries: v.retries, retryBackoff: v.retryBackoff, recurringTime: v.recurringTime, errorMessage: v.errorMessage, deadline: -1 };
      state.setJobState(job, v.retries > 0 && v.retryBackoff <= 0 ? 'ACTIVATABLE' : 'FAILED');
      return;
    case 'TIMED_OUT':
    case 'RECURRED_AFTER_BACKOFF':
    case 'YIELDED':
      state.setJobState(job, 'ACTIVATABLE');
      job.value = { ...job.value, deadline: -1, worker: record.intent === 'RECURRED_AFTER_BACKOFF' ? job.value.worker : '' };
      return;
    case 'RETRIES_UPDATED':
      job.value = { ...job.value, retries: v.retries };
      return;
    case 'TIMEOUT_UPDATED':
      job.value = { ...job.value, deadline: v.deadline, timeout: v.timeout };
      return;
    case 'ERROR_THROWN':
      state.setJobState(job, 'ERROR_THROWN');
      job.value = { ...job.value, errorCode: v.errorCode, errorMessage: v.errorMessage };
      return;
  }
}

export function applyJobBatch(state: EngineState, record: EngineRecord): void {
  if (record.intent !== 'ACTIVATED') return;
  const v = record.value as unknown as JobBatchValue;
  v.jobKeys.forEach((key, i) => {
    const job = state.jobs.get(key);
    const activated = v.jobs[i];
    if (!job || !activated) return;
    state.setJobState(job, 'ACTIVATED');
    job.value = { ...job.value, worker: activated.worker, deadline: activated.deadline, timeout: activated.timeout };
  });
}
