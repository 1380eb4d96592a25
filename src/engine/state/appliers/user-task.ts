import { type EngineRecord, type UserTaskRecordValue } from '../../api';
import { type EngineState } from '../engine-state';
import { type UserTaskLifecycle } from '../types';

const TRANSITIONS: Record<string, UserTaskLifecycle> = {
  CREATING: 'CREATING',
  CREATED: 'CREATED',
  ASSIGNING: 'ASSIGNING',
  CLAIMING: 'ASSIGNING',
  ASSIGNED: 'CREATED',
  UPDATING: 'UPDATING',
  UPDATED: 'CREATED',
  COMPLETING: 'COMPLETING',
  CANCELING: 'CANCELING',
};

export function applyUserTask(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as UserTaskRecordValue;
  if (record.intent === 'COMPLETED' || record.intent === 'CANCELED') {
    state.userTasks.delete(record.key);
    const instance = state.elementInstances.get(v.elementInstanceKey);
    if (instance?.userTaskKey === record.key) delete instance.userTaskKey;
    return;
  }
  const next = TRANSITIONS[record.intent];
  if (!next) return;
  if (record.intent === 'CREATING') {
    const instance = state.elementInstances.get(v.elementInstanceKey);
    if (instance) instance.userTaskKey = record.key;
  }
  // the *ED records carry the task as it is now; the *ING ones announce the change
  const task = state.userTasks.get(record.key);
  const settled = record.intent === 'CREATING' || record.intent.endsWith('ED');
  state.userTasks.set(record.key, {
    key: record.key,
    state: next,
    value: settled || !task ? { ...v, variables: {} } : task.value,
  });
}
