import { type EngineRecord } from '../../api';
import { addToIndex, type EngineState, removeFromIndex } from '../engine-state';
import { type SignalSubscription } from '../signals';

export function applySignalSubscription(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as SignalSubscription;
  if (record.intent === 'CREATED') {
    state.signals.subscriptions.set(record.key, { ...v });
    addToIndex(state.signals.byElement, v.catchEventInstanceKey, record.key);
  } else if (record.intent === 'DELETED') {
    state.signals.subscriptions.delete(record.key);
    removeFromIndex(state.signals.byElement, v.catchEventInstanceKey, record.key);
  }
}
