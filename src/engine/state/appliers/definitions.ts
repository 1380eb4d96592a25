import { type EngineRecord, type FormRecordValue, type ProcessRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

export function applyProcess(state: EngineState, record: EngineRecord): void {
  if (record.intent !== 'CREATED') return;
  const v = record.value as unknown as ProcessRecordValue;
  state.processes.set(v.processDefinitionKey, {
    key: v.processDefinitionKey, bpmnProcessId: v.bpmnProcessId, version: v.version, versionTag: v.versionTag,
    resourceName: v.resourceName, checksum: v.checksum, resource: v.resource, name: v.name,
    deploymentKey: v.deploymentKey, tenantId: v.tenantId,
  });
  const id = `${v.tenantId}/${v.bpmnProcessId}`;
  state.processVersions.set(id, [...(state.processVersions.get(id) ?? []), v.processDefinitionKey]);
}

export function applyForm(state: EngineState, record: EngineRecord): void {
  if (record.intent !== 'CREATED') return;
  const v = record.value as unknown as FormRecordValue;
  state.forms.set(v.formKey, {
    key: v.formKey, formId: v.formId, version: v.version, versionTag: v.versionTag, resourceName: v.resourceName,
    checksum: v.checksum, resource: v.resource, deploymentKey: v.deploymentKey, tenantId: v.tenantId,
  });
  const id = `${v.tenantId}/${v.formId}`;
  state.formVersions.set(id, [...(state.formVersions.get(id) ?? []), v.formKey]);
}
