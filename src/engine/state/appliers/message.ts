import { type EngineRecord, type MessageRecordValue } from '../../api';
import { addToIndex, type EngineState, messageIndexKey, removeFromIndex } from '../engine-state';
import { type MessageStartSubscription, type MessageSubscription } from '../types';

export function applyMessage(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as MessageRecordValue;
  if (record.intent === 'PUBLISHED' && v.timeToLive > 0) {
    state.messages.set(record.key, { key: record.key, value: v, correlatedProcesses: [] });
    addToIndex(state.messagesByCorrelation, messageIndexKey(v.tenantId, v.name, v.correlationKey), record.key);
  } else if (record.intent === 'EXPIRED') {
    if (state.messages.delete(record.key)) removeFromIndex(state.messagesByCorrelation, messageIndexKey(v.tenantId, v.name, v.correlationKey), record.key);
  }
}

/** MESSAGE_SUBSCRIPTION records carry the subscription plus, when correlated, the message key. */
export type MessageSubscriptionValue = MessageSubscription & { messageKey: string; variables: Record<string, unknown> };

export function applyMessageSubscription(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as MessageSubscriptionValue;
  switch (record.intent) {
    case 'CREATED':
      state.messageSubscriptions.set(record.key, {
        key: record.key, messageName: v.messageName, correlationKey: v.correlationKey, elementInstanceKey: v.elementInstanceKey,
        processInstanceKey: v.processInstanceKey, processDefinitionKey: v.processDefinitionKey, bpmnProcessId: v.bpmnProcessId,
        elementId: v.elementId, interrupting: v.interrupting, tenantId: v.tenantId,
      });
      addToIndex(state.subscriptionsByElement, v.elementInstanceKey, record.key);
      addToIndex(state.subscriptionsByMessage, messageIndexKey(v.tenantId, v.messageName, v.correlationKey), record.key);
      return;
    case 'CORRELATED':
      markCorrelated(state, v.messageKey, v.bpmnProcessId);
      if (v.interrupting) {
        state.messageSubscriptions.delete(record.key);
        removeFromIndex(state.subscriptionsByElement, v.elementInstanceKey, record.key);
        removeFromIndex(state.subscriptionsByMessage, messageIndexKey(v.tenantId, v.messageName, v.correlationKey), record.key);
      }
      return;
    case 'DELETED':
      state.messageSubscriptions.delete(record.key);
      removeFromIndex(state.subscriptionsByElement, v.elementInstanceKey, record.key);
      removeFromIndex(state.subscriptionsByMessage, messageIndexKey(v.tenantId, v.messageName, v.correlationKey), record.key);
      return;
  }
}

export type MessageStartValue = MessageStartSubscription & {
  messageKey: string;
  correlationKey: string;
  processInstanceKey: string;
};

export function applyMessageStartSubscription(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as MessageStartValue;
  const id = `${v.processDefinitionKey}/${v.startEventId}`;
  switch (record.intent) {
    case 'CREATED':
      state.messageStartSubscriptions.set(id, {
        processDefinitionKey: v.processDefinitionKey, bpmnProcessId: v.bpmnProcessId, startEventId: v.startEventId,
        messageName: v.messageName, tenantId: v.tenantId,
      });
      return;
    case 'DELETED':
      state.messageStartSubscriptions.delete(id);
      return;
    case 'CORRELATED':
      markCorrelated(state, v.messageKey, v.bpmnProcessId);
      if (v.correlationKey !== '') state.messageStartedInstances.set(`${v.bpmnProcessId}/${v.correlationKey}`, v.processInstanceKey);
      return;
  }
}

function markCorrelated(state: EngineState, messageKey: string, bpmnProcessId: string): void {
  const message = state.messages.get(messageKey);
  if (message && !message.correlatedProcesses.includes(bpmnProcessId)) message.correlatedProcesses.push(bpmnProcessId);
}
