import {
  type EngineRecord, type IncidentRecordValue, type JobRecordValue, type ProcessInstanceRecordValue, type TimerRecordValue, type UserTaskRecordValue,
} from '../../api';
import { type EngineState } from '../engine-state';
import { type SignalSubscription } from '../signals';
import { type MessageSubscriptionValue } from './message';

/**
 * ELEMENT_MIGRATED / MIGRATED: an element instance and what hangs on it (job, user task, incident, timer, message
 * and signal subscriptions) now belong to the target process definition; keys, state and variables stay.
 */
export function applyMigrated(state: EngineState, record: EngineRecord): void {
  switch (record.valueType) {
    case 'PROCESS_INSTANCE': {
      const v = record.value as unknown as ProcessInstanceRecordValue;
      const inst = state.elementInstances.get(record.key);
      if (!inst) return;
      inst.processDefinitionKey = v.processDefinitionKey;
      inst.bpmnProcessId = v.bpmnProcessId;
      inst.version = v.version;
      inst.elementId = v.elementId;
      return;
    }
    case 'JOB': {
      const job = state.jobs.get(record.key);
      if (job) job.value = { ...(record.value as unknown as JobRecordValue), variables: {} };
      return;
    }
    case 'USER_TASK': {
      const task = state.userTasks.get(record.key);
      if (task) task.value = { ...(record.value as unknown as UserTaskRecordValue), variables: {} };
      return;
    }
    case 'MESSAGE_SUBSCRIPTION': {
      const v = record.value as unknown as MessageSubscriptionValue;
      const subscription = state.messageSubscriptions.get(record.key);
      if (subscription) {
        state.messageSubscriptions.set(record.key, {
          ...subscription, processDefinitionKey: v.processDefinitionKey, bpmnProcessId: v.bpmnProcessId, elementId: v.elementId, interrupting: v.interrupting,
        });
      }
      return;
    }
    case 'TIMER': {
      const timer = state.timers.get(record.key);
      if (timer) state.timers.set(record.key, { ...timer, value: record.value as unknown as TimerRecordValue });
      return;
    }
    case 'SIGNAL_SUBSCRIPTION': {
      // the owning element instance stays: the index by element is unchanged
      if (state.signals.subscriptions.has(record.key)) state.signals.subscriptions.set(record.key, { ...(record.value as unknown as SignalSubscription) });
      return;
    }
    case 'INCIDENT': {
      const incident = state.incidents.get(record.key);
      if (incident) incident.value = record.value as unknown as IncidentRecordValue;
      return;
    }
    default:
      return;
  }
}
