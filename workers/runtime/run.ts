import { type z } from 'zod';
import { componentLogger } from '../../src/logging';
import { BpmnError, InputError, type JobInfo, type JobOutcome, type WorkerDefinition, type WorkerDeps } from './types';

/** Retries of every service task in processes/ (`zeebe:taskDefinition retries="3"`); the back-off counts from it. */
export const TASK_RETRIES = 3;

/**
 * Back-off for technical faults, by the retries left after this failure: 10 s after the first failure, 20 s after
 * the second, 40 s … doubling, capped at 10 minutes. With the diagrams' 3 retries a job waits 10 s, then 20 s, and
 * the third failure (no retries left) opens an incident without back-off.
 */
export function backOffMs(retriesLeft: number): number {
  const failuresBefore = Math.max(0, TASK_RETRIES - 1 - retriesLeft);
  return Math.min(600_000, 10_000 * 2 ** failuresBefore);
}

function describeZod(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Runs one job through its worker: validates headers and variables, calls the handler, and maps the result to
 * complete / BPMN error / fail. Bad input fails with no retries left (an incident with the reason, since a retry
 * cannot help); any other exception fails with one retry fewer and a back-off.
 */
export async function runJob<I, H>(def: WorkerDefinition<I, H>, job: JobInfo, deps: WorkerDeps): Promise<JobOutcome> {
  const log = componentLogger(`worker:${def.type}`, deps.logger);
  const at = deps.clock().toISOString();
  const headers = def.headers.safeParse(job.customHeaders ?? {});
  if (!headers.success) {
    const msg = `${def.type}: invalid task headers: ${describeZod(headers.error)}`;
    log.warn({ jobKey: job.key, elementId: job.elementId }, msg);
    return { outcome: 'fail', errorMessage: msg, retries: 0, retryBackOffMs: 0 };
  }
  const input = def.input.safeParse(job.variables ?? {});
  if (!input.success) {
    const msg = `${def.type}: invalid variables: ${describeZod(input.error)}`;
    log.warn({ jobKey: job.key, elementId: job.elementId }, msg);
    return { outcome: 'fail', errorMessage: msg, retries: 0, retryBackOffMs: 0 };
  }
  try {
    const variables = await def.handle({
      job, input: input.data, headers: headers.data, deps,
      effectKey: `${def.type}:${job.elementInstanceKey}`,
      actor: { name: `worker:${def.type}`, at },
    });
    log.debug({ jobKey: job.key, elementId: job.elementId }, 'job done');
    return { outcome: 'complete', variables };
  } catch (err) {
    if (err instanceof BpmnError) {
      log.info({ jobKey: job.key, errorCode: err.code }, 'business outcome');
      return { outcome: 'error', errorCode: err.code, errorMessage: err.message, variables: err.variables };
    }
    if (err instanceof InputError) {
      log.warn({ jobKey: job.key, elementId: job.elementId }, err.message);
      return { outcome: 'fail', errorMessage: `${def.type}: ${err.message}`, retries: 0, retryBackOffMs: 0 };
    }
    const message = err instanceof Error ? err.message : String(err);
    const retries = Math.max(0, job.retries - 1);
    log.error({ jobKey: job.key, elementId: job.elementId, err }, 'job failed');
    return { outcome: 'fail', errorMessage: `${def.type}: ${message}`, retries, retryBackOffMs: retries > 0 ? backOffMs(retries) : 0 };
  }
}
