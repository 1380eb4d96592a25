import { EventEmitter } from 'node:events';
import { type Camunda8 } from '@camunda8/sdk';
import { searchesOf } from '../src/camunda/search';
import { componentLogger } from '../src/logging';
import { WORKERS } from './catalog';
import { messagePublisher } from './runtime/messages';
import { runJob } from './runtime/run';
import { type JobInfo, type JobOutcome, type WorkerDefinition, type WorkerDeps } from './runtime/types';

export { WORKERS } from './catalog';
export type Transport = 'grpc-stream' | 'grpc-poll' | 'rest';

export interface WorkerRuntimeOptions {
  camunda: Camunda8;
  transport: Transport;
  deps: WorkerDeps;
  workerName?: string;
  /** Job lock time: how long the engine waits before handing the job to someone else. */
  jobTimeoutMs?: number;
  maxParallelJobs?: number;
  /** Long-poll time of the polling transports (a stopping gRPC poller waits for its open poll to end). */
  longPollMs?: number;
  /** How often the stream supervisor checks the gateway (and reopens streams after an outage). */
  healthCheckMs?: number;
}

export interface WorkerRuntime {
  readonly transport: Transport;
  /** Stream supervision: `down` when the gateway stops answering, `reopened` when the streams are open again. */
  readonly events: EventEmitter;
  /** Number of jobs handled per outcome since start. */
  readonly stats: Record<JobOutcome['outcome'], number>;
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;
// The gRPC client hands variables over as LosslessDto instances; the schemas want plain JSON objects.
const asObject = (v: unknown): Json => JSON.parse(typeof v === 'string' ? v || '{}' : JSON.stringify(v ?? {})) as Json;

/**
 * Registers every worker with the engine through @camunda8/sdk, over gRPC streaming (default), gRPC polling or
 * REST polling. Outcomes go back with zbc.completeJob/failJob/throwError (whose promises reject when the engine
 * refuses), not with the stream job's own helpers, which resolve regardless.
 */
export async function startWorkers(options: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const log = componentLogger('workers', options.deps.logger);
  const name = options.workerName ?? 'yicheng-workers';
  const timeout = options.jobTimeoutMs ?? 60_000;
  const stats: WorkerRuntime['stats'] = { complete: 0, error: 0, fail: 0 };
  const events = new EventEmitter();
  const { clock } = options.deps;
  // The deps object stays the caller's own (tests move its clock); it gains the runtime's message publisher.
  options.deps.messages ??= messagePublisher(options.camunda, options.transport === 'rest' ? 'rest' : 'grpc');
  // a few searches at a time, as the web app's engine calls (src/web/camunda/port.ts)
  options.deps.search ??= searchesOf(options.camunda.getOrchestrationClusterApiClient(), 8);
  const handle = async (def: WorkerDefinition<unknown, unknown>, job: JobInfo) => {
    // The engine stamped the deadline as its own time plus our lock time: the freshest reading of its clock there is.
    if (job.deadline !== undefined && job.deadline > timeout && clock.observe) clock.observe(job.deadline - timeout);
    else await clock.sync?.();
    const outcome = await runJob(def, job, options.deps);
    stats[outcome.outcome]++;
    return outcome;
  };

  if (options.transport === 'rest') {
    const client = options.camunda.getOrchestrationClusterApiClient();
    const workers = WORKERS.map((def) => client.createJobWorker({
      jobType: def.type, workerName: name, jobTimeoutMs: timeout, maxParallelJobs: options.maxParallelJobs ?? 8, pollIntervalMs: 100,
      pollTimeoutMs: options.longPollMs ?? 30_000,
      jobHandler: async (job) => {
        const outcome = await handle(def, {
          key: String(job.jobKey), type: job.type, processInstanceKey: String(job.processInstanceKey), bpmnProcessId: String(job.processDefinitionId),
          elementId: String(job.elementId), elementInstanceKey: String(job.elementInstanceKey), retries: job.retries,
          variables: asObject(job.variables), customHeaders: asObject(job.customHeaders) as Record<string, string>,
          deadline: Number(job.deadline),
        });
        if (outcome.outcome === 'complete') return job.complete(outcome.variables);
        if (outcome.outcome === 'error') return job.error({ errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, variables: outcome.variables });
        return job.fail({ errorMessage: outcome.errorMessage, retries: outcome.retries, retryBackOff: outcome.retryBackOffMs });
      },
    }));
    log.info({ transport: 'rest', workers: WORKERS.length }, 'workers polling over REST');
    return {
      transport: 'rest', stats, events,
      async stop() {
        await Promise.all(workers.map((w) => w.stopGracefully({ waitUpToMs: 5_000 }).catch(() => w.stop())));
      },
    };
  }

  const zbc = options.camunda.getZeebeGrpcApiClient();
  // The outcome must reach the engine; a refusal (e.g. job no longer active) is logged, not retried.
  const acknowledge = async (jobKey: string, outcome: JobOutcome) => {
    try {
      if (outcome.outcome === 'complete') await zbc.completeJob({ jobKey, variables: outcome.variables as Record<string, never> });
      else if (outcome.outcome === 'error') await zbc.throwError({ jobKey, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, variables: outcome.variables as Record<string, never> | undefined });
      else await zbc.failJob({ jobKey, errorMessage: outcome.errorMessage, retries: outcome.retries, retryBackOff: outcome.retryBackOffMs });
    } catch (err) {
      log.warn({ jobKey, outcome: outcome.outcome, err: (err as Error).message }, 'engine refused the job outcome');
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const taskHandler = (def: WorkerDefinition<unknown, unknown>) => async (job: any) => {
    const outcome = await handle(def, {
      key: String(job.key), type: job.type, processInstanceKey: String(job.processInstanceKey), bpmnProcessId: job.bpmnProcessId,
      elementId: job.elementId, elementInstanceKey: String(job.elementInstanceKey), retries: job.retries,
      variables: asObject(job.variables), customHeaders: asObject(job.customHeaders) as Record<string, string>,
      deadline: Number(job.deadline),
    });
    await acknowledge(String(job.key), outcome);
    return job.forward();
  };

  if (options.transport === 'grpc-poll') {
    const workers = WORKERS.map((def) => zbc.createWorker({
      taskType: def.type, id: name, timeout, maxJobsToActivate: options.maxParallelJobs ?? 8, taskHandler: taskHandler(def),
      longPoll: options.longPollMs ?? 30_000,
    }));
    log.info({ transport: 'grpc-poll', workers: WORKERS.length }, 'workers polling over gRPC');
    return { transport: 'grpc-poll', stats, events, async stop() { await Promise.all(workers.map((w) => w.close())); } };
  }

  // gRPC streaming. A stream broken by an engine restart is not reopened by the SDK, so a supervisor checks the
  // gateway every second and reopens every stream when it comes back after an outage. A restart quicker than
  // that is covered by the SDK's sidecar poll (every 10 s) until the next outage is seen.
  let streams: { close(): void }[] = [];
  const open = async () => {
    streams = await Promise.all(WORKERS.map((def) => zbc.streamJobs({
      type: def.type, worker: name, timeout, ...({} as { tenantIds: string[] }), taskHandler: taskHandler(def), pollInterval: 10_000,
    })));
  };
  await open();
  let stopped = false;
  let healthy = true;
  let checking = false;
  let probe: Promise<unknown> | undefined;
  const supervisor = setInterval(async () => {
    if (checking || stopped) return;
    checking = true;
    try {
      // The SDK retries an unreachable gateway for a long time; a check that does not answer quickly counts as down.
      // One probe at a time: the SDK keeps retrying a probe in the background, so a new one is not stacked on it.
      probe ??= zbc.topology().finally(() => { probe = undefined; });
      await Promise.race([probe, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_500).unref())]);
      if (!healthy) {
        log.info('gateway is back: reopening job streams');
        for (const s of streams) s.close();
        await open();
        healthy = true;
        events.emit('reopened');
      }
      healthy = true;
    } catch {
      if (healthy) {
        log.warn('gateway unreachable: job streams will be reopened when it returns');
        events.emit('down');
      }
      healthy = false;
    } finally {
      checking = false;
    }
  }, options.healthCheckMs ?? 1_000);
  supervisor.unref();
  log.info({ transport: 'grpc-stream', workers: WORKERS.length }, 'workers streaming over gRPC');
  return {
    transport: 'grpc-stream', stats, events,
    async stop() {
      stopped = true;
      clearInterval(supervisor);
      for (const s of streams) s.close();
    },
  };
}
