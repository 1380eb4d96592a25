import { InvalidRequest } from '../shared/errors';
import type { GrpcContext, UnaryHandler } from './context';
import { optionalKey, parseDocument } from './json';
import { toGrpcDecisionEvaluation, toGrpcDeployment } from './translate';

interface Resource {
  name: string;
  content: Buffer;
}

function requireResources(resources: Resource[] | undefined): Resource[] {
  if (!resources || resources.length === 0) {
    throw new InvalidRequest('Expected to deploy at least one resource, but none given');
  }
  return resources.map((r) => ({ name: r.name, content: Buffer.from(r.content ?? []) }));
}

export function resourceHandlers(ctx: GrpcContext): Record<string, UnaryHandler> {
  const { engine } = ctx;
  return {
    DeployResource: (async (req: { resources: Resource[]; tenantId: string }) =>
      toGrpcDeployment(await engine.deploy(requireResources(req.resources), req.tenantId || undefined))) as UnaryHandler,
    // Deprecated, but `zbctl deploy <file>` still sends it.
    DeployProcess: (async (req: { processes: { name: string; definition: Buffer }[] }) => {
      const result = await engine.deploy(requireResources((req.processes ?? []).map((p) => ({ name: p.name, content: p.definition }))));
      return { key: result.deploymentKey, processes: result.processes };
    }) as UnaryHandler,
    DeleteResource: (async (req: { resourceKey: string }) => {
      const key = optionalKey(req.resourceKey);
      if (!key) throw new InvalidRequest(`Expected a resource key, but got '${req.resourceKey}'`);
      await engine.deleteResource(key);
      return {};
    }) as UnaryHandler,
    EvaluateDecision: (async (req: { decisionKey: string; decisionId: string; variables: string; tenantId: string }) => {
      const decisionKey = optionalKey(req.decisionKey);
      if (!decisionKey && !req.decisionId) throw new InvalidRequest('Expected either a decisionKey or a decisionId, but none was given');
      const result = await engine.evaluateDecision({
        ...(decisionKey ? { decisionKey } : { decisionId: req.decisionId }),
        variables: parseDocument(req.variables),
        tenantId: req.tenantId || undefined,
      });
      return toGrpcDecisionEvaluation(result);
    }) as UnaryHandler,
  };
}
