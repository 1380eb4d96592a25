import { Router } from 'express';
import { z } from 'zod';
import type { ActivatedJob, Engine } from '../../../engine/api';
import type { GatewayLimits } from '../../shared/limits';
import { int64, keyParam, parse, searched, variablesSchema } from '../http';
import { requireDefaultTenant, tenantOf } from '../../shared/tenancy';

const activationSchema = z.strictObject({
  type: z.string().min(1, 'expected a non-empty job type'),
  worker: z.string().optional(),
  timeout: int64(1, 'expected a lock timeout of at least 1 ms'),
  maxJobsToActivate: z.number().int().min(1, 'expected at least 1'),
  fetchVariable: z.array(z.string()).optional(),
  requestTimeout: int64().optional(),
  tenantIds: z.array(z.string()).optional(),
});

export function toRestJob(job: ActivatedJob): Record<string, unknown> {
  return {
    jobKey: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    processDefinitionId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: job.customHeaders ?? {},
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    variables: job.variables ?? {},
    tenantId: job.tenantId,
    kind: job.kind ?? 'BPMN_ELEMENT',
    listenerEventType: job.listenerEventType ?? 'UNSPECIFIED',
    tags: [],
  };
}

export function jobRoutes(engine: Engine, limits: GatewayLimits): Router {
  const router = Router();

  router.post('/jobs/activation', async (req, res) => {
    requireDefaultTenant('Activate Jobs', tenantOf(req.body, 'tenantIds'));
    const body = parse(activationSchema, req.body);
    const controller = new AbortController();
    const abort = () => controller.abort();
    // A client that gives up ends the long poll (and its jobs stay activatable).
    res.on('close', abort);
    try {
      const requestTimeout = body.requestTimeout ?? 0;
      const jobs = await engine.activateJobs(
        {
          type: body.type,
          worker: body.worker ?? '',
          timeout: body.timeout,
          maxJobsToActivate: body.maxJobsToActivate,
          fetchVariable: body.fetchVariable,
          requestTimeout: requestTimeout === 0 ? limits.defaultLongPollMs : Math.min(requestTimeout, limits.maxLongPollMs),
          tenantIds: body.tenantIds,
        },
        controller.signal,
      );
      res.json({ jobs: jobs.map(toRestJob) });
    } finally {
      res.off('close', abort);
    }
  });
  router.post('/jobs/search', (req, res) => {
    res.json(searched(() => engine.readModel().searchJobs(req.body)));
  });
  router.post('/jobs/:key/completion', async (req, res) => {
    const body = parse(z.strictObject({ variables: variablesSchema.nullable().optional(), result: z.unknown().optional() }), req.body);
    await engine.completeJob(keyParam(req, 'key'), body.variables ?? undefined);
    res.status(204).end();
  });
  router.post('/jobs/:key/failure', async (req, res) => {
    const body = parse(
      z.strictObject({
        retries: z.number().int().min(0).optional(),
        errorMessage: z.string().nullable().optional(),
        retryBackOff: int64(0).optional(),
        variables: variablesSchema.nullable().optional(),
      }),
      req.body,
    );
    await engine.failJob(keyParam(req, 'key'), {
      retries: body.retries ?? 0,
      errorMessage: body.errorMessage ?? undefined,
      retryBackOff: body.retryBackOff,
      variables: body.variables ?? undefined,
    });
    res.status(204).end();
  });
  router.post('/jobs/:key/error', async (req, res) => {
    const body = parse(
      z.strictObject({ errorCode: z.string().min(1, 'expected a non-empty error code'), errorMessage: z.string().nullable().optional(), variables: variablesSchema.nullable().optional() }),
      req.body,
    );
    await engine.throwError(keyParam(req, 'key'), { errorCode: body.errorCode, errorMessage: body.errorMessage ?? undefined, variables: body.variables ?? undefined });
    res.status(204).end();
  });
  router.patch('/jobs/:key', async (req, res) => {
    const body = parse(
      z.strictObject({
        changeset: z.strictObject({ retries: z.number().int().min(0).nullable().optional(), timeout: int64(1).nullable().optional() }),
        operationReference: int64(1).optional(),
      }),
      req.body,
    );
    const key = keyParam(req, 'key');
    if (typeof body.changeset.retries === 'number') await engine.updateJobRetries(key, body.changeset.retries);
    if (typeof body.changeset.timeout === 'number') await engine.updateJobTimeout(key, body.changeset.timeout);
    res.status(204).end();
  });
  return router;
}
