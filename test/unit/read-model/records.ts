import type { EngineRecord, JsonObject, ValueType } from '../../../src/engine/api';

let position = 0;

/** A synthetic EVENT record, as the engine would hand it to a projection. */
export function event(valueType: ValueType, intent: string, key: string, value: JsonObject, timestamp = 1_700_000_000_000): EngineRecord {
  position += 1;
  return { position, key, timestamp, recordType: 'EVENT', valueType, intent, recordVersion: 1, value };
}

export const processInstance = (intent: string, key: string, extra: JsonObject = {}, timestamp?: number) =>
  event(
    'PROCESS_INSTANCE',
    intent,
    key,
    {
      bpmnProcessId: 'inspection',
      version: 1,
      processDefinitionKey: '100',
      processInstanceKey: key,
      elementId: 'inspection',
      flowScopeKey: '-1',
      bpmnElementType: 'PROCESS',
      bpmnEventType: 'UNSPECIFIED',
      parentProcessInstanceKey: '-1',
      parentElementInstanceKey: '-1',
      tenantId: '<default>',
      ...extra,
    },
    timestamp,
  );

export const userTask = (intent: string, key: string, extra: JsonObject = {}) =>
  event('USER_TASK', intent, key, {
    userTaskKey: key,
    assignee: '',
    candidateGroupsList: [],
    candidateUsersList: [],
    dueDate: '',
    followUpDate: '',
    formKey: '-1',
    externalFormReference: '',
    customHeaders: {},
    priority: 50,
    variables: {},
    changedAttributes: [],
    action: '',
    elementId: 'review',
    elementInstanceKey: '900',
    bpmnProcessId: 'inspection',
    processDefinitionVersion: 1,
    processDefinitionKey: '100',
    processInstanceKey: '1',
    elementName: '审核',
    creationTimestamp: 1_700_000_000_000,
    tenantId: '<default>',
    ...extra,
  });

export const variable = (key: string, name: string, value: unknown, scopeKey: string, processInstanceKey = scopeKey) =>
  event('VARIABLE', 'CREATED', key, {
    name,
    value: JSON.stringify(value),
    scopeKey,
    processInstanceKey,
    processDefinitionKey: '100',
    bpmnProcessId: 'inspection',
    tenantId: '<default>',
  });
