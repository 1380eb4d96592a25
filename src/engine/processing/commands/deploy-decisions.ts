import { type DecisionRecordValue, type DecisionRequirementsRecordValue, type DeploymentResult } from '../../api';
import { putDecisionGraph } from '../../dmn/drg-cache';
import { type ProcessingContext } from '../context';
import { type PreparedDmn } from './prepare-dmn';

/**
 * Deploys one DMN resource (A12): a new version of its decision requirements graph and of each of its decisions,
 * unless the latest version of the graph has the same resource name and content (a duplicate: the existing
 * versions and keys are returned and nothing is written).
 */
export function deployDecisions(ctx: ProcessingContext, resource: PreparedDmn, deploymentKey: string, tenantId: string, result: DeploymentResult): void {
  const { drg } = resource;
  // parsed on the deployment thread: evaluation finds the graph in this thread's cache
  putDecisionGraph(resource.checksum, drg);
  const latest = ctx.state.decisions.latestRequirements(drg.id, tenantId);
  if (latest && latest.checksum === resource.checksum && latest.resourceName === resource.name) {
    result.decisionRequirements.push({
      decisionRequirementsId: drg.id, decisionRequirementsName: latest.name, version: latest.version,
      decisionRequirementsKey: latest.key, resourceName: resource.name, tenantId,
    });
    for (const decision of drg.decisions) {
      const existing = ctx.state.decisions.latestDecision(decision.id, tenantId);
      if (!existing) continue;
      result.decisions.push({
        decisionId: decision.id, decisionName: existing.decisionName, version: existing.version, decisionKey: existing.key,
        decisionRequirementsId: drg.id, decisionRequirementsKey: latest.key, tenantId,
      });
    }
    return;
  }
  const requirements: DecisionRequirementsRecordValue = {
    decisionRequirementsId: drg.id, decisionRequirementsName: drg.name, decisionRequirementsVersion: (latest?.version ?? 0) + 1,
    decisionRequirementsKey: ctx.keys.nextKey(), namespace: drg.namespace, resourceName: resource.name,
    checksum: resource.checksum, resource: resource.content, duplicate: false, deploymentKey, tenantId,
  };
  ctx.event('DECISION_REQUIREMENTS', 'CREATED', requirements.decisionRequirementsKey, requirements);
  result.decisionRequirements.push({
    decisionRequirementsId: drg.id, decisionRequirementsName: drg.name, version: requirements.decisionRequirementsVersion,
    decisionRequirementsKey: requirements.decisionRequirementsKey, resourceName: resource.name, tenantId,
  });
  for (const decision of drg.decisions) {
    const previous = ctx.state.decisions.latestDecision(decision.id, tenantId);
    const value: DecisionRecordValue = {
      decisionId: decision.id, decisionName: decision.name, version: (previous?.version ?? 0) + 1, versionTag: decision.versionTag,
      decisionKey: ctx.keys.nextKey(), decisionRequirementsId: drg.id,
      decisionRequirementsKey: requirements.decisionRequirementsKey, duplicate: false, deploymentKey, tenantId,
    };
    ctx.event('DECISION', 'CREATED', value.decisionKey, value);
    result.decisions.push({
      decisionId: value.decisionId, decisionName: value.decisionName, version: value.version, decisionKey: value.decisionKey,
      decisionRequirementsId: drg.id, decisionRequirementsKey: value.decisionRequirementsKey, tenantId,
    });
  }
}
