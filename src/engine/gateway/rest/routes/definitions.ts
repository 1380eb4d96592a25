import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../api';
import { getOne, keyParam, keySchema, NotFound, parse, search, variablesSchema } from '../http';
import { decisionDefinitionSearch, processDefinitionSearch } from '../search/specs/definitions';
import { filterConditions, searchRequestSchema, type SearchSpec } from '../search/search';
import { processInstanceSearch } from '../search/specs/process-instances';
import { ELEMENT_STATISTICS_COLUMNS } from './process-instances';
import { requireDefaultTenant, tenantOf } from '../../tenancy';

const instanceFilterSchema = searchRequestSchema(processInstanceSearch as SearchSpec<unknown, unknown>).pick({ filter: true });

/** The latest deployed form with this id, as Camunda's FormResult (schema as JSON text). */
export function formById(engine: Engine, formId: string, tenantId: string): Record<string, unknown> | undefined {
  return engine
    .readDb()
    .prepare(
      `SELECT CAST(key AS TEXT) AS formKey, form_id AS formId, version, tenant_id AS tenantId, resource AS schema
       FROM rm_form WHERE form_id = ? AND tenant_id = ? ORDER BY version DESC LIMIT 1`,
    )
    .get(formId, tenantId) as Record<string, unknown> | undefined;
}

export function formByKey(engine: Engine, formKey: string): Record<string, unknown> | undefined {
  return engine
    .readDb()
    .prepare('SELECT CAST(key AS TEXT) AS formKey, form_id AS formId, version, tenant_id AS tenantId, resource AS schema FROM rm_form WHERE key = ?')
    .get(formKey) as Record<string, unknown> | undefined;
}

const evaluationSchema = z
  .strictObject({
    decisionDefinitionId: z.string().min(1).optional(),
    decisionDefinitionKey: keySchema.optional(),
    variables: variablesSchema.optional(),
    tenantId: z.string().optional(),
  })
  .refine((b) => (b.decisionDefinitionId === undefined) !== (b.decisionDefinitionKey === undefined), {
    message: 'expected exactly one of decisionDefinitionId and decisionDefinitionKey',
  });

export function definitionRoutes(engine: Engine): Router {
  const router = Router();
  const db = () => engine.readDb();

  router.post('/process-definitions/search', (req, res) => search(db(), processDefinitionSearch, req.body, res));
  router.get('/process-definitions/:key', (req, res) => {
    res.json(getOne(db(), processDefinitionSearch, 'pd.key', keyParam(req, 'key'), 'Process definition'));
  });
  router.get('/process-definitions/:key/xml', (req, res) => {
    const key = keyParam(req, 'key');
    const row = db().prepare('SELECT resource FROM rm_process_definition WHERE key = ?').get(key) as { resource: string } | undefined;
    if (!row) throw new NotFound(`Process definition with key '${key}' not found`);
    res.type('text/xml').send(row.resource);
  });
  router.get('/process-definitions/:key/form', (req, res) => {
    const key = keyParam(req, 'key');
    const row = db().prepare('SELECT start_form_id AS formId, tenant_id AS tenantId FROM rm_process_definition WHERE key = ?').get(key) as
      | { formId: string | null; tenantId: string }
      | undefined;
    if (!row) throw new NotFound(`Process definition with key '${key}' not found`);
    const form = row.formId ? formById(engine, row.formId, row.tenantId) : undefined;
    if (!form) {
      res.status(204).end();
      return;
    }
    res.json(form);
  });

  router.post('/process-definitions/:key/statistics/element-instances', (req, res) => {
    const key = keyParam(req, 'key');
    const body = parse(instanceFilterSchema, req.body);
    const params: unknown[] = [key];
    const conditions = filterConditions(processInstanceSearch as SearchSpec<unknown, unknown>, (body.filter ?? {}) as Record<string, unknown>, params);
    const instanceWhere = conditions.map((c) => `AND (${c})`).join(' ');
    const items = db()
      .prepare(
        `SELECT ei.element_id AS elementId, ${ELEMENT_STATISTICS_COLUMNS}
         FROM rm_element_instance ei
         WHERE ei.type != 'PROCESS' AND ei.process_instance_key IN (
           SELECT pi.key FROM rm_process_instance pi LEFT JOIN rm_process_definition pd ON pd.key = pi.process_definition_key
           WHERE pi.process_definition_key = ? ${instanceWhere})
         GROUP BY ei.element_id ORDER BY ei.element_id`,
      )
      .all(...params);
    res.json({ items });
  });

  router.post('/decision-definitions/search', (req, res) => search(db(), decisionDefinitionSearch, req.body, res));
  router.get('/decision-definitions/:key', (req, res) => {
    res.json(getOne(db(), decisionDefinitionSearch, 'd.key', keyParam(req, 'key'), 'Decision definition'));
  });
  router.get('/decision-definitions/:key/xml', (req, res) => {
    const key = keyParam(req, 'key');
    const row = db().prepare(`SELECT r.resource FROM rm_decision_definition d JOIN rm_decision_requirements r ON r.key = d.decision_requirements_key
      WHERE d.key = ?`).get(key) as { resource: string } | undefined;
    if (!row) throw new NotFound(`Decision definition with key '${key}' not found`);
    res.type('text/xml').send(row.resource);
  });
  router.get('/decision-requirements/:key/xml', (req, res) => {
    const key = keyParam(req, 'key');
    const row = db().prepare('SELECT resource FROM rm_decision_requirements WHERE key = ?').get(key) as { resource: string } | undefined;
    if (!row) throw new NotFound(`Decision requirements with key '${key}' not found`);
    res.type('text/xml').send(row.resource);
  });
  router.post('/decision-definitions/evaluation', async (req, res) => {
    requireDefaultTenant('Evaluate Decision', tenantOf(req.body));
    const body = parse(evaluationSchema, req.body);
    const r = await engine.evaluateDecision({
      ...(body.decisionDefinitionKey ? { decisionKey: body.decisionDefinitionKey } : { decisionId: body.decisionDefinitionId }),
      variables: body.variables,
      tenantId: body.tenantId,
    });
    res.json({
      decisionDefinitionId: r.decisionId,
      decisionDefinitionKey: r.decisionKey,
      decisionDefinitionName: r.decisionName,
      decisionDefinitionVersion: r.decisionVersion,
      decisionRequirementsId: r.decisionRequirementsId,
      decisionRequirementsKey: r.decisionRequirementsKey,
      output: r.decisionOutput,
      failedDecisionDefinitionId: r.failedDecisionId,
      failureMessage: r.evaluationFailureMessage,
      tenantId: r.tenantId,
      decisionInstanceKey: r.decisionInstanceKey,
      decisionEvaluationKey: r.decisionInstanceKey,
      evaluatedDecisions: r.evaluatedDecisions.map((d) => ({
        decisionDefinitionId: d.decisionId,
        decisionDefinitionKey: d.decisionKey,
        decisionDefinitionName: d.decisionName,
        decisionDefinitionVersion: d.decisionVersion,
        decisionDefinitionType: d.decisionType,
        output: d.decisionOutput,
        tenantId: d.tenantId,
        matchedRules: d.matchedRules,
        evaluatedInputs: d.evaluatedInputs,
      })),
    });
  });
  return router;
}
