import { type FailJobRequest, type JsonObject, type Key, type ThrowErrorRequest } from '../../api';
import { type Job } from '../../state/types';
import { type ProcessingContext } from '../context';
import { elementOf } from '../elements/shared/element';
import { findErrorCatch, triggerErrorCatch, uncaughtErrorMessage } from '../elements/events/definitions/error';
import { raiseIncident, truncateMessage } from '../elements/shared/incidents';
import { completeElement, continueActivation } from '../elements/shared/lifecycle';
import { applyPayload, mergeLocal } from '../elements/shared/variables';
import { checkVariables } from './create-instance';

/** Job commands (A2): complete, fail, throw error, update retries and timeout; time-outs and back-offs. */

function requireJob(ctx: ProcessingContext, jobKey: Key, intent: string, action: string, allowed: Job['state'][]): Job {
  const job = ctx.state.jobs.get(jobKey);
  if (!job) ctx.reject('JOB', intent, 'NOT_FOUND', `Expected to ${action} job with key '${jobKey}', but no such job was found`);
  if (!allowed.includes(job.state)) {
    ctx.reject('JOB', intent, 'INVALID_STATE', `Expected to ${action} job with key '${jobKey}', but it is in state '${job.state}'`);
  }
  return job;
}

export function completeJob(ctx: ProcessingContext, jobKey: Key, variables: JsonObject | undefined): void {
  const job = requireJob(ctx, jobKey, 'COMPLETE', 'complete', ['ACTIVATABLE', 'ACTIVATED']);
  const doc = checkVariables(ctx, variables, 'JOB', 'COMPLETE');
  ctx.event('JOB', 'COMPLETED', jobKey, { ...job.value, variables: doc });
  const el = elementOf(ctx, job.value.elementInstanceKey);
  if (!el) return;
  if (job.value.jobKind === 'EXECUTION_LISTENER') {
    // a start listener's variables are local to the element; the next listener runs, or the element is processed
    mergeLocal(ctx, el.inst.key, doc);
    continueActivation(ctx, el);
    return;
  }
  applyPayload(ctx, el, doc);
  completeElement(ctx, el);
}

export function failJob(ctx: ProcessingContext, jobKey: Key, req: FailJobRequest): void {
  const job = requireJob(ctx, jobKey, 'FAIL', 'fail', ['ACTIVATABLE', 'ACTIVATED']);
  const doc = checkVariables(ctx, req.variables, 'JOB', 'FAIL');
  const backoff = req.retries > 0 && req.retryBackOff && req.retryBackOff > 0 ? req.retryBackOff : 0;
  const errorMessage = truncateMessage(req.errorMessage ?? '');
  ctx.event('JOB', 'FAILED', jobKey, {
    ...job.value, retries: req.retries, retryBackoff: backoff, recurringTime: backoff > 0 ? ctx.now + backoff : -1,
    errorMessage, deadline: -1, variables: doc,
  });
  const el = elementOf(ctx, job.value.elementInstanceKey);
  if (el && Object.keys(doc).length > 0) mergeLocal(ctx, el.inst.key, doc);
  if (req.retries <= 0 && el) raiseIncident(ctx, el, 'JOB_NO_RETRIES', errorMessage || 'No more retries left.', jobKey);
}

export function throwError(ctx: ProcessingContext, jobKey: Key, req: ThrowErrorRequest): void {
  const job = requireJob(ctx, jobKey, 'THROW_ERROR', 'throw an error for', ['ACTIVATABLE', 'ACTIVATED']);
  if (job.value.jobKind === 'EXECUTION_LISTENER') {
    ctx.reject('JOB', 'THROW_ERROR', 'INVALID_STATE',
      `Expected to throw an error for job with key '${jobKey}', but it is an execution listener job: throwing a BPMN error is not supported for execution listeners`);
  }
  if (!req.errorCode || req.errorCode.trim() === '') {
    ctx.reject('JOB', 'THROW_ERROR', 'INVALID_ARGUMENT', 'Expected to throw an error with a non-empty error code, but it was empty');
  }
  const doc = checkVariables(ctx, req.variables, 'JOB', 'THROW_ERROR');
  const errorMessage = truncateMessage(req.errorMessage ?? '');
  ctx.event('JOB', 'ERROR_THROWN', jobKey, { ...job.value, errorCode: req.errorCode, errorMessage, variables: doc });
  const el = elementOf(ctx, job.value.elementInstanceKey);
  if (!el) return;
  const search = findErrorCatch(ctx, el, req.errorCode);
  if (search.found) triggerErrorCatch(ctx, search.found, doc);
  else raiseIncident(ctx, el, 'UNHANDLED_ERROR_EVENT', uncaughtErrorMessage(req.errorCode, errorMessage, search.available), jobKey);
}

export function updateJobRetries(ctx: ProcessingContext, jobKey: Key, retries: number): void {
  const job = ctx.state.jobs.get(jobKey);
  if (!job) ctx.reject('JOB', 'UPDATE_RETRIES', 'NOT_FOUND', `Expected to update retries for job with key '${jobKey}', but no such job was found`);
  if (!Number.isInteger(retries) || retries < 1) {
    ctx.reject('JOB', 'UPDATE_RETRIES', 'INVALID_ARGUMENT',
      `Expected to update retries for job with key '${jobKey}' with a positive amount of retries, but the amount given was '${retries}'`);
  }
  ctx.event('JOB', 'RETRIES_UPDATED', jobKey, { ...job.value, retries });
}

export function updateJobTimeout(ctx: ProcessingContext, jobKey: Key, timeout: number): void {
  const job = ctx.state.jobs.get(jobKey);
  if (!job) ctx.reject('JOB', 'UPDATE_TIMEOUT', 'NOT_FOUND', `Expected to update the timeout of job with key '${jobKey}', but no such job was found`);
  if (job.state !== 'ACTIVATED') {
    ctx.reject('JOB', 'UPDATE_TIMEOUT', 'INVALID_STATE', `Expected to update the timeout of job with key '${jobKey}', but it is in state '${job.state}'`);
  }
  if (!(timeout > 0)) {
    ctx.reject('JOB', 'UPDATE_TIMEOUT', 'INVALID_ARGUMENT', `Expected to update the timeout of job with key '${jobKey}' with a positive timeout, but it was '${timeout}'`);
  }
  ctx.event('JOB', 'TIMEOUT_UPDATED', jobKey, { ...job.value, deadline: ctx.now + timeout, timeout });
}

/** Scheduler: an activated job whose deadline passed becomes activatable again, retries unchanged. */
export function timeOutJob(ctx: ProcessingContext, jobKey: Key): void {
  const job = ctx.state.jobs.get(jobKey);
  if (!job || job.state !== 'ACTIVATED' || job.value.deadline > ctx.now) return;
  ctx.event('JOB', 'TIMED_OUT', jobKey, job.value);
}

/** Scheduler: a failed job whose back-off elapsed becomes activatable again. */
export function recurJob(ctx: ProcessingContext, jobKey: Key): void {
  const job = ctx.state.jobs.get(jobKey);
  if (!job || job.state !== 'FAILED' || job.value.retries <= 0 || job.value.recurringTime > ctx.now) return;
  ctx.event('JOB', 'RECURRED_AFTER_BACKOFF', jobKey, job.value);
}

/** A pushed job the stream could not take goes back to activatable. */
export function yieldJob(ctx: ProcessingContext, jobKey: Key): void {
  const job = ctx.state.jobs.get(jobKey);
  if (!job || job.state !== 'ACTIVATED') return;
  ctx.event('JOB', 'YIELDED', jobKey, job.value);
}
