import { type EngineRecord, type TimerRecordValue } from '../../api';
import { addToIndex, type EngineState, removeFromIndex } from '../engine-state';

export function applyTimer(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as TimerRecordValue;
  if (record.intent === 'CREATED') {
    state.timers.set(record.key, { key: record.key, value: v });
    addToIndex(state.timersByElement, v.elementInstanceKey, record.key);
  } else if (record.intent === 'TRIGGERED' || record.intent === 'CANCELED') {
    state.timers.delete(record.key);
    removeFromIndex(state.timersByElement, v.elementInstanceKey, record.key);
  }
}
