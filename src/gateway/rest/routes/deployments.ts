import { Router } from 'express';
import multer from 'multer';
import type { DeploymentResult, Engine } from '../../../engine/api';
import { InvalidRequest } from '../../shared/errors';
import { boundedMemoryStorage, declaredLengthWithin } from '../bounded-upload';
import { int64, keyParam, parse } from '../http';
import { z } from 'zod';
import type { GatewayLimits } from '../../shared/limits';
import { requireDefaultTenant } from '../../shared/tenancy';

export function toRestDeployment(r: DeploymentResult): Record<string, unknown> {
  return {
    deploymentKey: r.deploymentKey,
    tenantId: r.tenantId,
    deployments: [
      ...r.processes.map((p) => ({
        processDefinition: {
          processDefinitionId: p.bpmnProcessId,
          processDefinitionVersion: p.version,
          resourceName: p.resourceName,
          tenantId: p.tenantId,
          processDefinitionKey: p.processDefinitionKey,
        },
      })),
      ...r.decisions.map((d) => ({
        decisionDefinition: {
          decisionDefinitionId: d.decisionId,
          version: d.version,
          name: d.decisionName,
          tenantId: d.tenantId,
          decisionRequirementsId: d.decisionRequirementsId,
          decisionDefinitionKey: d.decisionKey,
          decisionRequirementsKey: d.decisionRequirementsKey,
        },
      })),
      ...r.decisionRequirements.map((d) => ({
        decisionRequirements: {
          decisionRequirementsId: d.decisionRequirementsId,
          version: d.version,
          decisionRequirementsName: d.decisionRequirementsName,
          tenantId: d.tenantId,
          resourceName: d.resourceName,
          decisionRequirementsKey: d.decisionRequirementsKey,
        },
      })),
      ...r.forms.map((f) => ({ form: { formId: f.formId, version: f.version, resourceName: f.resourceName, tenantId: f.tenantId, formKey: f.formKey } })),
    ],
  };
}

export function deploymentRoutes(engine: Engine, limits: GatewayLimits): Router {
  const router = Router();
  const upload = multer({
    storage: boundedMemoryStorage(limits.maxDeploymentBytes),
    limits: { fileSize: limits.maxDeploymentFileBytes, files: limits.maxDeploymentFiles, fields: 10 },
  });
  router.post('/deployments', declaredLengthWithin(limits.maxDeploymentBytes), upload.array('resources'), async (req, res) => {
    if (!req.is('multipart/form-data')) throw new InvalidRequest('Expected a multipart/form-data request with one or more resources parts');
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) throw new InvalidRequest('Expected to deploy at least one resource, but none given');
    const tenantId = typeof req.body?.tenantId === 'string' && req.body.tenantId !== '' ? (req.body.tenantId as string) : undefined;
    requireDefaultTenant('Deploy Resources', tenantId);
    // Multer decodes names as latin1; clients send UTF-8.
    const resources = files.map((f) => ({ name: Buffer.from(f.originalname, 'latin1').toString('utf8'), content: f.buffer }));
    res.json(toRestDeployment(await engine.deploy(resources, tenantId)));
  });
  // a process definition, a decision requirements graph (with its decisions) or a form; 200 without a body
  router.post('/resources/:key/deletion', async (req, res) => {
    const key = keyParam(req, 'key');
    parse(z.strictObject({ operationReference: int64(1).optional() }), req.body);
    await engine.deleteResource(key);
    res.status(200).end();
  });
  return router;
}
