import { type Key } from '../../api';
import { type ProcessingContext } from '../context';

/**
 * DeleteResource for a DMN resource (its decision requirements key): its decisions and the decision requirements
 * graph are deleted; the previous versions become the latest again.
 */
export function deleteDecisionRequirements(ctx: ProcessingContext, decisionRequirementsKey: Key): void {
  const requirements = ctx.state.decisions.requirements.get(decisionRequirementsKey);
  if (!requirements) return;
  for (const decision of [...ctx.state.decisions.decisions.values()]) {
    if (decision.decisionRequirementsKey !== decisionRequirementsKey) continue;
    ctx.event('DECISION', 'DELETED', decision.key, {
      decisionId: decision.decisionId, decisionName: decision.decisionName, version: decision.version, versionTag: decision.versionTag,
      decisionKey: decision.key, decisionRequirementsId: decision.decisionRequirementsId, decisionRequirementsKey,
      duplicate: false, deploymentKey: decision.deploymentKey, tenantId: decision.tenantId,
    });
  }
  ctx.event('DECISION_REQUIREMENTS', 'DELETED', decisionRequirementsKey, {
    decisionRequirementsId: requirements.decisionRequirementsId, decisionRequirementsName: requirements.name,
    decisionRequirementsVersion: requirements.version, decisionRequirementsKey, namespace: '', resourceName: requirements.resourceName,
    checksum: requirements.checksum, resource: '', duplicate: false, deploymentKey: requirements.deploymentKey, tenantId: requirements.tenantId,
  });
  ctx.event('RESOURCE_DELETION', 'DELETED', decisionRequirementsKey, { resourceKey: decisionRequirementsKey, tenantId: requirements.tenantId });
}
