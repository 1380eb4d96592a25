import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ActivatedJob } from '../../engine/api';
import type { GrpcContext, UnaryHandler } from './context';
import { optionalKey, parseDocument, requirePositive, requireText } from './json';
import { toGrpcJob } from './translate';
import { InvalidRequest } from '../shared/errors';

/** Jobs in one ActivateJobsResponse; larger batches are streamed as several responses. */
const JOBS_PER_RESPONSE = 32;

interface ActivateJobsRequest {
  type: string;
  worker: string;
  timeout: string;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: string;
  tenantIds: string[];
}

function jobKey(value: string): string {
  const key = optionalKey(value);
  if (!key) throw new InvalidRequest(`Expected a job key, but got '${value}'`);
  return key;
}

/** Long-poll activation: the engine answers as soon as jobs exist, or when requestTimeout ends; -1 = at once. */
export async function activateJobs(ctx: GrpcContext, call: ServerWritableStream<ActivateJobsRequest, unknown>): Promise<void> {
  const req = call.request;
  const requestTimeout = Number(req.requestTimeout);
  const controller = new AbortController();
  const abort = () => controller.abort();
  call.on('cancelled', abort);
  try {
    const jobs = await ctx.engine.activateJobs(
      {
        // type, timeout and maximum are checked by the engine, with the broker's rejection texts (as Zeebe's gateway does)
        type: req.type ?? '',
        worker: req.worker ?? '',
        timeout: Number(req.timeout ?? 0),
        maxJobsToActivate: Number(req.maxJobsToActivate ?? 0),
        fetchVariable: req.fetchVariable?.length ? req.fetchVariable : undefined,
        requestTimeout: requestTimeout === 0 ? ctx.limits.defaultLongPollMs : Math.min(requestTimeout, ctx.limits.maxLongPollMs),
        tenantIds: req.tenantIds?.length ? req.tenantIds : undefined,
      },
      controller.signal,
    );
    for (let i = 0; i < jobs.length; i += JOBS_PER_RESPONSE) {
      call.write({ jobs: jobs.slice(i, i + JOBS_PER_RESPONSE).map(toGrpcJob) });
    }
  } finally {
    call.off('cancelled', abort);
  }
}

interface StreamRequest {
  type: string;
  worker: string;
  timeout: string;
  fetchVariable: string[];
  tenantIds: string[];
}

/** A long-lived push stream; several streams of one type share the jobs (the engine picks one per job). */
export function streamActivatedJobs(ctx: GrpcContext, call: ServerWritableStream<StreamRequest, unknown>): void {
  const req = call.request;
  let open = true;
  const close = ctx.engine.openJobStream(
    {
      type: requireText(req.type, 'type'),
      worker: req.worker ?? '',
      timeout: requirePositive(req.timeout, 'timeout'),
      fetchVariable: req.fetchVariable?.length ? req.fetchVariable : undefined,
      tenantIds: req.tenantIds?.length ? req.tenantIds : undefined,
    },
    {
      push(job: ActivatedJob): boolean {
        if (!open || call.cancelled || call.destroyed) return false;
        // A full buffer still queues the job, so it counts as delivered.
        call.write(toGrpcJob(job));
        return true;
      },
    },
  );
  const end = () => {
    if (!open) return;
    open = false;
    close();
  };
  call.on('cancelled', end);
  call.on('close', end);
  call.on('error', end);
  ctx.log.debug({ type: req.type, worker: req.worker }, 'job stream opened');
}

export function jobHandlers(ctx: GrpcContext): Record<string, UnaryHandler> {
  const { engine } = ctx;
  return {
    CompleteJob: (async (req: { jobKey: string; variables: string }) => {
      await engine.completeJob(jobKey(req.jobKey), parseDocument(req.variables));
      return {};
    }) as UnaryHandler,
    FailJob: (async (req: { jobKey: string; retries: number; errorMessage: string; retryBackOff: string; variables: string }) => {
      await engine.failJob(jobKey(req.jobKey), {
        retries: req.retries,
        errorMessage: req.errorMessage,
        retryBackOff: Number(req.retryBackOff ?? 0),
        variables: parseDocument(req.variables),
      });
      return {};
    }) as UnaryHandler,
    ThrowError: (async (req: { jobKey: string; errorCode: string; errorMessage: string; variables: string }) => {
      await engine.throwError(jobKey(req.jobKey), {
        errorCode: req.errorCode,
        errorMessage: req.errorMessage,
        variables: parseDocument(req.variables),
      });
      return {};
    }) as UnaryHandler,
    UpdateJobRetries: (async (req: { jobKey: string; retries: number }) => {
      await engine.updateJobRetries(jobKey(req.jobKey), req.retries);
      return {};
    }) as UnaryHandler,
    UpdateJobTimeout: (async (req: { jobKey: string; timeout: string }) => {
      await engine.updateJobTimeout(jobKey(req.jobKey), Number(req.timeout));
      return {};
    }) as UnaryHandler,
  };
}
