import { type ActivateJobsRequest, type ActivatedJob, type JobRecordValue } from '../../api';
import { type Job } from '../../state/types';
import { type ProcessingContext } from '../context';

/** ActivateJobs (A2): up to max activatable jobs of a type, oldest first; deadline = now + timeout. */
export function activateJobs(ctx: ProcessingContext, req: ActivateJobsRequest, only?: Job[]): ActivatedJob[] {
  validateActivation(ctx, req);
  const jobs = only ?? ctx.state.activatableJobs(req.type, req.tenantIds, req.maxJobsToActivate);
  if (jobs.length === 0) return [];
  const deadline = ctx.now + req.timeout;
  const activated: JobRecordValue[] = jobs.map((job) => ({ ...job.value, worker: req.worker, deadline, timeout: req.timeout, variables: {} }));
  const jobKeys = jobs.map((job) => job.key);
  ctx.event('JOB_BATCH', 'ACTIVATED', ctx.keys.nextKey(), {
    type: req.type, worker: req.worker, timeout: req.timeout, maxJobsToActivate: req.maxJobsToActivate,
    tenantIds: req.tenantIds ?? [], jobKeys, jobs: activated, truncated: false,
  });
  return jobs.map((job, i) => toActivatedJob(job.key, activated[i], ctx.state.visibleVariables(job.value.elementInstanceKey, req.fetchVariable)));
}

export function validateActivation(ctx: ProcessingContext, req: ActivateJobsRequest): void {
  if (!req.type || req.type.trim() === '') {
    ctx.reject('JOB_BATCH', 'ACTIVATE', 'INVALID_ARGUMENT', 'Expected to activate job batch with type to be present, but it was blank');
  }
  if (!(req.maxJobsToActivate > 0)) {
    ctx.reject('JOB_BATCH', 'ACTIVATE', 'INVALID_ARGUMENT', `Expected to activate job batch with max jobs to activate to be greater than zero, but it was '${req.maxJobsToActivate}'`);
  }
  if (!(req.timeout > 0)) {
    ctx.reject('JOB_BATCH', 'ACTIVATE', 'INVALID_ARGUMENT', `Expected to activate job batch with timeout to be greater than zero, but it was '${req.timeout}'`);
  }
}

function toActivatedJob(key: string, v: JobRecordValue, variables: ActivatedJob['variables']): ActivatedJob {
  return {
    key, type: v.type, processInstanceKey: v.processInstanceKey, bpmnProcessId: v.bpmnProcessId,
    processDefinitionVersion: v.processDefinitionVersion, processDefinitionKey: v.processDefinitionKey,
    elementId: v.elementId, elementInstanceKey: v.elementInstanceKey, customHeaders: v.customHeaders,
    worker: v.worker, retries: v.retries, deadline: v.deadline, variables, tenantId: v.tenantId, kind: v.jobKind,
    listenerEventType: v.listenerEventType ?? 'UNSPECIFIED',
  };
}
