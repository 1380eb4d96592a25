import { type EngineRecord, type UserTaskRecordValue } from '../../api';
import { type EngineState } from '../engine-state';
import { USER_TASK_STATE_BY_INTENT, type UserTaskLifecycle } from '../types';

export function applyUserTask(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as UserTaskRecordValue;
  if (record.intent === 'COMPLETED' || record.intent === 'CANCELED') {
    state.userTasks.delete(record.key);
    const instance = state.elementInstances.get(v.elementInstanceKey);
    if (instance?.userTaskKey === record.key) delete instance.userTaskKey;
    return;
  }
  // ended tasks left above, so what remains is a lifecycle state of a live task
  const next = USER_TASK_STATE_BY_INTENT[record.intent] as UserTaskLifecycle | undefined;
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
