import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../engine/api';
import type { GatewayLimits } from '../../shared/limits';
import { found, int64, keyParam, keySchema, NotFound, parse, searched, variablesSchema } from '../http';
import { requireDefaultTenant, tenantOf } from '../../shared/tenancy';

const createSchema = z
  .strictObject({
    processDefinitionId: z.string().min(1).optional(),
    processDefinitionVersion: z.number().int().optional(),
    processDefinitionKey: keySchema.optional(),
    variables: variablesSchema.optional(),
    tenantId: z.string().optional(),
    operationReference: int64(1).optional(),
    startInstructions: z.array(z.strictObject({ elementId: z.string().min(1) })).optional(),
    runtimeInstructions: z.array(z.unknown()).optional(),
    tags: z.array(z.string()).optional(),
    awaitCompletion: z.boolean().optional(),
    fetchVariables: z.array(z.string()).optional(),
    requestTimeout: int64().optional(),
  })
  .refine((b) => (b.processDefinitionId === undefined) !== (b.processDefinitionKey === undefined), {
    message: 'expected exactly one of processDefinitionId and processDefinitionKey',
  });

export function processInstanceRoutes(engine: Engine, limits: GatewayLimits): Router {
  const router = Router();
  const reads = () => engine.readModel();

  router.post('/process-instances', async (req, res) => {
    requireDefaultTenant('Create Process Instance', tenantOf(req.body));
    const body = parse(createSchema, req.body);
    const request = {
      ...(body.processDefinitionKey ? { processDefinitionKey: body.processDefinitionKey } : { bpmnProcessId: body.processDefinitionId }),
      ...(body.processDefinitionVersion && body.processDefinitionVersion > 0 ? { version: body.processDefinitionVersion } : {}),
      variables: body.variables,
      startInstructions: body.startInstructions,
      tenantId: body.tenantId,
    };
    const toWire = (r: { processDefinitionKey: string; bpmnProcessId: string; version: number; processInstanceKey: string; tenantId: string }, variables: object) => ({
      processDefinitionId: r.bpmnProcessId,
      processDefinitionVersion: r.version,
      processDefinitionKey: r.processDefinitionKey,
      processInstanceKey: r.processInstanceKey,
      tenantId: r.tenantId,
      variables,
      tags: body.tags ?? [],
    });
    if (body.awaitCompletion) {
      const timeout = body.requestTimeout && body.requestTimeout > 0 ? Math.min(body.requestTimeout, limits.maxLongPollMs) : limits.defaultLongPollMs;
      const result = await engine.createProcessInstanceWithResult({ ...request, fetchVariables: body.fetchVariables, requestTimeoutMs: timeout });
      res.json(toWire(result, result.variables ?? {}));
      return;
    }
    res.json(toWire(await engine.createProcessInstance(request), {}));
  });

  router.post('/process-instances/search', (req, res) => {
    res.json(searched(() => reads().searchProcessInstances(req.body)));
  });

  router.get('/process-instances/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getProcessInstance(key), 'Process instance', key));
  });

  router.post('/process-instances/:key/cancellation', async (req, res) => {
    await engine.cancelProcessInstance(keyParam(req, 'key'));
    res.status(204).end();
  });

  router.post('/process-instances/:key/incidents/search', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(searched(() => reads().searchProcessInstanceIncidents(key, req.body)));
  });

  router.get('/process-instances/:key/sequence-flows', (req, res) => {
    res.json({ items: reads().processInstanceSequenceFlows(keyParam(req, 'key')) });
  });

  router.get('/process-instances/:key/statistics/element-instances', (req, res) => {
    res.json({ items: reads().processInstanceElementStatistics(keyParam(req, 'key')) });
  });

  router.get('/process-instances/:key/call-hierarchy', (req, res) => {
    const key = keyParam(req, 'key');
    const chain = reads().processInstanceCallHierarchy(key);
    if (!chain) throw new NotFound(`Process instance with key '${key}' not found`);
    res.json(chain);
  });

  router.post('/element-instances/search', (req, res) => {
    res.json(searched(() => reads().searchElementInstances(req.body)));
  });
  router.get('/element-instances/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getElementInstance(key), 'Element instance', key));
  });
  router.put('/element-instances/:key/variables', async (req, res) => {
    const body = parse(
      z.strictObject({ variables: variablesSchema, local: z.boolean().optional(), operationReference: int64(1).optional() }),
      req.body,
    );
    await engine.setVariables({ elementInstanceKey: keyParam(req, 'key'), variables: body.variables, local: body.local ?? false });
    res.status(204).end();
  });
  return router;
}
