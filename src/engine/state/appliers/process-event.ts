import { type EngineRecord, type ProcessEventRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

/** Keeps a trigger's variables on the element instance it activated until its start event takes them. */
export function applyProcessEvent(state: EngineState, record: EngineRecord): void {
  const instance = state.elementInstances.get(record.key);
  if (!instance) return;
  if (record.intent === 'TRIGGERING') instance.triggerVariables = (record.value as unknown as ProcessEventRecordValue).variables;
  else if (record.intent === 'TRIGGERED') delete instance.triggerVariables;
}
