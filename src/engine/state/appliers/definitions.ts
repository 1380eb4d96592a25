import { type EngineRecord, type FormRecordValue, type ProcessRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

export function applyProcess(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as ProcessRecordValue;
  if (record.intent === 'DELETED') {
    state.processes.delete(v.processDefinitionKey);
    removeVersion(state.processVersions, `${v.tenantId}/${v.bpmnProcessId}`, v.processDefinitionKey);
    return;
  }
  if (record.intent !== 'CREATED') return;
  state.processes.set(v.processDefinitionKey, {
    key: v.processDefinitionKey, bpmnProcessId: v.bpmnProcessId, version: v.version, versionTag: v.versionTag,
    resourceName: v.resourceName, checksum: v.checksum, resource: v.resource, name: v.name,
    deploymentKey: v.deploymentKey, tenantId: v.tenantId,
  });
  const id = `${v.tenantId}/${v.bpmnProcessId}`;
  state.processVersions.set(id, [...(state.processVersions.get(id) ?? []), v.processDefinitionKey]);
  state.highestVersions.set(`process:${id}`, Math.max(state.highestVersions.get(`process:${id}`) ?? 0, v.version));
}

export function applyForm(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as FormRecordValue;
  if (record.intent === 'DELETED') {
    state.forms.delete(v.formKey);
    removeVersion(state.formVersions, `${v.tenantId}/${v.formId}`, v.formKey);
    return;
  }
  if (record.intent !== 'CREATED') return;
  state.forms.set(v.formKey, {
    key: v.formKey, formId: v.formId, version: v.version, versionTag: v.versionTag, resourceName: v.resourceName,
    checksum: v.checksum, resource: v.resource, deploymentKey: v.deploymentKey, tenantId: v.tenantId,
  });
  const id = `${v.tenantId}/${v.formId}`;
  state.formVersions.set(id, [...(state.formVersions.get(id) ?? []), v.formKey]);
  state.highestVersions.set(`form:${id}`, Math.max(state.highestVersions.get(`form:${id}`) ?? 0, v.version));
}

function removeVersion(versions: Map<string, string[]>, id: string, key: string): void {
  const remaining = (versions.get(id) ?? []).filter((k) => k !== key);
  if (remaining.length > 0) versions.set(id, remaining);
  else versions.delete(id);
}
