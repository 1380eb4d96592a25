import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../api';
import type { GatewayLimits } from '../../limits';
import { getOne, int64, keyParam, keySchema, NotFound, parse, search, variablesSchema } from '../http';
import { elementInstanceSearch } from '../search/specs/element-instances';
import { incidentSearch } from '../search/specs/incidents';
import { processInstanceSearch } from '../search/specs/process-instances';
import { requireDefaultTenant, tenantOf } from '../../tenancy';

/** Counts per element for diagram overlays: an element instance with an open incident counts as an incident. */
export const ELEMENT_STATISTICS_COLUMNS = `
  sum(ei.state = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM rm_incident i WHERE i.element_instance_key = ei.key AND i.state = 'ACTIVE')) AS active,
  sum(ei.state = 'TERMINATED') AS canceled,
  sum(EXISTS (SELECT 1 FROM rm_incident i WHERE i.element_instance_key = ei.key AND i.state = 'ACTIVE')) AS incidents,
  sum(ei.state = 'COMPLETED') AS completed`;

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
  const db = () => engine.readDb();

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

  router.post('/process-instances/search', (req, res) => search(db(), processInstanceSearch, req.body, res));

  router.get('/process-instances/:key', (req, res) => {
    res.json(getOne(db(), processInstanceSearch, 'pi.key', keyParam(req, 'key'), 'Process instance'));
  });

  router.post('/process-instances/:key/cancellation', async (req, res) => {
    await engine.cancelProcessInstance(keyParam(req, 'key'));
    res.status(204).end();
  });

  router.post('/process-instances/:key/incidents/search', (req, res) => {
    const key = keyParam(req, 'key');
    search(db(), { ...incidentSearch, baseCondition: { sql: 'i.process_instance_key = ?', params: [key] } }, req.body, res);
  });

  router.get('/process-instances/:key/sequence-flows', (req, res) => {
    const key = keyParam(req, 'key');
    const rows = db()
      .prepare(
        `SELECT CAST(key AS TEXT) AS sequenceFlowId, CAST(process_instance_key AS TEXT) AS processInstanceKey,
           CAST(process_definition_key AS TEXT) AS processDefinitionKey, bpmn_process_id AS processDefinitionId,
           element_id AS elementId, tenant_id AS tenantId
         FROM rm_sequence_flow WHERE process_instance_key = ? ORDER BY key`,
      )
      .all(key) as { elementId: string }[];
    res.json({ items: rows.map((r) => ({ ...r, sequenceFlowId: r.elementId })) });
  });

  router.get('/process-instances/:key/statistics/element-instances', (req, res) => {
    const key = keyParam(req, 'key');
    const items = db()
      .prepare(
        `SELECT ei.element_id AS elementId, ${ELEMENT_STATISTICS_COLUMNS}
         FROM rm_element_instance ei WHERE ei.process_instance_key = ? AND ei.type != 'PROCESS'
         GROUP BY ei.element_id ORDER BY ei.element_id`,
      )
      .all(key);
    res.json({ items });
  });

  router.get('/process-instances/:key/call-hierarchy', (req, res) => {
    const lookup = db().prepare(
      `SELECT CAST(pi.key AS TEXT) AS processInstanceKey, CAST(pi.process_definition_key AS TEXT) AS processDefinitionKey,
         coalesce(pd.name, pi.bpmn_process_id) AS processDefinitionName, CAST(pi.parent_process_instance_key AS TEXT) AS parent
       FROM rm_process_instance pi LEFT JOIN rm_process_definition pd ON pd.key = pi.process_definition_key WHERE pi.key = ?`,
    );
    type Entry = { processInstanceKey: string; processDefinitionKey: string; processDefinitionName: string; parent: string | null };
    const key = keyParam(req, 'key');
    let entry = lookup.get(key) as Entry | undefined;
    if (!entry) throw new NotFound(`Process instance with key '${key}' not found`);
    // The root first, down to the instance itself (Operate's breadcrumb); the depth bound guards against cycles.
    const chain: Omit<Entry, 'parent'>[] = [];
    while (entry && chain.length < 100) {
      const parentKey: string | null = entry.parent;
      chain.unshift({ processInstanceKey: entry.processInstanceKey, processDefinitionKey: entry.processDefinitionKey, processDefinitionName: entry.processDefinitionName });
      entry = parentKey ? (lookup.get(parentKey) as Entry | undefined) : undefined;
    }
    res.json(chain);
  });

  router.post('/element-instances/search', (req, res) => search(db(), elementInstanceSearch, req.body, res));
  router.get('/element-instances/:key', (req, res) => {
    res.json(getOne(db(), elementInstanceSearch, 'ei.key', keyParam(req, 'key'), 'Element instance'));
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
