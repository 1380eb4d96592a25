import { type DecisionRecordValue, type DecisionRequirementsRecordValue, type EngineRecord } from '../../api';
import { type EngineState } from '../engine-state';

function addVersion(index: Map<string, string[]>, id: string, key: string): void {
  index.set(id, [...(index.get(id) ?? []), key]);
}

function removeVersion(index: Map<string, string[]>, id: string, key: string): void {
  const keys = (index.get(id) ?? []).filter((k) => k !== key);
  if (keys.length > 0) index.set(id, keys);
  else index.delete(id);
}

export function applyDecision(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as DecisionRecordValue;
  const id = `${v.tenantId}/${v.decisionId}`;
  if (record.intent === 'DELETED') {
    state.decisions.decisions.delete(v.decisionKey);
    removeVersion(state.decisions.decisionVersions, id, v.decisionKey);
    return;
  }
  if (record.intent !== 'CREATED') return;
  state.decisions.decisions.set(v.decisionKey, {
    key: v.decisionKey, decisionId: v.decisionId, decisionName: v.decisionName, version: v.version, versionTag: v.versionTag,
    decisionRequirementsId: v.decisionRequirementsId, decisionRequirementsKey: v.decisionRequirementsKey,
    deploymentKey: v.deploymentKey, tenantId: v.tenantId,
  });
  addVersion(state.decisions.decisionVersions, id, v.decisionKey);
}

export function applyDecisionRequirements(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as DecisionRequirementsRecordValue;
  const id = `${v.tenantId}/${v.decisionRequirementsId}`;
  if (record.intent === 'DELETED') {
    state.decisions.requirements.delete(v.decisionRequirementsKey);
    removeVersion(state.decisions.requirementsVersions, id, v.decisionRequirementsKey);
    return;
  }
  if (record.intent !== 'CREATED') return;
  state.decisions.requirements.set(v.decisionRequirementsKey, {
    key: v.decisionRequirementsKey, decisionRequirementsId: v.decisionRequirementsId, name: v.decisionRequirementsName,
    version: v.decisionRequirementsVersion, resourceName: v.resourceName, checksum: v.checksum,
    deploymentKey: v.deploymentKey, tenantId: v.tenantId,
  });
  addVersion(state.decisions.requirementsVersions, id, v.decisionRequirementsKey);
}
