import { type Response, Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../engine/api';
import { found, keyParam, keySchema, NotFound, parse, searched, variablesSchema } from '../http';
import { requireDefaultTenant, tenantOf } from '../../shared/tenancy';

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
  const reads = () => engine.readModel();
  const xml = (res: Response, text: string | undefined, what: string, key: string) => {
    if (text === undefined) throw new NotFound(`${what} with key '${key}' not found`);
    res.type('text/xml').send(text);
  };

  router.post('/process-definitions/search', (req, res) => {
    res.json(searched(() => reads().searchProcessDefinitions(req.body)));
  });
  router.get('/process-definitions/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getProcessDefinition(key), 'Process definition', key));
  });
  router.get('/process-definitions/:key/xml', (req, res) => {
    const key = keyParam(req, 'key');
    xml(res, reads().processDefinitionXml(key), 'Process definition', key);
  });
  router.get('/process-definitions/:key/form', (req, res) => {
    const key = keyParam(req, 'key');
    const { found: exists, form } = reads().processDefinitionStartForm(key);
    if (!exists) throw new NotFound(`Process definition with key '${key}' not found`);
    if (!form) {
      res.status(204).end();
      return;
    }
    res.json(form);
  });

  router.post('/process-definitions/:key/statistics/element-instances', (req, res) => {
    const key = keyParam(req, 'key');
    res.json({ items: searched(() => reads().processDefinitionElementStatistics(key, req.body)) });
  });

  router.post('/decision-definitions/search', (req, res) => {
    res.json(searched(() => reads().searchDecisionDefinitions(req.body)));
  });
  router.get('/decision-definitions/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getDecisionDefinition(key), 'Decision definition', key));
  });
  router.get('/decision-definitions/:key/xml', (req, res) => {
    const key = keyParam(req, 'key');
    xml(res, reads().decisionDefinitionXml(key), 'Decision definition', key);
  });
  router.get('/decision-requirements/:key/xml', (req, res) => {
    const key = keyParam(req, 'key');
    xml(res, reads().decisionRequirementsXml(key), 'Decision requirements', key);
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
